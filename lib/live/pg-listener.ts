import pg from 'pg';
import { publishLive } from '@/lib/live/hub';
import { instanceId } from '@/lib/live/instance-id';
import { NOTIFY_CHANNEL, type LiveEvent, type NotifyPayload } from '@/lib/live/live-event';

const RETRY_MS = 1_000;

/** A dedicated connection LISTENing for other instances' changes; reconnects by itself. */
export class PgListener {
  private client: pg.Client | null = null;
  private listenedBefore = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  connected = false;

  constructor(
    private readonly url: string,
    private readonly onEvent: (event: LiveEvent) => void = publishLive,
    private readonly self: string = instanceId(),
  ) {}

  /** Connects and listens; resolves once listening (or after the first failure, retrying behind). */
  async start(): Promise<void> {
    this.stopped = false;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    this.client = client;
    client.on('notification', (msg) => {
      if (msg.channel !== NOTIFY_CHANNEL || !msg.payload) return;
      try {
        const payload = JSON.parse(msg.payload) as NotifyPayload;
        if (payload.origin !== this.self) this.onEvent(payload.event);
      } catch (error) {
        console.error('[beacon] bad NOTIFY payload', error);
      }
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      this.connected = true;
      // Whatever was committed while we were not listening was missed: report one external change.
      if (this.listenedBefore) this.onEvent({ type: 'external.changed' });
      this.listenedBefore = true;
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client) {
    if (client !== this.client) return;
    this.connected = false;
    this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.start(), RETRY_MS);
    this.retry.unref();
  }

  /** Stops listening and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }
}
