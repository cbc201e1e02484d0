import { IMPACT_LABEL, IMPACTS, type Impact } from '@/lib/domain/status';
import type { ComponentChoiceGroup } from '@/lib/services/list-component-choices';
import { editIncidentAction } from '@/app/admin/actions/corrections';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentCheckboxes } from '@/components/admin/component-checkboxes';
import { LocalTimeField } from '@/components/admin/local-time-field';
import { Field, Select, TextInput } from '@/components/ui/fields';

/** Corrects an incident in place: name, impact, affected components, start and end. No alert. */
export function IncidentDetailsForm({
  incident,
  impactOverride,
  groups,
}: {
  incident: { id: string; name: string; impact: Impact; startedAt: string; resolvedAt: string | null; components: { id: string }[] };
  impactOverride: Impact | null;
  groups: ComponentChoiceGroup[];
}) {
  return (
    <section aria-labelledby="details" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <h2 id="details" className="text-lg font-semibold">Correct the details</h2>
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        Changes the incident as shown everywhere, without posting an update or telling subscribers. Recorded in the audit log.
      </p>
      <ActionForm action={editIncidentAction} submitLabel="Save corrections" pendingLabel="Saving…">
        <input type="hidden" name="id" value={incident.id} />
        <Field label="Title" htmlFor="edit-name">
          <TextInput id="edit-name" name="name" required maxLength={255} defaultValue={incident.name} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Impact" htmlFor="edit-impact">
            <Select id="edit-impact" name="impactOverride" defaultValue={impactOverride ?? 'auto'}>
              <option value="auto">Automatic, from the components</option>
              {IMPACTS.map((i) => (
                <option key={i} value={i}>
                  {IMPACT_LABEL[i]}
                </option>
              ))}
            </Select>
          </Field>
          <LocalTimeField id="edit-started" name="startedAt" label="Started at" iso={incident.startedAt} help="Your browser's time zone." />
          {incident.resolvedAt && <LocalTimeField id="edit-resolved" name="resolvedAt" label="Resolved at" iso={incident.resolvedAt} />}
        </div>
        <ComponentCheckboxes groups={groups} legend="Affected components (statuses are not changed)" checked={incident.components.map((c) => c.id)} />
      </ActionForm>
    </section>
  );
}
