import { describe, expect, it } from 'vitest';
import { correctInterval, type IntervalSpan } from '@/lib/domain/interval-correction';

const now = new Date('2026-11-10T12:00:00.000Z');
const prev: IntervalSpan = { id: 1, startedAt: '2026-11-01T00:00:00.000Z', endedAt: '2026-11-10T08:00:00.000Z' };
const outage: IntervalSpan = { id: 2, startedAt: '2026-11-10T08:00:00.000Z', endedAt: '2026-11-10T09:00:00.000Z' };
const after: IntervalSpan = { id: 3, startedAt: '2026-11-10T09:00:00.000Z', endedAt: null };

describe('correctInterval', () => {
  it('moves the end of an outage and so the start of the status after it', () => {
    expect(correctInterval(outage, prev, after, { endedAt: '2026-11-10T10:30:00.000Z' }, now)).toEqual({
      ok: true,
      spans: { startedAt: outage.startedAt, endedAt: '2026-11-10T10:30:00.000Z' },
    });
  });

  it('moves the start earlier, into the status before it', () => {
    const verdict = correctInterval(outage, prev, after, { startedAt: '2026-11-10T07:15:00.000Z' }, now);
    expect(verdict).toEqual({ ok: true, spans: { startedAt: '2026-11-10T07:15:00.000Z', endedAt: outage.endedAt } });
  });

  it('refuses an end at or before the start, and times in the future', () => {
    expect(correctInterval(outage, prev, after, { endedAt: '2026-11-10T08:00:00.000Z' }, now)).toMatchObject({ ok: false, field: 'endedAt' });
    expect(correctInterval(outage, prev, after, { endedAt: '2026-11-10T12:00:01.000Z' }, now)).toMatchObject({ ok: false, field: 'endedAt', message: 'is in the future' });
    expect(correctInterval(after, outage, undefined, { startedAt: '2026-11-11T00:00:00.000Z' }, now)).toMatchObject({ ok: false, field: 'startedAt' });
  });

  it('never swallows the neighbouring statuses', () => {
    expect(correctInterval(outage, prev, after, { startedAt: prev.startedAt }, now)).toMatchObject({ ok: false, field: 'startedAt' });
    expect(correctInterval(outage, prev, after, { endedAt: now.toISOString() }, now)).toMatchObject({ ok: false, field: 'endedAt' });
  });

  it('has no end to correct on the current status', () => {
    expect(correctInterval(after, outage, undefined, { endedAt: '2026-11-10T11:00:00.000Z' }, now)).toMatchObject({ ok: false, field: 'endedAt' });
    expect(correctInterval(after, outage, undefined, { startedAt: '2026-11-10T09:30:00.000Z' }, now)).toMatchObject({ ok: true });
  });
});
