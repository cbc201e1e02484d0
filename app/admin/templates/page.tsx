import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates, type IncidentTemplate } from '@/lib/services/list-incident-templates';
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from '@/app/admin/actions/templates';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentPicker } from '@/components/admin/component-picker';
import { Field, Select, TextArea, TextInput } from '@/components/ui/fields';
import { TranslationFields } from '@/components/admin/translation-fields';

export const metadata: Metadata = { title: 'Incident templates' };

function TemplateFields({ prefix, value }: { prefix: string; value?: IncidentTemplate }) {
  return (
    <>
      <Field label="Template name" htmlFor={`${prefix}-name`}>
        <TextInput id={`${prefix}-name`} name="name" required defaultValue={value?.name} />
      </Field>
      <Field label="Incident title" htmlFor={`${prefix}-title`}>
        <TextInput id={`${prefix}-title`} name="title" required defaultValue={value?.title} />
      </Field>
      <Field label="Status" htmlFor={`${prefix}-status`}>
        <Select id={`${prefix}-status`} name="status" defaultValue={value?.status ?? 'investigating'}>
          {(['investigating', 'identified', 'monitoring', 'resolved'] as const).map((s) => (
            <option key={s} value={s}>{UPDATE_STATUS_LABEL[s]}</option>
          ))}
        </Select>
      </Field>
      <Field label="Class" htmlFor={`${prefix}-class`} help="The NOC class the composer sets; it suggests an impact.">
        <Select id={`${prefix}-class`} name="incidentClass" defaultValue={value?.incidentClass ?? ''}>
          <option value="">Not classified</option>
          <option value="critical">Critical</option>
          <option value="operational">Operational</option>
          <option value="none">Below public threshold</option>
        </Select>
      </Field>
      <fieldset className="grid gap-4 rounded-md border border-neutral-200 p-3 sm:grid-cols-2 dark:border-neutral-800">
        <legend className="px-1 text-sm font-medium">Scope</legend>
        <Field label="Regions" htmlFor={`${prefix}-regions`} help="Comma-separated">
          <TextInput id={`${prefix}-regions`} name="regions" defaultValue={value?.scope?.regions.join(', ')} />
        </Field>
        <Field label="Device types" htmlFor={`${prefix}-deviceTypes`} help="Comma-separated">
          <TextInput id={`${prefix}-deviceTypes`} name="deviceTypes" defaultValue={value?.scope?.deviceTypes.join(', ')} />
        </Field>
        <Field label="Approximate devices affected" htmlFor={`${prefix}-devices`}>
          <TextInput id={`${prefix}-devices`} name="devices" type="number" min={0} defaultValue={value?.scope?.devices ?? ''} />
        </Field>
        <Field label="Notes" htmlFor={`${prefix}-notes`}>
          <TextInput id={`${prefix}-notes`} name="notes" maxLength={2000} defaultValue={value?.scope?.notes} />
        </Field>
      </fieldset>
      <Field label="Message (markdown)" htmlFor={`${prefix}-body`}>
        <TextArea id={`${prefix}-body`} name="body" rows={5} defaultValue={value?.body} />
      </Field>
      <TranslationFields
        idPrefix={prefix}
        fields={[
          { field: 'title' },
          { field: 'body', multiline: true, maxLength: 50_000 },
        ]}
        values={value?.translations}
      />
    </>
  );
}

export default async function TemplatesPage() {
  await requireOperator('responder');
  const ctx = await requestContext();
  const [templates, groups] = await Promise.all([listIncidentTemplates({ ctx }), listComponentChoices({ ctx })]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Incident templates</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Pick one in the incident composer to start from its title, message, class, scope and component statuses; templates for identified or monitoring are offered when posting an update.</p>
      </div>
      {templates.length === 0 && <p className="text-sm text-neutral-600 dark:text-neutral-400">No templates yet.</p>}
      {templates.map((t) => (
        <details key={t.id} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <summary className="cursor-pointer font-medium">{t.name}</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-[1fr_auto]">
            <ActionForm action={updateTemplateAction} submitLabel="Save template">
              <input type="hidden" name="id" value={t.id} />
              <TemplateFields prefix={t.id} value={t} />
              <ComponentPicker
                groups={groups}
                idPrefix={`t-${t.id}`}
                legend="Components it usually affects, with their status"
                defaults={Object.fromEntries(t.componentStatuses.map((c) => [c.id, c.status]))}
              />
            </ActionForm>
            <ActionForm action={deleteTemplateAction} submitLabel="Delete" variant="danger" confirm={`Delete template ${t.name}?`} className="">
              <input type="hidden" name="id" value={t.id} />
            </ActionForm>
          </div>
        </details>
      ))}
      <section aria-labelledby="new-template" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="new-template" className="mb-3 font-semibold">New template</h2>
        <ActionForm action={createTemplateAction} submitLabel="Create template">
          <TemplateFields prefix="new" />
          <ComponentPicker groups={groups} idPrefix="t-new" legend="Components it usually affects, with their status" />
        </ActionForm>
      </section>
    </div>
  );
}
