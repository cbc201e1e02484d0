import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import { getMemberAlerts, type MemberAlerts } from '@/lib/db/queries/member-subscriptions';
import { forUpdate } from '@/lib/db/row-lock';
import { afterCommit, withTransaction } from '@/lib/db/transaction';
import { wakeWorkers } from '@/lib/notify/wake';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';
import { newSubscriberRow, setComponents } from '@/lib/services/subscribe';
import { SubscriberLocale } from '@/lib/services/subscription-schemas';

export const SetMemberAlertsInput = z.object({ memberId: Id, on: z.boolean(), locale: SubscriberLocale.optional() });
export type SetMemberAlertsInput = z.input<typeof SetMemberAlertsInput>;

/**
 * Turns a signed-in member's email alerts on or off (issue #16 part 3). Alerts go to the address
 * they signed in with — proven by the magic link, so there is no second confirmation — and
 * follow what their audiences may see: a private incident, their private components, their
 * postmortems. An address already subscribed on the public page becomes the member's, keeping
 * its choices; a new one gets every component. Off unsubscribes it (the emails' link does too).
 * The audit log records it as the member's doing.
 */
export async function setMemberAlerts({ ctx, input }: { ctx: ServiceContext; input: SetMemberAlertsInput }): Promise<MemberAlerts> {
  const data = parseInput(SetMemberAlertsInput, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const member = await forUpdate(trx, trx.selectFrom('members').select(['id', 'email']).where('id', '=', data.memberId)).executeTakeFirst();
    if (!member) throw new NotFoundError('Member', data.memberId);
    const existing = await trx.selectFrom('subscribers').selectAll().where('kind', '=', 'email').where('email', '=', member.email).executeTakeFirst();
    const before = await getMemberAlerts(trx, member.id);
    if (data.on) {
      afterCommit(trx, wakeWorkers);
      if (!existing) {
        const id = newId();
        await trx
          .insertInto('subscribers')
          .values({ ...newSubscriberRow(id, 'email', at), email: member.email, member_id: member.id, state: 'active', confirmed_at: at, locale: data.locale ?? null })
          .execute();
      } else if (existing.state === 'active') {
        await trx.updateTable('subscribers').set({ member_id: member.id, updated_at: at }).where('id', '=', existing.id).execute();
      } else {
        // Pending, unsubscribed or disabled: started afresh, for everything they may see.
        await trx
          .updateTable('subscribers')
          .set({ member_id: member.id, state: 'active', all_components: true, events: 'all', maintenance: true, confirmed_at: existing.confirmed_at ?? at, confirm_token: null, confirm_expires_at: null, unsubscribed_at: null, disabled_at: null, failing_since: null, locale: data.locale ?? existing.locale, updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        await setComponents(trx, existing.id, []);
      }
    } else if (existing?.member_id === member.id && existing.state === 'active') {
      await trx.updateTable('subscribers').set({ state: 'unsubscribed', unsubscribed_at: at, updated_at: at }).where('id', '=', existing.id).execute();
    }
    const after = await getMemberAlerts(trx, member.id);
    if (after.on !== before.on) {
      await recordAudit(
        trx,
        { ...ctx, actor: { type: 'member', id: member.id, name: member.email } },
        { action: after.on ? 'member_alerts.on' : 'member_alerts.off', entityType: 'member', entityId: member.id, before: { ...before }, after: { ...after } },
      );
    }
    return after;
  });
}
