import { COMPONENT_STATUS_LABEL, UPDATE_STATUS_LABEL, type ComponentStatus, type Impact } from '@/lib/domain/status';

/** The chat platforms a subscriber can choose, in the order the form offers them. */
export const CHAT_PLATFORMS = ['slack', 'teams', 'discord', 'google_chat', 'mattermost'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

export const CHAT_PLATFORM_LABEL: Record<ChatPlatform, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  google_chat: 'Google Chat',
  mattermost: 'Mattermost',
};

/** What every platform's message says, before it is put in the platform's format. */
export interface ChatAlert {
  /** `subscription.verify` is the test message; the rest are alert kinds. */
  kind: string;
  pageName: string;
  /** "Major outage: SMS delivery delayed" and the like. */
  title: string;
  /** The update's status as a label ("Identified"), or the change in one line. */
  status: string;
  /** #rrggbb of the alert's severity. */
  color: string;
  /** The update text as markdown (converted per platform). */
  body: string;
  /** When the update is shown as written (ISO 8601). */
  at: string;
  changes: { name: string; from: string; to: string }[];
  /** The incident page (or the status page for component changes and the test message). */
  url: string;
  linkLabel: string;
  manageUrl: string;
  /** `at` as the subscriber reads it: their language and zone, zone named. */
  time: string;
  /** The words every platform's frame adds, in the subscriber's language. */
  labels: ChatLabels;
  /** Updates sharing a key belong to one thread (the incident id); null: no thread. */
  threadKey: string | null;
}

export interface ChatLabels {
  /** The manage link's text ("Manage alerts"). */
  manage: string;
  /** Slack's longer form ("Manage or stop these alerts"). */
  manageOrStop: string;
  /** Google Chat's label over the status. */
  status: string;
  /** Google Chat's header over the component changes. */
  components: string;
}

/** Severity colours as Statuspage shows them. */
export const COLORS = {
  critical: '#e74c3c',
  major: '#e67e22',
  minor: '#f1c40f',
  none: '#3b82f6',
  maintenance: '#3498db',
  resolved: '#2fcc66',
} as const;

const COMPONENT_COLOR: Record<ComponentStatus, string> = {
  operational: COLORS.resolved,
  under_maintenance: COLORS.maintenance,
  degraded_performance: COLORS.minor,
  partial_outage: COLORS.major,
  major_outage: COLORS.critical,
};

/** The colour of an incident or maintenance update: green once over, blue for maintenance, else by impact. */
export function incidentColor(impact: Impact | 'maintenance', status: string): string {
  if (status === 'resolved' || status === 'completed' || status === 'postmortem') return COLORS.resolved;
  if (impact === 'maintenance') return COLORS.maintenance;
  return COLORS[impact];
}

/** The colour of a component now in `status`. */
export function componentColor(status: ComponentStatus): string {
  return COMPONENT_COLOR[status];
}

/** Label of a component status or update status, as stored. */
export function statusLabel(status: string): string {
  return (COMPONENT_STATUS_LABEL as Record<string, string>)[status] ?? (UPDATE_STATUS_LABEL as Record<string, string>)[status] ?? status;
}

/** `#rrggbb` as the integer Discord wants. */
export function colorInt(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}
