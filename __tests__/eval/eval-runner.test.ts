/** The plumbing of `npm run eval`, against the fake Anthropic API: the real SDK, run() and the table. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAnthropicModelClient } from '../../src/llm/anthropic.js';
import { bugLines, caseDiff, CASES } from '../../eval/cases.js';
import { evalSettings } from '../../eval/main.js';
import { renderTable, runEval } from '../../eval/runner.js';
import { parseDiff } from '../../src/diff/parse.js';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';

/** What the scripted model reports per case: a real bug, a miss, a false alarm. */
const SCRIPT: Record<string, Array<{ path: string; line: number }>> = {
  'src/orders/paginate.ts': [
    { path: 'src/orders/paginate.ts', line: 6 }, // seeded: the 1-based page
    { path: 'src/orders/paginate.ts', line: 1 }, // false alarm, far from any seeded bug
  ],
  'shop/discount.py': [{ path: 'shop/discount.py', line: 6 }], // seeded: percent not / 100
  'internal/cache/cache.go': [], // the data race is missed
  'src/range.rs': [{ path: 'src/range.rs', line: 7 }], // seeded: underflow
};

function reply(body: FakeMessagesBody) {
  const schema = body.output_config?.format?.schema as { properties?: Record<string, unknown> } | undefined;
  const text = JSON.stringify(body.messages);
  if (schema?.properties?.verdicts) {
    // A verification call (once run() verifies): confirm every candidate listed.
    const ids = [...text.matchAll(/\\"id\\":\\"(f\d+)\\"/g)].map((m) => m[1]);
    return {
      toolInput: { verdicts: ids.map((id) => ({ id, verdict: 'confirmed', confidence: 95, reason: 'shown' })) },
    };
  }
  const path = Object.keys(SCRIPT).find((p) => text.includes(p)) ?? '';
  const findings = (SCRIPT[path] ?? []).map((f) => ({
    ...f,
    side: 'RIGHT',
    severity: 'high',
    title: `Problem at ${f.line}`,
    body: 'Explained.',
    scenario: 'input → wrong result',
    evidence: [{ path: f.path, line: f.line }],
  }));
  return { toolInput: { summary: 'Adds code.', findings } };
}

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic({ respond: reply });
});
afterAll(() => fake.close());

describe('the eval cases', () => {
  test('every seeded bug is on exactly one line of a file its diff adds', () => {
    for (const c of CASES) {
      const files = parseDiff(caseDiff(c));
      for (const bug of bugLines(c)) {
        const file = files.find((f) => f.path === bug.path);
        expect(file?.hunks[0]?.lines[bug.line - 1]?.text).toContain(bug.find);
      }
    }
    expect(new Set(CASES.map((c) => c.language)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('runEval', () => {
  test('scores the pipeline per tier and prints recall, precision, tokens and cost', async () => {
    const client = createAnthropicModelClient({ apiKey: 'sk-ant-api03-fake', baseUrl: fake.url });
    const results = await runEval({ client, cases: CASES, tiers: ['small', 'large'] });
    expect(results.map((r) => [r.tier, r.models])).toEqual([
      ['small', ['claude-haiku-5-5']],
      ['large', ['claude-opus-5-5']],
    ]);
    for (const r of results) {
      // 6 seeded bugs, 3 found; 4 findings of which 3 are seeded bugs.
      expect([r.found, r.bugs, r.truePositives, r.findings]).toEqual([3, 6, 3, 4]);
      expect(r.recall).toBe(0.5);
      expect(r.precision).toBe(0.75);
      expect(r.inputTokens).toBeGreaterThan(0);
      expect(r.outputTokens).toBeGreaterThan(0);
      expect(r.totalTokens).toBe(r.inputTokens + r.outputTokens);
      expect(r.costUsd).toBeGreaterThan(0);
    }
    // Opus 5.5 always thinks: its output tokens include the thinking.
    expect(results[1]!.outputTokens).toBeGreaterThan(results[0]!.outputTokens);
    const table = renderTable(results).split('\n');
    expect(table[0]).toMatch(/^\| tier +\| model +\| recall \| precision \| found\/bugs \| true\/findings \|/);
    expect(table[2]).toMatch(/^\| small +\| claude-haiku-5-5 +\| 50% +\| 75% +\| 3\/6 +\| 3\/4 +\|/);
    expect(table[3]).toContain(`| ${results[1]!.totalTokens}`);
  });

  test('refuses to run without a key, saying what to set', () => {
    expect(evalSettings({})).toMatch(/needs a real Anthropic API key: set ANTHROPIC_API_KEY/);
    expect(evalSettings({ ANTHROPIC_API_KEY: 'k', EVAL_TIERS: 'huge' })).toMatch(/EVAL_TIERS must list tiers/);
    expect(evalSettings({ ANTHROPIC_API_KEY: 'k', EVAL_TIERS: 'small' })).toEqual({ apiKey: 'k', tiers: ['small'] });
  });
});
