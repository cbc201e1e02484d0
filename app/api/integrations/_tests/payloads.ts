/**
 * Webhook bodies as the projects document them: Alertmanager's webhook_config payload
 * (version "4", prometheus.io/docs/alerting/latest/configuration/#webhook_config) and the
 * example in Grafana's "Configure webhook notifications" page, with labels set to the rule's.
 */
export function alertmanagerPayload(status: 'firing' | 'resolved', fingerprint = 'c6eadffa33fcdf37') {
  return {
    version: '4',
    groupKey: '{}:{alertname="SMSDeliveryFailing"}',
    truncatedAlerts: 0,
    status,
    receiver: 'beacon',
    groupLabels: { alertname: 'SMSDeliveryFailing' },
    commonLabels: { alertname: 'SMSDeliveryFailing', service: 'sms', severity: 'critical' },
    commonAnnotations: { summary: 'SMS delivery failing' },
    externalURL: 'http://alertmanager.example.com:9093',
    alerts: [
      {
        status,
        labels: { alertname: 'SMSDeliveryFailing', service: 'sms', severity: 'critical', instance: 'smsc-1:9100' },
        annotations: { summary: 'SMS delivery failing', description: 'More than 20% of MT SMS failed in 5 minutes' },
        startsAt: '2026-06-01T11:58:00.000Z',
        endsAt: status === 'resolved' ? '2026-06-01T12:30:00.000Z' : '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example.com:9090/graph?g0.expr=sms_failure_ratio+%3E+0.2',
        fingerprint,
      },
    ],
  };
}

export function grafanaPayload(status: 'firing' | 'resolved') {
  return {
    receiver: 'My Super Webhook',
    status,
    orgId: 1,
    alerts: [
      {
        status,
        labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1', service: 'sms', severity: 'critical' },
        annotations: { description: 'The system has high memory usage', runbook_url: 'https://myrunbook.com/runbook/1234', summary: 'This alert was triggered for zone us-1' },
        startsAt: '2021-10-12T09:51:03.157076+02:00',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'https://play.grafana.org/alerting/1afz29v7z/edit',
        fingerprint: 'c6eadffa33fcdf37',
        silenceURL: 'https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1',
        dashboardURL: '',
        panelURL: '',
        values: { B: 44.23943737541908, C: 1 },
      },
    ],
    groupLabels: {},
    commonLabels: { team: 'blue' },
    commonAnnotations: {},
    externalURL: 'https://play.grafana.org/',
    version: '1',
    groupKey: '{}:{}',
    truncatedAlerts: 0,
    title: '[FIRING:1]  (blue)',
    state: 'alerting',
    message: '**Firing**\n\nLabels:\n - alertname = High memory usage\n',
  };
}
