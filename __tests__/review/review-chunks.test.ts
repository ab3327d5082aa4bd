/**
 * How reviewInChunks spends its calls: a small PR in one call with no count, a large one in a
 * single wave of at most `max-concurrency` parts started together, sized to the budget.
 */
import { pullRequest } from '../support/memory-forge.js';
import { describe, expect, test } from '@jest/globals';
import { readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { filterFiles } from '../../src/diff/filter.js';
import { parseDiff } from '../../src/diff/parse.js';
import { UsageLedger } from '../../src/llm/ledger.js';
import type { ModelRequest } from '../../src/ports.js';
import { reviewInChunks } from '../../src/review/review-chunks.js';
import { addedFile, codeLines } from '../support/diffs.js';
import { scriptedModel } from '../support/scripted-model.js';

const MODEL = {
  id: 'claude-sonnet-9',
  source: 'models-api' as const,
  maxInputTokens: 1_000_000,
  maxOutputTokens: 128_000,
};
const PR = pullRequest({ title: 'Add modules', body: 'Adds generated modules.' });

/** `n` added files of `lines` lines each. */
const modules = (n: number, lines = 67) =>
  Array.from({ length: n }, (_, i) => addedFile(`src/mod${i}.ts`, codeLines(lines, `m${i}_`))).join('');

/** A scripted model whose calls take a few milliseconds, with when each started and ended. */
function timedModel() {
  const model = scriptedModel(() => ({ summary: 'A part.', findings: [] }));
  const spans: { start: number; end: number; request: ModelRequest; maxTokens: number }[] = [];
  let open = 0;
  let mostOpen = 0;
  const complete = model.client.complete.bind(model.client);
  model.client.complete = async (request, maxTokens) => {
    mostOpen = Math.max(mostOpen, ++open);
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reply = await complete(request, maxTokens);
    open--;
    spans.push({ start, end: performance.now(), request, maxTokens });
    return reply;
  };
  // Counts take a moment too, so that counts sent one after another can be told from concurrent ones.
  let counting = 0;
  let mostCounting = 0;
  const countTokens = model.client.countTokens.bind(model.client);
  model.client.countTokens = async (request) => {
    mostCounting = Math.max(mostCounting, ++counting);
    await new Promise((resolve) => setTimeout(resolve, 5));
    counting--;
    return countTokens(request);
  };
  return { ...model, spans, mostOpen: () => mostOpen, mostCounting: () => mostCounting };
}

function review(diff: string, inputs: Partial<Record<InputName, string>>, model = timedModel()) {
  const config = readConfig((name) => inputs[name] ?? '');
  const ledger = new UsageLedger(config.maxTokensPerRun);
  const files = filterFiles(parseDiff(diff), config).kept;
  const outcome = reviewInChunks({ client: model.client, ledger, config, pr: PR, files, model: MODEL });
  return outcome.then((o) => ({ outcome: o, ledger, model }));
}

/** Characters of the diff block a review request carries. */
const diffChars = (r: ModelRequest) => r.user.find((b) => b.text.includes('<untrusted-diff-'))?.text.length ?? 0;

describe('reviewInChunks', () => {
  test('a small PR: one call, and not a single count_tokens request (the prompt is counted only for parts)', async () => {
    const { outcome, model } = await review(addedFile('src/a.ts', codeLines(200)), {});
    expect(outcome).toMatchObject({ status: 'reviewed', calls: 1, reviewedLines: 200 });
    expect(model.calls).toHaveLength(1);
    expect(model.counts).toEqual([]);
  });

  test('a large PR the wave can hold: every line in at most max-concurrency parts of about equal size, all in flight together', async () => {
    const { outcome, model } = await review(modules(100), { 'max-tokens-per-run': '1000000', 'max-concurrency': '4' });
    expect(outcome.status).toBe('reviewed');
    expect(outcome.leftOut).toEqual([]);
    expect(outcome.reviewedLines).toBe(outcome.totalLines);
    const parts = model.spans;
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.length).toBeLessThanOrEqual(4);
    expect(outcome.calls).toBe(parts.length);
    // One wave: every part started before the first one ended.
    expect(model.mostOpen()).toBe(parts.length);
    expect(Math.max(...parts.map((p) => p.start))).toBeLessThan(Math.min(...parts.map((p) => p.end)));
    const sizes = parts.map((p) => diffChars(p.request));
    expect(Math.min(...sizes) / Math.max(...sizes)).toBeGreaterThan(0.8);
    // Counted: the prompt's overhead and the calibration sample, together (one round trip); no
    // part waited for its own count.
    expect(model.counts).toHaveLength(2);
    expect(model.mostCounting()).toBe(2);
    expect(outcome.notes[0]).toBe(`Reviewed in ${parts.length} parts, all at once.`);
  });

  test('when the ceiling is the limit: max-concurrency equal parts that spend it, each counted exactly first, the rest left out for the ceiling', async () => {
    const ceiling = 60_000;
    const { outcome, model, ledger } = await review(modules(300), {
      'max-tokens-per-run': String(ceiling),
      'max-concurrency': '4',
    });
    expect(outcome.status).toBe('reviewed');
    expect(model.spans).toHaveLength(4);
    expect(model.mostOpen()).toBe(4);
    expect(ledger.spent).toBeLessThanOrEqual(ceiling);
    // The reservations of the wave (exact input with its margin, plus each part's answer room)
    // take nearly all of the ceiling: nothing is kept back for a later wave.
    const reserved = model.spans.reduce((n, p) => {
      const input = Math.ceil([...p.request.system, ...p.request.user].reduce((c, b) => c + b.text.length, 0) / 4);
      return n + ledger.inputBound(input) + p.maxTokens;
    }, 0);
    expect(reserved).toBeLessThanOrEqual(ceiling);
    expect(reserved).toBeGreaterThan(0.85 * ceiling);
    const sizes = model.spans.map((p) => diffChars(p.request));
    expect(Math.min(...sizes) / Math.max(...sizes)).toBeGreaterThan(0.8);
    // Overhead and calibration, then the four parts' exact counts (each pair or wave concurrently).
    expect(model.counts).toHaveLength(6);
    expect(model.mostCounting()).toBe(4);
    expect(outcome.leftOut.length).toBeGreaterThan(0);
    for (const l of outcome.leftOut) expect(l.reason).toMatch(/^token ceiling reached/);
  });

  test('max-concurrency 1: one part of at most 30,000 diff tokens, the rest named with the setting to raise', async () => {
    const { outcome, model } = await review(modules(160), { 'max-tokens-per-run': '1000000', 'max-concurrency': '1' });
    expect(model.spans).toHaveLength(1);
    expect(outcome.calls).toBe(1);
    expect(outcome.leftOut.length).toBeGreaterThan(0);
    for (const l of outcome.leftOut) {
      expect(l.reason).toMatch(
        /^the one part full \(`max-concurrency` 1, 30,000 diff tokens each\); raise `max-concurrency` in the config file/,
      );
    }
    expect(outcome.reviewedLines).toBeGreaterThan(0);
  });

  test('a dry run plans the same single wave: at most max-concurrency calls, and says which were left out', async () => {
    const { outcome, model } = await review(modules(300), {
      'max-tokens-per-run': '1000000',
      'max-concurrency': '3',
      'dry-run': 'true',
    });
    expect(outcome.status).toBe('dry-run');
    expect(outcome.calls).toBe(3);
    expect(model.spans).toEqual([]);
    expect(outcome.notes[0]).toMatch(/^Dry run: 3 calls to `claude-sonnet-9`/);
    expect(outcome.leftOut.every((l) => l.reason.startsWith('all 3 parts full'))).toBe(true);
  });
});
