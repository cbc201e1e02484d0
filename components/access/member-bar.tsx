import Link from 'next/link';
import type { MemberViewer } from '@/lib/services/get-member-viewer';
import { SUPPORT_LEVEL_LABELS } from '@/lib/domain/support-levels';
import { memberSignOutAction } from '@/app/(access)/access/actions';

/** The strip on a member's pages: who is signed in, for which audiences, and a way out. */
export function MemberBar({ viewer }: { viewer: MemberViewer }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-violet-200 bg-violet-50 px-4 py-2 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950/60 dark:text-violet-100" data-member={viewer.email}>
      <p className="min-w-0">
        Signed in as <strong className="break-all">{viewer.email}</strong> ·{' '}
        {viewer.audiences.map((a) => `${a.name} (${SUPPORT_LEVEL_LABELS[a.supportLevel]})`).join(', ')}
      </p>
      <div className="flex items-center gap-4">
        <Link prefetch={false} href="/access/channels" className="inline-flex min-h-6 items-center font-medium underline underline-offset-2">
          Your feeds and API
        </Link>
        <form action={memberSignOutAction}>
          <button type="submit" className="min-h-6 font-medium underline underline-offset-2">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
