import { SUPPORT_LEVELS, SUPPORT_LEVEL_LABELS } from '@/lib/domain/support-levels';
import { Field, Select, TextArea, TextInput } from '@/components/ui/fields';

export interface AudienceFieldValues {
  name: string;
  supportLevel: string;
  emailDomains: readonly string[];
  componentIds: readonly string[];
  groupIds: readonly string[];
}

/** The fields of an audience form: name, level, domains, and which components and groups it may see. */
export function AudienceFields({
  prefix,
  values,
  components,
  groups,
}: {
  prefix: string;
  values?: AudienceFieldValues;
  components: readonly { id: string; name: string; groupId: string | null }[];
  groups: readonly { id: string; name: string }[];
}) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" htmlFor={`${prefix}-name`} name="name">
          <TextInput id={`${prefix}-name`} name="name" defaultValue={values?.name} required />
        </Field>
        <Field label="Support level" htmlFor={`${prefix}-level`} name="supportLevel">
          <Select id={`${prefix}-level`} name="supportLevel" defaultValue={values?.supportLevel ?? 'standard'}>
            {SUPPORT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {SUPPORT_LEVEL_LABELS[level]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Email domains" htmlFor={`${prefix}-domains`} name="emailDomains" help="Anyone with an address at these domains may ask for a sign-in link and becomes a member. One per line; leave empty to allow listed members only.">
        <TextArea id={`${prefix}-domains`} name="emailDomains" rows={2} defaultValue={values?.emailDomains.join('\n')} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">Private components</legend>
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">Checked components are hidden from the public page and shown to this audience&apos;s members only.</p>
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {components.map((c) => (
            <label key={c.id} className="flex min-h-6 items-center gap-2 text-sm">
              <input type="checkbox" name="componentIds[]" value={c.id} defaultChecked={values?.componentIds.includes(c.id)} className="h-4 w-4 rounded border-neutral-400" />
              <span>
                {c.name}
                {c.groupId && groupName.get(c.groupId) && <span className="text-neutral-600 dark:text-neutral-400"> · {groupName.get(c.groupId)}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {groups.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium">Private groups</legend>
          <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {groups.map((g) => (
              <label key={g.id} className="flex min-h-6 items-center gap-2 text-sm">
                <input type="checkbox" name="groupIds[]" value={g.id} defaultChecked={values?.groupIds.includes(g.id)} className="h-4 w-4 rounded border-neutral-400" />
                {g.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
