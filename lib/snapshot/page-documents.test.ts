import { describe, expect, it } from 'vitest';
import { historyDocument, toLiveUpdate } from '@/lib/snapshot/page-documents';
import type { HistoryView, IncidentView, UpdateView } from '@/lib/services/views';

const update: UpdateView = { id: 'u1', status: 'investigating', body: 'We are **investigating**.', displayAt: '2026-12-01T10:00:00Z', changes: [] };

describe('toLiveUpdate', () => {
  it('renders each translation beside the original and drops the markdown', () => {
    const live = toLiveUpdate({ ...update, translations: { de: { body: 'Wir **prüfen** das.' }, fr: { body: '  ' } } });
    expect(live.html).toBe('<p>We are <strong>investigating</strong>.</p>');
    expect(live.htmlIn).toEqual({ de: '<p>Wir <strong>prüfen</strong> das.</p>' });
    expect(live).not.toHaveProperty('body');
    expect(live).not.toHaveProperty('translations');
  });

  it('carries no htmlIn for an untranslated update', () => {
    expect(toLiveUpdate(update)).not.toHaveProperty('htmlIn');
  });
});

describe('list documents', () => {
  it('keep an incident’s translated title and leave untranslated ones as they were', () => {
    const incident: IncidentView = {
      id: 'i1', kind: 'incident', name: 'VPN down', status: 'resolved', impact: 'minor', startedAt: '2026-12-01T10:00:00Z', resolvedAt: '2026-12-01T11:00:00Z',
      scheduledFor: null, scheduledUntil: null, durationMs: 3_600_000, components: [], latestUpdate: update,
    };
    const view = { page: { timeZone: 'UTC' }, hasOlder: false, months: [{ incidents: [{ ...incident, translations: { de: { name: 'VPN gestört' } } }, { ...incident, id: 'i2' }] }] } as unknown as HistoryView;
    const [translated, plain] = historyDocument(view).months[0]!.incidents;
    expect(translated!.translations).toEqual({ de: { name: 'VPN gestört' } });
    expect(plain).not.toHaveProperty('translations');
    expect(plain!.latestUpdate).toBeNull();
  });
});
