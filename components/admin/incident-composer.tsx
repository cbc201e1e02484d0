'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';
import { INCIDENT_CLASS_HELP, INCIDENT_CLASSES, suggestImpact, type IncidentClass } from '@/lib/domain/incident-class';
import type { IncidentScope } from '@/lib/domain/incident-class';
import { IMPACT_LABEL, IMPACTS, type ComponentStatus } from '@/lib/domain/status';
import { ComponentPicker, type PickerGroup } from '@/components/admin/component-picker';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { Button, Checkbox, Field, Select, TextInput } from '@/components/ui/fields';
import { TranslationFields } from '@/components/admin/translation-fields';
import type { Translations } from '@/lib/domain/localize';
import { IncidentVisibilityField } from '@/components/admin/audiences/incident-visibility-field';

export interface ComposerTemplate {
  id: string;
  name: string;
  title: string;
  body: string;
  status: string;
  componentIds: string[];
  incidentClass: IncidentClass | null;
  scope: IncidentScope | null;
  componentStatuses: { id: string; status: ComponentStatus }[];
  /** The template's title and body per language (issue #15): the incident goes out with each. */
  translations?: Translations;
}

/**
 * The incident composer: title, status, the NOC's class and scope (which suggest an impact),
 * affected components, markdown with live preview, backdating and the notify switch. Picking a
 * template fills all of it: title, text, class, scope, components and their statuses.
 */
export function IncidentComposer({
  action,
  preview,
  templates,
  groups,
  audiences = [],
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  preview: (source: string) => Promise<string>;
  templates: ComposerTemplate[];
  groups: PickerGroup[];
  /** The audiences an incident may be limited to (issue #16). */
  audiences?: readonly { id: string; name: string }[];
}) {
  const [template, setTemplate] = useState<ComposerTemplate | undefined>();
  return (
    <div className="space-y-5">
      {templates.length > 0 && (
        <Field label="Start from a template" htmlFor="template" help="Fills the title, message, class, scope and component statuses.">
          <Select id="template" value={template?.id ?? ''} onChange={(e) => setTemplate(templates.find((t) => t.id === e.target.value))}>
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {/* A new template starts a fresh form: every field takes the template's value. */}
      <ComposerForm key={template?.id ?? 'blank'} action={action} preview={preview} template={template} groups={groups} audiences={audiences} />
    </div>
  );
}

function ComposerForm({
  action,
  preview,
  template,
  groups,
  audiences,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  preview: (source: string) => Promise<string>;
  template: ComposerTemplate | undefined;
  groups: PickerGroup[];
  audiences: readonly { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [incidentClass, setIncidentClass] = useState<IncidentClass | ''>(template?.incidentClass ?? '');
  const [regions, setRegions] = useState((template?.scope?.regions ?? []).join(', '));
  const [devices, setDevices] = useState(template?.scope?.devices == null ? '' : String(template.scope.devices));
  const [startedLocal, setStartedLocal] = useState('');
  const defaults = Object.fromEntries((template?.componentStatuses ?? []).map((c) => [c.id, c.status]));
  const suggestion =
    incidentClass === ''
      ? undefined
      : suggestImpact(incidentClass, {
          regions: regions.split(',').map((r) => r.trim()).filter(Boolean),
          devices: devices === '' ? null : Number(devices),
        });
  const startedIso = startedLocal ? new Date(startedLocal).toISOString() : '';

  return (
    <form action={formAction} className="space-y-5">
      <Field label="Title" htmlFor="name">
        <TextInput id="name" name="name" required maxLength={255} defaultValue={template?.title ?? ''} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Status" htmlFor="status">
          <Select id="status" name="status" defaultValue={template?.status ?? 'investigating'}>
            <option value="investigating">Investigating</option>
            <option value="identified">Identified</option>
            <option value="monitoring">Monitoring</option>
            <option value="resolved">Resolved (backfill)</option>
          </Select>
        </Field>
        <Field label="Class" htmlFor="incidentClass" help={incidentClass ? INCIDENT_CLASS_HELP[incidentClass] : 'The NOC criteria; suggests an impact.'}>
          <Select id="incidentClass" name="incidentClass" value={incidentClass} onChange={(e) => setIncidentClass(e.target.value as IncidentClass | '')}>
            <option value="">Not classified</option>
            {INCIDENT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {c === 'none' ? 'Below public threshold' : c[0]!.toUpperCase() + c.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Impact"
          htmlFor="impactOverride"
          help={suggestion ? `Suggested from class and scope: ${IMPACT_LABEL[suggestion]}.` : 'Automatic: derived from the component statuses.'}
        >
          <Select id="impactOverride" name="impactOverride" defaultValue={suggestion ?? 'auto'} key={suggestion ?? 'auto'}>
            <option value={suggestion ?? 'auto'}>{suggestion ? `Suggested: ${IMPACT_LABEL[suggestion]}` : 'Automatic'}</option>
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {IMPACT_LABEL[i]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className="grid gap-4 rounded-md border border-neutral-200 p-3 sm:grid-cols-2 dark:border-neutral-800">
        <legend className="px-1 text-sm font-medium">Scope</legend>
        <Field label="Regions" htmlFor="regions" help="Comma-separated, e.g. EU, Americas">
          <TextInput id="regions" name="regions" value={regions} onChange={(e) => setRegions(e.target.value)} />
        </Field>
        <Field label="Device types" htmlFor="deviceTypes" help="Comma-separated, e.g. LTE-M trackers">
          <TextInput id="deviceTypes" name="deviceTypes" defaultValue={(template?.scope?.deviceTypes ?? []).join(', ')} />
        </Field>
        <Field label="Approximate devices affected" htmlFor="devices">
          <TextInput id="devices" name="devices" type="number" min={0} value={devices} onChange={(e) => setDevices(e.target.value)} />
        </Field>
        <Field label="Notes" htmlFor="notes">
          <TextInput id="notes" name="notes" maxLength={2000} defaultValue={template?.scope?.notes ?? ''} />
        </Field>
      </fieldset>
      <ComponentPicker groups={groups} defaults={defaults} />
      <IncidentVisibilityField audiences={audiences} />
      <MarkdownEditor id="body" name="body" label="Message" preview={preview} defaultValue={template?.body ?? ''} rows={8} />
      <TranslationFields
        idPrefix="incident"
        fields={[
          { field: 'name', labelAs: 'title' },
          { field: 'body', multiline: true, maxLength: 50_000 },
        ]}
        values={templateTranslations(template?.translations)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Started at" htmlFor="startedAtLocal" help="Leave empty for now. Your browser's time zone; may be in the past for backfilled incidents.">
          <TextInput id="startedAtLocal" type="datetime-local" value={startedLocal} onChange={(e) => setStartedLocal(e.target.value)} />
        </Field>
        <input type="hidden" name="startedAt" value={startedIso} />
        <div className="space-y-2 pt-6">
          <Checkbox name="notify" label="Notify subscribers" defaultChecked />
          {audiences.length > 0 && <Checkbox name="notifyAudiences" label="Notify Business and Enterprise audiences now" />}
        </div>
      </div>
      {state.error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
          {state.error}
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Opening…' : 'Open incident'}
      </Button>
    </form>
  );
}

/** A template's `title` is the incident's `name`. */
function templateTranslations(t: Translations | undefined): Translations | undefined {
  if (!t) return undefined;
  return Object.fromEntries(Object.entries(t).map(([l, v]) => [l, { name: v?.title, body: v?.body }])) as Translations;
}
