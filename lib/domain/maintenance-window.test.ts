import { describe, it, expect } from 'vitest';
import { dueTransition, maintenancePhase, type MaintenanceWindow } from '@/lib/domain/maintenance-window';
import type { MaintenanceStatus } from '@/lib/domain/status';

const FROM = '2026-09-06T01:00:00.000Z';
const UNTIL = '2026-09-06T03:00:00.000Z';
const BEFORE = new Date('2026-09-06T00:59:59.999Z');
const AT_START = new Date(FROM);
const DURING = new Date('2026-09-06T02:00:00.000Z');
const JUST_BEFORE_END = new Date('2026-09-06T02:59:59.999Z');
const AT_END = new Date(UNTIL);
const LONG_AFTER = new Date('2026-09-09T00:00:00.000Z');

function window(status: MaintenanceStatus, autoStart: boolean, autoComplete: boolean): MaintenanceWindow {
  return { status, scheduledFor: FROM, scheduledUntil: UNTIL, autoStart, autoComplete };
}

describe('dueTransition', () => {
  type Row = [MaintenanceStatus, boolean, boolean, Date, 'in_progress' | 'completed' | undefined];
  const rows: Row[] = [
    // status, autoStart, autoComplete, now, expected
    ['scheduled', true, false, BEFORE, undefined],
    ['scheduled', true, false, AT_START, 'in_progress'],
    ['scheduled', true, false, DURING, 'in_progress'],
    ['scheduled', true, false, JUST_BEFORE_END, 'in_progress'],
    ['scheduled', true, false, AT_END, undefined], // window over, nobody asked to complete it
    ['scheduled', true, true, BEFORE, undefined],
    ['scheduled', true, true, DURING, 'in_progress'],
    ['scheduled', true, true, AT_END, 'completed'],
    ['scheduled', true, true, LONG_AFTER, 'completed'],
    ['scheduled', false, true, DURING, undefined],
    ['scheduled', false, true, LONG_AFTER, undefined], // never started by hand: stays overdue
    ['scheduled', false, false, DURING, undefined],
    ['in_progress', false, true, DURING, undefined],
    ['in_progress', false, true, JUST_BEFORE_END, undefined],
    ['in_progress', false, true, AT_END, 'completed'],
    ['in_progress', true, true, LONG_AFTER, 'completed'],
    ['in_progress', true, false, LONG_AFTER, undefined],
    ['verifying', false, true, AT_END, 'completed'],
    ['verifying', false, true, DURING, undefined],
    ['verifying', true, false, LONG_AFTER, undefined],
    ['completed', true, true, DURING, undefined],
    ['completed', true, true, LONG_AFTER, undefined],
    ['cancelled', true, true, DURING, undefined],
    ['cancelled', true, true, LONG_AFTER, undefined],
  ];
  for (const [status, autoStart, autoComplete, now, expected] of rows) {
    it(`${status} start=${autoStart} complete=${autoComplete} at ${now.toISOString()} → ${expected}`, () => {
      expect(dueTransition(window(status, autoStart, autoComplete), now)).toBe(expected);
    });
  }

  it('compares instants, not strings, across offsets', () => {
    const m = { ...window('scheduled', true, false), scheduledFor: '2026-09-06T03:00:00+02:00' };
    expect(dueTransition(m, new Date('2026-09-06T01:00:00Z'))).toBe('in_progress');
  });
});

describe('maintenancePhase', () => {
  const rows: [MaintenanceStatus, Date, string][] = [
    ['scheduled', BEFORE, 'upcoming'],
    ['scheduled', AT_START, 'overdue'],
    ['scheduled', LONG_AFTER, 'overdue'],
    ['in_progress', BEFORE, 'active'],
    ['in_progress', LONG_AFTER, 'active'],
    ['verifying', DURING, 'active'],
    ['completed', DURING, 'finished'],
    ['cancelled', BEFORE, 'finished'],
  ];
  for (const [status, now, expected] of rows) {
    it(`${status} at ${now.toISOString()} → ${expected}`, () => {
      expect(maintenancePhase(window(status, true, true), now)).toBe(expected);
    });
  }
});
