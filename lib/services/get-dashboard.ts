import { listComponents, listGroups } from '@/lib/db/queries/components';
import { deliveryHealth, isMaintenanceSoon } from '@/lib/domain/dashboard';
import { getEnv } from '@/lib/env';
import { expansionBacklog } from '@/lib/notify/expand';
import { QUEUED } from '@/lib/notify/outbox';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { listAdminIncidents } from '@/lib/services/list-admin-incidents';

/** Webhooks listed on the dashboard, failing or disabled, at most. */
const WEBHOOKS_SHOWN = 5;

/** How deliveries are doing: the outbox backlog, the oldest waiting alert, dead rows, webhooks in trouble, mail. */
async function getDeliveryHealth(ctx: ServiceContext) {
  const [queued, dead, webhooks, expansion] = await Promise.all([
    ctx.db
      .selectFrom('notifications')
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('state', '=', QUEUED)
      .executeTakeFirst(),
    ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string | number>().as('n')).where('state', '=', 'dead').executeTakeFirst(),
    ctx.db
      .selectFrom('subscribers')
      .select(['id', 'url', 'state', 'failing_since', 'disabled_at'])
      .where('kind', '=', 'webhook')
      .where((eb) => eb.or([eb('state', '=', 'disabled'), eb.and([eb('state', '=', 'active'), eb('failing_since', 'is not', null)])]))
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute(),
    expansionBacklog(ctx.db, ctx.now()),
  ]);
  const oldestQueued = queued?.oldest ? Math.max(0, (ctx.now().getTime() - Date.parse(String(queued.oldest))) / 1000) : null;
  // An alert not yet expanded into outbox rows waits too: the oldest of both counts.
  const oldestPendingSeconds = [oldestQueued, expansion.oldestAgeSeconds].reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
  const failing = webhooks.filter((w) => w.state === 'active');
  const disabled = webhooks.filter((w) => w.state === 'disabled');
  const figures = {
    backlog: Number(queued?.n ?? 0),
    alertsWaitingExpansion: expansion.waiting,
    oldestPendingSeconds,
    dead: Number(dead?.n ?? 0),
    failingWebhooks: failing.length,
    disabledWebhooks: disabled.length,
    smtpConfigured: !!getEnv().SMTP_URL,
  };
  return {
    ...figures,
    health: deliveryHealth(figures),
    webhooks: [...failing, ...disabled].slice(0, WEBHOOKS_SHOWN).map((w) => ({ id: w.id, url: w.url ?? '', state: w.state, since: w.state === 'disabled' ? w.disabled_at : w.failing_since })),
  };
}

/**
 * Everything the console's dashboard shows, "what needs me now": every component with its
 * status (by group), open incidents with their latest update, maintenance under way or within
 * 7 days, resolved critical incidents owing a postmortem, and delivery health.
 */
export async function getDashboard({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, 'delivery.read');
  const now = ctx.now();
  const [groups, components, incidents, maintenance, delivery] = await Promise.all([
    listGroups(ctx.db),
    listComponents(ctx.db),
    listAdminIncidents({ ctx, kind: 'incident', limit: 500 }),
    listAdminIncidents({ ctx, kind: 'maintenance', limit: 0 }),
    getDeliveryHealth(ctx),
  ]);
  const pick = (groupId: string | null) => components.filter((c) => c.group_id === groupId).map((c) => ({ id: c.id, name: c.name, status: c.status }));
  const ungrouped = pick(null);
  const componentGroups = [
    ...groups.map((g) => ({ id: g.id as string | null, name: g.name, components: pick(g.id) })),
    ...(ungrouped.length ? [{ id: null, name: 'Other components', components: ungrouped }] : []),
  ].filter((g) => g.components.length > 0);
  return {
    componentGroups,
    openIncidents: incidents.open,
    postmortemsDue: incidents.closed.filter((i) => i.postmortemDue),
    maintenance: maintenance.open
      .filter((m) => isMaintenanceSoon(m, now))
      .sort((a, b) => Date.parse(a.scheduledFor ?? a.startedAt) - Date.parse(b.scheduledFor ?? b.startedAt)),
    delivery,
  };
}
