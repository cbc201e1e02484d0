import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasRole, requireOperator } from '@/lib/auth/require-operator';
import { allowedNextStatuses } from '@/lib/domain/lifecycle';
import { IMPACT_LABEL, IMPACTS, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import {
  postUpdateAction,
  previewMarkdownAction,
  publishPostmortemAction,
  resolveIncidentAction,
} from '@/app/admin/actions/incidents';
import { ActionForm } from '@/components/admin/action-form';
import { DeleteIncidentSection } from '@/components/admin/delete-incident-section';
import { ComponentStatusFields } from '@/components/admin/component-status-fields';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { UpdateTimeline } from '@/components/status/update-timeline';
import { toLiveUpdate } from '@/lib/snapshot/page-documents';
import { Checkbox, Field, Select } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Incident' };

export default async function AdminIncidentPage({ params }: PageProps<'/admin/incidents/[id]'>) {
  const operator = await requireOperator('responder');
  const ctx = await requestContext();
  const found = await getIncidentPage({ ctx, id: (await params).id });
  if (!found || found.incident.kind !== 'incident') notFound();
  const { incident, page, deletion } = found;
  const groups = await listComponentChoices({ ctx });
  const next = allowedNextStatuses('incident', incident.status).filter((s) => s !== 'resolved' && s !== 'postmortem');
  const open = !['resolved', 'postmortem'].includes(incident.status);

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <Link href="/admin/incidents" className="underline">Incidents</Link> · {UPDATE_STATUS_LABEL[incident.status]} · {IMPACT_LABEL[incident.impact]} impact
        </p>
        <h1 className="text-2xl font-bold">{incident.name}</h1>
        <p className="text-sm">
          <Link href={`/incidents/${incident.id}`} className="underline underline-offset-2">View on the public page</Link>
        </p>
      </div>

      {open && (
        <section aria-labelledby="post-update" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="post-update" className="mb-3 text-lg font-semibold">Post an update</h2>
          <ActionForm action={postUpdateAction} submitLabel="Post update" pendingLabel="Posting…">
            <input type="hidden" name="incidentId" value={incident.id} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Status" htmlFor="update-status">
                <Select id="update-status" name="status" defaultValue={incident.status}>
                  {next.map((s) => (
                    <option key={s} value={s}>{UPDATE_STATUS_LABEL[s]}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Impact" htmlFor="update-impact" help="Keep automatic unless the components understate it.">
                <Select id="update-impact" name="impactOverride" defaultValue="auto">
                  <option value="auto">Automatic (currently {IMPACT_LABEL[incident.impact]})</option>
                  {IMPACTS.map((i) => (
                    <option key={i} value={i}>{IMPACT_LABEL[i]}</option>
                  ))}
                </Select>
              </Field>
            </div>
            <ComponentStatusFields groups={groups} legend="Component changes" />
            <MarkdownEditor id="update-body" name="body" label="Message" preview={previewMarkdownAction} required />
            <Checkbox name="notify" label="Notify subscribers" defaultChecked />
          </ActionForm>
        </section>
      )}

      {open && (
        <section aria-labelledby="resolve" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="resolve" className="mb-3 text-lg font-semibold">Resolve</h2>
          <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
            Affected components ({incident.components.map((c) => c.name).join(', ') || 'none'}) go back to operational unless you keep a status below.
          </p>
          <ActionForm action={resolveIncidentAction} submitLabel="Resolve incident" pendingLabel="Resolving…">
            <input type="hidden" name="incidentId" value={incident.id} />
            <ComponentStatusFields
              groups={groups.map((g) => ({ ...g, components: g.components.filter((c) => incident.components.some((a) => a.id === c.id)) })).filter((g) => g.components.length > 0)}
              legend="Keep a status instead of operational"
            />
            <MarkdownEditor id="resolve-body" name="body" label="Message" preview={previewMarkdownAction} defaultValue="This incident has been resolved." />
            <Checkbox name="notify" label="Notify subscribers" defaultChecked />
          </ActionForm>
        </section>
      )}

      {!open && (
        <section aria-labelledby="postmortem" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="postmortem" className="mb-3 text-lg font-semibold">Postmortem</h2>
          {incident.postmortem && <p className="mb-2 text-sm">Published. Publishing again replaces the text.</p>}
          <ActionForm action={publishPostmortemAction} submitLabel="Publish postmortem" pendingLabel="Publishing…">
            <input type="hidden" name="incidentId" value={incident.id} />
            <MarkdownEditor
              id="postmortem-body"
              name="body"
              label="Postmortem"
              rows={14}
              required
              preview={previewMarkdownAction}
              defaultValue={incident.postmortem?.body ?? '## Summary\n\n## Timeline\n\n## Root cause\n\n## Impact\n\n## What we are changing\n'}
            />
            <Checkbox name="notify" label="Notify subscribers" defaultChecked={!incident.postmortem} />
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">Timeline</h2>
        <UpdateTimeline updates={incident.updates.map(toLiveUpdate)} timeZone={page.timeZone} />
      </section>

      {hasRole(operator, 'admin') && <DeleteIncidentSection id={incident.id} kind="incident" deletion={deletion} timeZone={page.timeZone} />}
    </div>
  );
}
