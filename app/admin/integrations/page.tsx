import type { Metadata } from 'next';
import { hasRole, operatorActor, requireOperator } from '@/lib/auth/require-operator';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { listIntegrations, type IntegrationView } from '@/lib/services/list-integrations';
import { createIntegrationAction, deleteIntegrationAction, deleteIntegrationRuleAction, rotateIntegrationSecretAction } from '@/app/admin/actions/integrations';
import { ActionForm } from '@/components/admin/action-form';
import { DraftList } from '@/components/admin/integrations/draft-list';
import { RuleForm } from '@/components/admin/integrations/rule-form';
import { Field, Select, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Integrations' };

const KIND_LABEL = { alertmanager: 'Alertmanager', grafana: 'Grafana' } as const;

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export default async function IntegrationsPage() {
  const operator = await requireOperator('responder');
  const ctx = await requestContext(operatorActor(operator));
  const [{ integrations, drafts }, choices, templates, settings] = await Promise.all([
    listIntegrations({ ctx }),
    listComponentChoices({ ctx }),
    listIncidentTemplates({ ctx }),
    getPageSettings(ctx.db, ctx.now()),
  ]);
  const canManage = hasRole(operator, 'admin');
  const templateChoices = templates.map((t) => ({ id: t.id, name: t.name }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Integrations</h1>
        <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
          Alertmanager and Grafana send their alerts here. A rule maps an alert&apos;s labels to a component or group and a status, and can open a draft incident that is published after a wait
          unless an operator acknowledges it first.
        </p>
      </div>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts" className="space-y-3">
          <h2 id="drafts" className="text-lg font-semibold">
            Waiting for an operator
          </h2>
          <DraftList drafts={drafts} timeZone={settings.time_zone} />
        </section>
      )}
      {integrations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
          No integrations yet — create one to connect Alertmanager or Grafana.
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Integrations">
          {integrations.map((i) => (
            <IntegrationCard key={i.id} integration={i} timeZone={settings.time_zone} canManage={canManage} choices={choices} templates={templateChoices} />
          ))}
        </ul>
      )}
      {canManage && (
        <section aria-labelledby="new-integration" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="new-integration" className="mb-3 font-semibold">
            New integration
          </h2>
          <ActionForm action={createIntegrationAction} submitLabel="Create integration" className="grid grid-cols-1 gap-3 sm:grid-cols-3 [&>button]:col-span-full [&>[role]]:col-span-full [&>button]:justify-self-start">
            <Field label="Kind" htmlFor="integration-kind" name="kind">
              <Select id="integration-kind" name="kind" defaultValue="alertmanager">
                <option value="alertmanager">Alertmanager</option>
                <option value="grafana">Grafana</option>
              </Select>
            </Field>
            <Field label="Name" htmlFor="integration-name" name="name" help="What sends the alerts, e.g. Prometheus (NOC)">
              <TextInput id="integration-name" name="name" required maxLength={255} />
            </Field>
            <Field label="Flap interval (seconds)" htmlFor="integration-flap" name="flapSeconds" help="One alert changes a component at most once in this time">
              <TextInput id="integration-flap" name="flapSeconds" type="number" min={0} max={86400} defaultValue={300} />
            </Field>
          </ActionForm>
        </section>
      )}
    </div>
  );
}

function IntegrationCard({
  integration: i,
  timeZone,
  canManage,
  choices,
  templates,
}: {
  integration: IntegrationView;
  timeZone: string;
  canManage: boolean;
  choices: Awaited<ReturnType<typeof listComponentChoices>>;
  templates: { id: string; name: string }[];
}) {
  return (
    <li className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800" data-integration={i.name}>
      <h2 className="text-lg font-semibold break-words">
        {i.name} <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">· {KIND_LABEL[i.kind]}</span>
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Flap interval {i.flap_seconds} s · created <LocalTime iso={i.created_at} timeZone={timeZone} /> · {plural(i.rule_count, 'rule')} ·{' '}
        {i.last_alert_at ? (
          <>
            last alert <LocalTime iso={i.last_alert_at} timeZone={timeZone} />
          </>
        ) : (
          'no alert received yet'
        )}
      </p>
      <p className="mt-1 text-xs break-all text-neutral-600 dark:text-neutral-400">
        Webhook: <code>/api/integrations/{i.id}/{i.kind}</code>
      </p>
      <h3 className="mt-4 text-sm font-semibold">Rules</h3>
      {i.rules.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No rules yet: alerts are received and ignored.</p>
      ) : (
        <ol className="mt-1 divide-y divide-neutral-200 text-sm dark:divide-neutral-800" aria-label={`Rules of ${i.name}`}>
          {i.rules.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-rule={r.matchers}>
              <div className="min-w-0">
                <code className="break-all">{r.matchers}</code>
                <p className="text-neutral-600 dark:text-neutral-400">
                  → {r.target.name}
                  {r.target.kind === 'group' ? ' (group)' : ''} · {COMPONENT_STATUS_LABEL[r.status]}
                  {r.template ? ` · draft from ${r.template.name}, published after ${plural(r.publishAfterMinutes ?? 0, 'minute')}` : ' · no draft'}
                </p>
              </div>
              {canManage && (
                <ActionForm action={deleteIntegrationRuleAction} submitLabel="Delete" submitAriaLabel={`Delete rule ${r.matchers}`} variant="secondary" confirm={`Delete the rule ${r.matchers}?`} className="">
                  <input type="hidden" name="id" value={r.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ol>
      )}
      {canManage && (
        <>
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">Add a rule to {i.name}</summary>
            <div className="mt-3">
              <RuleForm integrationId={i.id} choices={choices} templates={templates} />
            </div>
          </details>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">Secret and removal</summary>
            <div className="mt-3 space-y-3">
              <ActionForm action={rotateIntegrationSecretAction} submitLabel="New secret" submitAriaLabel={`New secret for ${i.name}`} variant="secondary" confirm={`Replace the secret of ${i.name}? The old one stops working at once.`}>
                <input type="hidden" name="id" value={i.id} />
              </ActionForm>
              <ActionForm action={deleteIntegrationAction} submitLabel="Delete integration" submitAriaLabel={`Delete ${i.name}`} variant="danger" confirm={`Delete ${i.name}? Its URL stops accepting alerts; components keep their status.`} className="">
                <input type="hidden" name="id" value={i.id} />
              </ActionForm>
            </div>
          </details>
        </>
      )}
    </li>
  );
}
