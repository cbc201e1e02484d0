import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { requireOperator, SESSION_COOKIE } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listSessions } from '@/lib/services/list-sessions';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { removeOwnSecondFactorAction, signOutEverywhereAction } from '@/app/admin/actions/account';
import { ActionForm } from '@/components/admin/action-form';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Your account' };

/** A user agent as a person reads it: the browser and the system, not the whole string. */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : 'Browser';
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : '';
  return system ? `${browser} on ${system}` : browser;
}

export default async function AccountPage({ searchParams }: PageProps<'/admin/account'>) {
  const operator = await requireOperator('responder', { enrolling: true });
  const q = await searchParams;
  const ctx = await requestContext();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const [sessions, settings, codesLeft] = await Promise.all([
    listSessions({ ctx, operatorId: operator.id, currentToken: token }),
    getPageSettings(ctx.db),
    ctx.db.selectFrom('recovery_codes').select('id').where('operator_id', '=', operator.id).where('used_at', 'is', null).execute(),
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          {operator.name} · {operator.email} · {operator.role}
        </p>
      </div>
      {q.recovery === 'used' && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          You signed in with a recovery code; {codesLeft.length} {codesLeft.length === 1 ? 'is' : 'are'} left. If your phone is lost, set up two-factor again to get new ones.
        </p>
      )}
      <section aria-labelledby="two-factor" className="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="two-factor" className="text-lg font-semibold">Two-factor sign-in</h2>
        {operator.totp_enabled_at ? (
          <>
            <p className="text-sm">
              <strong className="text-green-800 dark:text-green-300">On</strong> since <LocalTime iso={operator.totp_enabled_at} timeZone={settings.time_zone} />. Signing in asks for a code from your
              authenticator app. {codesLeft.length} recovery {codesLeft.length === 1 ? 'code' : 'codes'} left.
            </p>
            <div className="flex flex-wrap gap-3">
              <Link href="/admin/account/two-factor" className="rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium dark:border-neutral-700">
                Move to a new phone (new codes)
              </Link>
              {!settings.require_two_factor && (
                <ActionForm action={removeOwnSecondFactorAction} submitLabel="Turn off two-factor" variant="danger" confirm="Turn off two-factor sign-in? A stolen password would then be enough to sign in." className="">
                  <input type="hidden" name="confirm" value="turn-off" />
                </ActionForm>
              )}
            </div>
          </>
        ) : (
          <>
            <p className="text-sm">
              <strong className="text-amber-800 dark:text-amber-300">Off.</strong> {settings.require_two_factor ? 'This console requires it: set it up to continue.' : 'A code from an authenticator app keeps a stolen password from being enough.'}
            </p>
            <Link href="/admin/account/two-factor" className="inline-block rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white dark:bg-neutral-100 dark:text-neutral-900">
              Set up two-factor sign-in
            </Link>
          </>
        )}
      </section>
      <section aria-labelledby="sessions" className="space-y-3">
        <h2 id="sessions" className="text-lg font-semibold">Where you are signed in</h2>
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {sessions.map((s, i) => (
            <li key={i} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm" data-session>
              <span className="font-medium">
                {deviceName(s.user_agent)}
                {s.current && <span className="ms-2 rounded bg-neutral-200 px-1.5 py-0.5 text-xs dark:bg-neutral-800">this browser</span>}
              </span>
              <span className="text-neutral-600 dark:text-neutral-400">
                {s.ip ?? 'unknown address'} · signed in <LocalTime iso={s.created_at} timeZone={settings.time_zone} /> · last active <LocalTime iso={s.last_seen_at} timeZone={settings.time_zone} />
              </span>
            </li>
          ))}
        </ul>
        <ActionForm action={signOutEverywhereAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…" variant="secondary" className="">
          <input type="hidden" name="scope" value="everywhere" />
        </ActionForm>
        <p className="text-xs text-neutral-600 dark:text-neutral-400">Ends every session above, this one included. Lost a laptop? Do this, then ask an admin for a password reset.</p>
      </section>
    </div>
  );
}
