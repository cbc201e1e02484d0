import { getDb } from '@/lib/db';
import type { LiveEvent } from '@/lib/live/live-event';

/** One answer per event, shared by every open stream (an event reaches all of them at once). */
const answers = new WeakMap<LiveEvent, Promise<LiveEvent>>();

/**
 * The event as the public live stream may carry it: a change to a private incident is announced
 * without its id (the public documents did not change; nobody learns the incident exists).
 */
export function publicLiveEvent(event: LiveEvent): Promise<LiveEvent> {
  let answer = answers.get(event);
  if (!answer) {
    answer = redact(event);
    answers.set(event, answer);
  }
  return answer;
}

async function redact(event: LiveEvent): Promise<LiveEvent> {
  const incidentId = 'incidentId' in event ? event.incidentId : undefined;
  if (!incidentId) return event;
  try {
    const { kysely } = await getDb();
    const limited = await kysely.selectFrom('audience_incidents').select('incident_id').where('incident_id', '=', incidentId).limit(1).executeTakeFirst();
    if (!limited) return event;
  } catch {
    // Cannot tell (database down): say only that something changed.
  }
  return { type: 'page.changed', what: 'incident' };
}
