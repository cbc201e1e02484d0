import type { LiveEvent } from '@/lib/live/live-event';

/** Events held at most while rebuilds fail; the browsers need only know that something changed. */
const MAX_HELD = 100;

/**
 * Holds each live event until a snapshot rebuild that started after it is done, then relays it:
 * a browser told of a change then reads documents that already show it. An event that arrives
 * while a rebuild runs waits for the next one (that rebuild may have read the data before it).
 */
export class SettledChanges {
  private held: { event: LiveEvent; at: number }[] = [];

  constructor(
    private readonly relay: (event: LiveEvent) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A change was committed; it waits for the next rebuild. */
  hold(event: LiveEvent): void {
    this.held.push({ event, at: this.now() });
    if (this.held.length > MAX_HELD) this.held.shift();
  }

  /** A rebuild that started at `startedAt` is done: relays every change it includes. */
  built(startedAt: number): void {
    const ready = this.held.filter((h) => h.at <= startedAt);
    if (ready.length === 0) return;
    this.held = this.held.filter((h) => h.at > startedAt);
    for (const { event } of ready) this.relay(event);
  }
}
