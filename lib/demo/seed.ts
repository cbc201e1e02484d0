import { seedDemoUpstream } from '@/lib/demo/upstream';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { DEMO_GROUPS, DEMO_PAGE } from '@/lib/demo/catalog';
import { seedDemoTemplates } from '@/lib/demo/templates';
import {
  DEMO_ACTIVE_INCIDENT,
  DEMO_HISTORY,
  DEMO_UPCOMING_MAINTENANCE,
  type DemoEvent,
  type DemoIncident,
  type DemoUpdate,
} from '@/lib/demo/scenario';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import type { ServiceContext } from '@/lib/services/context';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { updatePageSettings } from '@/lib/services/page-settings';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { updateMaintenance } from '@/lib/services/update-maintenance';
import { seedSystemMetrics } from '@/lib/demo/system-metrics';
import { seedDemoTranslations } from '@/lib/demo/translations';
import type { Translations } from '@/lib/domain/localize';
import { seedDemoAudiences } from '@/lib/demo/audiences';
import { seedDemoIntegrations } from '@/lib/demo/integrations';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Step {
  at: number;
  run: (ctx: ServiceContext) => Promise<void>;
}

/** True when the database has no components yet, so the demo may be loaded. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('components').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Loads the demo page by replaying ~14 months of history through the real services,
 * with a clock that moves to each event's time. Runs in one transaction.
 */
export async function seedDemo(db: Kysely<Database>, now: Date, publicUrl?: string): Promise<{ incidents: number }> {
  return withTransaction(db, async (trx) => {
    let clock = now.getTime();
    const ctx: ServiceContext = { db: trx, now: () => new Date(clock) };
    const earliest = Math.max(...DEMO_GROUPS.flatMap((g) => g.components.map((c) => c.startDaysAgo)));
    clock = now.getTime() - earliest * DAY;

    await updatePageSettings({
      ctx,
      input: { name: DEMO_PAGE.name, timeZone: DEMO_PAGE.timeZone, url: publicUrl ?? null, logoUrl: '/demo-logo.svg' },
    });
    const ids = new Map<string, string>();
    for (const [index, group] of DEMO_GROUPS.entries()) {
      const created = await createGroup({ ctx, input: { name: group.name, description: group.description, position: index + 1 } });
      for (const [position, c] of group.components.entries()) {
        clock = now.getTime() - c.startDaysAgo * DAY;
        const component = await createComponent({
          ctx,
          input: {
            name: c.name,
            description: c.description,
            groupId: created.id,
            showcase: c.showcase,
            onlyShowIfDegraded: c.onlyShowIfDegraded,
            startDate: new Date(now.getTime() - c.startDaysAgo * DAY).toISOString(),
            position: position + 1,
          },
        });
        ids.set(c.key, component.id);
      }
    }

    clock = now.getTime() - earliest * DAY;
    const events: DemoEvent[] = [...DEMO_HISTORY, DEMO_ACTIVE_INCIDENT, DEMO_UPCOMING_MAINTENANCE];
    const steps = events
      .flatMap((event) => stepsFor(event, startOf(event, now.getTime()), ids))
      .filter((s) => s.at <= now.getTime())
      .sort((a, b) => a.at - b.at);
    for (const step of steps) {
      clock = step.at;
      await step.run(ctx);
    }
    clock = now.getTime();
    await seedDemoTemplates(ctx, ids); // issue #14: the NOC's templates
    await seedSystemMetrics(ctx, now); // issue #17 part 4: three metrics with a month of points
    await seedDemoTranslations(ctx, ids); // issue #15: German and French content, a German subscriber
    await seedDemoUpstream(ctx, idOf(ids, 'breakout-eu')); // issue #18 part 3: a third-party component
    await seedDemoAudiences(ctx); // issue #16: two customer audiences, private components, a private incident
    await seedDemoIntegrations(ctx, ids); // issue #18 part 2: an Alertmanager integration, two rules, one pending draft
    return { incidents: events.length };
  });
}

/** The title's and the first update's translations, as the composer sends them together. */
function incidentTranslations(event: DemoIncident): Translations | undefined {
  const first = event.updates[0]?.translations ?? {};
  const locales = [...new Set([...Object.keys(event.translations ?? {}), ...Object.keys(first)])] as (keyof Translations)[];
  if (locales.length === 0) return undefined;
  return Object.fromEntries(locales.map((l) => [l, { ...event.translations?.[l], ...first[l] }]));
}

function changes(update: DemoUpdate, ids: Map<string, string>) {
  return Object.entries(update.components ?? {}).map(([key, status]) => ({ id: idOf(ids, key), status }));
}

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo data names unknown component "${key}"`);
  return id;
}

/**
 * When an event starts. Past events older than a week get a time of day of their own
 * (maintenance at night, incidents any time), so the history does not show every incident
 * at the minute the demo happened to be loaded.
 */
function startOf(event: DemoEvent, now: number): number {
  const start = now - event.startDaysAgo * DAY;
  if (event.startDaysAgo < 7) return start;
  const hash = [...event.name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const hour = event.kind === 'maintenance' ? 1 + (hash % 3) : hash % 24;
  return Math.floor(start / DAY) * DAY + hour * 60 * MINUTE + ((hash >>> 8) % 60) * MINUTE;
}

/** The service calls that replay one event, each at its own time. */
function stepsFor(event: DemoEvent, start: number, ids: Map<string, string>): Step[] {
  let incidentId = '';
  const at = (u: DemoUpdate) => start + u.atMinutes * MINUTE;

  if (event.kind === 'incident') {
    const [first, ...rest] = event.updates;
    if (!first) return [];
    const steps: Step[] = [
      {
        at: at(first),
        run: async (ctx) => {
          const incident = await createIncident({
            ctx,
            input: {
              name: event.name,
              status: first.status as 'investigating',
              body: first.body,
              components: changes(first, ids),
              impactOverride: event.impactOverride,
              incidentClass: event.incidentClass,
              translations: incidentTranslations(event),
            },
          });
          incidentId = incident.id;
        },
      },
      ...rest.map((u) => ({
        at: at(u),
        run: async (ctx: ServiceContext) => {
          await addIncidentUpdate({ ctx, input: { incidentId, status: u.status, body: u.body, components: changes(u, ids), translations: u.translations } });
        },
      })),
    ];
    const last = event.updates[event.updates.length - 1]!;
    if (event.postmortem) {
      const body = event.postmortem.body;
      steps.push({
        at: at(last) + event.postmortem.afterHours * 60 * MINUTE,
        run: async (ctx) => {
          await publishPostmortem({ ctx, input: { incidentId, body } });
        },
      });
    }
    return steps;
  }

  const [announce, ...rest] = event.updates;
  if (!announce) return [];
  const scheduledFor = new Date(start).toISOString();
  const scheduledUntil = new Date(start + event.durationMinutes * MINUTE).toISOString();
  return [
    {
      at: at(announce),
      run: async (ctx) => {
        const maintenance = await createMaintenance({
          ctx,
          input: {
            name: event.name,
            body: announce.body,
            scheduledFor,
            scheduledUntil,
            componentIds: event.components.map((key) => idOf(ids, key)),
            autoStart: event.autoStart,
            autoComplete: event.autoComplete,
          },
        });
        incidentId = maintenance.id;
      },
    },
    ...rest.map((u) => ({
      at: at(u),
      run: async (ctx: ServiceContext) => {
        await updateMaintenance({ ctx, input: { id: incidentId, status: u.status as 'in_progress', body: u.body } });
      },
    })),
  ];
}
