import type { DbOrTx } from '@/lib/db/transaction';
import type { IntegrationDraftRow, IntegrationRow, IntegrationRuleRow } from '@/lib/db/schema';
import type { Matchers } from '@/lib/domain/integrations/rules';

export type IntegrationRule = Omit<IntegrationRuleRow, 'matchers'> & { matchers: Matchers };

/** Every integration, oldest first. */
export async function listIntegrations(db: DbOrTx): Promise<IntegrationRow[]> {
  return db.selectFrom('integrations').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function getIntegration(db: DbOrTx, id: string): Promise<IntegrationRow | undefined> {
  return db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An integration's rules in the order they were added (the first match wins). */
export async function listRules(db: DbOrTx, integrationId: string): Promise<IntegrationRule[]> {
  const rows = await db.selectFrom('integration_rules').selectAll().where('integration_id', '=', integrationId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, matchers: JSON.parse(r.matchers) as Matchers }));
}

/** Drafts an operator still has to act on (and resolve proposals), newest first. */
export async function listOpenDrafts(db: DbOrTx): Promise<IntegrationDraftRow[]> {
  return db
    .selectFrom('integration_drafts')
    .selectAll()
    .where((eb) => eb.or([eb('state', 'in', ['draft', 'acknowledged']), eb('resolve_proposed', '=', true)]))
    .orderBy('created_at', 'desc')
    .execute();
}

/** The component ids a rule points at: its component, or every component of its group. */
export async function ruleComponentIds(db: DbOrTx, rule: Pick<IntegrationRuleRow, 'component_id' | 'group_id'>): Promise<string[]> {
  if (rule.component_id) return [rule.component_id];
  if (!rule.group_id) return [];
  const rows = await db.selectFrom('components').select('id').where('group_id', '=', rule.group_id).where('archived_at', 'is', null).orderBy('position').execute();
  return rows.map((r) => r.id);
}

export interface IntegrationSummary extends IntegrationRow {
  rule_count: number;
  /** When any alert of it last arrived (its alerts' latest `updated_at`); null before the first. */
  last_alert_at: string | null;
}

/** Every integration with its number of rules and when it last received an alert, oldest first. */
export async function listIntegrationSummaries(db: DbOrTx): Promise<IntegrationSummary[]> {
  const rows = await db
    .selectFrom('integrations as i')
    .selectAll('i')
    .select((eb) => [
      eb.selectFrom('integration_rules as r').select((e) => e.fn.countAll<number | string>().as('n')).whereRef('r.integration_id', '=', 'i.id').as('rule_count'),
      eb.selectFrom('integration_alerts as a').select((e) => e.fn.max('a.updated_at').as('at')).whereRef('a.integration_id', '=', 'i.id').as('last_alert_at'),
    ])
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ ...r, rule_count: Number(r.rule_count ?? 0), last_alert_at: r.last_alert_at ? new Date(r.last_alert_at as string | Date).toISOString() : null }));
}

/** The rules of every integration, each integration's in the order they were added. */
export async function listAllRules(db: DbOrTx): Promise<IntegrationRule[]> {
  const rows = await db.selectFrom('integration_rules').selectAll().orderBy('integration_id').orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, matchers: JSON.parse(r.matchers) as Matchers }));
}
