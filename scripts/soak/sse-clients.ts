import http from 'node:http';

/** One subscriber to /api/live, as an EventSource would be: reconnects 2 s after a drop. */
interface LiveClient {
  /** Update ids named by `change` events (incident.* events carry one). */
  updates: Set<string>;
  externalChanges: number;
  drops: number;
  ready: boolean;
}

/**
 * Opens `count` SSE connections to `${base}/api/live` (one socket each) and parses their
 * `event:` / `data:` lines. Resolves once every one has had its `ready` event.
 */
export async function openLiveClients(base: string, count: number) {
  const clients: LiveClient[] = [];
  const requests = new Set<http.ClientRequest>();
  let closing = false;

  const connect = (client: LiveClient) => {
    const req = http.get(`${base}/api/live`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onMessage(client, buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
    });
    requests.add(req);
    const dropped = () => {
      requests.delete(req);
      if (closing) return;
      client.drops += 1;
      setTimeout(() => connect(client), 2_000);
    };
    req.on('error', () => undefined);
    req.on('close', dropped);
  };

  for (let i = 0; i < count; i++) {
    const client: LiveClient = { updates: new Set(), externalChanges: 0, drops: 0, ready: false };
    clients.push(client);
    connect(client);
  }
  const deadline = Date.now() + 30_000;
  while (clients.some((c) => !c.ready)) {
    if (Date.now() > deadline) throw new Error(`only ${clients.filter((c) => c.ready).length}/${count} live clients got their ready event`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    clients,
    close: () => {
      closing = true;
      for (const req of requests) req.destroy();
    },
  };
}

function onMessage(client: LiveClient, block: string) {
  let event = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  if (event === 'ready') client.ready = true;
  if (event !== 'change' || !data) return;
  const change = JSON.parse(data) as { type: string; updateId?: string };
  if (change.type === 'external.changed') client.externalChanges += 1;
  else if (change.updateId) client.updates.add(change.updateId);
}
