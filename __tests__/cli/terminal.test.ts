import { describe, expect, test } from '@jest/globals';
import { formatComment, withProgress, type Terminal } from '../../src/cli/terminal.js';

const body = '**🔴 Critical: SQL injection**\n\nUse parameters.\n\n<!-- claude-pr-review:fp=0123456789abcdef -->';
const term = (colour: boolean, tty = colour): Terminal & { written: string[] } => {
  const written: string[] = [];
  return { out: (t) => written.push(t), err: (t) => written.push(t), colour, tty, written };
};

describe('terminal output', () => {
  test('on a colour terminal the severity is coloured and the hidden fingerprint is not shown', () => {
    const text = formatComment(term(true), 'src/a.ts:3', body);
    expect(text).toContain('\u001b[31mCritical\u001b[0m');
    expect(text).toContain('Use parameters.');
    expect(text).not.toContain('fp=');
  });

  test('without colour the same text is plain', () => {
    expect(formatComment(term(false), 'src/a.ts:3', body)).toBe(
      '── src/a.ts:3\n🔴 Critical: SQL injection\nUse parameters.\n',
    );
  });

  test('a progress line is shown and cleared on a terminal, never written to a pipe', async () => {
    const tty = term(true);
    await withProgress(tty, 'Reviewing…', Promise.resolve(1));
    expect(tty.written[0]).toMatch(/^\rReviewing… 0s/);
    expect(tty.written.at(-1)).toBe('\r\u001b[2K');
    const pipe = term(false, false);
    await withProgress(pipe, 'Reviewing…', Promise.resolve(1));
    expect(pipe.written).toEqual([]);
  });
});
