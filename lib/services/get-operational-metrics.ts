import { QUEUED } from '@/lib/notify/outbox';
import type { ServiceContext } from '@/lib/services/context';

/** Figures for the metrics endpoint: the outbox backlog and delivery results. */
export async function getOperationalMetrics({ ctx }: { ctx: ServiceContext }) {
  const [backlog, oldest, deliveries] = await Promise.all([
    ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('state', '=', QUEUED).executeTakeFirst(),
    ctx.db.selectFrom('notifications').select((eb) => eb.fn.min('created_at').as('at')).where('state', '=', QUEUED).executeTakeFirst(),
    ctx.db
      .selectFrom('notifications')
      .select(['state', 'channel', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['state', 'channel'])
      .execute(),
  ]);
  const oldestAt = oldest?.at ? Date.parse(String(oldest.at)) : null;
  return {
    outboxBacklog: Number(backlog?.n ?? 0),
    oldestPendingSeconds: oldestAt === null ? 0 : Math.max(0, (ctx.now().getTime() - oldestAt) / 1000),
    deliveries: deliveries.map((d) => ({ state: d.state, channel: d.channel, count: Number(d.n) })),
  };
}
