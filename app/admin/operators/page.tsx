import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { requestContext } from '@/lib/services/context';
import { listOperators } from '@/lib/services/list-operators';
import { createOperatorAction, removeOperatorAction } from '@/app/admin/actions/access';
import { ActionForm } from '@/components/admin/action-form';
import { Field, Select, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Operators' };

export default async function OperatorsPage() {
  const me = await requireOperator('admin');
  const operators = await listOperators({ ctx: await requestContext() });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Operators</h1>
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
        {operators.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <p>
              <span className="font-medium">{o.name}</span> · {o.email} · <strong>{o.role}</strong>
              {o.id === me.id && ' (you)'}
            </p>
            {o.id !== me.id && (
              <ActionForm action={removeOperatorAction} submitLabel={`Remove ${o.name}`} variant="danger" confirm={`Remove ${o.email}? Their sessions end and API keys are revoked.`} className="">
                <input type="hidden" name="id" value={o.id} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-operator" className="max-w-lg rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="add-operator" className="mb-3 font-semibold">Add an operator</h2>
        <ActionForm action={createOperatorAction} submitLabel="Add operator">
          <Field label="Email" htmlFor="op-email">
            <TextInput id="op-email" name="email" type="email" required />
          </Field>
          <Field label="Name" htmlFor="op-name">
            <TextInput id="op-name" name="name" required />
          </Field>
          <Field label="Role" htmlFor="op-role" help="Responders run incidents, maintenance and component status; admins also manage operators, settings and API keys.">
            <Select id="op-role" name="role" defaultValue="responder">
              <option value="responder">Responder</option>
              <option value="admin">Admin</option>
            </Select>
          </Field>
          <Field label="Initial password" htmlFor="op-password" help={`At least ${MIN_PASSWORD_LENGTH} characters. Share it safely.`}>
            <TextInput id="op-password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
          </Field>
        </ActionForm>
      </section>
    </div>
  );
}
