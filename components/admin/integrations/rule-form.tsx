import { COMPONENT_STATUSES, COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import type { ComponentChoiceGroup } from '@/lib/services/list-component-choices';
import { addIntegrationRuleAction } from '@/app/admin/actions/integrations';
import { ActionForm } from '@/components/admin/action-form';
import { Field, Select, TextInput } from '@/components/ui/fields';

/** The add-rule form of one integration: labels → a component or group (`c:<id>` / `g:<id>`), a status, an optional draft template. */
export function RuleForm({ integrationId, choices, templates }: { integrationId: string; choices: ComponentChoiceGroup[]; templates: { id: string; name: string }[] }) {
  const p = `rule-${integrationId}`;
  const groups = choices.filter((g): g is ComponentChoiceGroup & { id: string } => g.id !== null);
  return (
    <ActionForm action={addIntegrationRuleAction} submitLabel="Add rule" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 [&>button]:col-span-full [&>[role]]:col-span-full [&>button]:justify-self-start">
      <input type="hidden" name="integrationId" value={integrationId} />
      <Field label="Alert labels" htmlFor={`${p}-matchers`} name="matchers" help='Every label must be equal, e.g. service="sms", severity="critical"'>
        <TextInput id={`${p}-matchers`} name="matchers" required placeholder='service="sms"' className="font-mono" />
      </Field>
      <Field label="Component or group" htmlFor={`${p}-target`} name="target">
        <Select id={`${p}-target`} name="target" required defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {groups.length > 0 && (
            <optgroup label="Whole groups">
              {groups.map((g) => (
                <option key={g.id} value={`g:${g.id}`}>
                  {g.name} (every component)
                </option>
              ))}
            </optgroup>
          )}
          {choices.map((g) => (
            <optgroup key={g.id ?? 'none'} label={g.name}>
              {g.components.map((c) => (
                <option key={c.id} value={`c:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Status while firing" htmlFor={`${p}-status`} name="status">
        <Select id={`${p}-status`} name="status" defaultValue="major_outage">
          {COMPONENT_STATUSES.filter((s) => s !== 'operational').map((s) => (
            <option key={s} value={s}>
              {COMPONENT_STATUS_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Draft incident from template" htmlFor={`${p}-template`} name="templateId" help="Optional: opens a draft an operator can acknowledge">
        <Select id={`${p}-template`} name="templateId" defaultValue="">
          <option value="">No draft</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Publish after (minutes)" htmlFor={`${p}-minutes`} name="publishAfterMinutes" help="Unless acknowledged first; 0 publishes at once">
        <TextInput id={`${p}-minutes`} name="publishAfterMinutes" type="number" min={0} max={10080} defaultValue={10} />
      </Field>
    </ActionForm>
  );
}
