import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listAllTranslations } from '@/lib/db/queries/translations';
import type { ComponentRow } from '@/lib/db/schema';
import type { UptimeRule } from '@/lib/domain/uptime';
import { daysOf, monthsOf, type UptimePeriod } from '@/lib/domain/uptime-periods';
import type { ServiceContext } from '@/lib/services/context';
import { ValidationError } from '@/lib/services/errors';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { withTranslations } from '@/lib/services/incident-views';
import { loadSight } from '@/lib/services/visibility';
import { configuredUptimeRule, figuresOver, intervalsByComponent } from '@/lib/services/uptime-history';
import type { ReportComponentView, UptimeReportView } from '@/lib/services/uptime-views';

/**
 * The SLA report: availability of the chosen components (every live one when none is chosen) per
 * month of the period and over the whole period, each figure with the minutes behind it. An id
 * that names no live component is refused, naming the Components field.
 */
export async function getUptimeReport({
  ctx,
  period,
  componentIds = [],
  rule = configuredUptimeRule(),
}: {
  ctx: ServiceContext;
  period: UptimePeriod;
  componentIds?: readonly string[];
  rule?: UptimeRule;
}): Promise<UptimeReportView> {
  const now = ctx.now();
  const db = ctx.db;
  // The report is public: private components are not on it (an id of one is refused as unknown).
  const sight = await loadSight(db);
  const [settings, components, groups, componentTranslations, groupTranslations] = await Promise.all([
    getPageSettings(db, now),
    listComponents(db).then((rows) => rows.filter((c) => sight.component(c.id, c.group_id))),
    listGroups(db).then((rows) => rows.filter((g) => sight.group(g.id))),
    listAllTranslations(db, 'component'),
    listAllTranslations(db, 'component_group'),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  // Name and group as the page shows them: the operator's text and its translations.
  const named = (c: ComponentRow): ReportComponentView => {
    const groupTexts = c.group_id ? groupTranslations.get(c.group_id) : undefined;
    return {
      id: c.id,
      name: c.name,
      groupName: c.group_id ? (groupName.get(c.group_id) ?? null) : null,
      ...withTranslations(componentTranslations.get(c.id)),
      ...(groupTexts ? { groupTranslations: groupTexts } : {}),
    };
  };
  // Page order: groups in their order with their components, then the ungrouped ones.
  const groupOrder = new Map(groups.map((g, i) => [g.id, i]));
  const ordered = [...components].sort(
    (a, b) => (groupOrder.get(a.group_id ?? '') ?? groups.length) - (groupOrder.get(b.group_id ?? '') ?? groups.length),
  );
  const chosen = new Set(componentIds);
  const unknown = [...chosen].filter((id) => !components.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new ValidationError(`Components: ${unknown.join(', ')} is not a component of this page`, { components: 'not a component of this page' });
  }
  const selected = chosen.size === 0 ? ordered : ordered.filter((c) => chosen.has(c.id));

  const tz = settings.time_zone;
  const days = daysOf(period.start, period.end, tz);
  const months = monthsOf(period.start, period.end, tz);
  const whole = { key: period.key, label: period.label, start: period.start, end: period.end };
  const intervals = await intervalsByComponent(db, selected.map((c) => c.id), period.start, Math.min(period.end, now.getTime() + 1));

  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: tz },
    period,
    rule,
    months: months.map((m) => ({ key: m.key, label: m.label })),
    rows: selected.map((c) => {
      const { figures } = figuresOver(intervals.get(c.id) ?? [], days, [...months, whole], now, rule, c.start_date);
      return {
        ...named(c),
        months: figures.slice(0, months.length),
        total: figures[months.length]!,
      };
    }),
    choices: ordered.map(named),
    generatedAt: now.toISOString(),
  };
}
