import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/**
 * A TCP front for the SMTP sink that drops connections: every `refuseEvery`-th connection is
 * closed at once, and the first attempt of every `dropEvery`-th message is cut mid-DATA (after
 * its X-Beacon-Notification header, before the final dot), so the sink never accepts it and
 * the sender must retry. Nothing is cut after the sink has accepted a message.
 */
export async function startFlakySmtp(target: { port: number }, opts: { refuseEvery: number; dropEvery: number }) {
  let connections = 0;
  let refused = 0;
  const seen = new Set<string>();
  const dropped = new Set<string>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    if (connections % opts.refuseEvery === 0) {
      refused += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, '127.0.0.1');
    const kill = () => (client.destroy(), upstream.destroy());
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => (sockets.delete(s), kill()));
      s.on('error', kill);
    }
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      tail = text.slice(-200);
      for (const m of text.matchAll(/X-Beacon-Notification: *(\w+)\r?\n/gi)) {
        const id = m[1]!;
        if (seen.has(id)) continue;
        seen.add(id);
        if (seen.size % opts.dropEvery === 0) {
          dropped.add(id);
          kill();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}?pool=true`,
    stats: () => ({ connections, refused, droppedMessages: dropped.size }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A webhook endpoint that accepts every request and never answers; counts the webhook-ids it got. */
export async function startTarpit() {
  const ids: string[] = [];
  const server = http.createServer((req) => {
    ids.push(String(req.headers['webhook-id']));
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    ids,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
