import { audiencesOf } from '@/lib/db/queries/audiences';
import { getComponent } from '@/lib/db/queries/components';
import { withTransaction } from '@/lib/db/transaction';
import { IdList } from '@/lib/services/audience-schemas';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { checkMemberAudiences } from '@/lib/services/update-member';
import { Id } from '@/lib/services/schemas';

/**
 * The component side of the audience links: gives one component to the listed audiences (`add`),
 * or takes it from every audience (`clear`), which makes it public again. Returns its audiences.
 */
export async function setComponentAudiences({
  ctx,
  componentId,
  edit,
  audienceIds = [],
}: {
  ctx: ServiceContext;
  componentId: string;
  edit: 'add' | 'clear';
  audienceIds?: readonly string[];
}): Promise<string[]> {
  authorize(ctx, 'audience.manage');
  const id = parseInput(Id, componentId);
  const ids = parseInput(IdList, audienceIds);
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, id);
    if (!component || component.archived_at) throw new NotFoundError('Component', id);
    const before = await audiencesOf(trx, 'audience_components', id);
    if (edit === 'clear') {
      await trx.deleteFrom('audience_components').where('component_id', '=', id).execute();
    } else {
      await checkMemberAudiences(trx, ids);
      for (const audienceId of ids.filter((a) => !before.includes(a))) {
        const last = await trx
          .selectFrom('audience_components')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('audience_id', '=', audienceId)
          .executeTakeFirst();
        await trx.insertInto('audience_components').values({ audience_id: audienceId, component_id: id, position: Number(last?.max ?? -1) + 1 }).execute();
      }
    }
    const after = await audiencesOf(trx, 'audience_components', id);
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now(), { alert: false });
    await recordAudit(trx, ctx, { action: 'component.audiences', entityType: 'component', entityId: id, before, after });
    return after;
  });
}
