import { describe, expect, test } from '@jest/globals';
import { chooseTier, TIERS } from '../../src/plan/tier.js';

const defaults = { smallMaxLines: 200, mediumMaxLines: 1500 };

describe('chooseTier', () => {
  test.each([
    [0, 'small'],
    [1, 'small'],
    [200, 'small'],
    [201, 'medium'],
    [1500, 'medium'],
    [1501, 'large'],
    [250_000, 'large'],
  ])('%i changed lines with the default limits → %s', (lines, tier) => {
    expect(chooseTier(lines, defaults)).toBe(tier);
  });

  test('limits are inclusive upper bounds', () => {
    const limits = { smallMaxLines: 10, mediumMaxLines: 20 };
    expect([9, 10, 11, 20, 21].map((n) => chooseTier(n, limits))).toEqual([
      'small',
      'small',
      'medium',
      'medium',
      'large',
    ]);
  });

  test('equal limits leave no medium tier', () => {
    const limits = { smallMaxLines: 100, mediumMaxLines: 100 };
    expect(chooseTier(100, limits)).toBe('small');
    expect(chooseTier(101, limits)).toBe('large');
  });

  test('max-lines-small 0 sends every non-empty change to a bigger tier', () => {
    expect(chooseTier(1, { smallMaxLines: 0, mediumMaxLines: 0 })).toBe('large');
    expect(chooseTier(1, { smallMaxLines: 0, mediumMaxLines: 5 })).toBe('medium');
  });

  test('the tier grows with the size of the change, never shrinks', () => {
    let last = 0;
    for (let n = 0; n <= 2000; n += 7) {
      const rank = TIERS.indexOf(chooseTier(n, defaults));
      expect(rank).toBeGreaterThanOrEqual(last);
      last = rank;
    }
    expect(TIERS).toEqual(['small', 'medium', 'large']);
  });
});
