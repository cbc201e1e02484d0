import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { createIncidentAction, previewMarkdownAction } from '@/app/admin/actions/incidents';
import { ComponentStatusFields } from '@/components/admin/component-status-fields';
import { IncidentComposer } from '@/components/admin/incident-composer';

export const metadata: Metadata = { title: 'New incident' };

export default async function NewIncidentPage() {
  await requireOperator('responder');
  const ctx = await requestContext();
  const [groups, templates] = await Promise.all([listComponentChoices({ ctx }), listIncidentTemplates({ ctx })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New incident</h1>
      <IncidentComposer
        action={createIncidentAction}
        preview={previewMarkdownAction}
        templates={templates.map((t) => ({ id: t.id, name: t.name, title: t.title, body: t.body, status: t.status, componentIds: t.componentIds }))}
        componentFields={<ComponentStatusFields groups={groups} />}
      />
    </div>
  );
}
