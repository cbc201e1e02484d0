import { newId } from '@/lib/db/ids';
import type { ImportMappingsTable } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { utc } from '@/lib/domain/statuspage-import/documents';
import {
  mapComponents,
  subscriberKind,
  templateComponentRefs,
  type ImportedManage,
  type ImportedSubscriber,
  type ImportedTemplate,
  type SkipReason,
} from '@/lib/domain/statuspage-import/manage';
import { subscriberLinkToken } from '@/lib/notify/links';
import { assertPublicHost } from '@/lib/notify/ssrf';
import { newWebhookSecret } from '@/lib/notify/webhook';
import { ValidationError } from '@/lib/services/errors';
import { TemplateFields } from '@/lib/services/list-incident-templates';
import { setComponents } from '@/lib/services/subscribe';
import { Email, WebhookUrl } from '@/lib/services/subscription-schemas';
import { hashToken } from '@/lib/services/subscription-tokens';

export interface ManageImportResult {
  created: { subscriber: number; template: number };
  updated: { subscriber: number; template: number };
  /** Source subscribers that were already Beacon's own (same email or endpoint): mapped, not copied. */
  linked: number;
  skipped: Partial<Record<SkipReason, number>>;
}

export interface ManageImportContext {
  trx: DbOrTx;
  source: string;
  at: string;
  local: (kind: ImportMappingsTable['kind'], externalId: string | null | undefined) => string | undefined;
  remember: (kind: ImportMappingsTable['kind'], externalId: string, localId: string) => Promise<void>;
}

/**
 * Brings the manage API's subscribers and templates in, inside the importer's transaction.
 * Subscribers consented on the source page, so they arrive confirmed and nothing is sent to
 * them; what Beacon cannot take (SMS, Slack, a refused endpoint) is skipped and counted.
 */
export async function importManage(c: ManageImportContext, manage: ImportedManage): Promise<ManageImportResult> {
  // Each source object maps to one row: a list naming one twice is not a page's own answer.
  for (const [what, list] of [['subscriber', manage.subscribers], ['template', manage.incident_templates]] as const) {
    const twice = list.find((x, i) => list.findIndex((y) => y.id === x.id) !== i);
    if (twice) throw new ValidationError(`The manage API listed ${what} ${twice.id} twice`, { [what]: 'listed twice' });
  }
  const result: ManageImportResult = { created: { subscriber: 0, template: 0 }, updated: { subscriber: 0, template: 0 }, linked: 0, skipped: {} };
  const skip = (reason: SkipReason, n = 1) => {
    if (n > 0) result.skipped[reason] = (result.skipped[reason] ?? 0) + n;
  };
  skip('unconfirmed', manage.inactive.unconfirmed);
  skip('quarantined', manage.inactive.quarantined);
  skip('unsubscribed', manage.inactive.unsubscribed);
  for (const s of manage.subscribers) {
    const outcome = await importSubscriber(c, s);
    if (typeof outcome === 'string') skip(outcome);
    else if (outcome.created) result.created.subscriber += 1;
    else {
      if (outcome.linked) result.linked += 1;
      if (outcome.changed) result.updated.subscriber += 1;
    }
  }
  for (const t of manage.incident_templates) {
    const outcome = await importTemplate(c, t);
    if (outcome === 'created') result.created.template += 1;
    else if (outcome === 'updated') result.updated.template += 1;
    else if (outcome !== 'same') skip(outcome);
  }
  return result;
}

async function contact(s: ImportedSubscriber): Promise<{ kind: 'email'; email: string } | { kind: 'webhook'; url: string } | SkipReason> {
  const kind = subscriberKind(s);
  if (kind === 'email') {
    const email = Email.safeParse(s.email);
    return email.success ? { kind, email: email.data } : 'invalid email';
  }
  if (kind !== 'webhook') return kind;
  // The same refusals as subscribing (an http(s) URL to a public host); delivery checks again.
  const url = WebhookUrl.safeParse(s.endpoint);
  if (!url.success) return 'endpoint refused';
  try {
    await assertPublicHost(new URL(url.data).hostname);
  } catch {
    return 'endpoint refused';
  }
  return { kind, url: url.data };
}

async function importSubscriber(c: ManageImportContext, s: ImportedSubscriber): Promise<SkipReason | { created: boolean; linked: boolean; changed: boolean }> {
  const who = await contact(s);
  if (typeof who === 'string') return who;
  const components = mapComponents(s.components, (id) => c.local('component', id));
  if (!components) return 'components not imported';
  const { trx, at } = c;
  const mappedId = c.local('subscriber', s.id);
  const existing = mappedId
    ? await trx.selectFrom('subscribers').selectAll().where('id', '=', mappedId).executeTakeFirst()
    : await (who.kind === 'email'
        ? trx.selectFrom('subscribers').selectAll().where('kind', '=', 'email').where('email', '=', who.email)
        : trx.selectFrom('subscribers').selectAll().where('kind', '=', 'webhook').where('url', '=', who.url).where('chat_platform', 'is', null)
      ).executeTakeFirst();
  const chosen = components === 'all' ? [] : components;

  if (!existing) {
    const id = mappedId ?? newId();
    await trx
      .insertInto('subscribers')
      .values({
        id,
        kind: who.kind,
        // A webhook's email is where its failures are reported: kept when it is an address.
        email: who.kind === 'email' ? who.email : (Email.safeParse(s.email).data ?? null),
        url: who.kind === 'webhook' ? who.url : null,
        state: 'active',
        all_components: components === 'all',
        events: 'all',
        maintenance: true,
        token: hashToken(subscriberLinkToken(id)),
        // The source's signing secret is not in its API: the endpoint gets a new one.
        secret: who.kind === 'webhook' ? newWebhookSecret() : null,
        confirm_token: null,
        confirm_expires_at: null,
        confirmed_at: at,
        failing_since: null,
        disabled_at: null,
        unsubscribed_at: null,
        created_at: s.created_at ? utc(s.created_at) : at,
        updated_at: at,
        chat_platform: null,
        locale: null,
        time_zone: null,
      })
      .execute();
    await setComponents(trx, id, chosen);
    if (!mappedId) await c.remember('subscriber', s.id, id);
    return { created: true, linked: false, changed: true };
  }

  if (!mappedId) await c.remember('subscriber', s.id, existing.id);
  const current = (await trx.selectFrom('subscriber_components').select('component_id').where('subscriber_id', '=', existing.id).execute()).map((r) => r.component_id).sort();
  const sameComponents = Boolean(existing.all_components) === (components === 'all') && current.join() === chosen.join();
  // Consent given on the source confirms a pending one; someone who left or was disabled here stays so.
  const confirm = existing.state === 'pending';
  if (sameComponents && !confirm) return { created: false, linked: !mappedId, changed: false };
  await trx
    .updateTable('subscribers')
    .set({
      all_components: components === 'all',
      updated_at: at,
      ...(confirm ? { state: 'active' as const, confirmed_at: at, confirm_token: null, confirm_expires_at: null } : {}),
    })
    .where('id', '=', existing.id)
    .execute();
  if (!sameComponents) await setComponents(trx, existing.id, chosen);
  return { created: false, linked: !mappedId, changed: true };
}

async function importTemplate(c: ManageImportContext, t: ImportedTemplate): Promise<'created' | 'updated' | 'same' | SkipReason> {
  const status = t.update_status || 'investigating';
  if (!['investigating', 'identified', 'monitoring', 'resolved'].includes(status)) return 'unsupported status';
  const componentIds = [...new Set(templateComponentRefs(t).map((id) => c.local('component', id)).filter((id): id is string => !!id))];
  const parsed = TemplateFields.safeParse({ name: t.name, title: t.title, body: t.body ?? '', status, componentIds });
  if (!parsed.success) return 'invalid template';
  const values = { name: parsed.data.name, title: parsed.data.title, body: parsed.data.body, status: parsed.data.status, component_ids: JSON.stringify(parsed.data.componentIds) };
  const { trx, at } = c;
  const mappedId = c.local('template', t.id);
  const existing = mappedId ? await trx.selectFrom('incident_templates').selectAll().where('id', '=', mappedId).executeTakeFirst() : undefined;
  if (!existing) {
    const id = mappedId ?? newId();
    await trx
      .insertInto('incident_templates')
      .values({ id, ...values, incident_class: null, scope: null, component_statuses: '[]', created_at: at, updated_at: at })
      .execute();
    if (!mappedId) await c.remember('template', t.id, id);
    return 'created';
  }
  const storedIds = typeof existing.component_ids === 'string' ? existing.component_ids : JSON.stringify(existing.component_ids);
  const unchanged =
    existing.name === values.name && existing.title === values.title && existing.body === values.body && existing.status === values.status && storedIds === values.component_ids;
  if (unchanged) return 'same';
  await trx.updateTable('incident_templates').set({ ...values, updated_at: at }).where('id', '=', existing.id).execute();
  return 'updated';
}
