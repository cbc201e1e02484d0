import type { ChatAlert } from '@/lib/domain/chat/alert';

/** An alert as the NOC writes one: markdown, two component changes, a link. */
export function sampleAlert(over: Partial<ChatAlert> = {}): ChatAlert {
  return {
    kind: 'incident.updated',
    pageName: 'Acme IoT',
    title: 'SMS delivery delayed in Europe',
    status: 'Identified',
    color: '#e67e22',
    body: 'The **SMSC** in _Frankfurt_ queues messages.\n\n- MT SMS delayed up to 5 min\n- MO SMS unaffected\n\nSee [the runbook](https://acme.test/runbook) & <script>alert(1)</script>.',
    at: '2026-12-01T10:15:00.000Z',
    changes: [
      { name: 'SMS', from: 'Operational', to: 'Partial Outage' },
      { name: 'REST API', from: 'Operational', to: 'Degraded Performance' },
    ],
    url: 'https://status.acme.test/incidents/inc123',
    linkLabel: 'View incident',
    manageUrl: 'https://status.acme.test/subscriptions/manage/abc-def',
    time: 'Tue, 1 Dec 2026, 10:15 UTC',
    labels: { manage: 'Manage alerts', manageOrStop: 'Manage or stop these alerts', status: 'Status', components: 'Components' },
    threadKey: 'inc123',
    ...over,
  };
}

/** An alert past every platform's limits: a very long title and body, sixty components. */
export function oversizedAlert(): ChatAlert {
  const paragraph = `${'Roaming partner signalling is degraded on the **MAP** interface. '.repeat(20)}\n\n`;
  return sampleAlert({
    title: `Roaming outage ${'across many networks '.repeat(20)}`,
    body: paragraph.repeat(30),
    changes: Array.from({ length: 60 }, (_, i) => ({ name: `Roaming network ${i + 1} ${'x'.repeat(300)}`, from: 'Operational', to: 'Major Outage' })),
  });
}
