import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { verifyLinkAction } from '@/app/(access)/access/actions';
import { formTexts } from '@/app/(access)/access/form-texts';
import { ActionForm } from '@/components/admin/action-form';
import { requestPath } from '@/lib/i18n/page-prefix';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('access'))('verify.title'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function VerifyMemberLinkPage({ searchParams }: PageProps<'/access/verify'>) {
  const [q, t, signIn] = await Promise.all([searchParams, getTranslations('access'), requestPath('/access/sign-in')]);
  const token = typeof q.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(q.token) ? q.token : undefined;
  const link = (chunks: React.ReactNode) => (
    <Link href={signIn} className="underline">
      {chunks}
    </Link>
  );
  if (!token) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('verify.brokenTitle')}</h1>
        <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">{t.rich('verify.brokenText', { link })}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('verify.title')}</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">{t('verify.intro')}</p>
      <ActionForm action={verifyLinkAction} submitLabel={t('verify.submit')} pendingLabel={t('verify.pending')} texts={formTexts(t)} className="mt-6 space-y-4">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
      <p className="mt-6 text-sm text-neutral-600 dark:text-neutral-400">{t.rich('verify.expired', { link })}</p>
    </>
  );
}
