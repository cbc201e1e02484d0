import { z } from 'zod';
import { correctInterval } from '@/lib/domain/interval-correction';
import { getIntervalWithNeighbours, setIntervalSpan } from '@/lib/db/queries/component-status';
import { forUpdate } from '@/lib/db/row-lock';
import type { StatusIntervalRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id, IsoTime } from '@/lib/services/schemas';

export const CorrectStatusIntervalInput = z.object({
  componentId: Id,
  intervalId: z.coerce.number().int().positive(),
  startedAt: IsoTime.optional(),
  endedAt: IsoTime.optional(),
});
export type CorrectStatusIntervalInput = z.input<typeof CorrectStatusIntervalInput>;

const LABEL = { startedAt: 'Went to this status at', endedAt: 'Left this status at' } as const;

/**
 * Corrects when a component really entered and left a status (an outage that began before
 * anyone posted, or ended earlier than the resolve): the interval and its neighbours move
 * together, so uptime bars and percentages follow the corrected record. Audited; no alert.
 */
export async function correctStatusInterval({ ctx, input }: { ctx: ServiceContext; input: CorrectStatusIntervalInput }) {
  authorize(ctx, 'component.status');
  const data = parseInput(CorrectStatusIntervalInput, input);
  return withTransaction(ctx.db, async (trx) => {
    // The component's row lock serialises this with status changes, which also move intervals.
    const component = await forUpdate(trx, trx.selectFrom('components').select('id').where('id', '=', data.componentId)).executeTakeFirst();
    if (!component) throw new NotFoundError('Component', data.componentId);
    const found = await getIntervalWithNeighbours(trx, data.componentId, data.intervalId);
    if (!found) throw new NotFoundError('Status interval', String(data.intervalId));
    const { target, previous, next } = found;
    const verdict = correctInterval(span(target), previous && span(previous), next && span(next), data, ctx.now());
    if (!verdict.ok) throw new ValidationError(`${LABEL[verdict.field]} ${verdict.message}`, { [verdict.field]: verdict.message });

    const { startedAt, endedAt } = verdict.spans;
    const touched: { before: StatusIntervalRow; after: StatusIntervalRow }[] = [];
    const move = async (row: StatusIntervalRow, patch: Partial<StatusIntervalRow>) => {
      const after = { ...row, ...patch };
      if (after.started_at === row.started_at && after.ended_at === row.ended_at) return;
      await setIntervalSpan(trx, row.id, patch);
      touched.push({ before: row, after });
    };
    await move(target, { started_at: startedAt, ended_at: endedAt });
    if (previous) await move(previous, { ended_at: startedAt });
    if (next && endedAt !== null) await move(next, { started_at: endedAt });
    if (touched.length === 0) return touched;

    await recordAudit(trx, ctx, {
      action: 'component.history_correct',
      entityType: 'component',
      entityId: data.componentId,
      before: touched.map((t) => t.before),
      after: touched.map((t) => t.after),
    });
    // Uptime shows on `/`, component pages and badges: everything is rebuilt (a rare change).
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
    return touched;
  });
}

const span = (row: StatusIntervalRow) => ({ id: row.id, startedAt: row.started_at, endedAt: row.ended_at });
