import { createHash } from 'node:crypto';
import { audiencesOfViewer, variantKey } from '@/lib/domain/alert-viewers';
import { memberViewers } from '@/lib/db/queries/member-viewers';
import { PUBLIC_VIEWER, seesMoreThanPublic, sightOf, type Sight } from '@/lib/domain/visibility';
import { readVisibilityIndex } from '@/lib/db/queries/visibility';
import type { DbOrTx } from '@/lib/db/transaction';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { recordAlertEvent } from '@/lib/notify/outbox';

/**
 * The viewers that may need an alert of their own: the distinct audience sets of members who
 * hold an active subscription. Members of no audience see what the public sees.
 */
export async function subscribedViewers(db: DbOrTx): Promise<string[]> {
  const members = await db.selectFrom('subscribers').select('member_id').distinct().where('state', '=', 'active').where('member_id', 'is not', null).execute();
  const viewers = await memberViewers(db, members.map((m) => m.member_id!));
  return [...new Set(viewers.values())].sort();
}

/** A short, stable tag of a viewer key for event ids (keys of many audiences are long). */
function viewerTag(viewer: string): string {
  return createHash('sha256').update(viewer).digest('base64url').slice(0, 16);
}

/**
 * Records an alert for the public and, for each subscribed member's viewer that reads it
 * differently (a private incident or component, a postmortem for their level, their own
 * components in the overall status), a variant of its own; the public event names those viewers
 * so expansion sends each subscriber exactly one. `snapshotFor` builds the alert as a sight sees
 * it (null: that sight is not told). Returns whether anything was recorded.
 */
export async function recordAlertVariants(
  db: DbOrTx,
  alert: { key: string; incidentId: string | null; thread: string; componentIds: readonly string[] },
  snapshotFor: (sight: Sight) => Promise<AlertSnapshot | null>,
  now: Date,
): Promise<boolean> {
  const index = await readVisibilityIndex(db);
  const common = await snapshotFor(sightOf(index, PUBLIC_VIEWER));
  const publicText = common ? JSON.stringify(common) : null;
  const variants: { viewer: string; snapshot: AlertSnapshot }[] = [];
  for (const viewer of await subscribedViewers(db)) {
    // Most members' audiences have nothing private in play: no variant to build or compare.
    if (!seesMoreThanPublic(index, audiencesOfViewer(viewer))) continue;
    const snapshot = await snapshotFor(sightOf(index, { kind: 'audiences', audienceIds: audiencesOfViewer(viewer) }));
    if (snapshot && JSON.stringify(snapshot) !== publicText) variants.push({ viewer, snapshot: { ...snapshot, viewer } });
  }
  let recorded = false;
  if (common) recorded = await recordAlertEvent(db, { ...alert, snapshot: common, viewer: null, otherViewers: variants.map((v) => v.viewer) }, now);
  for (const { viewer, snapshot } of variants) {
    const key = variantKey(alert.key, viewerTag(viewer));
    recorded = (await recordAlertEvent(db, { ...alert, key, snapshot, viewer, otherViewers: [] }, now)) || recorded;
  }
  return recorded;
}
