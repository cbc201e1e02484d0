import type { Transaction } from 'kysely';
import type { Database, IntegrationDraftRow } from '@/lib/db/schema';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { createIncident } from '@/lib/services/create-incident';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/** Publishes a draft inside `trx`: it becomes a real incident, the only moment it goes public. */
export async function publishDraftIn(trx: Transaction<Database>, ctx: ServiceContext, draft: IntegrationDraftRow): Promise<string> {
  const incident = await createIncident({
    ctx: { ...ctx, db: trx },
    input: { name: draft.name, body: draft.body, components: JSON.parse(draft.components) as { id: string; status: never }[] },
  });
  await trx.updateTable('integration_drafts').set({ state: 'published', incident_id: incident.id, publish_at: null }).where('id', '=', draft.id).execute();
  await recordAudit(trx, ctx, { action: 'integration.draft_publish', entityType: 'incident', entityId: incident.id, after: { draft: draft.id, name: draft.name } });
  return incident.id;
}

/** An operator publishes a draft now (from the console). */
export async function publishIntegrationDraft({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<string> {
  authorize(ctx, 'integration.draft');
  const id = parseInput(Id, input.id);
  return withTransaction(ctx.db, async (trx) => {
    const draft = await forUpdate(trx, trx.selectFrom('integration_drafts').selectAll().where('id', '=', id)).executeTakeFirst();
    if (!draft) throw new NotFoundError('Draft', id);
    if (draft.state !== 'draft' && draft.state !== 'acknowledged') throw new ConflictError('This draft was already published or discarded');
    return publishDraftIn(trx, ctx, draft);
  });
}
