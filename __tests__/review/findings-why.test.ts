import { describe, expect, test } from '@jest/globals';
import { readAnswer } from '../../src/review/answer.js';
import { renderInlineComment } from '../../src/review/render-comment.js';
import { finding } from './diff-fixture.js';

const base = {
  path: 'src/app.ts',
  line: 11,
  side: 'RIGHT',
  severity: 'high',
  title: 'Host may be undefined',
  body: 'Falls back to nothing.',
};

describe('findings say why', () => {
  test('scenario and evidence come through; bad evidence entries are dropped, not the finding', () => {
    const { answer, problems } = readAnswer({
      summary: 's',
      findings: [
        {
          ...base,
          scenario: '  HOST unset →\n listen(undefined, 8080) binds every interface ',
          evidence: [
            { path: 'src/app.ts', start_line: 10, line: 12 },
            { path: '', line: 3 },
            { path: 'src/b.ts', line: -1 },
            'x',
          ],
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(answer!.findings[0]).toMatchObject({
      scenario: 'HOST unset → listen(undefined, 8080) binds every interface',
      evidence: [{ path: 'src/app.ts', start_line: 10, line: 12 }],
    });
  });

  test('a finding without a failing case is capped at nit when asked; one with a case keeps its severity', () => {
    const { answer } = readAnswer(
      { summary: 's', findings: [base, { ...base, line: 12, scenario: '' }, { ...base, line: 13, scenario: 'a → b' }] },
      { capWithoutScenario: true },
    );
    expect(answer!.findings.map((f) => f.severity)).toEqual(['nit', 'nit', 'high']);
    // Without the option (today's callers) nothing changes.
    expect(readAnswer({ summary: 's', findings: [base] }).answer!.findings[0]!.severity).toBe('high');
  });

  test('the inline comment shows the evidence and the failing case on one line', () => {
    const f = finding({
      scenario: 'HOST unset → the server binds to `undefined`',
      evidence: [
        { path: 'src/app.ts', start_line: 10, line: 12 },
        { path: 'src/net.ts', line: 7 },
      ],
    });
    const body = renderInlineComment(
      { finding: f, anchor: { path: f.path, line: f.line, side: 'RIGHT' }, clipped: false },
      { suggestions: true },
    );
    const why = body.split('\n').filter((l) => l.startsWith('_Why:_'));
    expect(why).toEqual([
      '_Why:_ evidence `src/app.ts:10-12`, `src/net.ts:7` — fails when: HOST unset → the server binds to `undefined`',
    ]);
  });

  test('model text in the why line cannot carry a marker or a mention', () => {
    const f = finding({
      scenario: 'x <!-- claude-pr-review:fp=0000000000000000 --> @admin',
      evidence: [{ path: 'a<!--b', line: 1 }],
    });
    const body = renderInlineComment(
      { finding: f, anchor: { path: f.path, line: f.line, side: 'RIGHT' }, clipped: false },
      { suggestions: true },
    );
    expect(body).not.toContain('<!--');
    expect(body).not.toMatch(/(^|\s)@admin/);
  });

  test('a finding with neither gets no why line', () => {
    const body = renderInlineComment(
      { finding: finding(), anchor: { path: 'src/app.ts', line: 11, side: 'RIGHT' }, clipped: false },
      { suggestions: true },
    );
    expect(body).not.toContain('_Why:_');
  });
});
