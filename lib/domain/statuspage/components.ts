import { COMPONENT_STATUSES, worstOf } from '@/lib/domain/status';
import { isoDate, isoTime } from '@/lib/domain/statuspage/time';
import type { ComponentInput, GroupInput, SpComponent, StatuspageData } from '@/lib/domain/statuspage/types';

const byPosition = <T extends { position: number; name: string }>(a: T, b: T) =>
  a.position - b.position || a.name.localeCompare(b.name);

/**
 * Every component in display order, each group first and then its children, then the ungrouped
 * ones; `position` is the 1-based place in that list, as on Statuspage pages.
 */
export function toSpComponents(data: {
  settings: Pick<StatuspageData['settings'], 'id'>;
  groups: StatuspageData['groups'];
  components: StatuspageData['components'];
}): SpComponent[] {
  const pageId = data.settings.id;
  const out: SpComponent[] = [];
  const push = (c: Omit<SpComponent, 'position'>) => out.push({ ...c, position: out.length + 1 } as SpComponent);
  const children = (groupId: string | null) =>
    data.components.filter((c) => c.group_id === groupId).sort(byPosition);

  for (const group of [...data.groups].sort(byPosition)) {
    const kids = children(group.id);
    push(groupComponent(group, kids, pageId));
    for (const c of kids) push(plainComponent(c, pageId));
  }
  for (const c of children(null)) push(plainComponent(c, pageId));
  return reorderKeys(out);
}

/** The components an incident can name (groups are never affected themselves), by id. */
export function affectableById(components: readonly SpComponent[]): Map<string, SpComponent> {
  return new Map(components.filter((c) => !c.group).map((c) => [c.id, c]));
}

function groupComponent(group: GroupInput, kids: readonly ComponentInput[], pageId: string): Omit<SpComponent, 'position'> {
  return {
    id: group.id,
    name: group.name,
    status: worstOf(COMPONENT_STATUSES, kids.map((k) => k.status), 'operational'),
    created_at: isoTime(group.created_at),
    updated_at: isoTime(
      new Date(Math.max(Date.parse(group.updated_at), ...kids.map((k) => Date.parse(k.updated_at)))).toISOString(),
    ),
    description: group.description,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: pageId,
    group: true,
    only_show_if_degraded: false,
    components: kids.map((k) => k.id),
  };
}

function plainComponent(c: ComponentInput, pageId: string): Omit<SpComponent, 'position'> {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: isoTime(c.created_at),
    updated_at: isoTime(c.updated_at),
    description: c.description,
    showcase: c.showcase,
    start_date: isoDate(c.start_date),
    group_id: c.group_id,
    page_id: pageId,
    group: false,
    only_show_if_degraded: c.only_show_if_degraded,
  };
}

// Key order as githubstatus.com serves it (position after updated_at); it carries no meaning.
function reorderKeys(list: SpComponent[]): SpComponent[] {
  return list.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.created_at,
    updated_at: c.updated_at,
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.start_date,
    group_id: c.group_id,
    page_id: c.page_id,
    group: c.group,
    only_show_if_degraded: c.only_show_if_degraded,
    ...(c.components ? { components: c.components } : {}),
  }));
}
