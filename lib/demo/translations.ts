import { newId } from '@/lib/db/ids';
import { digest as hashToken } from '@/lib/auth/tokens';
import type { ServiceContext } from '@/lib/services/context';
import { subscriberLinkToken } from '@/lib/notify/links';
import { updateComponent } from '@/lib/services/update-component';
import { updateGroup } from '@/lib/services/update-group';

/** A German reader of the demo page (issue #15): her alerts are in German, with Berlin times. */
export const DEMO_GERMAN_SUBSCRIBER = { email: 'anna.schmidt@example.de', locale: 'de', timeZone: 'Europe/Berlin' } as const;

/** The data service and its group in German and French, as an operator adds them on the component page. */
export async function seedDemoTranslations(ctx: ServiceContext, ids: Map<string, string>): Promise<void> {
  const data = ids.get('data');
  if (data) {
    await updateComponent({
      ctx,
      input: {
        id: data,
        translations: {
          de: {
            name: 'Datendienst',
            description:
              'Mobile Datensitzungen in allen Netzen: Attach, Aufbau von PDP-/PDN-Kontexten und Verkehr über unsere Packet-Gateways (PGW/GGSN).',
          },
          fr: {
            name: 'Service de données',
            description:
              'Sessions de données mobiles sur tous les réseaux : attachement, création des contextes PDP/PDN et trafic via nos passerelles de paquets (PGW/GGSN).',
          },
        },
      },
    });
  }
  const core = await ctx.db.selectFrom('component_groups').select('id').where('name', '=', 'Core connectivity').executeTakeFirst();
  if (core) {
    await updateGroup({ ctx, input: { id: core.id, translations: { de: { name: 'Kernkonnektivität' }, fr: { name: 'Connectivité de base' } } } });
  }
  // Confirmed already: a demo has no inbox to click the link in.
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db
    .insertInto('subscribers')
    .values({
      id,
      kind: 'email',
      email: DEMO_GERMAN_SUBSCRIBER.email,
      url: null,
      state: 'active',
      all_components: true,
      events: 'all',
      maintenance: true,
      token: hashToken(subscriberLinkToken(id)),
      secret: null,
      confirm_token: null,
      confirm_expires_at: null,
      confirmed_at: at,
      failing_since: null,
      disabled_at: null,
      unsubscribed_at: null,
      created_at: at,
      updated_at: at,
      chat_platform: null,
      locale: DEMO_GERMAN_SUBSCRIBER.locale,
      time_zone: DEMO_GERMAN_SUBSCRIBER.timeZone,
    })
    .execute();
}
