import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '@/lib/live/live-event';
import { SettledChanges } from '@/lib/live/settled-changes';

const event = (n: number): LiveEvent => ({ type: 'external.changed', n }) as unknown as LiveEvent;

describe('SettledChanges', () => {
  it('relays a change only once a rebuild that started after it is done', () => {
    let clock = 1_000;
    const relayed: LiveEvent[] = [];
    const changes = new SettledChanges((e) => relayed.push(e), () => clock);
    changes.hold(event(1));
    // A rebuild that started before the change may have read the data before it: keep waiting.
    changes.built(999);
    expect(relayed).toEqual([]);
    clock = 1_300;
    changes.hold(event(2));
    changes.built(1_200);
    expect(relayed).toEqual([event(1)]);
    changes.built(1_300);
    expect(relayed).toEqual([event(1), event(2)]);
    changes.built(2_000);
    expect(relayed).toHaveLength(2);
  });

  it('keeps the latest 100 changes while rebuilds fail', () => {
    const relayed: LiveEvent[] = [];
    const changes = new SettledChanges((e) => relayed.push(e), () => 0);
    for (let i = 0; i < 150; i++) changes.hold(event(i));
    changes.built(0);
    expect(relayed).toHaveLength(100);
    expect(relayed[0]).toEqual(event(50));
  });
});
