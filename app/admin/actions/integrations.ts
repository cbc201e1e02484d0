'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { webhookSetup } from '@/lib/domain/integrations/webhook-config';
import { publicUrl } from '@/lib/env';
import { addIntegrationRule } from '@/lib/services/add-integration-rule';
import { createIntegration } from '@/lib/services/create-integration';
import { decideIntegrationDraft } from '@/lib/services/decide-integration-draft';
import { deleteIntegration } from '@/lib/services/delete-integration';
import { deleteIntegrationRule } from '@/lib/services/delete-integration-rule';
import { publishIntegrationDraft } from '@/lib/services/publish-integration-draft';
import { rotateIntegrationSecret } from '@/lib/services/rotate-integration-secret';
import type { IntegrationRow } from '@/lib/db/schema';

const PATH = '/admin/integrations';

/** The secret, the URL and the text to paste, shown once after create or rotate. */
function reveal(integration: IntegrationRow, secret: string) {
  const setup = webhookSetup({ baseUrl: publicUrl(), id: integration.id, kind: integration.kind, secret });
  const config = integration.kind === 'alertmanager' ? 'Alertmanager configuration' : 'Grafana contact point';
  return [
    { label: 'Secret', value: secret },
    { label: 'Webhook URL', value: setup.url },
    { label: config, value: setup.snippet },
  ];
}

/** Creates an integration; its secret is shown this once. */
export const createIntegrationAction = adminAction('integration.manage', z.object({ kind: z.string(), name: z.string(), flapSeconds: z.string().optional() }), async (data, ctx) => {
  const { integration, secret } = await createIntegration({ ctx, input: { ...data, kind: data.kind as 'alertmanager', flapSeconds: data.flapSeconds === '' ? undefined : data.flapSeconds } });
  revalidatePath(PATH);
  return { ok: true, message: `${integration.name} created. Copy the secret now; it is not shown again.`, reveal: reveal(integration, secret) };
});

/** Replaces an integration's secret; the new one is shown this once. */
export const rotateIntegrationSecretAction = adminAction('integration.manage', z.object({ id: z.string() }), async (data, ctx) => {
  const { integration, secret } = await rotateIntegrationSecret({ ctx, input: data });
  return { ok: true, message: `New secret for ${integration.name}. The old one is refused from now on; copy this one now.`, reveal: reveal(integration, secret) };
});

/** Deletes an integration with its rules and unpublished drafts. */
export const deleteIntegrationAction = adminAction('integration.manage', z.object({ id: z.string() }), async (data, ctx) => {
  const { name } = await deleteIntegration({ ctx, input: data });
  revalidatePath(PATH);
  return { ok: true, message: `${name} deleted.` };
});

/** Adds a rule mapping alert labels to a component or group. */
export const addIntegrationRuleAction = adminAction(
  'integration.manage',
  z.object({ integrationId: z.string(), matchers: z.string(), target: z.string(), status: z.string(), templateId: z.string().optional(), publishAfterMinutes: z.string().optional() }),
  async (data, ctx) => {
    await addIntegrationRule({ ctx, input: { ...data, status: data.status as 'major_outage' } });
    revalidatePath(PATH);
    return { ok: true, message: 'Rule added.' };
  },
);

/** Deletes one rule. */
export const deleteIntegrationRuleAction = adminAction('integration.manage', z.object({ id: z.string() }), async (data, ctx) => {
  await deleteIntegrationRule({ ctx, input: data });
  revalidatePath(PATH);
  return { ok: true, message: 'Rule deleted.' };
});

/** Acknowledges or discards a draft, or dismisses a proposal to resolve its incident. */
export const decideIntegrationDraftAction = adminAction('integration.draft', z.object({ id: z.string(), decision: z.string() }), async (data, ctx) => {
  await decideIntegrationDraft({ ctx, input: { id: data.id, decision: data.decision as 'acknowledge' } });
  revalidatePath(PATH);
  const said = { acknowledge: 'Draft acknowledged; it is not published automatically.', discard: 'Draft discarded.', dismiss_proposal: 'Proposal dismissed.' } as Record<string, string>;
  return { ok: true, message: said[data.decision] ?? 'Done.' };
});

/** Publishes a draft now as a real incident. */
export const publishIntegrationDraftAction = adminAction('integration.draft', z.object({ id: z.string() }), async (data, ctx) => {
  await publishIntegrationDraft({ ctx, input: data });
  revalidatePath(PATH);
  revalidatePath('/admin/incidents');
  return { ok: true, message: 'Draft published as an incident.' };
});
