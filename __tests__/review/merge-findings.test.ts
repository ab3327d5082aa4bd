import { describe, expect, test } from '@jest/globals';
import { mergeFindings, sameProblem, titleSimilarity } from '../../src/review/merge-findings.js';
import { finding } from './diff-fixture.js';

describe('mergeFindings', () => {
  test('the same problem reported by two parts, on adjacent lines and in other words, becomes one', () => {
    const a = finding({ line: 11, severity: 'medium', title: 'Host may be undefined' });
    const b = finding({
      line: 12,
      severity: 'high',
      title: 'HOST is undefined when the variable is unset',
      scenario: 'HOST unset → listen(undefined)',
      evidence: [{ path: 'src/app.ts', line: 11 }],
    });
    const { findings, merged } = mergeFindings([[a], [b]]);
    expect(merged).toBe(1);
    expect(findings).toEqual([b]);
  });

  test('of equal severity the better-evidenced one is kept, and it gathers the others’ evidence', () => {
    const plain = finding({ evidence: [{ path: 'src/x.ts', line: 3 }] });
    const proven = finding({ line: 12, scenario: 'a → b', evidence: [{ path: 'src/app.ts', line: 12 }] });
    const { findings } = mergeFindings([plain, proven]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.scenario).toBe('a → b');
    expect(findings[0]!.evidence).toEqual([
      { path: 'src/app.ts', line: 12 },
      { path: 'src/x.ts', line: 3 },
    ]);
  });

  test('different problems on the same line, the same title far apart, or another file stay apart', () => {
    const host = finding({ title: 'Host may be undefined' });
    const debug = finding({ title: 'Debug flag left enabled in production' });
    const far = finding({ line: 41 });
    const other = finding({ path: 'src/util.ts' });
    const left = finding({ side: 'LEFT' });
    const { findings, merged } = mergeFindings([host, debug, far, other, left]);
    expect(merged).toBe(0);
    expect(findings).toEqual([host, debug, far, other, left]);
  });

  test('a range overlapping another finding’s line counts as the same place', () => {
    const range = finding({ start_line: 20, line: 30, title: 'Unchecked index into the list' });
    const inside = finding({ line: 25, title: 'Index unchecked' });
    expect(sameProblem(range, inside)).toBe(true);
    expect(mergeFindings([range, inside]).findings).toHaveLength(1);
  });

  test('title similarity ignores case, punctuation, filler words and plurals', () => {
    expect(titleSimilarity('The `token` is logged!', 'Tokens logged')).toBe(1);
    expect(titleSimilarity('SQL injection in query', 'Race on the cache')).toBe(0);
  });
});
