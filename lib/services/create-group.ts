import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import type { ComponentGroupRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { parseInput } from '@/lib/services/errors';
import { Description, GroupMembers, Name } from '@/lib/services/schemas';
import { setGroupMembers } from '@/lib/services/set-group-members';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';

export const CreateGroupInput = z.object({
  name: Name,
  description: Description,
  position: z.number().int().min(0).optional(),
  /** When given, the components that move into the new group (from wherever they are). */
  componentIds: GroupMembers.optional(),
  /** Beacon extension (issue #15): the group's name per language. */
  translations: TranslationsInput(['name']).optional(),
});
export type CreateGroupInput = z.input<typeof CreateGroupInput>;

/** Creates a component group at the end of the list unless a position is given, with its members when listed. */
export async function createGroup({ ctx, input }: { ctx: ServiceContext; input: CreateGroupInput }): Promise<ComponentGroupRow> {
  authorize(ctx, 'group.create');
  const data = parseInput(CreateGroupInput, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const last = await trx
      .selectFrom('component_groups')
      .select((eb) => eb.fn.max('position').as('max'))
      .executeTakeFirst();
    const row: ComponentGroupRow = {
      id: newId(),
      name: data.name,
      description: data.description ?? null,
      position: data.position ?? Number(last?.max ?? 0) + 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('component_groups').values(row).execute();
    if (data.componentIds) await setGroupMembers(ctx, trx, row.id, data.componentIds);
    if (data.translations) await replaceTranslations(trx, 'component_group', row.id, ['name'], data.translations, ctx.now());
    await emit(trx, { type: 'page.changed', what: 'group' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'group.create', entityType: 'group', entityId: row.id, after: data.translations ? { ...row, translations: data.translations } : row });
    return row;
  });
}
