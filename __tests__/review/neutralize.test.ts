import { describe, expect, test } from '@jest/globals';
import { neutralize } from '../../src/review/neutralize.js';

const ZWSP = '\u200b';

/** What GitHub would turn into a notification or cross-reference, roughly: @login, @org/team, #n, owner/repo#n. */
function pings(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```|`[^`\n]*`/g, '');
  return [...prose.matchAll(/(?:^|[^\w`])(@[A-Za-z0-9-]+(?:\/[A-Za-z0-9-]+)?|(?:[\w.-]+\/[\w.-]+)?#\d+)/g)].map(
    (m) => m[1]!,
  );
}

describe('neutralize', () => {
  test.each([
    ['@octocat please look', '@octocat'],
    ['cc @my-org/security-team', '@my-org/security-team'],
    ['Fixes #123.', '#123'],
    ['Same bug as octo-org/octo-repo#12', 'octo-org/octo-repo#12'],
    ['(see #7)', '#7'],
    ['Ask (@alice) first', '@alice'],
    ['line one\n@bob on line two', '@bob'],
    ['line one\n#42 on line two', '#42'],
  ])('%j can no longer ping or link', (text, mention) => {
    expect(pings(text)).toContain(mention);
    const out = neutralize(text);
    expect(pings(out)).toEqual([]);
    // still readable: removing the invisible space gives back the original text
    expect(out.replaceAll(ZWSP, '')).toBe(text);
  });

  test('every mention in a longer text is neutralised', () => {
    const text = '@a and @b-c, see #1 #2 and x/y#3; @d/e too';
    const out = neutralize(text);
    expect(pings(out)).toEqual([]);
    expect(out.split(ZWSP)).toHaveLength(7);
  });

  test('inline code is left exactly as written', () => {
    const text = 'Use `@Injectable()` and `array#1`, not @Injectable';
    const out = neutralize(text);
    expect(out).toContain('`@Injectable()`');
    expect(out).toContain('`array#1`');
    expect(out.endsWith(`@${ZWSP}Injectable`)).toBe(true);
  });

  test('fenced code is left exactly as written', () => {
    const code = '```ts\n@Component({ selector: "x" })\nclass A {} // see #12 and @bob\n```';
    const text = `Decorators need care:\n\n${code}\n\nthanks @bob`;
    const out = neutralize(text);
    expect(out).toContain(code);
    expect(out.endsWith(`@${ZWSP}bob`)).toBe(true);
  });

  test('an unclosed fence protects everything after it', () => {
    const text = 'See:\n```py\n@decorator\ndef f(): pass';
    expect(neutralize(text)).toBe(text);
  });

  test.each(['Contact a@b.com or security@example.org', 'user.name+tag@mail.example.co.uk', 'git@github.com:o/r.git'])(
    'the e-mail address in %j is not mangled',
    (text) => {
      expect(neutralize(text)).toBe(text);
    },
  );

  // Minor (neutralize.ts, first replace): `[^\w`]` treats a non-ASCII letter as a boundary, so an
  // address with an accented local part gets an invisible space and no longer copies correctly.
  test('an e-mail address with a non-ASCII local part is not mangled', () => {
    expect(neutralize('Mail josé@example.com')).toBe('Mail josé@example.com');
  });

  test('text with nothing to neutralise is returned unchanged', () => {
    const text = 'Rename `x` to `count`; the loop runs n+1 times (off by one). Issue: C# code, 100% coverage.';
    expect(neutralize(text)).toBe(text);
  });

  test('anchors and headings without digits are left alone', () => {
    expect(neutralize('See the #usage section and [link](#install).')).toBe(
      'See the #usage section and [link](#install).',
    );
  });

  // BUG (neutralize.ts, second replace): a reference is neutralised only after whitespace or `(`,
  // but GitHub also links one after other punctuation, e.g. in bold `**#123**` or `[#123]`.
  test('an issue reference in bold or brackets cannot link either', () => {
    expect(pings(neutralize('Regression of **#123** and [#45]'))).toEqual([]);
  });
});

describe('model text carries no markup that could hide, track or imitate', () => {
  test('HTML comment markers are broken everywhere, code spans and fences included', () => {
    const text = 'a <!-- x --> b `<!-- claude-pr-review:summary -->`\n```\n<!-- claude-pr-review:state e30 -->\n```';
    const out = neutralize(text);
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('-->');
    // Code still reads the same, with an invisible break.
    expect(out).toContain('`<!\u200b-- claude-pr-review:summary --\u200b>`');
  });

  test('images and raw HTML are shown as text: no tracking pixel loads in the reader’s browser', () => {
    const out = neutralize('![logo](https://t.example/p.gif) and <img src="https://t.example/q.gif"> <details>x');
    expect(out).toBe('(image: logo) and &lt;img src="`https://t.example/q.gif`"> &lt;details>x');
  });

  test('links stay links only on the forge’s own host; others are shown as text', () => {
    const opts = { forgeHost: 'github.com' };
    expect(neutralize('see [the docs](https://github.com/o/r/blob/main/README.md)', opts)).toBe(
      'see [the docs](https://github.com/o/r/blob/main/README.md)',
    );
    expect(neutralize('see [the docs](https://evil.example/x)', opts)).toBe('see the docs (`https://evil.example/x`)');
    expect(neutralize('visit https://evil.example/x now', opts)).toBe('visit `https://evil.example/x` now');
    expect(neutralize('[ref]: https://evil.example/y', opts)).toBe('\\[ref]: `https://evil.example/y`');
    expect(neutralize('a [relative](../src/a.ts) link', opts)).toBe('a [relative](../src/a.ts) link');
  });
});
