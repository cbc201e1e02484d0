/**
 * Who may see what (issue #16): a component, group or incident with no audience is public; one
 * limited to audiences is seen by their members only. A component inside a private group is
 * private to the group's audiences too. Pure: the index is read by lib/services/visibility.ts.
 */
import { mayReadPostmortem, type PostmortemVisibility } from '@/lib/domain/postmortem-visibility';
import type { SupportLevel } from '@/lib/domain/support-levels';

/** Who is reading: everyone (the console and the manage API), the public, or a member's audiences. */
export type Viewer = { kind: 'everything' } | { kind: 'audiences'; audienceIds: readonly string[] };

/** An anonymous reader: the public page, the v2 API, feeds, badges, alerts to non-members. */
export const PUBLIC_VIEWER: Viewer = { kind: 'audiences', audienceIds: [] };
export const EVERYTHING: Viewer = { kind: 'everything' };

/** Which audiences each private component, group and incident is limited to. */
export interface VisibilityIndex {
  components: ReadonlyMap<string, readonly string[]>;
  groups: ReadonlyMap<string, readonly string[]>;
  incidents: ReadonlyMap<string, readonly string[]>;
  /** Every component's group, so a component id alone can be judged. */
  componentGroup: ReadonlyMap<string, string | null>;
  audienceNames: ReadonlyMap<string, string>;
  /** Each audience's support level (what postmortems its members may read). */
  audienceLevels: ReadonlyMap<string, SupportLevel>;
  /** Incidents whose postmortem is not for everyone, with who may read it. */
  postmortems: ReadonlyMap<string, PostmortemVisibility>;
}

/** The judgements one viewer gets from one index. */
export interface Sight {
  viewer: Viewer;
  component(id: string, groupId?: string | null): boolean;
  group(id: string): boolean;
  incident(id: string): boolean;
  /** Whether the incident's postmortem (when there is one) may be shown to this viewer. */
  postmortem(incidentId: string): boolean;
  /** False when no incident is limited to anyone (queries may then take the first row as is). */
  anyPrivateIncident: boolean;
  /** The audiences a private item is limited to that this viewer belongs to (empty when public). */
  privateTo(kind: 'component' | 'group' | 'incident', id: string): string[];
}

/** Limits of a component: its own audiences and its group's. */
function componentAudiences(index: VisibilityIndex, id: string, groupId?: string | null): readonly string[] {
  const own = index.components.get(id) ?? [];
  const group = groupId === undefined ? index.componentGroup.get(id) : groupId;
  const inherited = group ? (index.groups.get(group) ?? []) : [];
  return inherited.length === 0 ? own : [...own, ...inherited];
}

/** Binds an index to a viewer. */
export function sightOf(index: VisibilityIndex, viewer: Viewer): Sight {
  const mine = viewer.kind === 'everything' ? null : new Set(viewer.audienceIds);
  const allowed = (limits: readonly string[]) => limits.length === 0 || mine === null || limits.some((a) => mine.has(a));
  const levels = mine === null ? 'everything' : [...mine].flatMap((a) => index.audienceLevels.get(a) ?? []);
  const names = (limits: readonly string[]) =>
    limits.filter((a) => mine === null || mine.has(a)).map((a) => index.audienceNames.get(a) ?? a);
  return {
    viewer,
    component: (id, groupId) => allowed(componentAudiences(index, id, groupId)),
    group: (id) => allowed(index.groups.get(id) ?? []),
    incident: (id) => allowed(index.incidents.get(id) ?? []),
    postmortem: (id) => mayReadPostmortem(index.postmortems.get(id) ?? 'everyone', levels),
    anyPrivateIncident: mine !== null && index.incidents.size > 0,
    privateTo: (kind, id) =>
      names(kind === 'component' ? componentAudiences(index, id) : kind === 'group' ? (index.groups.get(id) ?? []) : (index.incidents.get(id) ?? [])),
  };
}

/**
 * Whether these audiences may see anything the public may not: an item limited to one of them,
 * or a postmortem their support level reaches. When not, everything reads for them as for the
 * public (an alert needs no variant of its own).
 */
export function seesMoreThanPublic(index: VisibilityIndex, audienceIds: readonly string[]): boolean {
  const mine = new Set(audienceIds);
  const limitedToMine = (limits: ReadonlyMap<string, readonly string[]>) => [...limits.values()].some((l) => l.some((a) => mine.has(a)));
  if (limitedToMine(index.components) || limitedToMine(index.groups) || limitedToMine(index.incidents)) return true;
  const levels = audienceIds.flatMap((a) => index.audienceLevels.get(a) ?? []);
  return [...index.postmortems.values()].some((v) => mayReadPostmortem(v, levels));
}

/** The sight of the console: everything, nothing private marked. */
export const SEE_EVERYTHING: Sight = {
  viewer: EVERYTHING,
  component: () => true,
  group: () => true,
  incident: () => true,
  postmortem: () => true,
  anyPrivateIncident: false,
  privateTo: () => [],
};

/**
 * The audiences a new incident is limited to when the operator did not choose: those of its
 * affected components when every one of them is private, else none (public). An incident about
 * only a customer's VPN tunnel is that customer's business.
 */
export function defaultIncidentAudiences(index: VisibilityIndex, componentIds: readonly string[]): string[] {
  if (componentIds.length === 0) return [];
  const limits = componentIds.map((id) => componentAudiences(index, id));
  if (limits.some((l) => l.length === 0)) return [];
  return [...new Set(limits.flat())];
}

/** The row as `sight` may read it: a postmortem it may not read is left out, as if unpublished. */
export function withVisiblePostmortem<T extends { id: string; postmortem_body: string | null; postmortem_published_at: string | null }>(row: T, sight: Sight): T {
  return row.postmortem_body === null || sight.postmortem(row.id) ? row : { ...row, postmortem_body: null, postmortem_published_at: null };
}
