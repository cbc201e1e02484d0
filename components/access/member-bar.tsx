import { useTranslations } from 'next-intl';
import type { MemberViewer } from '@/lib/services/get-member-viewer';
import { memberSignOutAction } from '@/app/(access)/access/actions';
import { LocalLink } from '@/components/i18n/locale-prefix';

/** The strip on a member's pages: who is signed in, for which audiences, and a way out, in the page's language. */
export function MemberBar({ viewer }: { viewer: MemberViewer }) {
  const t = useTranslations('access');
  const audiences = viewer.audiences.map((a) => t('bar.audience', { name: a.name, level: t(`supportLevel.${a.supportLevel}`) })).join(', ');
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-violet-200 bg-violet-50 px-4 py-2 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950/60 dark:text-violet-100" data-member={viewer.email}>
      <p className="min-w-0">
        {t.rich('bar.signedInAs', { email: viewer.email, audiences, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
      </p>
      <div className="flex items-center gap-4">
        <LocalLink prefetch={false} href="/access/channels" className="inline-flex min-h-6 items-center font-medium underline underline-offset-2">
          {t('bar.channels')}
        </LocalLink>
        {/* Posted to this page's URL, so the action signs out in its language (proxy.ts). */}
        <form action={memberSignOutAction}>
          <button type="submit" className="min-h-6 font-medium underline underline-offset-2">
            {t('bar.signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
