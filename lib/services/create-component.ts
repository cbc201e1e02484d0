import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import { openFirstInterval } from '@/lib/db/queries/component-status';
import { getGroup, nextComponentPosition } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Description, Id, IsoTime, Name } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';

export const CreateComponentInput = z.object({
  name: Name,
  description: Description,
  groupId: Id.nullish(),
  status: ComponentStatusInput.default('operational'),
  showcase: z.boolean().default(true),
  onlyShowIfDegraded: z.boolean().default(false),
  /** When the component began being observed; uptime before it is "no data". Defaults to now. */
  startDate: IsoTime.optional(),
  position: z.number().int().min(0).optional(),
  /** Beacon extension (issue #15): name and description per language. */
  translations: TranslationsInput(['name', 'description']).optional(),
});
export type CreateComponentInput = z.input<typeof CreateComponentInput>;

/** Creates a component and opens its first status interval. */
export async function createComponent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateComponentInput;
}): Promise<ComponentRow> {
  authorize(ctx, 'component.create');
  const data = parseInput(CreateComponentInput, input);
  const now = ctx.now().toISOString();
  const startDate = data.startDate ?? now;
  if (startDate > now) throw new ValidationError('startDate cannot be in the future', { startDate: 'is in the future' });

  return withTransaction(ctx.db, async (trx) => {
    const groupId = data.groupId ?? null;
    if (groupId && !(await getGroup(trx, groupId))) {
      throw new ValidationError(`Unknown group ${groupId}`, { groupId: 'unknown group' });
    }
    const row: ComponentRow = {
      id: newId(),
      group_id: groupId,
      name: data.name,
      description: data.description ?? null,
      position: data.position ?? (await nextComponentPosition(trx, groupId)),
      status: data.status,
      showcase: data.showcase,
      only_show_if_degraded: data.onlyShowIfDegraded,
      start_date: startDate,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('components').values(row).execute();
    await openFirstInterval(trx, row.id, row.status, startDate);
    if (data.translations) await replaceTranslations(trx, 'component', row.id, ['name', 'description'], data.translations, ctx.now());
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'component.create', entityType: 'component', entityId: row.id, after: data.translations ? { ...row, translations: data.translations } : row });
    return row;
  });
}
