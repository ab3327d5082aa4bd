import { describe, expect, test } from '@jest/globals';
import { placeFindings } from '../../src/review/place.js';
import { finding, INDEX } from './diff-fixture.js';

const opts = { minSeverity: 'nit' as const, maxComments: 20 };

describe('placeFindings', () => {
  test('a finding on an added line is posted inline exactly where the model put it', () => {
    const f = finding({ line: 12 });
    const p = placeFindings([f], INDEX, opts);
    expect(p.inline).toEqual([{ finding: f, anchor: { path: 'src/app.ts', line: 12, side: 'RIGHT' }, clipped: false }]);
    expect(p.unplaced).toEqual([]);
  });

  test('context lines, ranges inside one hunk and deleted (LEFT) lines are all anchored', () => {
    const fs = [
      finding({ line: 14, title: 'context' }),
      finding({ start_line: 10, line: 13, title: 'range' }),
      finding({ line: 11, side: 'LEFT', title: 'deleted line' }),
      finding({ path: 'src/gone.ts', line: 2, side: 'LEFT', title: 'deleted file' }),
      finding({ path: 'src/util.ts', start_line: 1, line: 3, title: 'new file' }),
    ];
    const p = placeFindings(fs, INDEX, opts);
    expect(p.unplaced).toEqual([]);
    expect(p.inline.map((x) => [x.finding.title, x.anchor, x.clipped])).toEqual([
      ['context', { path: 'src/app.ts', line: 14, side: 'RIGHT' }, false],
      ['range', { path: 'src/app.ts', line: 13, side: 'RIGHT', startLine: 10 }, false],
      ['deleted line', { path: 'src/app.ts', line: 11, side: 'LEFT' }, false],
      ['deleted file', { path: 'src/gone.ts', line: 2, side: 'LEFT' }, false],
      ['new file', { path: 'src/util.ts', line: 3, side: 'RIGHT', startLine: 1 }, false],
    ]);
  });

  test('a range that runs past its hunk is clipped to the part inside it, and marked clipped', () => {
    const f = finding({ start_line: 12, line: 20 });
    const p = placeFindings([f], INDEX, opts);
    expect(p.inline).toEqual([
      { finding: f, anchor: { path: 'src/app.ts', line: 14, side: 'RIGHT', startLine: 12 }, clipped: true },
    ]);
  });

  test('a range across two hunks is clipped to the hunk it overlaps most', () => {
    const p = placeFindings([finding({ start_line: 13, line: 42 })], INDEX, opts);
    expect(p.inline[0]!.anchor).toEqual({ path: 'src/app.ts', line: 42, side: 'RIGHT', startLine: 40 });
    expect(p.inline[0]!.clipped).toBe(true);
  });

  test('a line outside the diff goes to the summary with the reason', () => {
    const f = finding({ line: 25 });
    const p = placeFindings([f], INDEX, opts);
    expect(p.inline).toEqual([]);
    expect(p.unplaced).toEqual([{ finding: f, reason: 'line 25 is not in a RIGHT-side hunk of `src/app.ts`' }]);
  });

  test('a file that is not in the diff goes to the summary with the reason', () => {
    const p = placeFindings([finding({ path: 'src/other.ts' })], INDEX, opts);
    expect(p.unplaced[0]!.reason).toBe('path `src/other.ts` is not in the diff');
  });

  test('a LEFT finding on a line number that only exists on the new side is not posted inline', () => {
    // new line 41 is an added line; old line 41 is a context line of hunk 2, old 42 is not in the diff
    const p = placeFindings([finding({ line: 42, side: 'LEFT' })], INDEX, opts);
    expect(p.inline).toEqual([]);
    expect(p.unplaced[0]!.reason).toContain('LEFT-side');
  });

  test('findings below min-severity are counted, not shown', () => {
    const fs = [
      finding({ severity: 'critical', title: 'a' }),
      finding({ severity: 'low', title: 'b' }),
      finding({ severity: 'nit', title: 'c' }),
      finding({ severity: 'nit', line: 99, title: 'd' }),
    ];
    const p = placeFindings(fs, INDEX, { minSeverity: 'medium', maxComments: 20 });
    expect(p.inline.map((x) => x.finding.title)).toEqual(['a']);
    expect(p.unplaced).toEqual([]);
    expect(p.belowMinSeverity).toBe(3);
  });

  test('min-severity is inclusive', () => {
    const p = placeFindings([finding({ severity: 'high' })], INDEX, { minSeverity: 'high', maxComments: 20 });
    expect(p.inline).toHaveLength(1);
  });

  test('beyond max-comments the least severe findings overflow to the summary with the reason', () => {
    const fs = [
      finding({ severity: 'nit', line: 10, title: 'n' }),
      finding({ severity: 'low', line: 11, title: 'l' }),
      finding({ severity: 'critical', line: 12, title: 'c' }),
      finding({ severity: 'high', line: 13, title: 'h' }),
    ];
    const p = placeFindings(fs, INDEX, { minSeverity: 'nit', maxComments: 2 });
    expect(p.inline.map((x) => x.finding.title)).toEqual(['c', 'h']);
    expect(p.unplaced.map((u) => [u.finding.title, u.reason])).toEqual([
      ['l', 'over `max-comments` (2)'],
      ['n', 'over `max-comments` (2)'],
    ]);
  });

  test('max-comments 0 puts everything in the summary and loses nothing', () => {
    const fs = [finding({ title: 'x' }), finding({ line: 99, title: 'y' })];
    const p = placeFindings(fs, INDEX, { minSeverity: 'nit', maxComments: 0 });
    expect(p.inline).toEqual([]);
    expect(p.unplaced).toHaveLength(2);
  });

  test('findings not in the diff do not use up max-comments', () => {
    const fs = [finding({ severity: 'critical', line: 99, title: 'off' }), finding({ severity: 'low', title: 'on' })];
    const p = placeFindings(fs, INDEX, { minSeverity: 'nit', maxComments: 1 });
    expect(p.inline.map((x) => x.finding.title)).toEqual(['on']);
  });

  test('duplicates (same place, same title in any case) are posted once', () => {
    const fs = [
      finding({ title: 'Host may be undefined' }),
      finding({ title: 'HOST MAY BE UNDEFINED', body: 'repeated' }),
      finding({ title: 'Host may be undefined', side: 'LEFT' }),
      finding({ title: 'Host may be undefined', line: 12 }),
    ];
    const p = placeFindings(fs, INDEX, opts);
    expect(p.inline).toHaveLength(3);
    expect(p.inline.filter((x) => x.finding.body === 'repeated')).toEqual([]);
  });

  // BUG (place.ts, placeFindings): duplicates are removed before sorting by severity, so the first
  // copy wins; a critical duplicate listed after a low one is lost (and cannot REQUEST_CHANGES).
  test('of two duplicates, the more severe one is kept', () => {
    const fs = [finding({ severity: 'low' }), finding({ severity: 'critical' })];
    const p = placeFindings(fs, INDEX, opts);
    expect(p.inline.map((x) => x.finding.severity)).toEqual(['critical']);
  });

  test('inline comments come most severe first, keeping the model order within a severity', () => {
    const order = ['low', 'critical', 'nit', 'high', 'medium', 'critical'] as const;
    const fs = order.map((severity, i) => finding({ severity, line: 10 + (i % 5), title: `#${i}` }));
    const p = placeFindings(fs, INDEX, opts);
    expect(p.inline.map((x) => `${x.finding.severity}${x.finding.title}`)).toEqual([
      'critical#1',
      'critical#5',
      'high#3',
      'medium#4',
      'low#0',
      'nit#2',
    ]);
  });

  test('every finding at or above min-severity ends up either inline or in the summary', () => {
    const fs = Array.from({ length: 40 }, (_, i) =>
      finding({
        line: 5 + i,
        severity: (['critical', 'high', 'medium', 'low', 'nit'] as const)[i % 5],
        title: `t${i}`,
      }),
    );
    const p = placeFindings(fs, INDEX, { minSeverity: 'low', maxComments: 3 });
    expect(p.inline.length + p.unplaced.length + p.belowMinSeverity).toBe(40);
    expect(p.belowMinSeverity).toBe(8);
    expect(p.inline).toHaveLength(3);
  });
});
