import { describe, expect, test } from '@jest/globals';
import { createTerminal, formatComment, type Stream } from '../../src/cli/terminal.js';
import { screen } from './cli-harness.js';

const body = '**🔴 Critical: SQL injection**\n\nUse parameters.\n\n<!-- claude-pr-review:fp=0123456789abcdef -->';

/** stdout and stderr of one terminal window: both write to the same screen, as on a real one. */
function window(opts: { tty: boolean; columns?: number }) {
  let raw = '';
  const stderrWrites: string[] = [];
  const stdout: Stream = { write: (t: string) => (raw += t), isTTY: opts.tty };
  const stderr: Stream = {
    write: (t: string) => {
      stderrWrites.push(t);
      raw += t;
    },
    isTTY: opts.tty,
    columns: opts.columns ?? 80,
  };
  let clock = 0;
  const term = createTerminal(stdout, stderr, { colour: false, now: () => clock, tickMs: 60_000 });
  return { term, raw: () => raw, stderrWrites, tick: (ms: number) => (clock += ms) };
}

describe('terminal output', () => {
  test('on a colour terminal the severity is coloured and the hidden fingerprint is not shown', () => {
    const text = formatComment({ colour: true }, 'src/a.ts:3', body);
    expect(text).toContain('\u001b[31mCritical\u001b[0m');
    expect(text).toContain('Use parameters.');
    expect(text).not.toContain('fp=');
  });

  test('without colour the same text is plain, and a suggestion is labelled, not shown as a fence tag', () => {
    expect(formatComment({ colour: false }, 'src/a.ts:3', body)).toBe(
      '── src/a.ts:3\n🔴 Critical: SQL injection\nUse parameters.\n',
    );
    const suggested = formatComment(
      { colour: false },
      'a.ts:1',
      '**🟡 Medium: X**\n\nWhy.\n\n```suggestion\nfixed();\n```',
    );
    expect(suggested).toContain('Suggested change:\n```\nfixed();\n```');
    expect(suggested).not.toContain('```suggestion');
  });

  test('the status line is cleared before every other line, so each printed line is whole', () => {
    const w = window({ tty: true });
    w.term.status('Reviewing part 1 of 3');
    w.term.note('small tier → claude-haiku-5-5');
    w.tick(4000);
    w.term.status('Reviewing part 2 of 3 (1 done)');
    w.term.print('── src/a.ts:3\n🔴 Critical: SQL injection');
    w.term.status(null);
    w.term.print('Done: 1 finding; spent 1,234 of 100,000 tokens, est. $0.01.');
    w.term.close();
    // What the window shows at the end: the printed lines, whole, and no status left behind.
    expect(w.raw()).toContain('Reviewing part 2 of 3 (1 done) · 4s');
    expect(screen(w.raw())).toEqual([
      'small tier → claude-haiku-5-5',
      '── src/a.ts:3',
      '🔴 Critical: SQL injection',
      'Done: 1 finding; spent 1,234 of 100,000 tokens, est. $0.01.',
      '',
    ]);
  });

  test('a status longer than the terminal is cut, so clearing it leaves no wrapped row behind', () => {
    const w = window({ tty: true, columns: 30 });
    w.term.status('Reviewing part 12 of 40 (11 done) of a very large pull request');
    // eslint-disable-next-line no-control-regex -- the status line is drawn with escape codes
    const drawn = w.stderrWrites.at(-1)!.replace(/^\r(\u001b\[2K)?/, '');
    expect(drawn.length).toBeLessThan(30);
    w.term.close();
    expect(screen(w.raw())).toEqual(['']);
  });

  test('in a pipe there is no status line at all, only whole lines', () => {
    const w = window({ tty: false });
    w.term.status('Planning');
    w.term.note('a note');
    w.term.print('a result');
    w.term.close();
    expect(w.raw()).toBe('a note\na result\n');
  });
});
