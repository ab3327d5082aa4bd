import { describe, expect, test } from '@jest/globals';
import { readAnswer } from '../../src/review/answer.js';
import { placeFindings, type PlacedFinding } from '../../src/review/place.js';
import { fenceFor, renderInlineComment } from '../../src/review/render-comment.js';
import { finding, INDEX } from './diff-fixture.js';

const ZWSP = '\u200b';
const SUGGESTION = "  const host = process.env.HOST ?? 'localhost';";

function placed(extra: Parameters<typeof finding>[0] = {}, opts: { clipped?: boolean } = {}): PlacedFinding {
  const f = finding({ suggestion: SUGGESTION, ...extra });
  return {
    finding: f,
    anchor: { path: f.path, line: f.line, side: f.side, ...(f.start_line ? { startLine: f.start_line } : {}) },
    clipped: opts.clipped ?? false,
  };
}

describe('renderInlineComment', () => {
  test('shows the severity, the title in bold and the explanation', () => {
    const body = renderInlineComment(placed({ severity: 'critical', suggestion: undefined }), { suggestions: true });
    expect(body).toBe(
      '**🔴 Critical: Host may be undefined**\n\n`process.env.HOST` is undefined when the variable is unset.',
    );
  });

  test('on GitHub a RIGHT-side, unclipped finding gets an applicable suggestion block', () => {
    const body = renderInlineComment(placed(), { suggestions: true });
    expect(body.endsWith(`\`\`\`suggestion\n${SUGGESTION}\n\`\`\``)).toBe(true);
    expect(body).not.toContain('Suggested code');
  });

  test('one trailing newline of the suggestion is dropped (it would add a blank line)', () => {
    const body = renderInlineComment(placed({ suggestion: `${SUGGESTION}\n` }), { suggestions: true });
    expect(body).toContain(`${SUGGESTION}\n\`\`\``);
    expect(body).not.toContain(`${SUGGESTION}\n\n`);
  });

  test('on Gitea (no suggestions) the code is a plain block under "Suggested code"', () => {
    const body = renderInlineComment(placed(), { suggestions: false });
    expect(body).toContain(`Suggested code:\n\n\`\`\`\n${SUGGESTION}\n\`\`\``);
    expect(body).not.toContain('```suggestion');
  });

  test('a clipped anchor no longer covers the lines the suggestion replaces, so it is not applicable', () => {
    const body = renderInlineComment(placed({}, { clipped: true }), { suggestions: true });
    expect(body).not.toContain('```suggestion');
    expect(body).toContain('Suggested code:');
    expect(body).toContain(SUGGESTION);
  });

  test('a LEFT-side (deleted line) finding never gets an applicable suggestion', () => {
    const body = renderInlineComment(placed({ side: 'LEFT' }), { suggestions: true });
    expect(body).not.toContain('```suggestion');
    expect(body).toContain('Suggested code:');
  });

  test('a suggestion containing ``` gets a longer fence, so it cannot close the block early', () => {
    const suggestion = 'const md = `\n```js\nx\n```\n`;';
    const body = renderInlineComment(placed({ suggestion }), { suggestions: true });
    expect(body).toContain(`\`\`\`\`suggestion\n${suggestion}\n\`\`\`\``);
  });

  test('fenceFor is longer than any backtick run and at least three', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a `b` c')).toBe('```');
    expect(fenceFor('``````')).toBe('```````');
    expect(fenceFor('x ```` y ``` z')).toBe('`````');
  });

  test('mentions in the title and body are neutralised, but the suggestion stays byte for byte', () => {
    const suggestion = '@Injectable() // see #12, ask @alice';
    const body = renderInlineComment(
      placed({ title: 'Ping @alice', body: 'As in #12, @my-org/team knows.', suggestion }),
      { suggestions: true },
    );
    expect(body).toContain(`Ping @${ZWSP}alice`);
    expect(body).toContain(`#${ZWSP}12, @${ZWSP}my-org/team`);
    expect(body).toContain(`\n${suggestion}\n`);
  });

  test('a finding placed by placeFindings on a clipped range shows its suggestion as plain code', () => {
    const p = placeFindings([finding({ start_line: 12, line: 20, suggestion: SUGGESTION })], INDEX, {
      minSeverity: 'nit',
      maxComments: 20,
    });
    expect(renderInlineComment(p.inline[0]!, { suggestions: true })).not.toContain('```suggestion');
  });

  // BUG (answer.ts clips a suggestion to 8,000 characters and appends "…"; render-comment.ts still
  // offers it as a one-click suggestion, so committing it would truncate the code).
  test('a suggestion too long to post whole is never offered as a one-click suggestion', () => {
    const long = Array.from({ length: 400 }, (_, i) => `  const value${i} = compute(${i}); // keep`).join('\n');
    const { answer } = readAnswer({ summary: 's', findings: [{ ...finding(), suggestion: long }] });
    const p = placeFindings(answer!.findings, INDEX, { minSeverity: 'nit', maxComments: 20 });
    const body = renderInlineComment(p.inline[0]!, { suggestions: true });
    expect(!body.includes('```suggestion') || body.includes(long)).toBe(true);
  });

  // Likely BUG (render-comment.ts): an empty suggestion (delete the lines) renders as
  // "```suggestion\n\n```", which GitHub applies as one blank line instead of deleting.
  test('an empty suggestion renders as an empty suggestion block (delete the lines)', () => {
    const body = renderInlineComment(placed({ suggestion: '' }), { suggestions: true });
    expect(body.endsWith('```suggestion\n```')).toBe(true);
  });
});
