import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasRole, requireOperator } from '@/lib/auth/require-operator';
import { allowedNextStatuses } from '@/lib/domain/lifecycle';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { EVERYTHING } from '@/lib/domain/visibility';
import { previewMarkdownAction } from '@/app/admin/actions/incidents';
import { updateMaintenanceAction } from '@/app/admin/actions/maintenance';
import { ActionForm } from '@/components/admin/action-form';
import { DeleteIncidentSection } from '@/components/admin/delete-incident-section';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { TranslationFields } from '@/components/admin/translation-fields';
import { WindowFields } from '@/components/admin/window-fields';
import { UpdateCorrections } from '@/components/admin/update-corrections';
import { WithdrawnUpdates } from '@/components/admin/withdrawn-updates';
import { listWithdrawnUpdates } from '@/lib/services/list-withdrawn-updates';
import { toLiveUpdate } from '@/lib/snapshot/page-documents';
import { Checkbox, Field, Select } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Maintenance' };

export default async function AdminMaintenancePage({ params }: PageProps<'/admin/maintenance/[id]'>) {
  const operator = await requireOperator('responder');
  const ctx = await requestContext();
  const found = await getIncidentPage({ ctx, id: (await params).id, viewer: EVERYTHING });
  if (!found || found.incident.kind !== 'maintenance') notFound();
  const { incident: m, page, deletion } = found;
  const next = allowedNextStatuses('maintenance', m.status);
  const withdrawn = await listWithdrawnUpdates({ ctx, incidentId: m.id });

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <Link href="/admin/maintenance" className="underline">Maintenance</Link> · {UPDATE_STATUS_LABEL[m.status]}
        </p>
        <h1 className="text-2xl font-bold">{m.name}</h1>
        {m.scheduledFor && m.scheduledUntil && (
          <p className="text-sm">
            <LocalTime iso={m.scheduledFor} timeZone={page.timeZone} /> – <LocalTime iso={m.scheduledUntil} timeZone={page.timeZone} /> ·{' '}
            {m.components.map((c) => c.name).join(', ') || 'no components'}
          </p>
        )}
      </div>
      {next.length > 0 && (
        <section aria-labelledby="post" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="post" className="mb-3 text-lg font-semibold">Post an update</h2>
          <ActionForm action={updateMaintenanceAction} submitLabel="Post update" pendingLabel="Posting…">
            <input type="hidden" name="id" value={m.id} />
            <Field label="Status" htmlFor="status" help="In progress moves its components to under maintenance; completed moves them back.">
              <Select id="status" name="status" defaultValue={m.status}>
                {next.map((s) => (
                  <option key={s} value={s}>{UPDATE_STATUS_LABEL[s]}</option>
                ))}
              </Select>
            </Field>
            {m.status === 'scheduled' && (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Reschedule</summary>
                <div className="mt-3">
                  <WindowFields from={m.scheduledFor ?? undefined} until={m.scheduledUntil ?? undefined} required={false} />
                </div>
              </details>
            )}
            <MarkdownEditor id="body" name="body" label="Message" preview={previewMarkdownAction} />
            <TranslationFields idPrefix="update" fields={[{ field: 'body', multiline: true, maxLength: 50_000 }]} />
            <Checkbox name="notify" label="Notify subscribers" defaultChecked />
          </ActionForm>
        </section>
      )}
      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">Timeline</h2>
        <UpdateCorrections incidentId={m.id} updates={m.updates.map((u) => ({ ...u, html: toLiveUpdate(u).html }))} timeZone={page.timeZone} />
        <WithdrawnUpdates updates={withdrawn} timeZone={page.timeZone} />
      </section>

      {hasRole(operator, 'admin') && <DeleteIncidentSection id={m.id} kind="maintenance" deletion={deletion} timeZone={page.timeZone} />}
    </div>
  );
}
