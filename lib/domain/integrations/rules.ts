/** Label equality matchers (`service="sms", severity="critical"`), the rule's whole condition. */
export type Matchers = Record<string, string>;

/** The first rule all of whose matchers the alert's labels satisfy (an empty rule matches none). */
export function matchRule<R extends { matchers: Matchers }>(rules: readonly R[], labels: Record<string, string>): R | undefined {
  return rules.find((r) => Object.keys(r.matchers).length > 0 && Object.entries(r.matchers).every(([k, v]) => labels[k] === v));
}

/** Parses `service="sms", severity=critical` into matchers; undefined when a part is malformed. */
export function parseMatchers(text: string): Matchers | undefined {
  const out: Matchers = {};
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  for (const part of parts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|([^\s"]+))$/.exec(part);
    const name = m?.[1];
    if (!m || !name || ['__proto__', 'constructor', 'prototype'].includes(name)) return undefined;
    out[name] = m[2] ?? m[3] ?? '';
  }
  return out;
}

/** Matchers written back the way an operator types them. */
export function formatMatchers(matchers: Matchers): string {
  return Object.entries(matchers).map(([k, v]) => `${k}="${v}"`).join(', ');
}

export type AlertState = 'firing' | 'resolved';

/**
 * Whether a new state for one alert fingerprint is applied now or held: a change within the
 * flap interval of the last applied one waits, and the scheduler applies the latest held state
 * once the interval has passed, so flapping costs at most one change per interval.
 */
export function flapDecision(input: { applied: AlertState | null; appliedAt: string | null; next: AlertState; now: Date; flapSeconds: number }): 'apply' | 'hold' | 'same' {
  if (input.applied === input.next) return 'same';
  if (!input.appliedAt || input.flapSeconds <= 0) return 'apply';
  return input.now.getTime() - new Date(input.appliedAt).getTime() >= input.flapSeconds * 1000 ? 'apply' : 'hold';
}
