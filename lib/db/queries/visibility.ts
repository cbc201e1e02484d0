import type { VisibilityIndex } from '@/lib/domain/visibility';
import type { DbOrTx } from '@/lib/db/transaction';

/** Every audience limit on components, groups and incidents, in six small queries. */
export async function readVisibilityIndex(db: DbOrTx): Promise<VisibilityIndex> {
  const [components, groups, incidents, audiences, componentGroups, postmortems] = await Promise.all([
    db.selectFrom('audience_components').select(['component_id as id', 'audience_id']).execute(),
    db.selectFrom('audience_groups').select(['group_id as id', 'audience_id']).execute(),
    db.selectFrom('audience_incidents').select(['incident_id as id', 'audience_id']).execute(),
    db.selectFrom('audiences').select(['id', 'name', 'support_level']).execute(),
    db.selectFrom('components').select(['id', 'group_id']).execute(),
    db.selectFrom('incidents').select(['id', 'postmortem_visibility']).where('postmortem_visibility', '!=', 'everyone').execute(),
  ]);
  const collect = (rows: { id: string; audience_id: string }[]) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.id, [...(map.get(r.id) ?? []), r.audience_id]);
    return map;
  };
  return {
    components: collect(components),
    groups: collect(groups),
    incidents: collect(incidents),
    componentGroup: new Map(componentGroups.map((c) => [c.id, c.group_id])),
    audienceNames: new Map(audiences.map((a) => [a.id, a.name])),
    audienceLevels: new Map(audiences.map((a) => [a.id, a.support_level])),
    postmortems: new Map(postmortems.map((p) => [p.id, p.postmortem_visibility])),
  };
}
