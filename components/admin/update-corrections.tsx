import { COMPONENT_STATUS_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { UpdateView } from '@/lib/services/views';
import { editUpdateAction, withdrawUpdateAction } from '@/app/admin/actions/corrections';
import { ActionForm } from '@/components/admin/action-form';
import { HtmlBlock } from '@/components/ui/html-block';
import { LocalTime } from '@/components/ui/local-time';
import { TextArea } from '@/components/ui/fields';

/**
 * The console's timeline: each update as the public page shows it, with its text editable
 * (marked "edited" publicly) and a withdraw button for one posted by mistake.
 */
export function UpdateCorrections({
  incidentId,
  updates,
  timeZone,
}: {
  incidentId: string;
  updates: (UpdateView & { html: string })[];
  timeZone: string;
}) {
  if (updates.length === 0) return <p className="text-sm text-neutral-600 dark:text-neutral-400">No updates have been posted yet.</p>;
  return (
    <ol className="space-y-4" aria-label="Updates, newest first">
      {updates.map((update) => (
        <li key={update.id} data-update={update.id} className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
          <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
            {UPDATE_STATUS_LABEL[update.status]}
            <LocalTime iso={update.displayAt} timeZone={timeZone} className="text-sm font-normal text-neutral-600 dark:text-neutral-400" />
            {update.editedAt && (
              <span className="text-xs font-normal text-neutral-600 italic dark:text-neutral-400">
                edited <LocalTime iso={update.editedAt} timeZone={timeZone} />
              </span>
            )}
          </h3>
          <HtmlBlock html={update.html} className="mt-1" />
          {update.changes.length > 0 && (
            <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
              {update.changes.map((c) => `${c.componentName}: ${COMPONENT_STATUS_LABEL[c.oldStatus]} → ${COMPONENT_STATUS_LABEL[c.newStatus]}`).join(' · ')}
            </p>
          )}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium underline-offset-2 hover:underline">Correct or withdraw</summary>
            <div className="mt-2 space-y-3">
              <ActionForm action={editUpdateAction} submitLabel="Save text" pendingLabel="Saving…" variant="secondary">
                <input type="hidden" name="incidentId" value={incidentId} />
                <input type="hidden" name="updateId" value={update.id} />
                <label htmlFor={`edit-${update.id}`} className="block text-sm font-medium">
                  Text <span className="font-normal text-neutral-600 dark:text-neutral-400">(markdown; shown with an “edited” mark)</span>
                </label>
                <TextArea id={`edit-${update.id}`} name="body" rows={4} defaultValue={update.body} />
              </ActionForm>
              {updates.length > 1 && (
                <ActionForm
                  action={withdrawUpdateAction}
                  submitLabel="Withdraw this update"
                  pendingLabel="Withdrawing…"
                  variant="danger"
                  confirm="Withdraw this update? It leaves the public page; the audit log keeps it."
                >
                  <input type="hidden" name="incidentId" value={incidentId} />
                  <input type="hidden" name="updateId" value={update.id} />
                  <p className="text-sm text-neutral-700 dark:text-neutral-300">
                    Removes it from the public timeline, feeds and API. Statuses stay as they are; subscribers are not told.
                  </p>
                </ActionForm>
              )}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
