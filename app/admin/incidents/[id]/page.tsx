import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasRole, requireOperator } from '@/lib/auth/require-operator';
import { allowedNextStatuses } from '@/lib/domain/lifecycle';
import { IMPACT_LABEL, UPDATE_STATUS_LABEL, type IncidentStatus } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { EVERYTHING } from '@/lib/domain/visibility';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentIntervals } from '@/lib/services/list-incident-intervals';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { listWithdrawnUpdates } from '@/lib/services/list-withdrawn-updates';
import { listIncidentFilesForConsole } from '@/lib/services/list-incident-files';
import { maxFileBytes } from '@/lib/services/attach-incident-file';
import { IncidentFilesSection } from '@/components/admin/incident-files/incident-files-section';
import { postUpdateAction, previewMarkdownAction, publishPostmortemAction, resolveIncidentAction } from '@/app/admin/actions/incidents';
import { reopenIncidentAction } from '@/app/admin/actions/corrections';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentPicker } from '@/components/admin/component-picker';
import { DeleteIncidentSection } from '@/components/admin/delete-incident-section';
import { ImpactTimes } from '@/components/admin/impact-times';
import { IncidentDetailsForm } from '@/components/admin/incident-details-form';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { UpdateComposer } from '@/components/admin/update-composer';
import { UpdateCorrections } from '@/components/admin/update-corrections';
import { WithdrawnUpdates } from '@/components/admin/withdrawn-updates';
import { toLiveUpdate } from '@/lib/snapshot/page-documents';
import { Checkbox, Field, Select } from '@/components/ui/fields';
import { POSTMORTEM_VISIBILITIES, POSTMORTEM_VISIBILITY_LABELS } from '@/lib/domain/postmortem-visibility';

export const metadata: Metadata = { title: 'Incident' };

const card = 'rounded-lg border border-neutral-200 p-4 dark:border-neutral-800';

export default async function AdminIncidentPage({ params }: PageProps<'/admin/incidents/[id]'>) {
  const operator = await requireOperator('responder');
  const ctx = await requestContext();
  const found = await getIncidentPage({ ctx, id: (await params).id, viewer: EVERYTHING });
  if (!found || found.incident.kind !== 'incident') notFound();
  const { incident, page, deletion, impactOverride, postmortemVisibility } = found;
  const [groups, templates, history, withdrawn, files] = await Promise.all([
    listComponentChoices({ ctx }),
    listIncidentTemplates({ ctx }),
    listIncidentIntervals({ ctx, incidentId: incident.id }),
    listWithdrawnUpdates({ ctx, incidentId: incident.id }),
    listIncidentFilesForConsole({ ctx, incidentId: incident.id }),
  ]);
  const status = incident.status as IncidentStatus;
  const next = allowedNextStatuses('incident', status).filter((s) => s !== 'resolved' && s !== 'postmortem') as IncidentStatus[];
  const open = !['resolved', 'postmortem'].includes(status);
  const affected = groups
    .map((g) => ({ ...g, components: g.components.filter((c) => incident.components.some((a) => a.id === c.id)) }))
    .filter((g) => g.components.length > 0);

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <Link href="/admin/incidents" className="underline">Incidents</Link> · {UPDATE_STATUS_LABEL[status]} · {incident.impact === 'none' ? 'No impact' : `${IMPACT_LABEL[incident.impact]} impact`}
        </p>
        <h1 className="text-2xl font-bold break-words">{incident.name}</h1>
        <p className="text-sm">
          <Link href={`/incidents/${incident.id}`} className="underline underline-offset-2">View on the public page</Link>
        </p>
      </div>

      {open && (
        <section aria-labelledby="post-update" className={card}>
          <h2 id="post-update" className="mb-3 text-lg font-semibold">Post an update</h2>
          <UpdateComposer
            action={postUpdateAction}
            preview={previewMarkdownAction}
            incidentId={incident.id}
            current={status}
            statuses={next}
            impact={incident.impact}
            groups={groups}
            templates={templates.filter((t) => t.status !== 'postmortem').map((t) => ({ id: t.id, name: t.name, status: t.status, body: t.body, componentStatuses: t.componentStatuses, translations: t.translations }))}
          />
        </section>
      )}

      {open && (
        <section aria-labelledby="resolve" className={card}>
          <h2 id="resolve" className="mb-3 text-lg font-semibold">Resolve</h2>
          <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
            Affected components ({incident.components.map((c) => c.name).join(', ') || 'none'}) go back to operational unless you keep a status below.
          </p>
          <ActionForm action={resolveIncidentAction} submitLabel="Resolve incident" pendingLabel="Resolving…">
            <input type="hidden" name="incidentId" value={incident.id} />
            {affected.length > 0 && <ComponentPicker groups={affected} legend="Keep a status instead of operational" idPrefix="resolve-component" />}
            <MarkdownEditor id="resolve-body" name="body" label="Message" preview={previewMarkdownAction} defaultValue="This incident has been resolved." />
            <Checkbox name="notify" label="Notify subscribers" defaultChecked />
          </ActionForm>
        </section>
      )}

      {!open && (
        <section aria-labelledby="reopen" className={card}>
          <h2 id="reopen" className="text-lg font-semibold">Reopen</h2>
          <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
            Back in the active list at the status you choose. Set the components that are down again; subscribers are told only if you tick notify.
          </p>
          <ActionForm action={reopenIncidentAction} submitLabel="Reopen incident" pendingLabel="Reopening…">
            <input type="hidden" name="incidentId" value={incident.id} />
            <Field label="Status" htmlFor="reopen-status">
              <Select id="reopen-status" name="status" defaultValue="investigating">
                {(['investigating', 'identified', 'monitoring'] as const).map((s) => (
                  <option key={s} value={s}>{UPDATE_STATUS_LABEL[s]}</option>
                ))}
              </Select>
            </Field>
            <ComponentPicker groups={groups} legend="Components as it reopens" idPrefix="reopen-component" />
            <MarkdownEditor id="reopen-body" name="body" label="Message" preview={previewMarkdownAction} defaultValue="We are investigating this issue again." />
            <Checkbox name="notify" label="Notify subscribers" />
          </ActionForm>
        </section>
      )}

      {!open && (
        <section aria-labelledby="postmortem" className={card}>
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
            <Field
              label="Who may read it"
              htmlFor="postmortem-visibility"
              name="visibility"
              help="Support levels promise critical incidents' postmortems to everyone and operational incidents' to Enterprise customers; the choice starts from this incident's class. Held back from the public page, API, feeds and subscribers unless everyone may read it."
            >
              <Select id="postmortem-visibility" name="visibility" defaultValue={postmortemVisibility}>
                {POSTMORTEM_VISIBILITIES.map((v) => (
                  <option key={v} value={v}>
                    {POSTMORTEM_VISIBILITY_LABELS[v]}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox name="notify" label="Notify subscribers" defaultChecked={!incident.postmortem} />
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">Timeline</h2>
        <UpdateCorrections incidentId={incident.id} updates={incident.updates.map((u) => ({ ...u, html: toLiveUpdate(u).html }))} timeZone={page.timeZone} />
        <WithdrawnUpdates updates={withdrawn} timeZone={page.timeZone} />
      </section>

      <IncidentFilesSection incidentId={incident.id} {...files} maxBytes={maxFileBytes()} timeZone={page.timeZone} />

      <IncidentDetailsForm incident={incident} impactOverride={impactOverride} groups={groups} />
      <ImpactTimes history={history} />

      {hasRole(operator, 'admin') && <DeleteIncidentSection id={incident.id} kind="incident" deletion={deletion} timeZone={page.timeZone} />}
    </div>
  );
}
