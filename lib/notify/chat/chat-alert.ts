import { alertTime } from '@/lib/domain/alert-subject';
import { componentColor, incidentColor, type ChatAlert, type ChatLabels } from '@/lib/domain/chat/alert';
import { localize } from '@/lib/domain/localize';
import { descriptionKey } from '@/lib/domain/rollup';
import { COMPONENT_STATUSES, INCIDENT_STATUSES, MAINTENANCE_STATUSES, type ComponentStatus, type IncidentStatus, type MaintenanceStatus } from '@/lib/domain/status';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { emailTranslator, type EmailTranslator } from '@/lib/notify/email-i18n';
import type { Reader } from '@/lib/notify/email-render';

const TITLE_KEY = {
  'incident.postmortem': 'chat.titlePostmortem',
  'maintenance.scheduled': 'chat.titleMaintenanceScheduled',
  'maintenance.reminder': 'chat.titleMaintenanceSoon',
} as const;

const UPDATE_STATUSES: readonly string[] = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES];

/** A component status or an update status in the reader's words; an unknown one as stored. */
function statusIn(t: EmailTranslator, status: string): string {
  if ((COMPONENT_STATUSES as readonly string[]).includes(status)) return t(`componentStatus.${status as ComponentStatus}`);
  if (UPDATE_STATUSES.includes(status)) return t(`updateStatus.${status as IncidentStatus | MaintenanceStatus}`);
  return status;
}

function labelsIn(t: EmailTranslator): ChatLabels {
  return { manage: t('chat.manage'), manageOrStop: t('chat.manageOrStop'), status: t('chat.status'), components: t('chat.components') };
}

/**
 * What a chat message says about a frozen alert, in the subscriber's language and zone (the
 * page's default language and zone when none was chosen): the frame's words from the email
 * catalogs (`chat.*`), the incident's and components' translations where the operator wrote one.
 * The update is the alert's own, else the newest.
 */
export function chatAlertOf(snapshot: AlertSnapshot, manageUrl: string, reader: Reader = {}): ChatAlert {
  const locale = reader.locale ?? DEFAULT_LOCALE;
  const t = emailTranslator(locale);
  const time = (iso: string) => alertTime(iso, reader.timeZone ?? snapshot.page.time_zone ?? 'UTC', locale);
  const tr = snapshot.translations;
  const componentName = (id: string, name: string) => localize(name, tr?.components?.[id], 'name', locale).text;
  const base = { kind: snapshot.kind, pageName: snapshot.page.name, manageUrl, labels: labelsIn(t) };
  const incident = snapshot.incident;
  if (incident) {
    const update = incident.incident_updates.find((u) => u.id === snapshot.updateId) ?? incident.incident_updates[0];
    const maintenance = incident.impact === 'maintenance';
    const postmortem = snapshot.kind === 'incident.postmortem';
    const name = localize(incident.name, tr?.incident, 'name', locale).text;
    const titleKey = TITLE_KEY[snapshot.kind as keyof typeof TITLE_KEY];
    const at = update?.display_at ?? incident.updated_at;
    // A postmortem is written once, in the page's language.
    const body = postmortem ? (incident.postmortem_body ?? '') : localize(update?.body ?? '', update ? tr?.updates?.[update.id] : undefined, 'body', locale).text;
    return {
      ...base,
      title: titleKey ? t(titleKey, { name }) : name,
      status: postmortem ? t('chat.postmortemPublished') : statusIn(t, update?.status ?? incident.status),
      color: incidentColor(incident.impact, postmortem ? 'postmortem' : (update?.status ?? incident.status)),
      body,
      at,
      time: time(at),
      changes: (update?.affected_components ?? []).map((c) => ({ name: componentName(c.code, c.name), from: statusIn(t, c.old_status), to: statusIn(t, c.new_status) })),
      url: incident.shortlink,
      linkLabel: t(maintenance ? 'chat.viewMaintenance' : 'chat.viewIncident'),
      threadKey: incident.id,
    };
  }
  if (snapshot.component && snapshot.component_update) {
    const change = snapshot.component_update;
    const name = componentName(snapshot.component.id, snapshot.component.name);
    const from = statusIn(t, change.old_status);
    const to = statusIn(t, change.new_status);
    return {
      ...base,
      title: `${name}: ${to}`,
      status: `${from} → ${to}`,
      color: componentColor(change.new_status as ComponentStatus),
      body: '',
      at: change.created_at,
      time: time(change.created_at),
      changes: [{ name, from, to }],
      url: snapshot.baseUrl,
      linkLabel: t('chat.viewStatusPage'),
      threadKey: `component:${change.component_id}`,
    };
  }
  if (snapshot.notice) {
    const notice = snapshot.notice;
    return {
      ...base,
      title: notice.title,
      status: t('chat.notice', { audiences: notice.audiences.join(', ') }),
      color: incidentColor('minor', 'investigating'),
      body: notice.body,
      at: notice.created_at,
      time: time(notice.created_at),
      changes: [],
      url: snapshot.baseUrl,
      linkLabel: t('chat.viewStatusPage'),
      threadKey: `notice:${notice.id}`,
    };
  }
  // The test message sent when the channel is added (and anything else about the subscription).
  const key = descriptionKey(snapshot.page.status_description);
  const now = key ? t(`chat.overall.${key}`) : snapshot.page.status_description;
  return {
    ...base,
    title: t('chat.statusAlerts', { page: snapshot.page.name }),
    status: t('chat.connected'),
    color: incidentColor('none', 'resolved'),
    body: `${t('chat.testBody', { page: snapshot.page.name })}\n\n${t('chat.now', { status: now })}`,
    at: snapshot.generatedAt,
    time: time(snapshot.generatedAt),
    changes: [],
    url: snapshot.baseUrl,
    linkLabel: t('chat.viewStatusPage'),
    threadKey: null,
  };
}
