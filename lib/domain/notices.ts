import { SUPPORT_LEVELS, SUPPORT_LEVEL_LABELS, type SupportLevel } from '@/lib/domain/support-levels';

/**
 * Early notices (issue #16 part 4): a warning to chosen audiences before, or without, a public
 * incident. Pure rules; the services read the rows and pass `now` in.
 */

/** open → closed, or open → promoted (it became an incident). Neither end reopens. */
export const NOTICE_STATUSES = ['open', 'closed', 'promoted'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Whom a notice is for: audiences chosen by name, or every audience at a level and up. */
export type NoticeTarget = { kind: 'audiences'; audienceIds: readonly string[] } | { kind: 'level'; minLevel: SupportLevel };

export interface AudienceLevel {
  id: string;
  name: string;
  supportLevel: SupportLevel;
}

/** True when `level` is `min` or higher (business and up: business, enterprise). */
export function atLevelOrAbove(level: SupportLevel, min: SupportLevel): boolean {
  return SUPPORT_LEVELS.indexOf(level) >= SUPPORT_LEVELS.indexOf(min);
}

/** The audiences a target names, in the order given (by name) or by name (by level); unknown ids are left out. */
export function audiencesOfTarget(audiences: readonly AudienceLevel[], target: NoticeTarget): AudienceLevel[] {
  if (target.kind === 'level') return audiences.filter((a) => atLevelOrAbove(a.supportLevel, target.minLevel)).sort((a, b) => a.name.localeCompare(b.name));
  const byId = new Map(audiences.map((a) => [a.id, a]));
  return target.audienceIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Each member address once, however many of the chosen audiences it belongs to. */
export function noticeRecipients<M extends { memberId: string; email: string }>(memberships: readonly M[]): M[] {
  const seen = new Set<string>();
  return memberships.filter((m) => (seen.has(m.email) ? false : (seen.add(m.email), true)));
}

/** Why a notice in `status` cannot be closed or promoted, or null when it can. */
export function noticeChangeRefused(status: NoticeStatus): string | null {
  if (status === 'closed') return 'is already closed';
  if (status === 'promoted') return 'was already promoted to an incident';
  return null;
}

/** "Business and up", "Enterprise", or the audiences' names: whom the console says it went to. */
export function describeTarget(minLevel: SupportLevel | null, audienceNames: readonly string[]): string {
  if (minLevel === 'enterprise') return `${SUPPORT_LEVEL_LABELS.enterprise} audiences`;
  if (minLevel) return `${SUPPORT_LEVEL_LABELS[minLevel]} and up`;
  return audienceNames.join(', ');
}

/** How long a notice has been open, for the console: "under a minute", "12 min", "3 h", "2 days". */
export function openFor(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
