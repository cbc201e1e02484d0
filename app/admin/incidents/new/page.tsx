import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { createIncidentAction, previewMarkdownAction } from '@/app/admin/actions/incidents';
import { IncidentComposer } from '@/components/admin/incident-composer';
import { listAudienceChoices } from '@/lib/services/list-audiences';

export const metadata: Metadata = { title: 'New incident' };

export default async function NewIncidentPage() {
  await requireOperator('responder');
  const ctx = await requestContext();
  const [groups, templates, audiences] = await Promise.all([listComponentChoices({ ctx }), listIncidentTemplates({ ctx }), listAudienceChoices({ ctx })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New incident</h1>
      <IncidentComposer
        action={createIncidentAction}
        preview={previewMarkdownAction}
        templates={templates.map(({ createdAt: _c, updatedAt: _u, ...t }) => t)}
        groups={groups}
        audiences={audiences}
      />
    </div>
  );
}
