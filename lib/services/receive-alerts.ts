import { createHash, timingSafeEqual } from 'node:crypto';
import { digest } from '@/lib/auth/tokens';
import { getIntegration, listRules } from '@/lib/db/queries/integrations';
import { matchRule } from '@/lib/domain/integrations/rules';
import { applyAlertState, integrationContext } from '@/lib/services/apply-alert-state';
import type { ServiceContext } from '@/lib/services/context';
import { UnauthorizedError, parseInput } from '@/lib/services/errors';
import { AlertWebhookPayload } from '@/lib/services/integration-schemas';

/** The secret in `Bearer <secret>` or in Basic's password (Alertmanager and Grafana can send either). */
export function secretFrom(authorization: string | null): string | undefined {
  if (!authorization) return undefined;
  const [scheme = '', value] = authorization.trim().split(/\s+/, 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/**
 * An Alertmanager or Grafana webhook: checks the integration's secret (401 for an unknown id
 * too, so ids cannot be probed), then applies each alert a rule matches. Alerts no rule
 * matches are counted and ignored.
 */
export async function receiveAlerts({ ctx, input }: { ctx: ServiceContext; input: { integrationId: string; kind: 'alertmanager' | 'grafana'; authorization: string | null; body: unknown } }) {
  const integration = /^[a-z0-9]{1,64}$/.test(input.integrationId) ? await getIntegration(ctx.db, input.integrationId) : undefined;
  const secret = secretFrom(input.authorization);
  const ok = integration && secret && integration.kind === input.kind && timingSafeEqual(Buffer.from(digest(secret)), Buffer.from(integration.secret_hash));
  if (!integration || !ok) throw new UnauthorizedError();
  const payload = parseInput(AlertWebhookPayload, input.body);
  const rules = await listRules(ctx.db, integration.id);
  const actx = integrationContext(ctx, integration);
  const result = { received: payload.alerts.length, matched: 0, applied: 0, held: 0 };
  for (const alert of payload.alerts) {
    const rule = matchRule(rules, alert.labels);
    if (!rule) continue;
    result.matched += 1;
    const outcome = await applyAlertState(actx, integration, rule, { fingerprint: alert.fingerprint || labelFingerprint(alert.labels), state: alert.status, summary: alert.annotations.summary ?? alert.annotations.description });
    if (outcome === 'applied') result.applied += 1;
    if (outcome === 'held') result.held += 1;
  }
  return result;
}

/** Alertmanager's fingerprint is a hash of the label set; one of our own stands in when it is absent. */
function labelFingerprint(labels: Record<string, string>): string {
  const canonical = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
