import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listApiKeys } from '@/lib/services/list-operators';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/admin/actions/access';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requireOperator('admin');
  const ctx = await requestContext();
  const [keys, settings] = await Promise.all([listApiKeys({ ctx }), getPageSettings(ctx.db, ctx.now())]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          For the management API at <code>/api/v1/pages/{settings.id}/…</code>: send <code>Authorization: OAuth &lt;key&gt;</code>. A key acts with its owner&apos;s role.
        </p>
      </div>
      <section aria-labelledby="new-key" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="new-key" className="mb-3 font-semibold">New key</h2>
        <ActionForm action={createApiKeyAction} submitLabel="Create key" className="flex flex-wrap items-end gap-3">
          <Field label="Name" htmlFor="key-name" help="What uses it, e.g. Monitoring">
            <TextInput id="key-name" name="name" required />
          </Field>
        </ActionForm>
      </section>
      {keys.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No API keys yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium">
                  {k.name} <code className="text-xs">{k.prefix}…</code>
                </p>
                <p className="text-neutral-600 dark:text-neutral-400">
                  {k.operator_email} · created <LocalTime iso={k.created_at} timeZone={settings.time_zone} /> ·{' '}
                  {k.last_used_at ? <>last used <LocalTime iso={k.last_used_at} timeZone={settings.time_zone} /></> : 'never used'}
                </p>
              </div>
              {k.revoked_at ? (
                <span className="text-neutral-600 dark:text-neutral-400">Revoked</span>
              ) : (
                <ActionForm action={revokeApiKeyAction} submitLabel="Revoke" variant="danger" confirm={`Revoke ${k.name}? Requests using it fail at once.`} className="">
                  <input type="hidden" name="id" value={k.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
