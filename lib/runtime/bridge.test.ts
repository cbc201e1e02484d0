import { afterEach, describe, expect, it, vi } from 'vitest';
import { peekShared, setShared, shared } from '@/lib/runtime/bridge';

/** A fresh copy of a module, as Next's bundle holds one beside the custom server's. */
async function freshCopy<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

describe('the process bridge', () => {
  afterEach(() => setShared('instanceId', undefined));

  it('gives two copies of a module the same process-wide instance', async () => {
    const a = await freshCopy(() => import('@/lib/live/instance-id'));
    const b = await freshCopy(() => import('@/lib/live/instance-id'));
    expect(a).not.toBe(b);
    expect(a.instanceId()).toBe(b.instanceId());
  });

  it('carries a change published by one copy to a listener of the other', async () => {
    const server = await freshCopy(() => import('@/lib/live/change-bus'));
    const bundle = await freshCopy(() => import('@/lib/live/change-bus'));
    const heard = vi.fn();
    const off = bundle.onChange(heard);
    server.publishChange({ type: 'incident.created', incidentId: 'i1', updateId: 'u1' });
    off();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('keeps its entries under one global symbol and no __beacon globals', async () => {
    await import('@/lib/metrics/registry').then((m) => m.metrics());
    await import('@/lib/snapshot/serve-node');
    const named = Object.keys(globalThis).filter((k) => k.startsWith('__beacon'));
    expect(named).toEqual([]);
    const bridge = (globalThis as Record<symbol, Record<string, unknown>>)[Symbol.for('beacon.process')];
    expect(bridge).toBeDefined();
    expect(Object.keys(bridge!)).toEqual(expect.arrayContaining(['metrics', 'snapshotHits']));
  });

  it('creates a value once, and again after it is forgotten (how tests reset state)', () => {
    const first = shared('instanceId', () => 'one');
    expect(shared('instanceId', () => 'two')).toBe(first);
    expect(peekShared('instanceId')).toBe('one');
    setShared('instanceId', undefined);
    expect(peekShared('instanceId')).toBeUndefined();
    expect(shared('instanceId', () => 'three')).toBe('three');
  });
});
