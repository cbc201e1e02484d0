import { listAllTranslations } from '@/lib/db/queries/translations';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import type { ComponentStatus } from '@/lib/domain/status';
import type { ServiceContext } from '@/lib/services/context';

export interface ComponentChoiceGroup {
  id: string | null;
  name: string;
  components: { id: string; name: string; status: ComponentStatus }[];
}

/** Live components by group, for the console's pickers. */
export async function listComponentChoices({ ctx }: { ctx: ServiceContext }): Promise<ComponentChoiceGroup[]> {
  const [groups, components] = await Promise.all([listGroups(ctx.db), listComponents(ctx.db)]);
  const pick = (groupId: string | null) =>
    components.filter((c) => c.group_id === groupId).map((c) => ({ id: c.id, name: c.name, status: c.status }));
  const grouped = groups.map((g) => ({ id: g.id, name: g.name, components: pick(g.id) }));
  const ungrouped = pick(null);
  return [...grouped, ...(ungrouped.length ? [{ id: null, name: 'Ungrouped', components: ungrouped }] : [])].filter(
    (g) => g.components.length > 0,
  );
}

/** Groups and live components as stored, for the console's component editor. */
export async function listComponentCatalog({ ctx }: { ctx: ServiceContext }) {
  const [groups, components, componentTranslations, groupTranslations] = await Promise.all([
    listGroups(ctx.db),
    listComponents(ctx.db),
    listAllTranslations(ctx.db, 'component'),
    listAllTranslations(ctx.db, 'component_group'),
  ]);
  return { groups, components, translations: { components: componentTranslations, groups: groupTranslations } };
}
