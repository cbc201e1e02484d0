/** One documented endpoint of the public API. */
export interface EndpointDoc {
  path: string;
  title: string;
  description: string;
  keys: string[];
}

/** The Statuspage v2 endpoints, worded after Statuspage's own documentation. */
export const API_ENDPOINTS: EndpointDoc[] = [
  { path: '/api/v2/summary.json', title: 'Summary', keys: ['page', 'components', 'incidents', 'scheduled_maintenances', 'status'],
    description: 'The status indicator, every component, the unresolved incidents and any upcoming or in-progress maintenance.' },
  { path: '/api/v2/status.json', title: 'Status', keys: ['page', 'status'],
    description: 'The page rollup: an indicator (none, minor, major, critical or maintenance) and a human description.' },
  { path: '/api/v2/components.json', title: 'Components', keys: ['page', 'components'],
    description: 'Every component with its status. Groups are listed as components with group: true and the ids of their children.' },
  { path: '/api/v2/incidents/unresolved.json', title: 'Unresolved incidents', keys: ['page', 'incidents'],
    description: 'Incidents in the Investigating, Identified or Monitoring state, each with its updates (newest first).' },
  { path: '/api/v2/incidents.json', title: 'All incidents', keys: ['page', 'incidents'],
    description: 'The 50 most recent incidents: unresolved ones and those Resolved or with a Postmortem.' },
  { path: '/api/v2/scheduled-maintenances/upcoming.json', title: 'Upcoming maintenance', keys: ['page', 'scheduled_maintenances'],
    description: 'Maintenance still in the Scheduled state.' },
  { path: '/api/v2/scheduled-maintenances/active.json', title: 'Active maintenance', keys: ['page', 'scheduled_maintenances'],
    description: 'Maintenance In Progress or Verifying.' },
  { path: '/api/v2/scheduled-maintenances.json', title: 'All maintenance', keys: ['page', 'scheduled_maintenances'],
    description: 'The 50 most recent maintenances: upcoming, active and completed.' },
];
