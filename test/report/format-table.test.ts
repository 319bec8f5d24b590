import { describe, expect, it } from 'vitest';
import { formatKeyValues, formatTable } from '../../src/report/format-table.js';

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and leaves no trailing spaces', () => {
    const text = formatTable([{ header: 'Group' }, { header: 'Unmet', align: 'right' }, { header: 'Note' }], [['75+', '30.1%', ''], ['All', '6.2%', 'x']]);
    expect(text).toBe(['Group  Unmet  Note', '-----  -----  ----', '75+    30.1%', 'All     6.2%  x'].join('\n'));
  });

  it('prints section rows and measures £, — and % as one column each', () => {
    const text = formatTable([{ header: 'A' }, { header: 'B', align: 'right' }], [{ section: 'Overall' }, ['cost', '£3.07'], ['none', '—']]);
    expect(text.split('\n')).toEqual(['A         B', '----  -----', 'Overall', 'cost  £3.07', 'none      —']);
  });

  it('uses ANSI styles only when colour is asked for, without changing the layout', () => {
    const rows = [['H1', { text: 'good', style: 'good' as const }]];
    const plain = formatTable([{ header: 'ID' }, { header: 'Verdict' }], rows);
    const coloured = formatTable([{ header: 'ID' }, { header: 'Verdict' }], rows, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32mgood\u001b[0m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('aligns label-value blocks', () => {
    expect(formatKeyValues([['Total', '£1'], ['Per met need', '£2']])).toBe('  Total         £1\n  Per met need  £2');
  });
});
