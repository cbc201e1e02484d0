'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';
import { INCIDENT_CLASS_HELP, INCIDENT_CLASSES, suggestImpact, type IncidentClass } from '@/lib/domain/incident-class';
import { IMPACT_LABEL, IMPACTS } from '@/lib/domain/status';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { Button, Checkbox, Field, Select, TextInput } from '@/components/ui/fields';

export interface ComposerTemplate {
  id: string;
  name: string;
  title: string;
  body: string;
  status: string;
  componentIds: string[];
}

/**
 * The incident composer: title, status, the NOC's class and scope (which suggest an impact),
 * affected components, markdown with live preview, backdating and the notify switch.
 */
export function IncidentComposer({
  action,
  preview,
  templates,
  componentFields,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  preview: (source: string) => Promise<string>;
  templates: ComposerTemplate[];
  componentFields: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [template, setTemplate] = useState<ComposerTemplate | undefined>();
  const [incidentClass, setIncidentClass] = useState<IncidentClass | ''>('');
  const [regions, setRegions] = useState('');
  const [devices, setDevices] = useState('');
  const [startedLocal, setStartedLocal] = useState('');
  const suggestion =
    incidentClass === ''
      ? undefined
      : suggestImpact(incidentClass, {
          regions: regions.split(',').map((r) => r.trim()).filter(Boolean),
          devices: devices === '' ? null : Number(devices),
        });
  const startedIso = startedLocal ? new Date(startedLocal).toISOString() : '';

  return (
    <form action={formAction} className="space-y-5" key={template?.id ?? 'blank'}>
      {templates.length > 0 && (
        <Field label="Start from a template" htmlFor="template">
          <Select
            id="template"
            value={template?.id ?? ''}
            onChange={(e) => setTemplate(templates.find((t) => t.id === e.target.value))}
          >
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
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
          <TextInput id="deviceTypes" name="deviceTypes" />
        </Field>
        <Field label="Approximate devices affected" htmlFor="devices">
          <TextInput id="devices" name="devices" type="number" min={0} value={devices} onChange={(e) => setDevices(e.target.value)} />
        </Field>
        <Field label="Notes" htmlFor="notes">
          <TextInput id="notes" name="notes" maxLength={2000} />
        </Field>
      </fieldset>
      {componentFields}
      <MarkdownEditor id="body" name="body" label="Message" preview={preview} defaultValue={template?.body ?? ''} rows={8} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Started at" htmlFor="startedAtLocal" help="Leave empty for now. Your browser's time zone; may be in the past for backfilled incidents.">
          <TextInput id="startedAtLocal" type="datetime-local" value={startedLocal} onChange={(e) => setStartedLocal(e.target.value)} />
        </Field>
        <input type="hidden" name="startedAt" value={startedIso} />
        <div className="pt-6">
          <Checkbox name="notify" label="Notify subscribers" defaultChecked />
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
