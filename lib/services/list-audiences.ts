import { listAudienceRecords, listMemberRecords, type AudienceRecord } from '@/lib/db/queries/audiences';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { authorize, type ServiceContext } from '@/lib/services/context';

export interface AudienceOverview extends AudienceRecord {
  members: { id: string; email: string; createdAt: string }[];
}

/** Every audience with its members, and the components and groups an admin may limit to them. */
export async function listAudiences({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, 'audience.read');
  const [audiences, components, groups] = await Promise.all([listAudienceRecords(ctx.db), listComponents(ctx.db), listGroups(ctx.db)]);
  const members = await listMemberRecords(ctx.db, { ids: [...new Set(audiences.flatMap((a) => a.memberIds))] });
  const byId = new Map(members.map((m) => [m.id, m]));
  const overview: AudienceOverview[] = audiences.map((a) => ({
    ...a,
    members: a.memberIds.flatMap((id) => {
      const m = byId.get(id);
      return m ? [{ id: m.id, email: m.email, createdAt: m.created_at }] : [];
    }),
  }));
  return {
    audiences: overview.sort((a, b) => a.name.localeCompare(b.name)),
    components: components.map((c) => ({ id: c.id, name: c.name, groupId: c.group_id })),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
  };
}

/** Audiences by name, for the incident composer's "Visible to". */
export async function listAudienceChoices({ ctx }: { ctx: ServiceContext }): Promise<{ id: string; name: string }[]> {
  const rows = await ctx.db.selectFrom('audiences').select(['id', 'name']).orderBy('name').execute();
  return rows;
}
