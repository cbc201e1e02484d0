import Link from 'next/link';
import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import type { IntegrationDraftView } from '@/lib/services/list-integrations';
import { decideIntegrationDraftAction, publishIntegrationDraftAction } from '@/app/admin/actions/integrations';
import { ActionForm } from '@/components/admin/action-form';
import { LocalTime } from '@/components/ui/local-time';

/** Drafts waiting for an operator, and published incidents whose alert resolved. */
export function DraftList({ drafts, timeZone }: { drafts: IntegrationDraftView[]; timeZone: string }) {
  return (
    <ul className="space-y-3" aria-label="Drafts">
      {drafts.map((d) => (
        <li key={d.id} data-draft={d.name} className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p className="font-medium break-words">{d.name}</p>
          <p className="text-neutral-700 dark:text-neutral-300">
            From {d.integrationName} · {d.components.map((c) => `${c.name}: ${COMPONENT_STATUS_LABEL[c.status]}`).join(', ') || 'no components'}
          </p>
          {d.state === 'draft' && (
            <p data-draft-state="draft">
              Draft · publishes {d.publishAt ? <LocalTime iso={d.publishAt} timeZone={timeZone} /> : 'soon'} unless acknowledged
            </p>
          )}
          {d.state === 'acknowledged' && <p data-draft-state="acknowledged">Acknowledged · not published automatically</p>}
          {d.state === 'published' && d.resolveProposed && (
            <p data-draft-state="resolve-proposed">
              The alert resolved: resolve the{' '}
              {d.incidentId ? (
                <Link href={`/admin/incidents/${d.incidentId}`} className="underline underline-offset-2">
                  published incident
                </Link>
              ) : (
                'published incident'
              )}
              ?
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            {d.state === 'draft' && (
              <ActionForm action={decideIntegrationDraftAction} submitLabel="Acknowledge" submitAriaLabel={`Acknowledge ${d.name}`} variant="secondary" className="">
                <input type="hidden" name="id" value={d.id} />
                <input type="hidden" name="decision" value="acknowledge" />
              </ActionForm>
            )}
            {(d.state === 'draft' || d.state === 'acknowledged') && (
              <>
                <ActionForm action={publishIntegrationDraftAction} submitLabel="Publish now" submitAriaLabel={`Publish ${d.name} now`} confirm={`Publish ${d.name} on the status page now?`} className="">
                  <input type="hidden" name="id" value={d.id} />
                </ActionForm>
                <ActionForm action={decideIntegrationDraftAction} submitLabel="Discard" submitAriaLabel={`Discard ${d.name}`} variant="danger" confirm={`Discard the draft ${d.name}?`} className="">
                  <input type="hidden" name="id" value={d.id} />
                  <input type="hidden" name="decision" value="discard" />
                </ActionForm>
              </>
            )}
            {d.resolveProposed && (
              <ActionForm action={decideIntegrationDraftAction} submitLabel="Dismiss" submitAriaLabel={`Dismiss the proposal to resolve ${d.name}`} variant="secondary" className="">
                <input type="hidden" name="id" value={d.id} />
                <input type="hidden" name="decision" value="dismiss_proposal" />
              </ActionForm>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
