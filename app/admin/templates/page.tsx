import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from '@/app/admin/actions/templates';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentCheckboxes } from '@/components/admin/component-checkboxes';
import { Field, Select, TextArea, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Incident templates' };

function TemplateFields({ prefix, value }: { prefix: string; value?: { name: string; title: string; body: string; status: string } }) {
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
      <Field label="Message (markdown)" htmlFor={`${prefix}-body`}>
        <TextArea id={`${prefix}-body`} name="body" rows={5} defaultValue={value?.body} />
      </Field>
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
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Pick one in the incident composer to start from its title and message.</p>
      </div>
      {templates.length === 0 && <p className="text-sm text-neutral-600 dark:text-neutral-400">No templates yet.</p>}
      {templates.map((t) => (
        <details key={t.id} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <summary className="cursor-pointer font-medium">{t.name}</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-[1fr_auto]">
            <ActionForm action={updateTemplateAction} submitLabel="Save template">
              <input type="hidden" name="id" value={t.id} />
              <TemplateFields prefix={t.id} value={t} />
              <ComponentCheckboxes groups={groups} legend="Components it usually affects" checked={t.componentIds} />
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
          <ComponentCheckboxes groups={groups} legend="Components it usually affects" />
        </ActionForm>
      </section>
    </div>
  );
}
