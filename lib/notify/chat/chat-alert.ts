import { componentColor, incidentColor, statusLabel, type ChatAlert } from '@/lib/domain/chat/alert';
import type { ComponentStatus } from '@/lib/domain/status';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';

const TITLE_PREFIX: Partial<Record<AlertSnapshot['kind'], string>> = {
  'incident.postmortem': 'Postmortem',
  'maintenance.scheduled': 'Maintenance scheduled',
  'maintenance.reminder': 'Maintenance soon',
};

/** What a chat message says about a frozen alert; the update is the alert's own, else the newest. */
export function chatAlertOf(snapshot: AlertSnapshot, manageUrl: string): ChatAlert {
  const base = { kind: snapshot.kind, pageName: snapshot.page.name, manageUrl, at: snapshot.generatedAt };
  const incident = snapshot.incident;
  if (incident) {
    const update = incident.incident_updates.find((u) => u.id === snapshot.updateId) ?? incident.incident_updates[0];
    const maintenance = incident.impact === 'maintenance';
    const postmortem = snapshot.kind === 'incident.postmortem';
    const prefix = TITLE_PREFIX[snapshot.kind];
    return {
      ...base,
      title: prefix ? `${prefix}: ${incident.name}` : incident.name,
      status: postmortem ? 'Postmortem published' : statusLabel(update?.status ?? incident.status),
      color: incidentColor(incident.impact, postmortem ? 'postmortem' : (update?.status ?? incident.status)),
      body: (postmortem ? incident.postmortem_body : update?.body) ?? '',
      at: update?.display_at ?? incident.updated_at,
      changes: (update?.affected_components ?? []).map((c) => ({ name: c.name, from: statusLabel(c.old_status), to: statusLabel(c.new_status) })),
      url: incident.shortlink,
      linkLabel: maintenance ? 'View maintenance' : 'View incident',
      threadKey: incident.id,
    };
  }
  if (snapshot.component && snapshot.component_update) {
    const change = snapshot.component_update;
    const name = snapshot.component.name;
    return {
      ...base,
      title: `${name}: ${statusLabel(change.new_status)}`,
      status: `${statusLabel(change.old_status)} → ${statusLabel(change.new_status)}`,
      color: componentColor(change.new_status as ComponentStatus),
      body: '',
      at: change.created_at,
      changes: [{ name, from: statusLabel(change.old_status), to: statusLabel(change.new_status) }],
      url: snapshot.baseUrl,
      linkLabel: 'View status page',
      threadKey: `component:${change.component_id}`,
    };
  }
  // The test message sent when the channel is added (and anything else about the subscription).
  return {
    ...base,
    title: `${snapshot.page.name} status alerts`,
    status: 'Connected',
    color: incidentColor('none', 'resolved'),
    body: `This channel will get **${snapshot.page.name}** status alerts: incidents as they start, change and are resolved, and planned maintenance.\n\nNow: ${snapshot.page.status_description}.`,
    changes: [],
    url: snapshot.baseUrl,
    linkLabel: 'View status page',
    threadKey: null,
  };
}
