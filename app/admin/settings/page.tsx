import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/services/page-settings';
import { updateSettingsAction } from '@/app/admin/actions/access';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireOperator('admin');
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  return (
    <div className="max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">Page settings</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Page id <code>{settings.id}</code> (used by the Statuspage-compatible APIs; never changes).
      </p>
      <ActionForm action={updateSettingsAction} submitLabel="Save settings">
        <Field label="Page name" htmlFor="name">
          <TextInput id="name" name="name" required defaultValue={settings.name} />
        </Field>
        <Field label="Public URL" htmlFor="url" help="Where customers reach this page, e.g. https://status.example.com">
          <TextInput id="url" name="url" type="url" defaultValue={settings.url ?? ''} />
        </Field>
        <Field label="Time zone" htmlFor="timeZone" help="IANA name, e.g. Europe/Berlin; days and history months follow it.">
          <TextInput id="timeZone" name="timeZone" required defaultValue={settings.time_zone} />
        </Field>
        <Field label="Logo URL" htmlFor="logoUrl" help="An https URL or a path such as /logo.svg">
          <TextInput id="logoUrl" name="logoUrl" defaultValue={settings.logo_url ?? ''} />
        </Field>
      </ActionForm>
    </div>
  );
}
