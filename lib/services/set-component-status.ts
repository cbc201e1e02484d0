import { z } from 'zod';
import { applyComponentStatus } from '@/lib/db/queries/component-status';
import { getComponent } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Id } from '@/lib/services/schemas';

export const SetComponentStatusInput = z.object({ id: Id, status: ComponentStatusInput });
export type SetComponentStatusInput = z.input<typeof SetComponentStatusInput>;

/**
 * Sets a component's status directly, recorded as a new status interval. Concurrent calls on
 * one component queue on its row lock, so each closes the interval the previous one opened.
 */
export async function setComponentStatus({
  ctx,
  input,
  alert = true,
}: {
  ctx: ServiceContext;
  input: SetComponentStatusInput;
  /** False for a change subscribers are not told of (an upstream the operator follows quietly). */
  alert?: boolean;
}): Promise<ComponentRow> {
  authorize(ctx, 'component.status');
  const data = parseInput(SetComponentStatusInput, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, data.id);
    if (!component) throw new NotFoundError('Component', data.id);
    if (component.archived_at) throw new ValidationError('Component is archived', { id: 'archived component' });
    const old = await applyComponentStatus(trx, data.id, data.status, at);
    if (old && old !== data.status) {
      await recordAudit(trx, ctx, { action: 'component.status', entityType: 'component', entityId: data.id, before: { status: old }, after: { status: data.status } });
      await emit(trx, { type: 'component.status_changed', componentId: data.id, oldStatus: old, newStatus: data.status, at }, ctx.now(), { alert });
    }
    // `old` was read under lock: it, not the first read, says whether this call changed anything.
    return { ...component, status: data.status, updated_at: old === data.status ? component.updated_at : at };
  });
}
