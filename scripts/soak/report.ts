import type { ChannelAccount } from '@/scripts/soak/alerts';
import type { RouteFigures } from '@/scripts/soak/load';

/** Everything the soak measured, as printed at the end. */
export interface SoakFigures {
  seconds: number;
  connections: number;
  routes: Record<string, RouteFigures>;
  live: { clients: number; updates: number; missedAny: number; drops: number; externalChangesPerClient: number };
  email: ChannelAccount;
  webhook: ChannelAccount;
  heldAtKill: { email: number; webhook: number };
  timeout: { alerts: number; requests: number; distinct: number; outbox: Record<string, number> };
  smtp: { connections: number; refused: number; droppedMessages: number };
  memory: { atReady: number; start: number; end: number; peak: number; timeline: number[]; heapStart: number; heapEnd: number };
  /** How each worker exit that the soak did not cause ended. */
  workerExits: string[];
  backlog: { healthy: Record<string, number>; other: Record<string, number> };
  posts: number[];
  /** Management API calls that failed (each was checked and sent again). */
  apiFailures: string[];
  snapshot: { rebuilds?: number; lastBuildMs?: number };
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const states = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

function channelLine(name: string, a: ChannelAccount, held: number): [string, boolean] {
  const unexplained = a.duplicates - a.explained;
  const ok = a.missing === 0 && unexplained === 0;
  return [
    `${name.padEnd(9)} ${a.delivered}/${a.expected} delivered, missing ${a.missing}, duplicates ${a.duplicates} ` +
      `(${a.explained} re-sends of the ${held} rows the killed worker held, ${unexplained} unexplained), other arrivals ${a.other}`,
    ok,
  ];
}

/** Prints the figures with PASS/MISS per target; returns how many targets were missed. */
export function printReport(f: SoakFigures): number {
  const targets: [string, boolean][] = [];
  console.log(`\n== bench:soak: ${fmt(f.seconds, 0)} s of load, ${f.connections} keep-alive connections, ${f.live.clients} live clients ==\n`);
  console.log(`${'route'.padEnd(24)} ${'served'.padStart(8)} ${'req/s'.padStart(7)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}`);
  let bad = 0;
  for (const [route, r] of Object.entries(f.routes)) {
    const non2xx = Object.values(r.non2xx).reduce((a, b) => a + b, 0);
    bad += non2xx + r.errors;
    console.log(
      `${route.padEnd(24)} ${String(r.served).padStart(8)} ${fmt(r.served / f.seconds, 0).padStart(7)} ${String(non2xx).padStart(8)} ${String(r.errors).padStart(7)} ${fmt(r.p50).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.max).padStart(7)}` +
        (non2xx ? `  statuses: ${JSON.stringify(r.non2xx)}` : ''),
    );
  }
  targets.push([`non-2xx or failed requests on public routes: ${bad} (target 0)`, bad === 0]);
  const posts = f.posts.filter(Number.isFinite).toSorted((a, b) => a - b);
  console.log(`operator API: ${f.posts.length} updates posted, median ${fmt(posts[Math.floor(posts.length / 2)] ?? NaN, 0)} ms, max ${fmt(posts.at(-1) ?? NaN, 0)} ms`);
  targets.push([`operator API calls that failed: ${f.apiFailures.length} (target 0)${f.apiFailures.map((e) => `\n      ${e}`).join('')}`, f.apiFailures.length === 0]);
  console.log(`snapshot rebuilds: ${f.snapshot.rebuilds ?? '?'} (last ${fmt(f.snapshot.lastBuildMs ?? NaN, 0)} ms)`);

  targets.push([
    `live clients that missed any of the ${f.live.updates} updates: ${f.live.missedAny}/${f.live.clients} (target 0; ${f.live.drops} stream drops, ` +
      `${fmt(f.live.externalChangesPerClient, 0)} external.changed events per client)`,
    f.live.missedAny === 0,
  ]);
  targets.push(channelLine('email', f.email, f.heldAtKill.email));
  targets.push(channelLine('webhook', f.webhook, f.heldAtKill.webhook));
  console.log(`\ntime-out endpoint: ${f.timeout.alerts} alerts due, ${f.timeout.requests} requests received (${f.timeout.distinct} distinct alerts), outbox: ${states(f.timeout.outbox)}`);
  console.log(`flaky SMTP: ${f.smtp.connections} connections, ${f.smtp.refused} refused at once, ${f.smtp.droppedMessages} messages cut mid-DATA (first attempt)`);

  // What the server holds on to (live heap after a full GC) is what a leak would grow; resident
  // memory also counts garbage V8 collects lazily when the machine has room, and is shown beside it.
  const heapGrowth = ((f.memory.heapEnd - f.memory.heapStart) / f.memory.heapStart) * 100;
  targets.push([
    `server heap after a full GC: ${fmt(f.memory.heapStart, 0)} MB after warm-up → ${fmt(f.memory.heapEnd, 0)} MB at end, growth ${fmt(heapGrowth)} % (target < 20 %)`,
    heapGrowth < 20,
  ]);
  const growth = ((f.memory.end - f.memory.start) / f.memory.start) * 100;
  console.log(
    `server RSS: ${fmt(f.memory.start, 0)} MB after warm-up → ${fmt(f.memory.end, 0)} MB at end, growth ${fmt(growth)} % (${fmt(f.memory.atReady, 0)} MB at ready, peak ${fmt(f.memory.peak, 0)} MB; V8 grows its heap lazily, see --server-heap)`,
  );
  console.log(`server RSS every 15 s of load (MB): ${f.memory.timeline.map((m) => m.toFixed(0)).join(' ')}`);
  targets.push([`worker exits nobody asked for (the supervisor restarted it 1 s later): ${f.workerExits.length} ${JSON.stringify(f.workerExits)} (target 0)`, f.workerExits.length === 0]);
  const backlog = f.backlog.healthy.queued ?? 0;
  targets.push([`outbox backlog at end, healthy subscribers: ${states(f.backlog.healthy)} (target: 0 queued)`, backlog === 0]);
  console.log(`outbox, everyone else (time-out endpoint included): ${states(f.backlog.other)}\n`);
  for (const [line, ok] of targets) console.log(`${mark(ok)}  ${line}`);
  return targets.filter(([, ok]) => !ok).length;
}
