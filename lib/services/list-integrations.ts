import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listAllRules, listIntegrationSummaries, listOpenDrafts, type IntegrationSummary } from '@/lib/db/queries/integrations';
import { formatMatchers } from '@/lib/domain/integrations/rules';
import type { ComponentStatus } from '@/lib/domain/status';
import { authorize, type ServiceContext } from '@/lib/services/context';

export interface IntegrationRuleView {
  id: string;
  /** As the operator typed them: `service="sms", severity="critical"`. */
  matchers: string;
  target: { kind: 'component' | 'group'; id: string; name: string };
  status: ComponentStatus;
  template: { id: string; name: string } | null;
  publishAfterMinutes: number | null;
}

export interface IntegrationView extends Omit<IntegrationSummary, 'secret_hash'> {
  rules: IntegrationRuleView[];
}

export interface IntegrationDraftView {
  id: string;
  integrationName: string;
  name: string;
  state: 'draft' | 'acknowledged' | 'published' | 'discarded';
  publishAt: string | null;
  incidentId: string | null;
  resolveProposed: boolean;
  components: { name: string; status: ComponentStatus }[];
  createdAt: string;
}

/** The console's integrations page: each integration with its rules, and the drafts an operator has to act on. */
export async function listIntegrations({ ctx }: { ctx: ServiceContext }): Promise<{ integrations: IntegrationView[]; drafts: IntegrationDraftView[] }> {
  authorize(ctx, 'integration.read');
  const [summaries, rules, drafts, components, groups, templates] = await Promise.all([
    listIntegrationSummaries(ctx.db),
    listAllRules(ctx.db),
    listOpenDrafts(ctx.db),
    listComponents(ctx.db),
    listGroups(ctx.db),
    ctx.db.selectFrom('incident_templates').select(['id', 'name']).execute(),
  ]);
  const componentName = new Map(components.map((c) => [c.id, c.name]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const templateName = new Map(templates.map((t) => [t.id, t.name]));
  const integrationName = new Map(summaries.map((i) => [i.id, i.name]));
  const ruleView = (r: (typeof rules)[number]): IntegrationRuleView => ({
    id: r.id,
    matchers: formatMatchers(r.matchers),
    target: r.component_id
      ? { kind: 'component', id: r.component_id, name: componentName.get(r.component_id) ?? 'Removed component' }
      : { kind: 'group', id: r.group_id ?? '', name: (r.group_id && groupName.get(r.group_id)) || 'Removed group' },
    status: r.status,
    template: r.template_id ? { id: r.template_id, name: templateName.get(r.template_id) ?? 'Removed template' } : null,
    publishAfterMinutes: r.publish_after_minutes,
  });
  return {
    integrations: summaries.map(({ secret_hash: _hash, ...i }) => ({ ...i, rules: rules.filter((r) => r.integration_id === i.id).map(ruleView) })),
    drafts: drafts.map((d) => ({
      id: d.id,
      integrationName: integrationName.get(d.integration_id) ?? '',
      name: d.name,
      state: d.state,
      publishAt: d.publish_at,
      incidentId: d.incident_id,
      resolveProposed: Boolean(d.resolve_proposed),
      components: (JSON.parse(d.components) as { id: string; status: ComponentStatus }[]).map((c) => ({ name: componentName.get(c.id) ?? 'Removed component', status: c.status })),
      createdAt: d.created_at,
    })),
  };
}
