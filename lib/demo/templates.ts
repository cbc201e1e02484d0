import type { IncidentClass, IncidentScope } from '@/lib/domain/incident-class';
import type { ComponentStatus } from '@/lib/domain/status';
import type { ServiceContext } from '@/lib/services/context';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';

interface DemoTemplate {
  name: string;
  title: string;
  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  incidentClass: IncidentClass | null;
  scope: Partial<IncidentScope> | null;
  /** Components by catalog key, with the status they usually go to. */
  components: Record<string, ComponentStatus>;
  body: string;
}

/** The NOC's incident classes as templates: what a 3 a.m. operator starts from (issue #14). */
export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    name: 'Data service degraded in a region',
    title: 'Degraded data service in Europe',
    status: 'investigating',
    incidentClass: 'critical',
    scope: { regions: ['EU'], deviceTypes: ['LTE-M trackers', 'NB-IoT meters'], devices: 1_000 },
    components: { data: 'degraded_performance', 'breakout-eu': 'partial_outage' },
    body: 'We are investigating slow or failing data sessions for devices served from Europe. Devices may fail to attach or see high latency.\n\nNext update within 30 minutes.',
  },
  {
    name: 'SMS delay',
    title: 'Delayed SMS delivery',
    status: 'investigating',
    incidentClass: 'operational',
    scope: { devices: 25 },
    components: { sms: 'degraded_performance' },
    body: 'Mobile-terminated SMS, including SMS sent from the portal and the API, are delivered with a delay of several minutes. No messages are lost.',
  },
  {
    name: 'VPN outage',
    title: 'VPN tunnels down',
    status: 'investigating',
    incidentClass: 'critical',
    scope: null,
    components: { vpn: 'major_outage' },
    body: 'IPsec and OpenVPN tunnels to private APNs are down. Devices using a private APN cannot reach customer networks.\n\nNext update within 15 minutes.',
  },
  {
    name: 'Portal or API unavailable',
    title: 'Customer portal and REST API unavailable',
    status: 'investigating',
    incidentClass: 'critical',
    scope: null,
    components: { portal: 'major_outage', api: 'major_outage' },
    body: 'The customer portal and the REST API do not respond. Connectivity of your devices is not affected.',
  },
  {
    name: 'Roaming partner outage',
    title: 'Roaming partner outage in Germany',
    status: 'identified',
    incidentClass: 'operational',
    scope: { regions: ['Germany'], notes: 'Partner network outage; devices may switch to another partner.' },
    components: { 'roaming-de': 'partial_outage' },
    body: 'A partner network in Germany has an outage. Devices that can roam on another partner network switch automatically; others stay offline until the partner recovers.',
  },
  {
    name: 'Data streamer delay',
    title: 'Data Streamer delays',
    status: 'investigating',
    incidentClass: 'operational',
    scope: { notes: 'Delay of 5 minutes or more.' },
    components: { streamer: 'degraded_performance' },
    body: 'Usage records and connectivity events reach your endpoints with a delay of 5 minutes or more. No events are lost; the backlog is delivered in order.',
  },
  {
    name: 'Fix in progress',
    title: 'Fix in progress',
    status: 'identified',
    incidentClass: null,
    scope: null,
    components: {},
    body: 'We have identified the cause and are working on a fix.\n\nNext update within 30 minutes.',
  },
  {
    name: 'Recovering, monitoring',
    title: 'Recovering',
    status: 'monitoring',
    incidentClass: null,
    scope: null,
    components: {},
    body: 'A fix has been deployed and the service is recovering. We are monitoring the results.',
  },
];

/** Saves the demo templates, naming components by the ids the seed gave them. */
export async function seedDemoTemplates(ctx: ServiceContext, ids: ReadonlyMap<string, string>): Promise<void> {
  for (const t of DEMO_TEMPLATES) {
    const componentStatuses = Object.entries(t.components).map(([key, status]) => {
      const id = ids.get(key);
      if (!id) throw new Error(`Demo template "${t.name}" names unknown component "${key}"`);
      return { id, status };
    });
    await createIncidentTemplate({
      ctx,
      input: {
        name: t.name,
        title: t.title,
        body: t.body,
        status: t.status,
        incidentClass: t.incidentClass,
        scope: t.scope ? { regions: [], deviceTypes: [], devices: null, notes: '', ...t.scope } : null,
        componentStatuses,
      },
    });
  }
}
