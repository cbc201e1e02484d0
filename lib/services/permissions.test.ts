import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration } from '@/lib/services/create-integration';
import { decideIntegrationDraft } from '@/lib/services/decide-integration-draft';
import { listIntegrations } from '@/lib/services/list-integrations';
import { ALL_PERMISSIONS, isAllowed, ROLES, type Permission } from '@/lib/domain/permissions';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';
import type { ServiceContext } from '@/lib/services/context';
import { ForbiddenError } from '@/lib/services/errors';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { retryNotification } from '@/lib/services/admin-deliveries';
import { deleteSubscriber } from '@/lib/services/delete-subscriber';
import { archiveComponent } from '@/lib/services/archive-component';
import { createApiKey } from '@/lib/services/create-api-key';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { createOperator } from '@/lib/services/create-operator';
import { deleteGroup } from '@/lib/services/delete-group';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { deleteIncident } from '@/lib/services/delete-incident';
import { getManageSubscribers } from '@/lib/services/get-statuspage-subscribers';
import { listAuditLog } from '@/lib/services/list-audit-log';
import { listApiKeys, listOperators } from '@/lib/services/list-operators';
import { moveItem } from '@/lib/services/move-component';
import { updatePageSettings } from '@/lib/services/page-settings';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { removeOperator } from '@/lib/services/remove-operator';
import { changeOperatorRole } from '@/lib/services/change-operator-role';
import { startTotpEnrolment } from '@/lib/services/enrol-second-factor';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { revokeApiKey } from '@/lib/services/revoke-api-key';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { updateComponent } from '@/lib/services/update-component';
import { updateGroup } from '@/lib/services/update-group';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';
import { updateMaintenance } from '@/lib/services/update-maintenance';
import { testDialects } from '@/lib/db/testing/test-db';
import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import { createSystemMetric } from '@/lib/services/create-system-metric';
import { createAudience } from '@/lib/services/create-audience';
import { closeNotice } from '@/lib/services/close-notice';
import { listNotices } from '@/lib/services/list-notices';
import { promoteNotice } from '@/lib/services/promote-notice';
import { sendNotice } from '@/lib/services/send-notice';
import { getPageAccessGroups } from '@/lib/services/get-page-access';
import { readIncidentFile } from '@/lib/services/read-incident-file';

const ID = 'missing0000';
const paging = { page: 1, perPage: 10 };

/** One service call per action; an allowed call may still fail later (unknown id), never with 403. */
const SERVICE_CALLS: Record<Permission, (ctx: ServiceContext) => Promise<unknown>> = {
  'incident.create': (ctx) => createIncident({ ctx, input: { name: '' } as never }),
  'incident.update': (ctx) => addIncidentUpdate({ ctx, input: { incidentId: ID, status: 'identified', body: 'x' } as never }),
  'incident.resolve': (ctx) => resolveIncident({ ctx, input: { incidentId: ID } as never }),
  'incident.delete': (ctx) => deleteIncident({ ctx, input: { id: ID } }),
  'postmortem.publish': (ctx) => publishPostmortem({ ctx, input: { incidentId: ID, body: 'x' } as never }),
  'maintenance.create': (ctx) => createMaintenance({ ctx, input: { name: '' } as never }),
  'maintenance.update': (ctx) => updateMaintenance({ ctx, input: { id: ID } as never }),
  'maintenance.delete': (ctx) => deleteIncident({ ctx, input: { id: ID } }),
  'component.status': (ctx) => setComponentStatus({ ctx, input: { id: ID, status: 'major_outage' } }),
  'component.create': (ctx) => createComponent({ ctx, input: { name: '' } as never }),
  'component.update': (ctx) => updateComponent({ ctx, input: { id: ID, name: 'x' } as never }),
  'component.archive': (ctx) => archiveComponent({ ctx, input: { id: ID } }),
  'component.move': (ctx) => moveItem({ ctx, input: { kind: 'component', id: ID, direction: 'up' } }),
  'group.create': (ctx) => createGroup({ ctx, input: { name: '' } as never }),
  'group.update': (ctx) => updateGroup({ ctx, input: { id: ID, name: 'x' } as never }),
  'group.delete': (ctx) => deleteGroup({ ctx, input: { id: ID } }),
  'template.create': (ctx) => createIncidentTemplate({ ctx, input: { name: '' } as never }),
  'template.update': (ctx) => updateIncidentTemplate({ ctx, input: { id: ID, name: 'x' } as never }),
  'template.delete': (ctx) => deleteIncidentTemplate({ ctx, input: { id: ID } }),
  'subscriber.read': (ctx) => getManageSubscribers({ ctx, query: { sortField: 'primary', sortDirection: 'asc', paging } as never }),
  'subscriber.export': (ctx) => getManageSubscribers({ ctx, query: { sortField: 'primary', sortDirection: 'asc', paging } as never }),
  'subscriber.add': (ctx) => addSubscriber({ ctx, input: { email: 'not-an-address' } }),
  'subscriber.remove': (ctx) => deleteSubscriber({ ctx, input: { id: ID } }),
  'delivery.read': (ctx) => retryNotification({ ctx, input: { id: ID } }),
  'delivery.retry': (ctx) => retryNotification({ ctx, input: { id: ID } }),
  'operator.read': (ctx) => listOperators({ ctx }),
  'operator.create': (ctx) => createOperator({ ctx, input: { email: 'x', name: '', role: 'admin', password: '' } }),
  'operator.remove': (ctx) => removeOperator({ ctx, input: { id: ID } }),
  'operator.update': (ctx) => changeOperatorRole({ ctx, input: { id: ID, role: 'admin' } }),
  'account.manage': (ctx) => startTotpEnrolment({ ctx, operatorId: ID }),
  'api_key.read': (ctx) => listApiKeys({ ctx }),
  'api_key.create': (ctx) => createApiKey({ ctx, input: { name: '', operatorId: ID } }),
  'api_key.revoke': (ctx) => revokeApiKey({ ctx, input: { id: ID } }),
  'integration.read': (ctx) => listIntegrations({ ctx }),
  'integration.manage': (ctx) => createIntegration({ ctx, input: { kind: 'alertmanager', name: '' } }),
  'integration.draft': (ctx) => decideIntegrationDraft({ ctx, input: { id: ID, decision: 'acknowledge' } }),
  'settings.update': (ctx) => updatePageSettings({ ctx, input: { name: '' } as never }),
  'audit.read': (ctx) => listAuditLog({ ctx, filter: {} }),
  'system_metric.manage': (ctx) => createSystemMetric({ ctx, input: { name: '' } }),
  'system_metric.data': (ctx) => addSystemMetricPoints({ ctx, input: { series: [{ metricId: ID, points: [{ at: 0, value: 1 }] }] } }),
  'audience.read': (ctx) => getPageAccessGroups({ ctx, paging, pageId: ID }),
  'audience.manage': (ctx) => createAudience({ ctx, input: { name: '' } }),
  'notice.read': (ctx) => listNotices({ ctx }),
  'notice.send': (ctx) => sendNotice({ ctx, input: { title: '', body: '' } }),
  'notice.close': (ctx) => closeNotice({ ctx, input: { id: ID } }),
  'notice.promote': (ctx) => promoteNotice({ ctx, input: { id: ID } }),
  'incident_file.read': (ctx) => readIncidentFile({ ctx, input: { incidentId: ID, fileId: ID } }),
};

type Harness = ApiHarness & { subscriberId: string; incidentId: string };

/** The management API request for each action it offers. */
const API_CALLS: Partial<Record<Permission, (h: Harness) => [string, string, unknown?]>> = {
  'incident.create': () => ['POST', 'incidents', { incident: { name: 'From the table' } }],
  'incident.update': () => ['PATCH', `incidents/${ID}`, { incident: { body: 'x' } }],
  'incident.delete': (h) => ['DELETE', `incidents/${h.incidentId}`],
  'component.status': () => ['PATCH', `components/${ID}`, { component: { status: 'major_outage' } }],
  'component.create': () => ['POST', 'components', { component: { name: 'From the table' } }],
  'component.update': () => ['PATCH', `components/${ID}`, { component: { name: 'Renamed' } }],
  'component.archive': () => ['DELETE', `components/${ID}`],
  'group.create': () => ['POST', 'component-groups', { component_group: { name: 'G', components: [] } }],
  'group.update': () => ['PATCH', `component-groups/${ID}`, { component_group: { name: 'G' } }],
  'group.delete': () => ['DELETE', `component-groups/${ID}`],
  'template.create': () => ['POST', 'incident_templates', { template: { name: 'T', title: 'T', body: 'b' } }],
  'template.delete': () => ['DELETE', `incident_templates/${ID}`],
  'subscriber.read': () => ['GET', 'subscribers'],
  'subscriber.add': () => ['POST', 'subscribers', { subscriber: { email: 'table@example.com' } }],
  'subscriber.remove': (h) => ['DELETE', `subscribers/${h.subscriberId}`],
};

async function outcome(call: () => Promise<unknown>): Promise<'forbidden' | 'passed the check'> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ForbiddenError) return 'forbidden';
  }
  return 'passed the check';
}

for (const dialect of testDialects()) {
  describe(`the role table, enforced on ${dialect}`, () => {
    let h: Harness;
    beforeAll(async () => {
      const harness = await apiHarness(dialect);
      const added = await harness.call('POST', 'subscribers', { body: { subscriber: { email: 'kept@example.com' } } });
      const incident = await harness.call('POST', 'incidents', { body: { incident: { name: 'Kept open' } } });
      h = { ...harness, subscriberId: added.body.id, incidentId: incident.body.id };
    });
    afterAll(() => h.db.drop());

    // Responders first: an admin's allowed deletes would remove what the responder's refusals need.
    for (const role of [...ROLES].reverse()) {
      for (const action of ALL_PERMISSIONS) {
        const expected = isAllowed(role, action) ? 'passed the check' : 'forbidden';
        it(`service: ${role} ${action} → ${expected}`, async () => {
          const actor = { type: 'operator' as const, id: role === 'admin' ? h.admin.id : h.responder.id, name: role, role };
          expect(await outcome(() => SERVICE_CALLS[action]({ ...h.ctx, actor }))).toBe(expected);
        });
        const api = API_CALLS[action];
        if (!api) continue;
        it(`management API: ${role} ${action} → ${expected === 'forbidden' ? 403 : 'not 403'}`, async () => {
          const [method, path, body] = api(h);
          const before = await h.counts();
          const res = await h.call(method, path, { key: role === 'admin' ? h.adminKey : h.responderKey, body });
          if (expected === 'forbidden') {
            expect(res).toEqual({ status: 403, body: { message: 'You are not authorized to access this resource.' } });
            expect(await h.counts()).toEqual(before);
          } else {
            expect(res.status).not.toBe(403);
          }
        });
      }
    }
  });
}
