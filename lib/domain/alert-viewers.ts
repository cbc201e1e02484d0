/**
 * Alerts that follow visibility (issue #16 part 3). A subscription that belongs to a member sees
 * what the member's audiences see, so an alert may read differently for them: a private
 * incident, a private component among the affected ones, a postmortem for their support level,
 * their components in the overall status. Such an alert is recorded once per distinct viewer —
 * the set of audiences a member belongs to, written as a key — next to the public one, and each
 * subscriber gets exactly one of them.
 */

/** A viewer's key: its audience ids sorted and comma-joined; null for no audience (the public). */
export function viewerKey(audienceIds: Iterable<string>): string | null {
  const ids = [...new Set(audienceIds)].sort();
  return ids.length === 0 ? null : ids.join(',');
}

/** The audience ids a key stands for. */
export function audiencesOfViewer(key: string): string[] {
  return key.split(',');
}

/** An alert's variant: the public one (viewer null, naming the viewers that got their own) or one viewer's. */
export interface AlertVariant {
  viewer: string | null;
  otherViewers: readonly string[];
}

/**
 * Whether a variant goes to a subscriber whose viewer is `subscriberViewer` (null: not a member,
 * or a member of no audience). Of one alert's variants, exactly one matches any subscriber.
 */
export function variantReaches(variant: AlertVariant, subscriberViewer: string | null): boolean {
  if (variant.viewer === null) return subscriberViewer === null || !variant.otherViewers.includes(subscriberViewer);
  return subscriberViewer === variant.viewer;
}

/** The event id of a viewer's variant: the public event's id and a short tag of the viewer. */
export function variantKey(publicKey: string, viewerTag: string): string {
  return `${publicKey}~${viewerTag}`;
}
