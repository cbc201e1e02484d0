import { z } from 'zod';
import { upsertTranslations } from '@/lib/db/queries/translations';
import { forUpdate } from '@/lib/db/row-lock';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { titleChanges } from '@/lib/services/edit-incident';
import { emit } from '@/lib/services/events';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id, Name } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';

export const EditMaintenanceInput = z.object({
  id: Id,
  name: Name.optional(),
  /** Whether the scheduler starts it at the window's start (and moves its components). */
  autoStart: z.boolean().optional(),
  /** Whether the scheduler completes it at the window's end. */
  autoComplete: z.boolean().optional(),
  /** Beacon extension (issue #15): the title per language; languages not sent are kept. */
  translations: TranslationsInput(['name']).optional(),
});
export type EditMaintenanceInput = z.input<typeof EditMaintenanceInput>;

/**
 * Corrects a maintenance in place, with no new update and no alert: its name and the name's
 * translations, and whether it starts and completes by itself. Audited with before and after.
 * A new window or status is an update (update-maintenance.ts), which subscribers hear of.
 */
export async function editMaintenance({ ctx, input }: { ctx: ServiceContext; input: EditMaintenanceInput }): Promise<IncidentRow> {
  authorize(ctx, 'maintenance.update');
  const data = parseInput(EditMaintenanceInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const before = await forUpdate(trx, trx.selectFrom('incidents').selectAll().where('id', '=', data.id)).executeTakeFirst();
    if (!before || before.kind !== 'maintenance') throw new NotFoundError('Maintenance', data.id);
    const edits: Partial<IncidentRow> = {};
    if (data.name !== undefined && data.name !== before.name) edits.name = data.name;
    if (data.autoStart !== undefined && data.autoStart !== before.auto_start) edits.auto_start = data.autoStart;
    if (data.autoComplete !== undefined && data.autoComplete !== before.auto_complete) edits.auto_complete = data.autoComplete;
    const titles = await titleChanges(trx, before.id, data.translations);
    if (Object.keys(edits).length === 0 && !titles) return before;

    await trx.updateTable('incidents').set({ ...edits, updated_at: now }).where('id', '=', before.id).execute();
    if (titles) await upsertTranslations(trx, 'incident', before.id, titles.after, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'maintenance.edit',
      entityType: 'maintenance',
      entityId: before.id,
      before: { ...pick(before, Object.keys(edits)), ...(titles && { translations: titles.before }) },
      after: { ...edits, ...(titles && { translations: titles.after }) },
    });
    await emit(trx, { type: 'page.changed', what: 'incident', incidentId: before.id }, ctx.now());
    return { ...before, ...edits, updated_at: now };
  });
}

function pick(row: IncidentRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k as keyof IncidentRow]]));
}
