import { z } from 'zod';
import { getComponent } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const ArchiveComponentInput = z.object({ id: Id });
export type ArchiveComponentInput = z.input<typeof ArchiveComponentInput>;

/**
 * Removes a component from the page without deleting it: its status intervals and the
 * incidents that name it keep their history, so it is archived, never hard-deleted.
 */
export async function archiveComponent({ ctx, input }: { ctx: ServiceContext; input: ArchiveComponentInput }): Promise<ComponentRow> {
  authorize(ctx, 'component.archive');
  const { id } = parseInput(ArchiveComponentInput, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, id);
    if (!component || component.archived_at) throw new NotFoundError('Component', id);
    const next: ComponentRow = { ...component, archived_at: at, updated_at: at };
    await trx.updateTable('components').set({ archived_at: at, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'component.archive', entityType: 'component', entityId: id, before: component, after: next });
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
    return next;
  });
}
