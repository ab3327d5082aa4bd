import { describe, expect, test } from '@jest/globals';
import { helpText, parseCommand } from '../../src/trigger/command.js';

const PHRASES = ['/review', '@claude-review'];
const parse = (body: string, phrases = PHRASES) => parseCommand(body, phrases);

describe('parseCommand: what a comment asks for', () => {
  test('a bare `/review` is an incremental review with the automatic tier', () => {
    expect(parse('/review')).toEqual({ kind: 'review', mode: 'incremental', tier: null });
  });

  test('`/review full` reviews the whole PR', () => {
    expect(parse('/review full')).toEqual({ kind: 'review', mode: 'full', tier: null });
  });

  test.each(['small', 'medium', 'large'] as const)('`/review %s` is a full review with that tier', (tier) => {
    expect(parse(`/review ${tier}`)).toEqual({ kind: 'review', mode: 'full', tier });
  });

  test('`/review help` asks for the help text', () => {
    expect(parse('/review help')).toEqual({ kind: 'help' });
  });

  test('`/review ask <question>` keeps the whole question, spaces and punctuation included', () => {
    expect(parse('/review ask why is  `retry()` needed here?')).toEqual({
      kind: 'ask',
      question: 'why is  `retry()` needed here?',
    });
  });

  test('`/review ask` without a question is not a question: it gets the help text', () => {
    expect(parse('/review ask')).toEqual({ kind: 'unknown', args: 'ask' });
    expect(parse('/review ask   ')).toEqual({ kind: 'unknown', args: 'ask' });
  });

  test.each([
    ['/review please', 'please'],
    ['/review huge', 'huge'],
    ['/review full please', 'full please'],
    ['/review large now', 'large now'],
    ['/review help me', 'help me'],
    ['/review --force', '--force'],
  ])('`%s` has arguments it does not understand → unknown', (body, args) => {
    expect(parse(body)).toEqual({ kind: 'unknown', args });
  });

  test('phrase and arguments are case-insensitive', () => {
    expect(parse('/REVIEW')).toEqual({ kind: 'review', mode: 'incremental', tier: null });
    expect(parse('/Review FULL')).toEqual({ kind: 'review', mode: 'full', tier: null });
    expect(parse('/review Large')).toEqual({ kind: 'review', mode: 'full', tier: 'large' });
    expect(parse('/review HELP')).toEqual({ kind: 'help' });
    expect(parse('/review Ask What now?')).toEqual({ kind: 'ask', question: 'What now?' });
  });

  test('`@claude-review` works like `/review`', () => {
    expect(parse('@claude-review')).toEqual({ kind: 'review', mode: 'incremental', tier: null });
    expect(parse('@claude-review full')).toEqual({ kind: 'review', mode: 'full', tier: null });
    expect(parse('@Claude-Review ask is this safe?')).toEqual({ kind: 'ask', question: 'is this safe?' });
  });

  test('a custom phrase replaces `/review`, and regex characters in it are taken literally', () => {
    expect(parse('/ai-check full', ['/ai-check'])).toEqual({ kind: 'review', mode: 'full', tier: null });
    expect(parse('/review', ['/ai-check'])).toBeNull();
    expect(parse('/ai.review', ['/ai.review'])).toEqual({ kind: 'review', mode: 'incremental', tier: null });
    expect(parse('/aiXreview', ['/ai.review'])).toBeNull();
    expect(parse('+1 review', ['+1'])).toEqual({ kind: 'unknown', args: 'review' });
  });

  test('the command may be on a later line, after some prose', () => {
    expect(parse('Thanks for the fix!\n\nCould you have another look?\n/review full\n')).toEqual({
      kind: 'review',
      mode: 'full',
      tier: null,
    });
    expect(parse('first line\r\n/review large\r\n')).toEqual({ kind: 'review', mode: 'full', tier: 'large' });
  });

  test('leading spaces on the command line do not matter', () => {
    expect(parse('   /review full')).toEqual({ kind: 'review', mode: 'full', tier: null });
  });

  test('the first command in a comment wins', () => {
    expect(parse('/review help\n/review full')).toEqual({ kind: 'help' });
  });

  test('a quoted command (someone replying to it) is not run again', () => {
    expect(parse('> /review full\n\nI agree with this.')).toBeNull();
    expect(parse('>/review')).toBeNull();
    expect(parse('> > @claude-review')).toBeNull();
  });

  test('a command inside a fenced code block is only an example, not a command', () => {
    expect(parse('Use it like this:\n```\n/review full\n```\n')).toBeNull();
    expect(parse('~~~md\n/review\n~~~')).toBeNull();
    expect(parse('```sh\n/review large\n```\nthat is all')).toBeNull();
  });

  test('a command after a closed fence counts', () => {
    expect(parse('```\n/review help\n```\n/review full')).toEqual({ kind: 'review', mode: 'full', tier: null });
  });

  test('a command mentioned in the middle of a sentence is not a command', () => {
    expect(parse('You can type /review to get a review.')).toBeNull();
    expect(parse('Inline `/review` code')).toBeNull();
  });

  test('`/reviewer`, `/reviews` and `/review-all` are not `/review`', () => {
    expect(parse('/reviewer')).toBeNull();
    expect(parse('/reviews full')).toBeNull();
    expect(parse('/review-all')).toBeNull();
    expect(parse('@claude-reviewer')).toBeNull();
  });

  test('a comment with no command gives null', () => {
    expect(parse('LGTM')).toBeNull();
    expect(parse('')).toBeNull();
  });

  test('a tab after the phrase separates arguments like a space', () => {
    expect(parse('/review\tfull')).toEqual({ kind: 'review', mode: 'full', tier: null });
  });
});

describe('helpText', () => {
  test('lists every command with the configured phrase, and says write access is needed', () => {
    const text = helpText('/ai');
    for (const c of [
      '`/ai`',
      '`/ai full`',
      '`/ai small`',
      '`medium`',
      '`large`',
      '`/ai ask <question>`',
      '`/ai help`',
    ]) {
      expect(text).toContain(c);
    }
    expect(text).toMatch(/write access/);
    expect(text).toMatch(/ceiling/);
    expect(text).not.toContain('/review');
  });
});
