import { describe, expect, test } from '@jest/globals';
import { estimateTokens } from '../../src/plan/estimate.js';

const TYPESCRIPT = `import { readFileSync } from 'node:fs';

export function loadConfig(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(\`cannot parse \${path}: \${(error as Error).message}\`);
  }
}
`;

const PYTHON = `def chunks(items, size):
    """Yield successive chunks of the list."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Cache:
    def __init__(self):
        self._data = {}
`;

const PROSE =
  'This change moves configuration loading into its own module and adds error handling for malformed files, ' +
  'so that a user sees which file could not be parsed instead of a bare stack trace.';

const RENDERED_DIFF = ` 10   const a = 1;
L11 - const b = 2;
 11 + const b = 3;
 12 + const c = a + b;
 13   return c;
`;

describe('estimateTokens', () => {
  test('empty text is zero tokens', () => {
    expect(estimateTokens('')).toBe(0);
  });

  test.each([
    ['TypeScript', TYPESCRIPT],
    ['Python', PYTHON],
    ['English prose', PROSE],
    ['a rendered diff', RENDERED_DIFF],
    ['minified code', 'function a(b){return b.map(c=>c*2).filter(Boolean)}'.repeat(20)],
    ['accented prose', 'Überprüfung der Konfigurationsdatei schlägt fehl.\n'.repeat(10)],
  ])('over-estimates %s relative to one token per four characters', (_name, text) => {
    expect(estimateTokens(text)).toBeGreaterThan(Math.ceil(text.length / 4));
  });

  test('grows with the text: more text is never fewer tokens', () => {
    let last = 0;
    for (let n = 0; n < TYPESCRIPT.length; n++) {
      const t = estimateTokens(TYPESCRIPT.slice(0, n));
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
    }
  });

  // RISK (estimate.ts): Japanese, Chinese or emoji-heavy text costs about a token per
  // character or more in BPE tokenizers, but is estimated at one per three UTF-16 units, so on
  // a gateway without count_tokens the ledger reserves about a third of what is billed.
  test('over-estimates CJK text, which tokenizes at about one token per character', () => {
    const text = '// 設定ファイルを読み込み、検証してから返す。失敗した場合はエラーを投げる。\n'.repeat(20);
    const characters = [...text].length;
    expect(estimateTokens(text)).toBeGreaterThanOrEqual(characters);
  });

  test('line breaks add to the estimate (whitespace-heavy code tokenizes poorly)', () => {
    expect(estimateTokens('a\n'.repeat(300))).toBeGreaterThan(estimateTokens('ab'.repeat(300)));
  });
});
