import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { updateSettingsAction } from '@/app/admin/actions/access';
import { twoFactorPolicyAction } from '@/app/admin/actions/account';
import { ActionForm } from '@/components/admin/action-form';
import { Checkbox, Field, Select, TextInput } from '@/components/ui/fields';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

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
        <Field label="Page name" htmlFor="name" name="name">
          <TextInput id="name" name="name" required defaultValue={settings.name} />
        </Field>
        <Field label="Public URL" htmlFor="url" name="url" help="Where customers reach this page, e.g. https://status.example.com">
          <TextInput id="url" name="url" type="url" defaultValue={settings.url ?? ''} />
        </Field>
        <Field label="Time zone" htmlFor="timeZone" name="timeZone" help="IANA name, e.g. Europe/Berlin; days and history months follow it.">
          <TextInput id="timeZone" name="timeZone" required defaultValue={settings.time_zone} />
        </Field>
        <Field label="Default language" htmlFor="locale" name="locale" help="What the public page speaks at its unprefixed addresses; every language also has its own (/de, /fr…).">
          <Select id="locale" name="locale" defaultValue={settings.locale}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Logo URL" htmlFor="logoUrl" name="logoUrl" help="An https URL or a path such as /logo.svg">
          <TextInput id="logoUrl" name="logoUrl" defaultValue={settings.logo_url ?? ''} />
        </Field>
      </ActionForm>
      <section aria-labelledby="sign-in-security" className="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="sign-in-security" className="font-semibold">Sign-in security</h2>
        <ActionForm action={twoFactorPolicyAction} submitLabel="Save sign-in security" variant="secondary">
          <input type="hidden" name="form" value="two-factor-policy" />
          <Checkbox name="required" label="Require two-factor sign-in for every operator" defaultChecked={settings.require_two_factor} />
          <p className="text-xs text-neutral-600 dark:text-neutral-400">Operators without an authenticator app are sent to set one up before they can do anything else.</p>
        </ActionForm>
      </section>
    </div>
  );
}
