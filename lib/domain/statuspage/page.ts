import { isoTime } from '@/lib/domain/statuspage/time';
import type { SpPage, StatuspageData } from '@/lib/domain/statuspage/types';

/** The `page` object: `updated_at` is the latest change to anything the page shows. */
export function toSpPage(data: StatuspageData): SpPage {
  const stamps = [
    data.settings.updated_at,
    ...data.groups.map((g) => g.updated_at),
    ...data.components.map((c) => c.updated_at),
    ...data.incidents.map((i) => i.updated_at),
  ].map((s) => Date.parse(s));
  return {
    id: data.settings.id,
    name: data.settings.name,
    url: (data.settings.url ?? data.baseUrl).replace(/\/$/, ''),
    time_zone: data.settings.time_zone,
    updated_at: isoTime(new Date(Math.max(...stamps)).toISOString()),
  };
}
