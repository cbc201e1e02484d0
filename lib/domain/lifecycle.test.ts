import { describe, it, expect } from 'vitest';
import { allowedNextStatuses, canTransition, initialStatuses, isTerminal } from '@/lib/domain/lifecycle';
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, type IncidentKind } from '@/lib/domain/status';

// Rows are `from`, columns are `to` in the order of the status tuples; x = allowed.
const MATRIX: Record<IncidentKind, string> = {
  incident: `
                  inv ide mon res pm
    investigating  x   x   x   x   .
    identified     x   x   x   x   .
    monitoring     x   x   x   x   .
    resolved       .   .   .   x   x
    postmortem     .   .   .   .   x`,
  maintenance: `
                  sch prg ver cmp can
    scheduled      x   x   .   .   x
    in_progress    .   x   x   x   .
    verifying      .   x   x   x   .
    completed      .   .   .   x   .
    cancelled      .   .   .   .   .`,
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
        expect((allowedNextStatuses(kind, from as never) as readonly string[]).includes(to)).toBe(allowed);
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
