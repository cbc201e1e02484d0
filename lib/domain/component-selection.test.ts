import { describe, expect, it } from 'vitest';
import { withSelection } from '@/lib/domain/component-selection';

describe('withSelection', () => {
  it('gives the selected components the one status, each once, their own choice winning', () => {
    expect(withSelection([{ id: 'b2', status: 'operational' }], ['a1', 'b2', 'c3', 'a1'], 'partial_outage')).toEqual([
      { id: 'b2', status: 'operational' },
      { id: 'a1', status: 'partial_outage' },
      { id: 'c3', status: 'partial_outage' },
    ]);
  });

  it('changes nothing more when the selection has no status', () => {
    expect(withSelection([{ id: 'a1', status: 'major_outage' }], ['b2'], undefined)).toEqual([{ id: 'a1', status: 'major_outage' }]);
  });
});
