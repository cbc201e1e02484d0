/**
 * Demo scenario: about 14 months of status history for "Acme IoT" (see `./catalog.ts`).
 *
 * Data only. Times are relative to the moment the demo is seeded:
 * - `startDaysAgo` is in (fractional) days before now; negative means in the future.
 * - `atMinutes` is minutes after the incident start, or after `scheduledFor` for maintenance
 *   (negative for the announcement made before the window).
 * - `postmortem.afterHours` is hours after the incident was resolved.
 *
 * The history is laid out so that every calendar month of the last 14 has at least one event,
 * except two deliberately empty months (gaps of about 61 days, around 95–156 and 255–316 days ago),
 * so the history page can show "No incidents reported". Other gaps between events are under
 * 28 days, so this holds for whatever day the demo is seeded on (see `scenario.test.ts`).
 */
import type { Translations } from '@/lib/domain/localize';
import type { ComponentStatus, Impact, IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';

export interface DemoUpdate {
  /** Minutes after the incident start (or after scheduledFor for maintenance); 0 for the first update. */
  atMinutes: number;
  status: IncidentStatus | MaintenanceStatus;
  /** Markdown. */
  body: string;
  /** Component key → new status set by this update. */
  components?: Record<string, ComponentStatus>;
  /** The text in other languages (issue #15), as an operator would add it in the composer. */
  translations?: Translations;
}

export interface DemoIncident {
  kind: 'incident';
  name: string;
  /** Fractional days before now, e.g. 37.4. */
  startDaysAgo: number;
  impactOverride?: Impact;
  /** Chronological; the first status is investigating or identified. */
  updates: DemoUpdate[];
  postmortem?: { afterHours: number; body: string };
  /** The NOC's class; an operational incident's postmortem goes to Enterprise audiences only (issue #16). */
  incidentClass?: 'critical' | 'operational';
  /** The title in other languages (issue #15). */
  translations?: Translations;
}

export interface DemoMaintenance {
  kind: 'maintenance';
  name: string;
  /** Start of the window in days before now; negative = in the future. */
  startDaysAgo: number;
  durationMinutes: number;
  components: string[];
  autoStart: boolean;
  autoComplete: boolean;
  /** The first is 'scheduled' at a negative atMinutes (announced days before). */
  updates: DemoUpdate[];
  cancelled?: boolean;
}

export type DemoEvent = DemoIncident | DemoMaintenance;

const DAY = 24 * 60;

/** The demo's postmortem that only Enterprise members read (e2e and the leak test look for it). */
export const DEMO_ENTERPRISE_POSTMORTEM = `## Summary

SMSC node B stopped draining its delivery queue after its SIGTRAN certificate was rotated for 22 minutes.

## Root cause

The rotation script restarted the M3UA association before the new certificate was loaded, and the node kept the association half open.

## What we are changing

Certificate rotation on SMSC nodes now checks the association state before it reports success.
`;

/** A status map setting every listed component to one status. */
function all(keys: readonly string[], status: ComponentStatus): Record<string, ComponentStatus> {
  return Object.fromEntries(keys.map((key) => [key, status]));
}

// ---------------------------------------------------------------------------------------------
// Active incident and upcoming maintenance
// ---------------------------------------------------------------------------------------------

export const DEMO_ACTIVE_INCIDENT: DemoIncident = {
  kind: 'incident',
  name: 'Packet loss on the EU internet breakout',
  startDaysAgo: 40 / DAY,
  translations: {
    de: { name: 'Paketverluste am EU-Internet-Breakout' },
    fr: { name: 'Perte de paquets sur le breakout Internet UE' },
  },
  updates: [
    {
      atMinutes: 0,
      status: 'investigating',
      body:
        'We are seeing packet loss of about 4 % and higher latency on traffic leaving through our **EU internet breakout**, ' +
        'and slower data session setup for devices served from Europe. Private APN and VPN traffic is not affected. ' +
        'We are investigating.',
      components: { data: 'degraded_performance', 'breakout-eu': 'partial_outage' },
      translations: {
        de: {
          body:
            'Wir stellen auf dem Verkehr über unseren **EU-Internet-Breakout** Paketverluste von etwa 4 % und eine höhere Latenz fest; ' +
            'der Aufbau von Datensitzungen für Geräte in Europa dauert länger. Verkehr über private APNs und VPN ist nicht betroffen. ' +
            'Wir untersuchen die Ursache.',
        },
        fr: {
          body:
            'Nous constatons environ 4 % de perte de paquets et une latence accrue sur le trafic sortant par notre **breakout Internet UE**, ' +
            'ainsi qu’un établissement plus lent des sessions de données pour les équipements desservis depuis l’Europe. Le trafic APN privé et VPN ' +
            'n’est pas concerné. Nous analysons la situation.',
        },
      },
    },
    {
      atMinutes: 24,
      status: 'identified',
      body:
        'The packet loss is on one of the two transit links at our Frankfurt breakout: the upstream provider reports a fibre cut ' +
        'between Frankfurt and Amsterdam. We are shifting outbound traffic to the remaining transit link and to our Amsterdam site.\n\n' +
        'Devices in Europe may see higher latency and occasional retransmissions until the shift is complete. ' +
        'No action is needed on your side; data sessions stay up.',
      translations: {
        de: {
          body:
            'Die Paketverluste treten auf einer der beiden Transitleitungen an unserem Frankfurter Breakout auf: Der Upstream-Anbieter meldet ' +
            'einen Glasfaserschnitt zwischen Frankfurt und Amsterdam. Wir verlagern den ausgehenden Verkehr auf die verbleibende Transitleitung ' +
            'und an unseren Standort Amsterdam.\n\nGeräte in Europa können bis zum Abschluss der Umstellung eine höhere Latenz und gelegentliche ' +
            'Neuübertragungen sehen. Sie müssen nichts tun; Datensitzungen bleiben bestehen.',
        },
        fr: {
          body:
            'La perte de paquets se situe sur l’un des deux liens de transit de notre breakout de Francfort : le fournisseur amont signale une ' +
            'coupure de fibre entre Francfort et Amsterdam. Nous basculons le trafic sortant vers le lien de transit restant et vers notre site ' +
            'd’Amsterdam.\n\nLes équipements en Europe peuvent constater une latence plus élevée et des retransmissions occasionnelles jusqu’à la ' +
            'fin de la bascule. Aucune action n’est nécessaire de votre côté ; les sessions de données restent établies.',
        },
      },
    },
  ],
};

export const DEMO_UPCOMING_MAINTENANCE: DemoMaintenance = {
  kind: 'maintenance',
  name: 'Data Streamer cluster upgrade',
  startDaysAgo: -2.4,
  durationMinutes: 120,
  components: ['streamer'],
  autoStart: true,
  autoComplete: true,
  updates: [
    {
      atMinutes: -3 * DAY,
      status: 'scheduled',
      body:
        'We will upgrade the streaming cluster behind the **Data Streamer** to a new major release with more headroom for ' +
        'large fleets.\n\n' +
        '**Expected impact:** during the 2-hour window, usage records and connectivity events may be delivered with a delay ' +
        'of up to 10 minutes while brokers are upgraded one at a time. No records will be lost, and they are delivered in order. ' +
        'HTTPS endpoints may receive a small number of duplicate batches; use the `record_id` field to deduplicate.\n\n' +
        'Data service, SMS, VPN, the portal and the REST API are not affected.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// History (most recent first)
// ---------------------------------------------------------------------------------------------

export const DEMO_HISTORY: DemoEvent[] = [
  // --- last 7 days ------------------------------------------------------------------------
  {
    kind: 'incident',
    name: 'Delayed delivery of SMS to devices',
    startDaysAgo: 1.7,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Mobile-terminated SMS sent to devices are delivered with delays of up to 4 minutes. SMS sent by devices (MO) are not ' +
          'affected. We are investigating.',
        components: { sms: 'degraded_performance' },
      },
      {
        atMinutes: 9,
        status: 'identified',
        body:
          'One of our two SMSC nodes stopped draining its delivery queue after a routine certificate rotation on its SIGTRAN link. ' +
          'We have taken it out of rotation; the second node is delivering the queued messages now.',
      },
      {
        atMinutes: 22,
        status: 'resolved',
        body:
          'The queue has been fully delivered and delivery times are back to normal (under 5 seconds). About **18,000 messages** ' +
          'were delayed; none were lost. The affected node is back in rotation after a restart of its SIGTRAN association.',
        components: { sms: 'operational' },
      },
    ],
    incidentClass: 'operational',
    // An operational incident: by default this postmortem is for Enterprise audiences only.
    postmortem: { afterHours: 20, body: DEMO_ENTERPRISE_POSTMORTEM },
  },
  {
    kind: 'incident',
    name: 'Roaming partner outage in Brazil',
    startDaysAgo: 3.6,
    impactOverride: 'major',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices roaming in **Brazil** are failing to register on one of our two partner networks there. Devices that can see ' +
          'the second partner network are being steered to it automatically; devices in areas covered only by the affected ' +
          'partner are offline. About **900 devices** are affected, most of them in São Paulo and Minas Gerais.',
        components: { 'roaming-br': 'major_outage' },
      },
      {
        atMinutes: 35,
        status: 'identified',
        body:
          'The partner has confirmed a fault in its HLR cluster that rejects all inbound roamers. Their engineers are working on it. ' +
          'We have lowered our steering threshold so that devices try the alternative network sooner; about a third of the ' +
          'affected devices have already moved.',
        components: { 'roaming-br': 'partial_outage' },
      },
      {
        atMinutes: 150,
        status: 'monitoring',
        body:
          'The partner has restored its HLR. Registrations are succeeding again and affected devices are reattaching. ' +
          'Devices in power-saving mode (PSM or eDRX) reconnect on their next wake-up.',
        components: { 'roaming-br': 'degraded_performance' },
      },
      {
        atMinutes: 190,
        status: 'resolved',
        body:
          'More than 98 % of the affected devices have reattached, and we have restored the normal steering thresholds. ' +
          'A device that is still offline will reconnect on its next scheduled wake-up; a power cycle or a manual network ' +
          'reselection (`AT+COPS=0`) brings it back sooner.',
        components: { 'roaming-br': 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Data Streamer: usage records delayed',
    startDaysAgo: 6.3,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Usage records and connectivity events sent by the **Data Streamer** are arriving with delays of up to 8 minutes. ' +
          'No data is lost: records are queued and will be delivered in order.',
        components: { streamer: 'degraded_performance' },
      },
      {
        atMinutes: 20,
        status: 'identified',
        body:
          'A consumer group in the streaming cluster keeps rebalancing because one broker ran out of disk space for its log ' +
          'segments. We are expanding the volume and restarting the affected consumers. The delay is currently up to ' +
          '**14 minutes** for HTTPS endpoints and about 6 minutes for message-queue targets.',
        components: { streamer: 'partial_outage' },
      },
      {
        atMinutes: 55,
        status: 'monitoring',
        body: 'The consumers are stable again and the backlog is shrinking. The current delay is under 2 minutes.',
        components: { streamer: 'degraded_performance' },
      },
      {
        atMinutes: 72,
        status: 'resolved',
        body:
          'The backlog has been delivered and delays are back to normal (under 10 seconds). We have added disk usage alerts at ' +
          '70 % on every broker so this is caught long before it affects delivery.',
        components: { streamer: 'operational' },
      },
    ],
  },

  // --- last 90 days -----------------------------------------------------------------------
  {
    kind: 'maintenance',
    name: 'Core router software upgrade in Frankfurt',
    startDaysAgo: 12.5,
    durationMinutes: 180,
    components: ['data', 'vpn', 'breakout-eu'],
    autoStart: true,
    autoComplete: false,
    updates: [
      {
        atMinutes: -7 * DAY,
        status: 'scheduled',
        body:
          'We will upgrade the software on the two core routers in our Frankfurt data centre. Before each router is upgraded, ' +
          'its traffic is moved to the other router and to our Amsterdam site.\n\n' +
          '**Expected impact:**\n\n' +
          '- Data sessions anchored in Frankfurt may see one interruption of up to 30 seconds; devices recover on their own.\n' +
          '- IPsec tunnels terminating in Frankfurt renegotiate once.\n' +
          '- SMS, the portal and the REST API are not affected.\n\n' +
          'No action is needed on your side.',
      },
      {
        atMinutes: 0,
        status: 'in_progress',
        body: 'The maintenance has started. Traffic is being drained from the first Frankfurt core router.',
        components: all(['data', 'vpn', 'breakout-eu'], 'under_maintenance'),
      },
      {
        atMinutes: 95,
        status: 'verifying',
        body:
          'Both routers run the new release and traffic is back on the Frankfurt site. We are verifying BGP sessions with our ' +
          'transit providers, GTP throughput and the state of customer IPsec tunnels.',
      },
      {
        atMinutes: 130,
        status: 'completed',
        body:
          'The maintenance is complete. Sessions and tunnels are back on their normal paths and traffic levels are normal. ' +
          'Thank you for your patience.',
        components: all(['data', 'vpn', 'breakout-eu'], 'operational'),
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Americas internet breakout unavailable',
    startDaysAgo: 22.4,
    impactOverride: 'major',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices whose traffic breaks out to the internet in the **Americas** cannot reach internet hosts. Data sessions are ' +
          'established, but traffic does not leave our network. Private APN traffic and VPN tunnels are not affected.',
        components: { 'breakout-americas': 'major_outage' },
      },
      {
        atMinutes: 18,
        status: 'identified',
        body:
          'Both transit links at our **Ashburn** breakout stopped carrying our address ranges after a routing change at one of ' +
          'the transit providers. São Paulo is healthy, but Ashburn normally carries about 80 % of the region\'s traffic. ' +
          'We are moving traffic to São Paulo.',
        components: { 'breakout-americas': 'partial_outage' },
      },
      {
        atMinutes: 52,
        status: 'monitoring',
        body:
          'All traffic for the region now leaves through São Paulo and devices can reach the internet again. Latency for ' +
          'devices in North America is about 120 ms higher than usual. The transit provider is reverting its change.',
        components: { 'breakout-americas': 'degraded_performance' },
      },
      {
        atMinutes: 104,
        status: 'resolved',
        body:
          'The transit provider has reverted its change and Ashburn is announcing our ranges again. Traffic is back on its normal ' +
          'path and latency is normal. About **6,500 devices** in North America had no internet access for up to 40 minutes.',
        components: { 'breakout-americas': 'operational' },
      },
    ],
  },
  {
    kind: 'maintenance',
    name: 'VPN concentrator software upgrade in Amsterdam',
    startDaysAgo: 28.5,
    durationMinutes: 120,
    components: ['vpn'],
    autoStart: true,
    autoComplete: true,
    cancelled: true,
    updates: [
      {
        atMinutes: -7 * DAY,
        status: 'scheduled',
        body:
          'We will upgrade the software of the VPN concentrators in our **Amsterdam** site.\n\n' +
          '**Expected impact:** IPsec tunnels terminating in Amsterdam will go down once for up to 2 minutes while they move ' +
          'to the standby unit, and once more when they move back. Tunnels re-establish automatically if dead peer detection ' +
          '(DPD) is enabled on your side.',
      },
      {
        atMinutes: -DAY - 180,
        status: 'cancelled',
        body:
          'We have **cancelled** this maintenance: the vendor withdrew the release after finding a defect in IKEv2 rekey ' +
          'handling. We will announce a new window once a fixed release has passed our tests. Nothing changes for your tunnels.',
      },
    ],
  },
  {
    kind: 'incident',
    name: 'REST API returning errors',
    startDaysAgo: 34.8,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Requests to the **REST API** are failing with HTTP `502` and `503` errors, and the customer portal is slow or fails ' +
          'to load some pages. Device connectivity is not affected: data sessions, SMS and VPN work normally.',
        components: { api: 'major_outage', portal: 'partial_outage' },
      },
      {
        atMinutes: 21,
        status: 'identified',
        body:
          'A deployment of the API gateway shortly before the errors started shipped a connection pool setting that exhausts ' +
          'database connections under normal load. We are rolling the deployment back.',
        components: { api: 'major_outage', portal: 'partial_outage' },
      },
      {
        atMinutes: 48,
        status: 'monitoring',
        body:
          'The rollback is complete. The API error rate is back below 0.1 % and the portal is responsive again. ' +
          'We are monitoring closely.',
        components: { api: 'degraded_performance', portal: 'operational' },
      },
      {
        atMinutes: 135,
        status: 'resolved',
        body:
          'The API and the portal have been stable for more than an hour. Requests that failed with `502` or `503` during the ' +
          'incident were **not executed** and can be retried safely. We will publish a postmortem.',
        components: { api: 'operational', portal: 'operational' },
      },
    ],
    postmortem: {
      afterHours: 50,
      body: `## Summary

For 48 minutes the REST API answered a large share of requests with \`502\` and \`503\` errors, and the customer portal, which uses the same backend, was slow or failed to load. A configuration change in an API gateway deployment exhausted the database connection pool. Device connectivity (data, SMS, VPN) was not affected.

## Timeline

All times relative to the first customer-visible errors (T).

- **T−4 min** — a new API gateway release is rolled out to all instances.
- **T+0** — error rate on the API rises to 35 %; the first alert fires at T+2.
- **T+6** — incident opened; investigating.
- **T+21** — the connection pool setting in the new release identified as the cause; rollback started.
- **T+48** — rollback complete; error rate below 0.1 %; monitoring.
- **T+135** — resolved after an hour of stable operation.

## Root cause

The release changed how the gateway sizes its database connection pool: the setting \`pool.max\` was interpreted per worker thread instead of per instance. Each instance opened up to 16 times more connections than intended, the database reached its connection limit within minutes, and requests waiting for a connection timed out at the load balancer. Our staging environment runs a single worker per instance, so the difference did not show there.

## Impact

- About **31 %** of API requests failed during the 48 minutes, across roughly 1,100 customer integrations.
- SIM activations, suspensions and tariff changes requested through the API or portal were delayed for about **2,300 devices**; none were applied twice.
- SMS submitted through the API during the incident were rejected, not queued, and had to be resent by the caller.
- No device lost connectivity.

## What we are changing

1. Staging now runs the same worker count as production, and pool sizing is covered by a load test in the release pipeline.
2. API gateway releases roll out to one instance first and wait 15 minutes on error-rate and database connection metrics before continuing.
3. The database connection limit now raises a page at 70 % instead of 90 %.
4. The gateway will answer \`503\` with \`Retry-After\` when the pool is exhausted, so well-behaved clients back off instead of retrying immediately.`,
    },
  },
  {
    kind: 'incident',
    name: 'Elevated data session failures in Asia-Pacific',
    startDaysAgo: 46,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'We see an increased rate of rejected data session requests for devices served by our **Asia-Pacific** gateways ' +
          '(PDP context rejections with cause `#26`, insufficient resources). About **450 devices** are affected; most succeed ' +
          'after one or two retries.',
        components: { 'breakout-apac': 'partial_outage' },
      },
      {
        atMinutes: 40,
        status: 'identified',
        body:
          'The IP address pool for one customer APN on a Singapore packet gateway is exhausted after a burst of reconnections ' +
          'from a large fleet, and stale sessions were not released. We are extending the pool and clearing stale sessions.',
      },
      {
        atMinutes: 75,
        status: 'monitoring',
        body:
          'The pool has been extended and session setup success is back above 99.8 %. Devices that backed off after failed ' +
          'attempts are reconnecting.',
        components: { 'breakout-apac': 'degraded_performance' },
      },
      {
        atMinutes: 118,
        status: 'resolved',
        body:
          'All affected devices have reconnected and session setup rates are normal. We have added pool utilisation alerts ' +
          'for every APN on the Asia-Pacific gateways.',
        components: { 'breakout-apac': 'operational' },
      },
    ],
  },
  {
    kind: 'maintenance',
    name: 'SMSC software update',
    startDaysAgo: 70.5,
    durationMinutes: 120,
    components: ['sms'],
    autoStart: true,
    autoComplete: true,
    updates: [
      {
        atMinutes: -5 * DAY,
        status: 'scheduled',
        body:
          'We will update our **SMSC** to a new release that improves delivery report handling and throughput for bursts of ' +
          'mobile-terminated SMS.\n\n' +
          '**Expected impact:** SMS may be delayed by up to 10 minutes while the nodes are updated one at a time. ' +
          'No messages will be lost; messages submitted during the window are queued and delivered in order.',
      },
      {
        atMinutes: 0,
        status: 'in_progress',
        body: 'The update has started. The first SMSC node is out of rotation; the second node handles all traffic.',
        components: { sms: 'under_maintenance' },
      },
      {
        atMinutes: 70,
        status: 'verifying',
        body: 'Both nodes run the new release. We are verifying delivery with test messages through each signalling route.',
      },
      {
        atMinutes: 105,
        status: 'completed',
        body: 'The update is complete and SMS delivery is normal.',
        components: { sms: 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Dropped data sessions for devices roaming in Japan',
    startDaysAgo: 82,
    impactOverride: 'minor',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Some devices roaming in **Japan** lose their data session a few minutes after attaching and then reattach. SMS is not ' +
          'affected. About **120 devices** are affected, mainly in the Kantō region.',
        components: { 'roaming-jp': 'partial_outage' },
      },
      {
        atMinutes: 65,
        status: 'identified',
        body:
          'Our roaming partner in Japan reports a faulty software update on part of its serving gateways in the Kantō region. ' +
          'The partner is rolling the update back site by site.',
      },
      {
        atMinutes: 280,
        status: 'resolved',
        body:
          'The partner has completed its rollback. Affected devices keep their data sessions again and session durations are back ' +
          'to normal.',
        components: { 'roaming-jp': 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Customer portal unavailable',
    startDaysAgo: 95,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'The **customer portal** is not loading; users see an error page after signing in. Device connectivity (data, SMS, VPN) ' +
          'is not affected. We are investigating.',
        components: { portal: 'major_outage' },
      },
      {
        atMinutes: 14,
        status: 'identified',
        body:
          'The primary database behind the portal lost its storage volume and the automatic failover did not complete. ' +
          'The REST API uses the same database, and some API requests are failing as well. We are promoting the replica manually.',
        components: { portal: 'major_outage', api: 'partial_outage' },
      },
      {
        atMinutes: 41,
        status: 'monitoring',
        body:
          'The replica has been promoted. The portal and the API are working again; the portal may be slower than usual while ' +
          'caches warm up. We are building a new replica.',
        components: { portal: 'degraded_performance', api: 'operational' },
      },
      {
        atMinutes: 96,
        status: 'resolved',
        body:
          'The new replica is in sync and the portal has been stable for almost an hour. No changes saved before the incident ' +
          'were lost.',
        components: { portal: 'operational', api: 'operational' },
      },
    ],
    postmortem: {
      afterHours: 70,
      body: `## Summary

The customer portal was unavailable for 41 minutes, and part of the REST API failed for 27 minutes, after the storage volume of the primary portal database failed and the automatic failover stopped halfway. We promoted the replica by hand. Device connectivity was not affected, and no saved data was lost.

## Timeline

All times relative to the storage failure (T).

- **T+0** — the primary database loses its storage volume; the portal returns errors.
- **T+1** — the failover manager starts promoting the replica, then stops because it cannot confirm the old primary is fenced.
- **T+4** — alerts fire; incident opened.
- **T+14** — cause identified; decision to fence the old primary manually and promote the replica.
- **T+41** — replica promoted; portal and API working; monitoring.
- **T+96** — new replica in sync; resolved.

## Root cause

The failover manager fences the old primary through the cloud provider's API before promoting a replica, to avoid two primaries. The storage failure also made the provider's API time out for that instance, so fencing never confirmed and the failover waited, as designed, for a human. The runbook for this case existed but assumed console access we had removed in an earlier permissions clean-up, which cost about 15 minutes.

## Impact

- The portal was unavailable for **41 minutes** for all customers.
- About 18 % of REST API requests failed for 27 minutes; read requests were affected more than writes.
- SIM management actions for roughly **1,500 devices** were delayed; automated suspensions requested by customer systems ran after the incident.
- Data, SMS and VPN service for all devices continued normally.

## What we are changing

1. The failover manager can now fence through a second, independent path (network isolation of the instance) when the provider API does not answer.
2. The runbook has been rewritten and rehearsed; the on-call role has the access it needs, reviewed quarterly.
3. We are moving the portal database to a three-node cluster with synchronous replication, planned as an announced maintenance.`,
    },
  },

  // --- gap: no events for about 61 days (one empty calendar month) -------------------------

  {
    kind: 'incident',
    name: 'SMS to devices failing on some networks',
    startDaysAgo: 156,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Mobile-terminated SMS to devices on several roaming networks in **South America and Asia** are failing. SMS sent by ' +
          'devices (MO) and SMS to devices in Europe are delivered normally.',
        components: { sms: 'partial_outage' },
      },
      {
        atMinutes: 30,
        status: 'identified',
        body:
          'The signalling provider that connects our SMSC to these partner networks lost one of its signalling transfer points ' +
          '(STP), and SMS routed through it time out. We are moving these routes to our secondary signalling provider.',
      },
      {
        atMinutes: 95,
        status: 'monitoring',
        body:
          'SMS to the affected networks now go through the secondary provider and are being delivered. Messages queued during the ' +
          'incident are being retried; expect delays of a few minutes until the queue has drained.',
        components: { sms: 'degraded_performance' },
      },
      {
        atMinutes: 150,
        status: 'resolved',
        body:
          'All queued messages have been delivered. About **41,000 messages** were delayed by up to 2 hours. Messages with a ' +
          'validity period shorter than the delay expired and were reported as failed in delivery reports and in the API.',
        components: { sms: 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'VPN concentrator outage in Frankfurt',
    startDaysAgo: 170,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'IPsec tunnels terminating on our **Frankfurt VPN concentrators** are down. Customers using a private APN with VPN ' +
          'cannot reach their devices, and devices cannot reach customer servers. Internet traffic is not affected.',
        components: { vpn: 'major_outage' },
      },
      {
        atMinutes: 22,
        status: 'identified',
        body:
          'The active VPN concentrator in Frankfurt rebooted after a hardware fault, and its standby did not take over the ' +
          'tunnels because state synchronisation between the pair had silently stopped. We are bringing the tunnels up on the ' +
          'standby unit.',
        components: { vpn: 'major_outage' },
      },
      {
        atMinutes: 70,
        status: 'identified',
        body:
          'About 60 % of tunnels are up on the standby unit. Some tunnels using IKEv1 need to be re-initiated from the customer ' +
          'side; we are contacting those customers directly.',
        components: { vpn: 'partial_outage' },
      },
      {
        atMinutes: 130,
        status: 'monitoring',
        body:
          'All tunnels are up except 14 that are waiting for re-initiation from the customer side. Traffic through the ' +
          'tunnels is normal.',
        components: { vpn: 'degraded_performance' },
      },
      {
        atMinutes: 200,
        status: 'resolved',
        body:
          'All customer tunnels are up and traffic is normal. A replacement unit has been installed and is running as the ' +
          'standby. We will publish a postmortem.',
        components: { vpn: 'operational' },
      },
    ],
    postmortem: {
      afterHours: 96,
      body: `## Summary

All IPsec tunnels terminating in Frankfurt went down when the active VPN concentrator failed, and the standby unit could not take over because state synchronisation between the two had stopped weeks earlier without alerting. Most tunnels were back within 70 minutes and all of them within 200 minutes.

## Timeline

All times relative to the hardware fault (T).

- **T+0** — the active concentrator reboots after a memory fault; all Frankfurt tunnels drop.
- **T+3** — tunnel-down alerts fire for many customers at once; incident opened.
- **T+22** — standby found without tunnel state; tunnels are brought up on the standby one customer group at a time.
- **T+70** — about 60 % of tunnels up; IKEv1 tunnels need re-initiation from the customer side.
- **T+130** — all but 14 tunnels up; monitoring.
- **T+200** — all tunnels up; resolved.

## Root cause

A software update on the pair six weeks earlier changed the port used for state synchronisation. Our firewall between the two units still allowed only the old port, so synchronisation stopped. The concentrators logged the failure at a level we did not collect, and our monitoring checked that both units were reachable, not that they were in sync. When the active unit failed, the standby had no tunnel state and every tunnel had to be negotiated from scratch.

## Impact

- **310 customer tunnels** were down, for between 25 and 200 minutes.
- About **52,000 devices** on private APNs could not exchange traffic with their customers' servers during that time.
- Devices using the public internet breakout, SMS and the portal were not affected.

## What we are changing

1. Monitoring now checks synchronisation state and the number of synchronised tunnels on every VPN pair, and pages on any difference.
2. Firewall rules between HA pairs are generated from the vendor's port list for the running release, and reviewed with every update.
3. We test a forced failover on every pair after each software update, and quarterly in any case.
4. We recommend IKEv2 with dead peer detection for all customer tunnels; we will contact customers still using IKEv1.`,
    },
  },
  {
    kind: 'maintenance',
    name: 'Customer portal database migration',
    startDaysAgo: 190,
    durationMinutes: 120,
    components: ['portal', 'api'],
    autoStart: false,
    autoComplete: false,
    updates: [
      {
        atMinutes: -10 * DAY,
        status: 'scheduled',
        body:
          'We will move the database behind the customer portal and the REST API to a new three-node cluster with synchronous ' +
          'replication and faster storage.\n\n' +
          '**Expected impact:**\n\n' +
          '- The portal is **read-only** for up to 90 minutes.\n' +
          '- API requests that change SIMs (activation, suspension, tariff changes) return `503` with a `Retry-After` header ' +
          'during the final switchover, which takes about 10 minutes.\n' +
          '- Data, SMS and VPN are not affected.',
      },
      {
        atMinutes: 0,
        status: 'in_progress',
        body: 'The migration has started. The portal is read-only while data is copied to the new cluster.',
        components: { portal: 'under_maintenance', api: 'under_maintenance' },
      },
      {
        atMinutes: 62,
        status: 'verifying',
        body:
          'The switchover is complete and the portal accepts changes again. We are verifying data consistency and the ' +
          'scheduled background jobs (usage aggregation, alerts, reports).',
      },
      {
        atMinutes: 88,
        status: 'completed',
        body: 'The migration is complete. The portal and the API run on the new cluster and work normally.',
        components: { portal: 'operational', api: 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'LTE-M registration failures in the United States',
    startDaysAgo: 212,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices using **LTE-M** on one of our partner networks in the **United States** cannot attach in parts of the Midwest. ' +
          'Devices that can fall back to our second partner network are reconnecting there. About **300 devices** are affected.',
        components: { 'roaming-us': 'partial_outage' },
      },
      {
        atMinutes: 50,
        status: 'identified',
        body:
          'The partner has confirmed a failure of an MME pool serving the region after a power event at one of its data centres. ' +
          'They are restoring the pool.',
      },
      {
        atMinutes: 180,
        status: 'monitoring',
        body:
          'The partner has restored the MME pool and registrations are succeeding again. Devices in power-saving mode will ' +
          'reattach on their next wake-up.',
        components: { 'roaming-us': 'degraded_performance' },
      },
      {
        atMinutes: 245,
        status: 'resolved',
        body: 'Registration rates are back to normal and affected devices have reconnected.',
        components: { 'roaming-us': 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Data service outage in Europe',
    startDaysAgo: 235,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices in Europe cannot establish new data sessions, and many existing sessions have been dropped. SMS works ' +
          'normally. We are investigating with the highest priority.',
        components: { data: 'major_outage', 'breakout-eu': 'partial_outage' },
      },
      {
        atMinutes: 12,
        status: 'identified',
        body:
          'Two of the four **packet gateways (PGW)** in Frankfurt stopped answering GTP-C create-session requests. Gateway ' +
          'selection kept sending new sessions to them. We are removing both from selection and restarting them.',
        components: { data: 'major_outage', 'breakout-eu': 'partial_outage' },
      },
      {
        atMinutes: 31,
        status: 'identified',
        body:
          'Both gateways are out of selection and new sessions succeed on the remaining two. Session setup success is at 94 % ' +
          'because of the wave of devices reconnecting at once; we are applying attach rate limits to smooth the load.',
        components: { data: 'partial_outage', 'breakout-eu': 'partial_outage' },
      },
      {
        atMinutes: 58,
        status: 'monitoring',
        body:
          'The restarted gateways are back in selection and session setup success is above 99.5 %. Devices with long back-off ' +
          'timers may take up to 30 more minutes to reconnect.',
        components: { data: 'degraded_performance', 'breakout-eu': 'operational' },
      },
      {
        atMinutes: 160,
        status: 'resolved',
        body:
          'Session counts are back to their usual level and all gateways are healthy. We will publish a postmortem.',
        components: { data: 'operational', 'breakout-eu': 'operational' },
      },
    ],
    postmortem: {
      afterHours: 60,
      body: `## Summary

Two of the four packet gateways in Frankfurt stopped accepting new data sessions because of a memory leak in their session management process, and dropped many of their existing sessions. For 31 minutes most devices served from Europe could not establish data sessions; full recovery took 160 minutes.

## Timeline

All times relative to the first failed session requests (T).

- **T−3 days** — a patch release is installed on all Frankfurt gateways.
- **T+0** — gateways 2 and 4 stop answering GTP-C \`Create Session Request\`; sessions on them start to drop.
- **T+5** — session setup alerts fire; incident opened.
- **T+12** — the two gateways identified; removal from selection started.
- **T+31** — both removed; setup success 94 % under the reconnection wave; attach rate limits applied.
- **T+58** — gateways restarted and returned to selection; setup success above 99.5 %; monitoring.
- **T+160** — session counts normal; resolved.

## Root cause

The patch release leaked memory for every session that was deleted with a specific cause code, which one large fleet triggers on each reporting cycle. After three days the two gateways carrying most of that fleet ran out of memory for new sessions. Our health check only tested that the gateway process answered GTP echo requests, which it still did, so gateway selection kept sending it new sessions.

## Impact

- About **14,000 devices** in Europe could not establish data sessions for up to 31 minutes.
- About **9,000 more** had their sessions dropped and reconnected within an hour.
- Traffic through the EU internet breakout was reduced by 45 % during the first half hour.
- SMS, VPN tunnels themselves, the portal and the API were not affected.

## What we are changing

1. Gateway health checks now perform a real create/delete session test every 10 seconds and take a gateway out of selection after three failures.
2. Memory use of the session management process is alerted on trend, not only on a fixed threshold.
3. Gateway patches are rolled out to one gateway per site for a week before the rest.
4. The vendor has fixed the leak; the fix is installed on all gateways.`,
    },
  },
  {
    kind: 'incident',
    name: 'EU internet breakout unavailable',
    startDaysAgo: 255,
    impactOverride: 'major',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices whose traffic breaks out to the internet in the **EU** cannot reach internet hosts. Private APN and VPN ' +
          'traffic is not affected.',
        components: { 'breakout-eu': 'major_outage' },
      },
      {
        atMinutes: 11,
        status: 'identified',
        body:
          'A line card failed on the edge router of our Amsterdam breakout. We are moving outbound traffic to Frankfurt; ' +
          'devices may see a short interruption while sessions move.',
        components: { 'breakout-eu': 'partial_outage' },
      },
      {
        atMinutes: 35,
        status: 'resolved',
        body:
          'All EU breakout traffic is leaving through Frankfurt and internet access is normal. The faulty line card will be ' +
          'replaced under an announced maintenance. About **4,000 devices** had no internet access for up to 20 minutes.',
        components: { 'breakout-eu': 'operational' },
      },
    ],
  },

  // --- gap: no events for about 61 days (one empty calendar month) -------------------------

  {
    kind: 'incident',
    name: 'Data connectivity problems for devices roaming in India',
    startDaysAgo: 316,
    impactOverride: 'major',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices roaming in **India** register on one of our partner networks but cannot establish data sessions. SMS works. ' +
          'About **200 devices** are affected, mainly in Maharashtra and Karnataka.',
        components: { 'roaming-in': 'major_outage' },
      },
      {
        atMinutes: 70,
        status: 'identified',
        body:
          'The partner\'s IPX link towards our network is down, so GTP tunnels for their subscribers roaming on our SIMs cannot be ' +
          'set up. Their IPX provider is replacing a faulty optical module in Mumbai. Where our second partner network has ' +
          'coverage, we are steering devices to it.',
        components: { 'roaming-in': 'partial_outage' },
      },
      {
        atMinutes: 390,
        status: 'monitoring',
        body: 'The IPX link has been restored and GTP tunnels to the partner are up. Devices are re-establishing data sessions.',
        components: { 'roaming-in': 'degraded_performance' },
      },
      {
        atMinutes: 460,
        status: 'resolved',
        body:
          'Data sessions on the partner network are working normally and we have restored the usual steering. Devices that stayed ' +
          'on the affected network were without data for up to 7 hours; SMS was not affected.',
        components: { 'roaming-in': 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Signalling overload in the core network',
    startDaysAgo: 335,
    impactOverride: 'critical',
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices are failing to attach and new data sessions are failing at an elevated rate in **all regions**. SMS delivery ' +
          'is delayed. Established data sessions are not affected.',
        components: { data: 'partial_outage', sms: 'degraded_performance' },
      },
      {
        atMinutes: 18,
        status: 'identified',
        body:
          'Signalling load on our subscriber database (HSS) is about **12 times** its normal level, caused by tens of thousands of ' +
          'devices attaching at the same moment. The HSS is rejecting part of the requests, which makes devices retry and adds ' +
          'to the load. We are applying attach rate limits per customer and per APN.',
        components: { data: 'partial_outage', sms: 'partial_outage' },
      },
      {
        atMinutes: 75,
        status: 'monitoring',
        body:
          'The rate limits are in place and signalling load is back within capacity. Attach success is above 99 % again. ' +
          'Devices that backed off are reattaching gradually, which may take up to an hour.',
        components: { data: 'degraded_performance', sms: 'operational' },
      },
      {
        atMinutes: 170,
        status: 'resolved',
        body:
          'Signalling load and attach success rates have been normal for more than an hour. We are working with the customer ' +
          'whose fleet triggered the surge. We will publish a postmortem.',
        components: { data: 'operational', sms: 'operational' },
      },
    ],
    postmortem: {
      afterHours: 72,
      body: `## Summary

About 60,000 devices of one customer rebooted within five minutes after a firmware update and all tried to attach at once, retrying without back-off. The resulting signalling storm overloaded our HSS, which rejected a share of all attach and location update requests network-wide. For about 75 minutes devices everywhere had trouble attaching, and SMS was delayed.

## Timeline

All times relative to the start of the surge (T).

- **T+0** — Diameter S6a requests to the HSS rise from about 900 to 11,000 per second.
- **T+4** — HSS starts rejecting requests with \`DIAMETER_TOO_BUSY\`; attach failure alerts fire.
- **T+8** — incident opened.
- **T+18** — surge traced to a single customer fleet; per-customer attach rate limits prepared.
- **T+41** — rate limits active on all MMEs and SGSNs; load starts to fall.
- **T+75** — load within capacity, attach success above 99 %; monitoring.
- **T+170** — resolved.

## Root cause

The customer's firmware update rebooted every device at a fixed time instead of at a random time within a window. The devices' modems were configured to retry attach immediately after a reject instead of using the standard back-off timers. Our network had per-APN limits on session creation but no limit on attach and authentication requests per customer, so a single fleet could use the HSS capacity meant for everyone.

## Impact

- About **60,000 devices** of the customer concerned took up to two hours to reconnect.
- About **9,500 devices** of other customers failed to attach or to reattach after moving between cells, for up to 75 minutes.
- SMS were delayed by up to 20 minutes because routing lookups (SRI-SM) to the HSS were slowed down.
- Devices that were already attached with an active data session were not affected.

## What we are changing

1. Attach and authentication requests are now rate limited per customer, with limits sized to each customer's fleet.
2. The HSS prioritises requests from devices that are already attached (location updates) over new attaches during overload.
3. We have added HSS capacity (two more front-end nodes) and load alerts at 50 % of capacity.
4. We have published guidance on randomised reboots and 3GPP back-off timers for fleet firmware updates, and review it with customers above 10,000 devices.`,
    },
  },
  {
    kind: 'incident',
    name: 'Single sign-on failing for the customer portal',
    startDaysAgo: 352,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Users who sign in to the **customer portal** with single sign-on (SAML) get an error after authenticating with their ' +
          'identity provider. Sign-in with email and password and the REST API are working.',
        components: { portal: 'partial_outage' },
      },
      {
        atMinutes: 24,
        status: 'identified',
        body:
          'The signing certificate of our SAML service provider was renewed, and the new metadata had not been picked up by the ' +
          'portal\'s sign-in service. We are reloading the configuration.',
      },
      {
        atMinutes: 38,
        status: 'monitoring',
        body: 'Single sign-on works again. Users who saw an error can sign in normally now.',
        components: { portal: 'operational' },
      },
      {
        atMinutes: 62,
        status: 'resolved',
        body:
          'Sign-ins have been normal for half an hour. Customers whose identity provider pins our signing certificate must ' +
          'update it; we have emailed those customers the new metadata.',
        components: { portal: 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'VPN tunnels failing to re-establish in Amsterdam',
    startDaysAgo: 372,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Some customer IPsec tunnels to our **Amsterdam** VPN concentrator failed to re-establish after their scheduled rekey. ' +
          'Affected customers cannot reach devices on their private APNs. About 9 tunnels with roughly **300 devices** behind ' +
          'them are affected.',
        components: { vpn: 'partial_outage' },
      },
      {
        atMinutes: 25,
        status: 'identified',
        body:
          'The intermediate CA certificate used for IKEv2 authentication was renewed, and the new chain had not been installed on ' +
          'the Amsterdam concentrator. Tunnels using certificate authentication fail at rekey; tunnels using pre-shared keys are ' +
          'not affected. We are installing the new chain.',
      },
      {
        atMinutes: 50,
        status: 'monitoring',
        body: 'The new certificate chain is installed and the affected tunnels have come back up.',
        components: { vpn: 'degraded_performance' },
      },
      {
        atMinutes: 82,
        status: 'resolved',
        body: 'All tunnels have rekeyed successfully at least once since the fix. Traffic is normal.',
        components: { vpn: 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Data service unavailable in the Americas and Asia-Pacific',
    startDaysAgo: 393,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices in the **Americas** and **Asia-Pacific** have data sessions but cannot resolve host names, so most ' +
          'applications cannot reach their servers. Devices that connect by IP address are not affected, and Europe is not ' +
          'affected.',
        components: { data: 'major_outage', 'breakout-americas': 'major_outage', 'breakout-apac': 'major_outage' },
      },
      {
        atMinutes: 16,
        status: 'identified',
        body:
          'A change to the DNS resolver configuration rolled out to our Ashburn, São Paulo, Singapore and Tokyo sites contained ' +
          'a malformed forwarding zone, and the resolvers stopped answering. We are rolling the change back.',
        components: { data: 'major_outage', 'breakout-americas': 'major_outage', 'breakout-apac': 'major_outage' },
      },
      {
        atMinutes: 34,
        status: 'monitoring',
        body:
          'The rollback is complete and the resolvers answer again. Traffic is recovering. Some devices cache failed lookups ' +
          'and will recover when their cache expires, or sooner if their application reconnects.',
        components: { data: 'degraded_performance', 'breakout-americas': 'operational', 'breakout-apac': 'operational' },
      },
      {
        atMinutes: 110,
        status: 'resolved',
        body:
          'DNS query volume and data traffic are back to normal levels in both regions. We will publish a postmortem.',
        components: { data: 'operational', 'breakout-americas': 'operational', 'breakout-apac': 'operational' },
      },
    ],
    postmortem: {
      afterHours: 48,
      body: `## Summary

A faulty DNS resolver configuration was rolled out to our four resolver sites outside Europe at the same time. The resolvers stopped answering, and devices in the Americas and Asia-Pacific could not resolve host names for 34 minutes. Devices in Europe were not affected.

## Timeline

All times relative to the rollout (T).

- **T+0** — new resolver configuration deployed to Ashburn, São Paulo, Singapore and Tokyo.
- **T+2** — DNS response rate drops to near zero at all four sites; traffic in both regions falls by 70 %.
- **T+6** — alerts fire; incident opened.
- **T+16** — the configuration change identified as the cause; rollback started.
- **T+34** — rollback complete; resolvers answering; monitoring.
- **T+110** — traffic back to normal; resolved.

## Root cause

The change added a forwarding zone for a customer's private domain. A missing closing brace made the resolver reject the whole configuration on reload, and the resolver software stops serving when a reload fails instead of keeping the previous configuration. Our pre-deployment check validated the syntax with a different version of the resolver software than the one in production, which accepted the file. The change was deployed to all four sites at once because it was classified as low risk.

## Impact

- About **23,000 devices** in the Americas and Asia-Pacific could not resolve host names for up to 34 minutes; most of their application traffic failed.
- Devices using fixed IP addresses, private APNs and VPN tunnels continued to work.
- SMS, the portal and the API were not affected.

## What we are changing

1. Resolver configuration is validated with the exact production version in CI, and a reload failure now keeps the previous configuration.
2. Resolver changes are deployed one site at a time, with an automatic check of answer rates before the next site.
3. DNS answer-rate alerts fire within one minute instead of five.
4. Each region gets a second, independently configured resolver set that devices can fall back to.`,
    },
  },
  {
    kind: 'maintenance',
    name: 'Packet gateway software upgrade in Singapore',
    startDaysAgo: 410,
    durationMinutes: 180,
    components: ['data', 'breakout-apac'],
    autoStart: true,
    autoComplete: true,
    updates: [
      {
        atMinutes: -7 * DAY,
        status: 'scheduled',
        body:
          'We will upgrade the software of the **packet gateways (PGW)** in our Singapore site, one gateway at a time.\n\n' +
          '**Expected impact:** devices with data sessions on a gateway being upgraded are disconnected once and reconnect ' +
          'to another gateway within a few seconds. Devices that do not reconnect on their own should recover at their next ' +
          'scheduled connection. Devices outside Asia-Pacific are not affected.',
      },
      {
        atMinutes: 0,
        status: 'in_progress',
        body: 'The upgrade has started. Sessions are being moved off the first gateway.',
        components: { data: 'under_maintenance', 'breakout-apac': 'under_maintenance' },
      },
      {
        atMinutes: 150,
        status: 'verifying',
        body: 'All gateways run the new release. We are verifying session setup rates and throughput.',
      },
      {
        atMinutes: 175,
        status: 'completed',
        body: 'The upgrade is complete. Session setup and throughput are normal.',
        components: { data: 'operational', 'breakout-apac': 'operational' },
      },
    ],
  },
  {
    kind: 'incident',
    name: 'Registration failures for devices roaming in Germany',
    startDaysAgo: 423,
    updates: [
      {
        atMinutes: 0,
        status: 'investigating',
        body:
          'Devices roaming in **Germany** fail to register on one of our partner networks after losing coverage. Devices that ' +
          'stay registered are not affected. About **250 devices** are affected, mostly on 2G.',
        components: { 'roaming-de': 'partial_outage' },
      },
      {
        atMinutes: 40,
        status: 'identified',
        body:
          'The partner network rejects location updates for our SIMs with cause `#17` (network failure) after a change to its ' +
          'roaming agreement configuration. The partner is correcting it; meanwhile we are steering affected devices to our ' +
          'second partner network in Germany.',
      },
      {
        atMinutes: 105,
        status: 'resolved',
        body:
          'The partner has corrected its configuration and registrations succeed again on both networks. Steering is back to ' +
          'normal.',
        components: { 'roaming-de': 'operational' },
      },
    ],
  },
];
