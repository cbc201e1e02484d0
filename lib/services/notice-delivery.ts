import { newId } from '@/lib/db/ids';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { getNoticeRecord, listAudienceLevels, membersOfAudiences, type NoticeRecord } from '@/lib/db/queries/notices';
import { claimNoticeDeliveries } from '@/lib/db/queries/notice-deliveries';
import { nextAttemptAt } from '@/lib/domain/backoff';
import type { Transaction } from 'kysely';
import type { Database } from '@/lib/db/schema';
import type { NoticeStatus, NoticeTarget } from '@/lib/domain/notices';
import { audiencesOfTarget, noticeRecipients } from '@/lib/domain/notices';
import { publicUrl } from '@/lib/env';
import { afterCommit } from '@/lib/db/transaction';
import { pageSnapshot, type AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { queueEvent } from '@/lib/notify/outbox';
import { wakeWorkers } from '@/lib/notify/wake';
import { mailFrom, mailHost, sendEmail } from '@/lib/notify/email';
import { renderNoticeEmail } from '@/lib/notify/notice-email';
import type { ServiceContext } from '@/lib/services/context';
import { ValidationError } from '@/lib/services/errors';

/** Messages handed to the mailer at the same time (the SMTP pool holds five connections). */
const PARALLEL_SENDS = 5;

/**
 * Writes a notice, whom it is for and one queued delivery per member address, in the caller's
 * transaction. Members have no subscriptions of their own yet (issue #16 part 3), so a notice goes
 * to every member's email address; nobody outside the chosen audiences gets a row. Null when no
 * audience has the level asked for.
 */
export async function recordNotice(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: { title: string; body: string; target: NoticeTarget; status?: NoticeStatus; incidentId?: string | null },
): Promise<NoticeRecord | null> {
  const chosen = audiencesOfTarget(await listAudienceLevels(trx), input.target);
  if (input.target.kind === 'audiences' && chosen.length !== input.target.audienceIds.length) {
    throw new ValidationError('Audiences: lists an audience that does not exist', { audienceIds: 'lists an audience that does not exist' });
  }
  if (chosen.length === 0) return null;
  const at = ctx.now().toISOString();
  const id = newId();
  await trx
    .insertInto('notices')
    .values({
      id,
      title: input.title,
      body: input.body,
      status: input.status ?? 'open',
      min_level: input.target.kind === 'level' ? input.target.minLevel : null,
      incident_id: input.incidentId ?? null,
      sent_by: ctx.actor?.name ?? 'system',
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
  await trx.insertInto('notice_audiences').values(chosen.map((a, position) => ({ notice_id: id, audience_id: a.id, position }))).execute();
  const recipients = noticeRecipients(await membersOfAudiences(trx, chosen.map((a) => a.id)));
  if (recipients.length > 0) {
    await trx
      .insertInto('notice_deliveries')
      .values(recipients.map((r) => ({ id: newId(), notice_id: id, member_id: r.memberId, email: r.email, channel: 'email' as const, state: 'queued' as const, attempts: 0, last_error: null, delivered_at: null, created_at: at })))
      .execute();
  }
  const record = (await getNoticeRecord(trx, id))!;
  await queueNoticeHooks(trx, record, chosen.map((a) => a.id), ctx.now());
  return record;
}

/**
 * Posts the notice to the chosen audiences' members' webhooks and chat channels (subscriptions
 * made while signed in: issue #16 part 3) through the outbox, in the notice's transaction: signed,
 * in each platform's format, retried like alerts, and sent as soon as a worker wakes.
 */
async function queueNoticeHooks(trx: Transaction<Database>, notice: NoticeRecord, audienceIds: readonly string[], now: Date): Promise<void> {
  const hooks = await trx
    .selectFrom('subscribers')
    .innerJoin('audience_members', 'audience_members.member_id', 'subscribers.member_id')
    .select('subscribers.id')
    .distinct()
    .where('subscribers.state', '=', 'active')
    .where('subscribers.kind', '=', 'webhook')
    .where('audience_members.audience_id', 'in', [...audienceIds])
    .execute();
  if (hooks.length === 0) return;
  afterCommit(trx, wakeWorkers);
  const snapshot: AlertSnapshot = {
    kind: 'notice.sent',
    generatedAt: now.toISOString(),
    baseUrl: publicUrl(),
    page: await pageSnapshot(trx, now),
    notice: { id: notice.id, title: notice.title, body: notice.body, audiences: notice.audiences.map((a) => a.name), created_at: notice.created_at },
  };
  await queueEvent(trx, { key: `notice.sent:${notice.id}`, incidentId: null, snapshot }, hooks.map((h) => ({ id: h.id, channel: 'webhook' as const })), now);
}

/** How long a sender holds a claimed message: an SMTP conversation takes seconds, not minutes. */
const SEND_LEASE_MS = 2 * 60_000;
/** Messages claimed per round. */
const CLAIM_BATCH = 200;

type Sent = { delivered: number; failed: number };

/**
 * Sends a notice's messages now, after its transaction committed ("at once" is the promise),
 * recording each outcome. A message that could not be sent is queued again with the alerts'
 * back-off (about 30 s, 2 min, 10 min, … 12 h) and sent by `deliverDueNotices`; after the last
 * attempt it stays in the console as failed.
 */
export async function deliverNotice(ctx: Pick<ServiceContext, 'db' | 'now'>, noticeId: string): Promise<Sent> {
  return sendDue(ctx, noticeId);
}

/**
 * Sends every notice message that is due: retries whose wait is over, and messages a sender
 * claimed but never finished (its process died). Run by the scheduler on every tick.
 */
export async function deliverDueNotices(ctx: Pick<ServiceContext, 'db' | 'now'>): Promise<Sent> {
  return sendDue(ctx);
}

async function sendDue(ctx: Pick<ServiceContext, 'db' | 'now'>, noticeId?: string): Promise<Sent> {
  const result: Sent = { delivered: 0, failed: 0 };
  const notices = new Map<string, Promise<NoticeRecord | undefined>>();
  const settings = await getPageSettings(ctx.db);
  for (;;) {
    const now = ctx.now();
    const claimed = await claimNoticeDeliveries(ctx.db, { now, leaseUntil: new Date(now.getTime() + SEND_LEASE_MS), noticeId, limit: CLAIM_BATCH });
    for (let i = 0; i < claimed.length; i += PARALLEL_SENDS) {
      await Promise.all(
        claimed.slice(i, i + PARALLEL_SENDS).map(async (row) => {
          if (!notices.has(row.notice_id)) notices.set(row.notice_id, getNoticeRecord(ctx.db, row.notice_id));
          const notice = await notices.get(row.notice_id);
          if (!notice) return;
          const message = renderNoticeEmail({
            pageName: settings.name,
            title: notice.title,
            body: notice.body,
            audienceNames: notice.audiences.map((a) => a.name),
            pageUrl: `${publicUrl()}/`,
            messageId: `<notice-${notice.id}-${row.id}@${mailHost()}>`,
          });
          const attempts = row.attempts + 1;
          try {
            await sendEmail(ctx.db, { ...message, to: row.email, from: mailFrom(settings.name) }, ctx.now());
            await ctx.db
              .updateTable('notice_deliveries')
              .set({ state: 'delivered', attempts, delivered_at: ctx.now().toISOString(), last_error: null, available_at: null, lease_until: null })
              .where('id', '=', row.id)
              .execute();
            result.delivered += 1;
          } catch (error) {
            const retryAt = nextAttemptAt(attempts, ctx.now(), Math.random());
            await ctx.db
              .updateTable('notice_deliveries')
              .set({ state: retryAt ? 'queued' : 'failed', attempts, available_at: retryAt?.toISOString() ?? null, lease_until: null, last_error: String((error as Error).message ?? error).slice(0, 500) })
              .where('id', '=', row.id)
              .execute();
            result.failed += 1;
          }
        }),
      );
    }
    if (claimed.length < CLAIM_BATCH) return result;
  }
}
