import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { memberSignOutAction, requestLinkAction } from '@/app/(access)/access/actions';
import { ActionForm } from '@/components/admin/action-form';
import { Button, Field, TextInput } from '@/components/ui/fields';
import { formTexts } from '@/app/(access)/access/form-texts';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('access'))('signIn.title'), robots: { index: false } };
}

export default async function MemberSignInPage({ searchParams }: PageProps<'/access/sign-in'>) {
  const [viewer, q, t] = await Promise.all([currentMemberViewer(), searchParams, getTranslations('access')]);
  if (viewer) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('signIn.signedInTitle')}</h1>
        <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
          {t('signIn.signedInAs', { email: viewer.email, audiences: viewer.audiences.map((a) => a.name).join(', ') })}
        </p>
        <form action={memberSignOutAction} className="mt-6">
          <Button type="submit" variant="secondary">
            {t('signIn.signOut')}
          </Button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('signIn.title')}</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">{t('signIn.intro')}</p>
      {q.signedOut === '1' && <p className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">{t('signIn.signedOut')}</p>}
      <ActionForm action={requestLinkAction} submitLabel={t('signIn.submit')} pendingLabel={t('signIn.pending')} texts={formTexts(t)} className="mt-6 space-y-4">
        <Field label={t('signIn.email')} htmlFor="member-email" name="email">
          <TextInput id="member-email" name="email" type="email" autoComplete="email" required maxLength={254} />
        </Field>
      </ActionForm>
    </>
  );
}
