/**
 * The model requests a review makes, through the real Anthropic adapter (the SDK) against the
 * fake API: no `count_tokens` round trip when the estimate already fits, an exact count first
 * near the ceiling, and a large PR reviewed in one wave of at most `max-concurrency` parts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { createAnthropicModelClient } from '../src/llm/anthropic.js';
import { run } from '../src/run.js';
import {
  reviewCalls,
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeMessagesBody,
} from './fakes/anthropic-server.js';
import { addedFile, codeLines } from './support/diffs.js';
import { memoryForge } from './support/memory-forge.js';

const KEY = 'sk-ant-api03-model-calls-0000';
const silent = { info: () => {}, warning: () => {} };

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic({ credentials: { key: KEY } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.setDelay(0);
  fake.setRespond(() => ({ toolInput: { summary: 'Adds a helper.', findings: [] } }));
});

function review(diff: string, inputs: Partial<Record<InputName, string>>) {
  const config = readConfig((name) => inputs[name] ?? '');
  const model = createAnthropicModelClient({ apiKey: KEY, baseUrl: fake.url });
  return run({ config, forge: memoryForge(diff), model, log: silent });
}

/** Index of a request in the order the fake received them. */
const at = (r: object) => fake.requests.indexOf(r as (typeof fake.requests)[number]);

describe('count_tokens only where it can change the call', () => {
  test('a small PR is reviewed with no count_tokens request: the estimate leaves it its whole answer room', async () => {
    fake.setRespond(() => ({
      toolInput: {
        summary: 'Adds a helper.',
        findings: [
          {
            path: 'src/a.ts',
            line: 2,
            side: 'RIGHT',
            severity: 'high',
            title: 'Off by one',
            body: 'The loop ends early.',
            scenario: 'n = 3 → two items',
            evidence: [{ path: 'src/a.ts', line: 2 }],
          },
        ],
      },
    }));
    const result = await review(addedFile('src/a.ts', codeLines(40)), { 'max-tokens-per-run': '100000' });

    expect(result.report.status).toBe('reviewed');
    expect(fake.requestsTo('count_tokens')).toEqual([]);
    // The review and its finding's verification: neither waited for a count.
    expect(reviewCalls(fake)).toHaveLength(1);
    expect(fake.requestsTo('messages')).toHaveLength(2);
    // The review call still gets the whole `max-output-tokens` (8,192 by default).
    expect((reviewCalls(fake)[0]!.body as FakeMessagesBody).max_tokens).toBe(8192);
  });

  test('near the ceiling the input is counted exactly before the call, and max_tokens is clamped to fit', async () => {
    const ceiling = 9000;
    const result = await review(addedFile('src/a.ts', codeLines(150)), { 'max-tokens-per-run': String(ceiling) });

    expect(result.report.status).toBe('reviewed');
    const counts = fake.requestsTo('count_tokens');
    const calls = reviewCalls(fake);
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(calls).toHaveLength(1);
    expect(at(counts[0]!)).toBeLessThan(at(calls[0]!));
    // Clamped to what the exact count leaves under the ceiling.
    const maxTokens = (calls[0]!.body as FakeMessagesBody).max_tokens!;
    expect(maxTokens).toBeLessThan(8192);
    expect(result.report.usage.input + result.report.usage.output).toBeLessThanOrEqual(ceiling);
  });
});

describe('a large PR is one wave of parts', () => {
  test('larger than max-concurrency × 30k diff tokens: exactly max-concurrency review calls, all in flight at once, the rest named with what to change', async () => {
    fake.setDelay(150);
    // About 80k tokens of diff: more than two parts of 30,000 can hold.
    const diff = Array.from({ length: 120 }, (_, i) => addedFile(`src/mod${i}.ts`, codeLines(67, `m${i}_`))).join('');
    const result = await review(diff, { 'max-tokens-per-run': '1000000', 'max-concurrency': '2', model: 'sonnet' });

    expect(result.report.status).toBe('reviewed');
    expect(reviewCalls(fake)).toHaveLength(2);
    expect(fake.maxInFlight).toBe(2);
    const skipped = result.report.skipped.filter((s) => s.path.startsWith('src/mod'));
    expect(skipped.length).toBeGreaterThan(0);
    for (const s of skipped) {
      expect(s.reason).toContain('all 2 parts full');
      expect(s.reason).toContain('raise `max-concurrency` in the config file');
      expect(s.reason).not.toContain('token ceiling');
    }
    expect(result.report.coverage).toBeGreaterThan(50);
    expect(result.report.coverage).toBeLessThan(100);
    expect(result.summaryMarkdown).toContain('raise `max-concurrency` in the config file');
  });
});
