import { test } from '@jest/globals';
import { parseRepoConfig } from '../src/config/repo-config.js';
test('x', () => {
  for (const t of ['a: [1\nb: 2', 'max-tokens-per-run: 5\nmax-tokens-per-run: 6', '- a', 'foo: 1\nanthropic-api-key: x\nmax_comments: 3', 'exclude: ["docs/**", "*.md"]\nprice-table: {a: {input: 1, output: 2}}\ndry-run: true\nmodel: ~', 'model: [a]', '', '# only comment\n']) {
    try { console.log(JSON.stringify(parseRepoConfig(t, '.github/claude-review.yml'))); } catch (e) { console.log(String(e)); }
  }
});
