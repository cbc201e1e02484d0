import { deleteIncidentAction } from '@/app/admin/actions/delete-incident';
import type { DeletionVerdict } from '@/lib/domain/retention';
import { ActionForm } from '@/components/admin/action-form';
import { Checkbox } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

const REASON: Record<Exclude<DeletionVerdict['reason'], 'retained'>, string> = {
  unresolved: 'It is still open, so it can go if it was posted by mistake.',
  never_happened: 'It never started, so nothing of it is history yet.',
  past_retention: 'It ended more than 365 days ago.',
};

/** The admin's delete control for an incident or maintenance, or why retention keeps it. */
export function DeleteIncidentSection({
  id,
  kind,
  deletion,
  timeZone,
}: {
  id: string;
  kind: 'incident' | 'maintenance';
  deletion: DeletionVerdict;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="delete" className="rounded-lg border border-red-200 p-4 dark:border-red-900">
      <h2 id="delete" className="mb-2 text-lg font-semibold">Delete</h2>
      {deletion.allowed ? (
        <ActionForm action={deleteIncidentAction} submitLabel={`Delete ${kind}`} pendingLabel="Deleting…" variant="danger">
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            {REASON[deletion.reason]} Deleting removes it and every update from the page, the feeds and the API. Subscribers are not told.
          </p>
          <input type="hidden" name="id" value={id} />
          <Checkbox name="confirm" label={`I understand this ${kind} is deleted for good`} />
        </ActionForm>
      ) : (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Finished {kind === 'maintenance' ? 'maintenance is' : 'incidents are'} kept in the public history for 365 days. This one can be
          deleted from <LocalTime iso={deletion.deletableFrom} timeZone={timeZone} />.
        </p>
      )}
    </section>
  );
}
