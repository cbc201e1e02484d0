import { z } from 'zod';
import { effectiveImpact, impactFromStatuses } from '@/lib/domain/impact';
import { forUpdate } from '@/lib/db/row-lock';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { listTranslations, upsertTranslations } from '@/lib/db/queries/translations';
import type { Translations } from '@/lib/domain/localize';
import type { Locale } from '@/lib/i18n/locales';
import { recordAudit } from '@/lib/services/audit';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id, ImpactInput, IsoTime, Name } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';

export const EditIncidentInput = z.object({
  id: Id,
  name: Name.optional(),
  /** undefined leaves the override alone; null returns to the impact derived from the components. */
  impactOverride: ImpactInput.nullish(),
  /** The affected components, in full; undefined leaves them alone. Statuses are not changed. */
  componentIds: z
    .array(Id)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a component twice')
    .optional(),
  startedAt: IsoTime.optional(),
  resolvedAt: IsoTime.optional(),
  /** Beacon extension (issue #15): the title per language; languages not sent are kept. */
  translations: TranslationsInput(['name']).optional(),
});
export type EditIncidentInput = z.input<typeof EditIncidentInput>;

/**
 * Corrects an incident in place, with no new update and no alert: its name and the name's
 * translations, its impact, which components it affected and when it started or ended. Audited
 * with before and after.
 */
export async function editIncident({ ctx, input }: { ctx: ServiceContext; input: EditIncidentInput }): Promise<IncidentRow> {
  authorize(ctx, 'incident.update');
  const data = parseInput(EditIncidentInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const before = await forUpdate(trx, trx.selectFrom('incidents').selectAll().where('id', '=', data.id)).executeTakeFirst();
    if (!before || before.kind !== 'incident') throw new NotFoundError('Incident', data.id);
    const edits: Partial<IncidentRow> = {};
    if (data.name !== undefined && data.name !== before.name) edits.name = data.name;
    if (data.impactOverride !== undefined && data.impactOverride !== before.impact_override) {
      edits.impact_override = data.impactOverride;
      edits.impact = effectiveImpact(await derivedImpact(trx, before.id), data.impactOverride);
    }
    const startedAt = data.startedAt ?? before.started_at;
    const resolvedAt = data.resolvedAt ?? before.resolved_at;
    if (data.startedAt !== undefined && data.startedAt !== before.started_at) edits.started_at = data.startedAt;
    if (data.resolvedAt !== undefined && data.resolvedAt !== before.resolved_at) {
      if (!before.resolved_at) throw new ValidationError('Only a resolved incident has an end', { resolvedAt: 'the incident is not resolved' });
      edits.resolved_at = data.resolvedAt;
    }
    if (startedAt > now) throw new ValidationError('Started at cannot be in the future', { startedAt: 'is in the future' });
    if (resolvedAt && resolvedAt > now) throw new ValidationError('Resolved at cannot be in the future', { resolvedAt: 'is in the future' });
    if (resolvedAt && resolvedAt < startedAt) throw new ValidationError('Resolved at must be after started at', { resolvedAt: 'is before the start' });

    const beforeIds = (await trx.selectFrom('incident_components').select('component_id').where('incident_id', '=', before.id).execute())
      .map((r) => r.component_id)
      .sort();
    let afterIds = beforeIds;
    if (data.componentIds !== undefined) {
      const wanted = [...data.componentIds].sort();
      const added = wanted.filter((id) => !beforeIds.includes(id));
      const removed = beforeIds.filter((id) => !wanted.includes(id));
      await assertComponentsExist(trx, added, 'componentIds');
      if (removed.length > 0) {
        await trx.deleteFrom('incident_components').where('incident_id', '=', before.id).where('component_id', 'in', removed).execute();
      }
      if (added.length > 0) {
        await trx.insertInto('incident_components').values(added.map((component_id) => ({ incident_id: before.id, component_id }))).execute();
      }
      afterIds = wanted;
    }
    const componentsChanged = afterIds.join() !== beforeIds.join();
    const titles = await titleChanges(trx, before.id, data.translations);
    if (Object.keys(edits).length === 0 && !componentsChanged && !titles) return before;

    const after: IncidentRow = { ...before, ...edits, updated_at: now };
    await trx.updateTable('incidents').set({ ...edits, updated_at: now }).where('id', '=', before.id).execute();
    if (titles) await upsertTranslations(trx, 'incident', before.id, titles.after, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'incident.edit',
      entityType: 'incident',
      entityId: before.id,
      before: { ...pick(before, Object.keys(edits)), ...(componentsChanged ? { componentIds: beforeIds } : {}), ...(titles && { translations: titles.before }) },
      after: { ...edits, ...(componentsChanged ? { componentIds: afterIds } : {}), ...(titles && { translations: titles.after }) },
    });
    await emit(trx, { type: 'page.changed', what: 'incident', incidentId: before.id }, ctx.now());
    return after;
  });
}

/**
 * The title translations an edit changes: the sent languages' titles before (where there was
 * one) and after, leaving the other languages alone; undefined when it changes none.
 */
export async function titleChanges(db: DbOrTx, incidentId: string, titles: Translations | undefined): Promise<{ before: Translations; after: Translations } | undefined> {
  if (!titles) return undefined;
  const stored = (await listTranslations(db, 'incident', [incidentId])).get(incidentId) ?? {};
  const before: Translations = {};
  const after: Translations = {};
  for (const [locale, texts] of Object.entries(titles) as [Locale, Translations[Locale]][]) {
    const name = texts?.name;
    const was = stored[locale]?.name;
    if (!name || name === was) continue;
    if (was) before[locale] = { name: was };
    after[locale] = { name };
  }
  return Object.keys(after).length > 0 ? { before, after } : undefined;
}

/** The impact the incident's component changes imply (worst ever, as impact never drops). */
async function derivedImpact(db: DbOrTx, incidentId: string) {
  const rows = await db
    .selectFrom('incident_update_components')
    .innerJoin('incident_updates', 'incident_updates.id', 'incident_update_components.update_id')
    .select('incident_update_components.new_status')
    .where('incident_updates.incident_id', '=', incidentId)
    .where('incident_updates.withdrawn_at', 'is', null)
    .execute();
  return impactFromStatuses(rows.map((r) => r.new_status));
}

function pick(row: IncidentRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k as keyof IncidentRow]]));
}
