import { describe, it, expect } from 'vitest';
import { allowedNextStatuses, canTransition, initialStatuses, isTerminal, updateVerdict } from '@/lib/domain/lifecycle';
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, type IncidentKind } from '@/lib/domain/status';

// Moves: rows are `from`, columns are `to` in the order of the status tuples; x = allowed.
// The diagonal is empty: nothing moves to the status it has.
const MATRIX: Record<IncidentKind, string> = {
  incident: `
                  inv ide mon res pm
    investigating  .   x   x   x   .
    identified     x   .   x   x   .
    monitoring     x   x   .   x   .
    resolved       .   .   .   .   x
    postmortem     .   .   .   .   .`,
  maintenance: `
                  sch prg ver cmp can
    scheduled      .   x   .   .   x
    in_progress    .   .   x   x   .
    verifying      .   x   .   x   .
    completed      .   .   .   .   .
    cancelled      .   .   .   .   .`,
};

// Where another update may be posted at the same status (Statuspage allows it).
const KEEPS_POSTING: Record<IncidentKind, readonly string[]> = {
  incident: ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'],
  maintenance: ['scheduled', 'in_progress', 'verifying', 'completed'],
};

const STATUSES: Record<IncidentKind, readonly string[]> = {
  incident: INCIDENT_STATUSES,
  maintenance: MAINTENANCE_STATUSES,
};

/** Row label → cells, skipping the header line. */
function parseMatrix(text: string): Map<string, string[]> {
  const lines = text.trim().split('\n').slice(1);
  return new Map(lines.map((line) => {
    const [from, ...cells] = line.trim().split(/\s+/);
    return [from!, cells];
  }));
}

describe.each(['incident', 'maintenance'] as const)('%s lifecycle', (kind) => {
  const statuses = STATUSES[kind];
  const rows = parseMatrix(MATRIX[kind]);
  for (const from of statuses) {
    const cells = rows.get(from) ?? [];
    statuses.forEach((to, i) => {
      const allowed = cells[i] === 'x';
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(kind, from, to)).toBe(allowed);
        const offered = allowed || (from === to && KEEPS_POSTING[kind].includes(from));
        expect((allowedNextStatuses(kind, from as never) as readonly string[]).includes(to)).toBe(offered);
        if (from !== to) expect(updateVerdict(kind, from, to, { carriesNews: true })).toBe(allowed ? 'move' : 'refused');
      });
    });
  }

  it('has one full row per status', () => {
    expect([...rows.keys()]).toEqual([...statuses]);
    for (const cells of rows.values()) expect(cells).toHaveLength(statuses.length);
  });

  const other = kind === 'incident' ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
  it('refuses statuses of the other kind and unknown strings', () => {
    for (const a of statuses) {
      for (const b of other) {
        expect(canTransition(kind, a, b)).toBe(false);
        expect(canTransition(kind, b, a)).toBe(false);
      }
      for (const unknown of ['', 'RESOLVED', 'toString', '__proto__', 'constructor']) {
        expect(canTransition(kind, a, unknown)).toBe(false);
        expect(canTransition(kind, unknown, a)).toBe(false);
      }
    }
    expect(allowedNextStatuses(kind, 'toString' as never)).toEqual([]);
  });
});

describe('updates at the same status', () => {
  it('refuses a second start of a started maintenance, with or without text', () => {
    expect(updateVerdict('maintenance', 'in_progress', 'in_progress', { carriesNews: false })).toBe('already');
    expect(updateVerdict('maintenance', 'in_progress', 'in_progress', { carriesNews: true, isMove: true })).toBe('already');
    expect(updateVerdict('maintenance', 'completed', 'completed', { carriesNews: true, isMove: true })).toBe('already');
    expect(updateVerdict('incident', 'resolved', 'resolved', { carriesNews: true, isMove: true })).toBe('already');
  });
  it('allows another update that keeps the status but carries news', () => {
    for (const kind of ['incident', 'maintenance'] as const) {
      for (const status of KEEPS_POSTING[kind]) {
        expect(updateVerdict(kind, status, status, { carriesNews: true })).toBe('same_status');
        expect(updateVerdict(kind, status, status, { carriesNews: false })).toBe('already');
      }
    }
  });
  it('posts nothing on a cancelled maintenance, nor on unknown statuses', () => {
    expect(updateVerdict('maintenance', 'cancelled', 'cancelled', { carriesNews: true })).toBe('refused');
    expect(updateVerdict('incident', 'toString', 'toString', { carriesNews: true })).toBe('refused');
    expect(allowedNextStatuses('maintenance', 'cancelled')).toEqual([]);
  });
});

describe('isTerminal', () => {
  const terminal: Record<IncidentKind, string[]> = {
    incident: ['resolved', 'postmortem'],
    maintenance: ['completed', 'cancelled'],
  };
  for (const kind of ['incident', 'maintenance'] as const) {
    for (const status of [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES, 'bogus']) {
      const expected = terminal[kind].includes(status);
      it(`${kind} ${status} is ${expected ? '' : 'not '}terminal`, () => {
        expect(isTerminal(kind, status)).toBe(expected);
      });
    }
  }
});

describe('initialStatuses', () => {
  it('lets incidents start open or, when backfilled, resolved', () => {
    expect(initialStatuses('incident')).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
  });
  it('lets maintenance start scheduled or already in progress', () => {
    expect(initialStatuses('maintenance')).toEqual(['scheduled', 'in_progress']);
  });
});
