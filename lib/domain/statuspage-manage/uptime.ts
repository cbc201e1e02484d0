import type { UptimeFigure } from '@/lib/domain/uptime';

/** An incident or maintenance in `related_events`. */
export interface RelatedEvent {
  id: string;
  name: string;
}

export interface UptimeShapeInput {
  id: string;
  name: string;
  /** Days used, `yyyy-MM-dd`, both included. */
  rangeStart: string;
  rangeEnd: string;
  figure: UptimeFigure;
  warnings: readonly string[];
}

/** Seconds as Statuspage counts them; a part of a second counts as one, so minutes agree with the page's. */
const seconds = (ms: number) => (ms > 0 ? Math.ceil(ms / 1000) : 0);

function base(u: UptimeShapeInput) {
  return {
    id: u.id,
    name: u.name,
    range_start: u.rangeStart,
    range_end: u.rangeEnd,
    uptime_percentage: u.figure.percent,
    major_outage: seconds(u.figure.majorMs),
    partial_outage: seconds(u.figure.partialMs),
    warnings: [...u.warnings],
  };
}

/** `GET /pages/{page_id}/components/{id}/uptime` (manage API §4.2); related events left out when skipped. */
export function toComponentUptime(u: UptimeShapeInput, related: readonly RelatedEvent[] | null) {
  return { ...base(u), ...(related && { related_events: related.map((e) => ({ id: e.id, name: e.name })) }) };
}

/** `GET /pages/{page_id}/component-groups/{id}/uptime`: related events per member component. */
export function toGroupUptime(u: UptimeShapeInput, related: ReadonlyMap<string, readonly RelatedEvent[]> | null) {
  return {
    ...base(u),
    ...(related && {
      related_events: [...related].map(([componentId, events]) => ({
        component_id: componentId,
        incidents: events.map((e) => ({ id: e.id, name: e.name })),
      })),
    }),
  };
}
