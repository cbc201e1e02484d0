import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { previewMarkdownAction } from '@/app/admin/actions/incidents';
import { scheduleMaintenanceAction } from '@/app/admin/actions/maintenance';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentCheckboxes } from '@/components/admin/component-checkboxes';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { TranslationFields } from '@/components/admin/translation-fields';
import { WindowFields } from '@/components/admin/window-fields';
import { Checkbox, Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Schedule maintenance' };

export default async function NewMaintenancePage() {
  await requireOperator('responder');
  const groups = await listComponentChoices({ ctx: await requestContext() });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Schedule maintenance</h1>
      <ActionForm action={scheduleMaintenanceAction} submitLabel="Schedule" pendingLabel="Scheduling…">
        <Field label="Title" htmlFor="name">
          <TextInput id="name" name="name" required maxLength={255} />
        </Field>
        <WindowFields />
        <ComponentCheckboxes groups={groups} legend="Components under maintenance" />
        <MarkdownEditor id="body" name="body" label="Message" preview={previewMarkdownAction} />
        <TranslationFields
          idPrefix="maintenance"
          fields={[
            { field: 'name', labelAs: 'title' },
            { field: 'body', multiline: true, maxLength: 50_000 },
          ]}
        />
        <div className="flex flex-wrap gap-6">
          <Checkbox name="autoStart" label="Start automatically at the window's start" defaultChecked />
          <Checkbox name="autoComplete" label="Complete automatically at the window's end" defaultChecked />
          <Checkbox name="notify" label="Notify subscribers" defaultChecked />
        </div>
      </ActionForm>
    </div>
  );
}
