/**
 * Demo catalog: the components of "Acme IoT", an IoT cellular connectivity provider.
 * Data only; the demo seeder turns it into groups and components.
 */

export interface DemoComponent {
  /** Stable key used by the scenario (`lib/demo/scenario.ts`) to refer to this component. */
  key: string;
  name: string;
  /** Tooltip text on the status page. */
  description: string;
  /** Show the 90-day uptime bars. */
  showcase: boolean;
  /** Hidden on the status page while operational. */
  onlyShowIfDegraded: boolean;
  /** The component's start date, in days before now. */
  startDaysAgo: number;
}

export interface DemoGroup {
  name: string;
  description: string;
  components: DemoComponent[];
}

export const DEMO_PAGE = { name: 'Acme IoT', timeZone: 'Europe/Berlin' } as const;

/** Most components exist for the whole demo history (about 14 months). */
const SINCE_START = 430;

function showcased(key: string, name: string, description: string, startDaysAgo = SINCE_START): DemoComponent {
  return { key, name, description, showcase: true, onlyShowIfDegraded: false, startDaysAgo };
}

function roaming(key: string, name: string, description: string): DemoComponent {
  return { key, name, description, showcase: false, onlyShowIfDegraded: true, startDaysAgo: SINCE_START };
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Core connectivity',
    description: 'Mobile data, SMS and private network access for all SIMs.',
    components: [
      showcased(
        'data',
        'Data service',
        'Mobile data sessions on every network: attach, PDP/PDN context creation and traffic through our packet gateways (PGW/GGSN).',
      ),
      showcased(
        'sms',
        'SMS',
        'Mobile-originated and mobile-terminated SMS through our SMSC, including SMS sent from the portal and the API.',
      ),
      showcased(
        'vpn',
        'VPN',
        'IPsec and OpenVPN tunnels between customer networks and their private APNs.',
      ),
    ],
  },
  {
    name: 'Platform',
    description: 'The tools customers use to manage their SIMs and receive their data.',
    components: [
      showcased(
        'portal',
        'Customer portal',
        'Web portal for SIM management, tariffs, usage reports, alerts and user accounts.',
      ),
      showcased(
        'api',
        'REST API',
        'Programmatic access to SIM management, usage records and SMS.',
      ),
      showcased(
        'streamer',
        'Data Streamer',
        'Near real-time delivery of usage records and connectivity events to customer endpoints (HTTPS and message queues).',
        60,
      ),
    ],
  },
  {
    name: 'Regional internet breakouts',
    description: 'Where device data traffic leaves our core network for the public internet.',
    components: [
      showcased('breakout-eu', 'EU', 'Internet breakout in Frankfurt and Amsterdam for devices served from Europe, the Middle East and Africa.'),
      showcased('breakout-americas', 'Americas', 'Internet breakout in Ashburn and São Paulo for devices in North and South America.'),
      showcased('breakout-apac', 'Asia-Pacific', 'Internet breakout in Singapore and Tokyo for devices in Asia-Pacific.'),
    ],
  },
  {
    name: 'Roaming networks',
    description: 'Partner radio networks our SIMs roam on. Shown only while a partner network has a problem.',
    components: [
      roaming('roaming-de', 'Germany', 'Partner networks in Germany (2G, 4G, LTE-M).'),
      roaming('roaming-us', 'United States', 'Partner networks in the United States (4G, LTE-M, NB-IoT).'),
      roaming('roaming-br', 'Brazil', 'Partner networks in Brazil (2G, 3G, 4G).'),
      roaming('roaming-in', 'India', 'Partner networks in India (2G, 4G).'),
      roaming('roaming-jp', 'Japan', 'Partner networks in Japan (4G, LTE-M).'),
    ],
  },
];
