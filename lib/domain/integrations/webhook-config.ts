/** What an operator pastes into Alertmanager or Grafana to point it at one integration. */
export interface WebhookSetup {
  url: string;
  /** Alertmanager's receiver YAML, or Grafana's contact-point steps. */
  snippet: string;
}

/** The inbound URL of an integration and its configuration text, with the secret written in. */
export function webhookSetup({ baseUrl, id, kind, secret }: { baseUrl: string; id: string; kind: 'alertmanager' | 'grafana'; secret: string }): WebhookSetup {
  const url = `${baseUrl.replace(/\/$/, '')}/api/integrations/${id}/${kind}`;
  if (kind === 'alertmanager') {
    const snippet = [
      'receivers:',
      '  - name: beacon',
      '    webhook_configs:',
      `      - url: ${url}`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      '            type: Bearer',
      `            credentials: ${secret}`,
    ].join('\n');
    return { url, snippet };
  }
  const snippet = [
    'Alerting → Contact points → New contact point, Integration "Webhook":',
    `URL: ${url}`,
    'Optional Webhook settings → Authorization header:',
    'Scheme: Bearer',
    `Credentials: ${secret}`,
    '(or Basic auth with any user name and the secret as the password)',
  ].join('\n');
  return { url, snippet };
}
