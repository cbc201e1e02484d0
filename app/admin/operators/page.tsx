import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { requestContext } from '@/lib/services/context';
import { listOperators } from '@/lib/services/list-operators';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { createOperatorAction, removeOperatorAction } from '@/app/admin/actions/access';
import { changeRoleAction, removeSecondFactorAction, sendPasswordResetAction } from '@/app/admin/actions/account';
import { ActionForm } from '@/components/admin/action-form';
import { Field, Select, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';
import { RememberedInput } from '@/components/ui/remembered-input';

export const metadata: Metadata = { title: 'Operators' };

export default async function OperatorsPage() {
  const me = await requireOperator('admin');
  const ctx = await requestContext();
  const [operators, settings] = await Promise.all([listOperators({ ctx }), getPageSettings(ctx.db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Operators</h1>
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800" aria-label="Operators">
        {operators.map((o) => (
          <li key={o.id} className="grid gap-3 px-4 py-4 text-sm md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto] md:items-center" data-operator={o.email}>
            <div className="min-w-0">
              <p className="font-medium">
                {o.name}
                {o.id === me.id && <span className="ms-1 text-neutral-600 dark:text-neutral-400">(you)</span>}
              </p>
              <p className="truncate text-neutral-600 dark:text-neutral-400">{o.email}</p>
              <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
                Last sign-in: {o.last_sign_in_at ? <LocalTime iso={o.last_sign_in_at} timeZone={settings.time_zone} /> : 'never'} · Two-factor:{' '}
                {o.totp_enabled_at ? <strong className="text-green-800 dark:text-green-300">on</strong> : <strong className="text-amber-800 dark:text-amber-300">off</strong>}
              </p>
            </div>
            <ActionForm action={changeRoleAction} submitLabel="Change role" submitAriaLabel={`Change role of ${o.name}`} variant="secondary" className="flex items-end gap-2">
              <input type="hidden" name="id" value={o.id} />
              <Field label="Role" htmlFor={`role-${o.id}`} name="role">
                <Select id={`role-${o.id}`} name="role" defaultValue={o.role} className="min-w-32">
                  <option value="responder">Responder</option>
                  <option value="admin">Admin</option>
                </Select>
              </Field>
            </ActionForm>
            <div className="flex flex-wrap gap-2 md:justify-end">
              <ActionForm action={sendPasswordResetAction} submitLabel="Send reset link" submitAriaLabel={`Send ${o.name} a password reset link`} variant="secondary" className="">
                <input type="hidden" name="id" value={o.id} />
              </ActionForm>
              {o.totp_enabled_at && o.id !== me.id && (
                <ActionForm
                  action={removeSecondFactorAction}
                  submitLabel="Remove two-factor"
                  submitAriaLabel={`Remove the second factor of ${o.name}`}
                  variant="secondary"
                  confirm={`Remove ${o.email}'s second factor? Do this only when they lost their phone.`}
                  className=""
                >
                  <input type="hidden" name="id" value={o.id} />
                </ActionForm>
              )}
              {o.id !== me.id && (
                <ActionForm action={removeOperatorAction} submitLabel="Remove" submitAriaLabel={`Remove ${o.name}`} variant="danger" confirm={`Remove ${o.email}? Their sessions end and API keys are revoked.`} className="">
                  <input type="hidden" name="id" value={o.id} />
                </ActionForm>
              )}
            </div>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-operator" className="max-w-lg rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="add-operator" className="mb-3 font-semibold">Add an operator</h2>
        <ActionForm action={createOperatorAction} submitLabel="Add operator">
          <Field label="Email" htmlFor="op-email" name="email">
            <RememberedInput id="op-email" name="email" type="email" required />
          </Field>
          <Field label="Name" htmlFor="op-name" name="name">
            <RememberedInput id="op-name" name="name" required />
          </Field>
          <Field label="Role" htmlFor="op-role" name="role" help="Responders run incidents, maintenance and component status; admins also manage operators, settings and API keys.">
            <Select id="op-role" name="role" defaultValue="responder">
              <option value="responder">Responder</option>
              <option value="admin">Admin</option>
            </Select>
          </Field>
          <Field label="Initial password" htmlFor="op-password" name="password" help={`At least ${MIN_PASSWORD_LENGTH} characters. Share it safely, or send a reset link once they are added.`}>
            <TextInput id="op-password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
          </Field>
        </ActionForm>
      </section>
    </div>
  );
}
