import type { IncidentClass } from '@/lib/domain/incident-class';
import { SUPPORT_LEVELS, type SupportLevel } from '@/lib/domain/support-levels';

/** Who may read a postmortem: everyone, or audiences at that support level and up. */
export const POSTMORTEM_VISIBILITIES = ['everyone', 'business', 'enterprise'] as const;
export type PostmortemVisibility = (typeof POSTMORTEM_VISIBILITIES)[number];

export const POSTMORTEM_VISIBILITY_LABELS: Record<PostmortemVisibility, string> = {
  everyone: 'Everyone',
  business: 'Business and Enterprise audiences',
  enterprise: 'Enterprise audiences only',
};

/**
 * What the support levels promise: a critical incident's postmortem is published to everyone, an
 * operational incident's to Enterprise customers only. Unclassified and smaller issues keep the
 * old behaviour (everyone): nothing was promised about them.
 */
export function defaultPostmortemVisibility(incidentClass: IncidentClass | null): PostmortemVisibility {
  return incidentClass === 'operational' ? 'enterprise' : 'everyone';
}

/**
 * Whether a reader in audiences of `levels` may read a postmortem of `visibility`; `everything`
 * is the console. The public (no levels) reads only postmortems for everyone.
 */
export function mayReadPostmortem(visibility: PostmortemVisibility, levels: readonly SupportLevel[] | 'everything'): boolean {
  if (visibility === 'everyone' || levels === 'everything') return true;
  const needed = SUPPORT_LEVELS.indexOf(visibility);
  return levels.some((level) => SUPPORT_LEVELS.indexOf(level) >= needed);
}
