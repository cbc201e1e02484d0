import type { Transaction } from 'kysely';
import type { Database } from '@/lib/db/schema';
import { assertComponentsExist } from '@/lib/services/component-changes';
import type { ServiceContext } from '@/lib/services/context';
import { updateComponent } from '@/lib/services/update-component';

/**
 * Makes `componentIds` exactly the live members of a group, inside the caller's transaction:
 * newcomers leave their old group (membership is exclusive), dropped members become top-level.
 */
export async function setGroupMembers(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  groupId: string,
  componentIds: readonly string[],
): Promise<void> {
  await assertComponentsExist(trx, componentIds, 'components');
  const inner = { ...ctx, db: trx };
  const current = await trx
    .selectFrom('components')
    .select('id')
    .where('group_id', '=', groupId)
    .where('archived_at', 'is', null)
    .execute();
  const wanted = new Set(componentIds);
  for (const { id } of current) {
    if (!wanted.has(id)) await updateComponent({ ctx: inner, input: { id, groupId: null } });
  }
  const have = new Set(current.map((c) => c.id));
  for (const id of componentIds) {
    if (!have.has(id)) await updateComponent({ ctx: inner, input: { id, groupId } });
  }
}
