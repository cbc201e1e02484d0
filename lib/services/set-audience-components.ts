import { getAudienceRecord, replaceLinks, type AudienceRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { checkIds } from '@/lib/services/audience-links';
import { IdList } from '@/lib/services/audience-schemas';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';

/** Statuspage's component sub-resource verbs: PATCH adds, POST replaces, DELETE removes (all when no list). */
export type ComponentEdit = 'add' | 'replace' | 'remove';

/** Adds, replaces or removes the components one audience may see. */
export async function setAudienceComponents({
  ctx,
  id,
  edit,
  componentIds,
}: {
  ctx: ServiceContext;
  id: string;
  edit: ComponentEdit;
  componentIds: readonly string[] | undefined;
}): Promise<AudienceRecord> {
  authorize(ctx, 'audience.manage');
  const audienceId = parseInput(Id, id);
  const ids = componentIds === undefined ? undefined : parseInput(IdList, componentIds);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getAudienceRecord(trx, audienceId);
    if (!before) throw new NotFoundError('Audience', audienceId);
    let next: string[];
    if (edit === 'remove') next = ids ? before.componentIds.filter((c) => !ids.includes(c)) : [];
    else {
      await checkIds(trx, 'componentIds', ids ?? []);
      next = edit === 'replace' ? [...(ids ?? [])] : [...before.componentIds, ...(ids ?? []).filter((c) => !before.componentIds.includes(c))];
    }
    await replaceLinks(trx, 'audience_components', audienceId, next);
    const after = (await getAudienceRecord(trx, audienceId))!;
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now(), { alert: false });
    await recordAudit(trx, ctx, { action: 'audience.components', entityType: 'audience', entityId: audienceId, before: before.componentIds, after: after.componentIds });
    return after;
  });
}
