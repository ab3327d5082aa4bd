import { describe, expect, test } from '@jest/globals';
import { renderVerification, verificationHeadline } from '../../src/review/render-verdicts.js';
import { finding } from './diff-fixture.js';

describe('renderVerification', () => {
  const rejected = [
    {
      finding: finding({ title: 'Host may be undefined' }),
      verdict: 'rejected' as const,
      confidence: 92,
      reason: 'Line 9 defaults HOST.',
    },
    {
      finding: finding({ line: 12, title: 'Debug | left on' }),
      verdict: 'uncertain' as const,
      confidence: 40,
      reason: 'See <!-- claude-pr-review:state --> @admin',
    },
  ];

  test('says how many candidates were confirmed, and lists the others collapsed with their reason', () => {
    const md = renderVerification({ candidates: 9, confirmed: 4, rejected, unverified: [], minConfidence: 70 });
    expect(md.split('\n')[0]).toBe('**Verification:** 9 candidates, 4 confirmed.');
    expect(md).toContain('<details>\n<summary>2 not posted: rejected, uncertain or below confidence 70</summary>');
    expect(md).toContain('| 🟡 Medium `src/app.ts:11` Host may be undefined | rejected (92) | Line 9 defaults HOST. |');
    expect(md).toContain('Debug \\| left on');
  });

  test('model text cannot open a marker or mention anyone', () => {
    const md = renderVerification({ candidates: 2, confirmed: 0, rejected, unverified: [], minConfidence: 70 });
    expect(md).not.toContain('<!--');
    expect(md).not.toMatch(/(^|\s)@admin/);
  });

  test('unverified findings are counted and listed with why', () => {
    const unverified = [{ finding: finding(), reason: 'the token ceiling left no room to verify them' }];
    const md = renderVerification({ candidates: 3, confirmed: 2, rejected: [], unverified, minConfidence: 70 });
    expect(verificationHeadline({ candidates: 3, confirmed: 2, rejected: [], unverified, minConfidence: 70 })).toBe(
      '3 candidates, 2 confirmed, 1 posted unverified.',
    );
    expect(md).toContain('- `src/app.ts:11` Host may be undefined: the token ceiling left no room to verify them');
  });

  test('a review with no candidates says nothing about verification', () => {
    expect(renderVerification({ candidates: 0, confirmed: 0, rejected: [], unverified: [], minConfidence: 70 })).toBe(
      '',
    );
  });
});
