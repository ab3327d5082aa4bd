import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { priceFor, usageCost } from '../src/plan/prices.js';
import type { ModelClient, ModelRequest, TokenUsage } from '../src/ports.js';
import { run } from '../src/run.js';
import { addedFile, codeLines, editedFile } from './support/diffs.js';
import { memoryForge } from './support/memory-forge.js';
import { CATALOGUE, candidateIds, isVerification } from './support/scripted-model.js';

const silent = { info: () => {}, warning: () => {} };

/** What the fake API "really" charges for a request's input: a tokenizer of ~4 characters a token. */
function trueInput(req: ModelRequest): number {
  const chars =
    [...req.system, ...req.user].reduce((n, b) => n + b.text.length, 0) + JSON.stringify(req.outputSchema).length;
  return Math.ceil(chars / 4);
}

type Behaviour = {
  /** count_tokens = true input × this (0.9–1.1), or null: the endpoint cannot count. */
  countFactor: number | null;
  /** Share of max_tokens the answer uses (1 = every allowed token). */
  outputShare: number;
  /** Part of the input billed as cache reads / writes instead of plain input. */
  cacheShare: number;
  /** Calls (by index) that fail: 'before' bills nothing, 'cut' bills input and some output, then throws. */
  failures: Record<number, 'before' | 'cut'>;
  stopReason: 'tool_use' | 'max_tokens' | 'refusal';
  /** Findings each review answer reports (each then goes through a verification call). */
  findings: number;
  /** Share of max_tokens a thinking model spends thinking, billed as output on top of the answer. */
  thinkingShare: number;
};

/** A model that bills like the real API under adversarial conditions, and keeps its own tally. */
function adversarialModel(b: Behaviour) {
  const billed: TokenUsage[] = [];
  let calls = 0;
  const client: ModelClient = {
    async listModels() {
      return CATALOGUE;
    },
    async countTokens(req) {
      return b.countFactor === null ? null : Math.max(1, Math.floor(trueInput(req) * b.countFactor));
    },
    async complete(req, maxTokens) {
      const index = calls++;
      const input = trueInput(req);
      const cached = Math.floor(input * b.cacheShare);
      const usage: TokenUsage = {
        input: input - cached,
        cacheRead: Math.floor(cached / 2),
        cacheWrite: cached - Math.floor(cached / 2),
        output: Math.min(maxTokens, Math.ceil(maxTokens * Math.min(1, b.outputShare + b.thinkingShare))),
      };
      const failure = b.failures[index];
      if (failure === 'before') throw Object.assign(new Error('overloaded'), { status: 529 });
      if (failure === 'cut') {
        billed.push({ ...usage, output: Math.floor(usage.output / 2) });
        throw new Error('stream cut');
      }
      billed.push(usage);
      if (isVerification(req)) {
        const ids = candidateIds(req);
        const verdicts = ids.map((id, i) => ({
          id,
          verdict: i % 3 === 1 ? 'rejected' : 'confirmed',
          confidence: 50 + ((i * 17) % 50),
          reason: 'checked',
        }));
        return { output: { verdicts }, stopReason: b.stopReason, usage };
      }
      const findings = Array.from({ length: b.findings }, (_, i) => ({
        path: 'src/file0.ts',
        line: 1 + i,
        side: 'RIGHT',
        severity: 'high',
        title: `Problem ${index}-${i}`,
        body: 'Wrong.',
        scenario: 'input → wrong result',
        evidence: [{ path: 'src/file0.ts', line: 1 + i }],
      }));
      return { output: { summary: 'part', findings }, stopReason: b.stopReason, usage };
    },
  };
  return { client, billed, calls: () => calls };
}

const fileArb = fc.record({
  kind: fc.constantFrom('added', 'edited'),
  lines: fc.integer({ min: 1, max: 600 }),
  dir: fc.constantFrom('src', 'lib', 'test', 'docs', 'config'),
});

const caseArb = fc.record({
  files: fc.array(fileArb, { minLength: 1, maxLength: 12 }),
  ceiling: fc.integer({ min: 1_500, max: 60_000 }),
  maxOutput: fc.integer({ min: 256, max: 16_000 }),
  concurrency: fc.integer({ min: 1, max: 6 }),
  costCap: fc.option(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { nil: null }),
  behaviour: fc.record({
    countFactor: fc.option(fc.double({ min: 0.9, max: 1.1, noNaN: true }), { nil: null, freq: 4 }),
    outputShare: fc.constantFrom(0.05, 0.5, 1, 1),
    cacheShare: fc.constantFrom(0, 0, 0.3, 0.8),
    failures: fc.dictionary(
      fc.integer({ min: 0, max: 6 }).map(String),
      fc.constantFrom('before' as const, 'cut' as const),
      { maxKeys: 3 },
    ),
    stopReason: fc.constantFrom('tool_use' as const, 'max_tokens' as const, 'refusal' as const),
    findings: fc.constantFrom(0, 0, 1, 3, 8),
    thinkingShare: fc.constantFrom(0, 0, 0.5),
  }),
});

function diffOf(files: { kind: string; lines: number; dir: string }[]): string {
  return files
    .map((f, i) =>
      f.kind === 'added'
        ? addedFile(`${f.dir}/file${i}.ts`, codeLines(f.lines, `v${i}_`))
        : editedFile(`${f.dir}/file${i}.ts`, f.lines + 20, 5, Math.min(f.lines + 4, f.lines + 19)),
    )
    .join('');
}

const total = (u: TokenUsage) => u.input + u.output + u.cacheRead + u.cacheWrite;

describe('the token ceiling is a guarantee', () => {
  test('whatever the diff, counts, answers, cache, faults, verification and thinking, billed tokens never exceed max-tokens-per-run', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const inputs: Partial<Record<InputName, string>> = {
          'max-tokens-per-run': String(c.ceiling),
          'max-output-tokens': String(c.maxOutput),
          'max-concurrency': String(c.concurrency),
          model: 'sonnet',
        };
        if (c.costCap !== null) inputs['max-cost-usd'] = c.costCap.toFixed(4);
        const config = readConfig((name) => inputs[name] ?? '');
        const model = adversarialModel(c.behaviour);
        const forge = memoryForge(diffOf(c.files));
        let result: Awaited<ReturnType<typeof run>> | null = null;
        try {
          result = await run({ config, forge, model: model.client, log: silent });
        } catch {
          // Every part failed: the run reports the error; what was billed still counts below.
        }
        const billed = model.billed.reduce((n, u) => n + total(u), 0);
        expect(billed).toBeLessThanOrEqual(c.ceiling);
        if (result) {
          expect(total(result.report.usage)).toBeLessThanOrEqual(c.ceiling);
          expect(result.report.state.runs.at(-1)?.tokens ?? 0).toBeLessThanOrEqual(c.ceiling);
        }
        if (c.costCap !== null) {
          const price = priceFor('claude-sonnet-9').price;
          const dollars = model.billed.reduce((n, u) => n + usageCost(u, price), 0);
          expect(dollars).toBeLessThanOrEqual(Number(c.costCap.toFixed(4)) + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
