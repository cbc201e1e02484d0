import { z } from 'zod';

const Labels = z.record(z.string().max(200), z.string().max(2000)).default({});

/** One alert as Alertmanager (webhook v4) and Grafana unified alerting both send it. */
export const WebhookAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: Labels,
  annotations: Labels,
  startsAt: z.string().max(64).optional(),
  endsAt: z.string().max(64).optional(),
  fingerprint: z.string().max(200).optional(),
  generatorURL: z.string().max(4000).optional(),
});

/** Alertmanager's webhook v4 body; Grafana's adds orgId, title, state and message, which are accepted and not needed. */
export const AlertWebhookPayload = z.object({
  version: z.string().max(20).optional(),
  groupKey: z.string().max(4000).optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(500).optional(),
  alerts: z.array(WebhookAlert).max(1000),
  orgId: z.number().optional(),
  title: z.string().max(4000).optional(),
  state: z.string().max(50).optional(),
  message: z.string().max(100_000).optional(),
});
export type AlertWebhookPayload = z.infer<typeof AlertWebhookPayload>;
