import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { operatorActor, requireOperator, mustEnrolSecondFactor } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { getTotpEnrolment } from '@/lib/services/enrol-second-factor';
import { confirmTotpAction, startTotpAction } from '@/app/admin/actions/account';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Set up two-factor sign-in' };

/** The secret in groups of four, as authenticator apps show it for typing. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

export default async function TwoFactorPage() {
  const operator = await requireOperator('responder', { enrolling: true });
  const required = await mustEnrolSecondFactor(operator);
  const enrolment = await getTotpEnrolment({ ctx: await requestContext(operatorActor(operator)), operatorId: operator.id });
  if (!enrolment) {
    return (
      <div className="max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">Set up two-factor sign-in</h1>
        {required && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            This console requires a second factor for every operator. Set yours up to continue.
          </p>
        )}
        <p className="text-sm">
          {operator.totp_enabled_at
            ? 'You already use an authenticator app. Setting up a new one replaces it and your recovery codes once you confirm it.'
            : 'You need an authenticator app on your phone (Google Authenticator, 1Password, Authy, FreeOTP…). After this, signing in asks for its 6-digit code.'}
        </p>
        <ActionForm action={startTotpAction} submitLabel="Show the QR code" pendingLabel="Preparing…" className="">
          <input type="hidden" name="step" value="start" />
        </ActionForm>
      </div>
    );
  }
  const { secret, uri } = enrolment;
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Set up two-factor sign-in</h1>
      {required && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          This console requires a second factor for every operator. Set yours up to continue.
        </p>
      )}
      {operator.totp_enabled_at && <p className="text-sm">You already use an authenticator app. Confirming a new one replaces it and your recovery codes.</p>}
      <ol className="list-decimal space-y-6 ps-5 text-sm">
        <li className="space-y-3">
          <p>Scan this code with an authenticator app (Google Authenticator, 1Password, Authy, FreeOTP…).</p>
          <div
            role="img"
            aria-label="QR code for your authenticator app"
            className="h-48 w-48 rounded-md border border-neutral-200 bg-white p-2 dark:border-neutral-700"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p>
            Cannot scan? Enter this key by hand: <code data-testid="totp-secret" data-secret={secret} className="rounded bg-neutral-100 px-1.5 py-0.5 font-mono text-sm break-all dark:bg-neutral-800">{grouped(secret)}</code>
          </p>
        </li>
        <li>
          <p className="mb-3">Type the 6-digit code the app now shows.</p>
          <ActionForm action={confirmTotpAction} submitLabel="Turn on two-factor" pendingLabel="Checking…" className="max-w-xs space-y-4">
            <Field label="Code from the app" htmlFor="code" name="code">
              <TextInput id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
            </Field>
          </ActionForm>
        </li>
      </ol>
    </div>
  );
}
