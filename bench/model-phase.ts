/**
 * Figure 5 of the benchmark (issue 14): how long the model phase of a large review takes
 * against its slowest single call, with a fake model whose latency grows with the tokens it
 * writes, as a real one does: 1 s + output tokens ÷ 60 per second, every second shortened by
 * `TIME_SCALE` so that the bench stays short (a ratio does not depend on the scale). A
 * `count_tokens` request costs one network round trip (ROUND_TRIP_MS), and counts the phase
 * waits for are part of it.
 */
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import type { Logger, ModelClient, ModelReply, TokenUsage } from '../src/ports.js';
import { ANSWER_SCHEMA } from '../src/review/prompt.js';
import { run } from '../src/run.js';
import { benchForge, charsOver4, CATALOGUE } from './fakes.js';

/** Real seconds per bench second: a 30 s call takes 1.5 s here. */
export const TIME_SCALE = 20;
const FIRST_TOKEN_MS = 1000;
const OUTPUT_TOKENS_PER_S = 60;
/** One model-API request on a real network, unscaled: what a `count_tokens` request takes. */
export const ROUND_TRIP_MS = 250;
/**
 * What the fake writes: a review answer grows with the diff it was shown (a finding every few
 * hundred lines, each a paragraph), ≈ 1 output token per 20 of input, within `max_tokens`.
 */
const OUTPUT_PER_INPUT = 1 / 20;

export type TimedCall = { start: number; end: number; input: number; output: number; review: boolean };
export type TimedCount = { start: number; end: number };

/** Unscaled latency of one call writing `output` tokens, in ms. */
export const callMs = (output: number) => FIRST_TOKEN_MS + (1000 * output) / OUTPUT_TOKENS_PER_S;

/**
 * A model client whose every call waits `callMs(output) / TIME_SCALE` and every count one
 * round trip; calls and counts are recorded with their times.
 */
export function tokenTimedModel() {
  const calls: TimedCall[] = [];
  const counts: TimedCount[] = [];
  const client: ModelClient = {
    listModels: async () => CATALOGUE,
    async countTokens(req) {
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, ROUND_TRIP_MS / TIME_SCALE));
      counts.push({ start, end: performance.now() });
      return charsOver4(req);
    },
    async complete(request, maxTokens): Promise<ModelReply> {
      const start = performance.now();
      const input = charsOver4(request);
      const output = Math.min(maxTokens, Math.max(50, Math.ceil(input * OUTPUT_PER_INPUT)));
      await new Promise((resolve) => setTimeout(resolve, callMs(output) / TIME_SCALE));
      const usage: TokenUsage = { input, output, cacheWrite: 0, cacheRead: 0 };
      calls.push({ start, end: performance.now(), input, output, review: request.outputSchema === ANSWER_SCHEMA });
      const answer = {
        summary: 'Validation moved into its own module; retries wrap the payment client.',
        findings: [],
      };
      return { output: answer, stopReason: 'tool_use', usage };
    },
  };
  return { client, calls, counts };
}

export type PhaseFigure = {
  /** Model phase (the first count's or call's start → the last call's end) and the slowest call, in bench ms. */
  phaseMs: number;
  /** The phase without the counts before the first call: first call's start → last call's end. */
  callsMs: number;
  /** Of the time before the first call, how long counts were in flight (the rest is the planner's CPU time, unscaled). */
  countWaitMs: number;
  slowestMs: number;
  calls: TimedCall[];
  counts: TimedCount[];
  coverage: number | null;
};

const quiet: Logger = { info: () => {}, warning: () => {} };

/** One review of `diff` under `inputs` through run() with the in-memory forge and the token-timed model. */
export async function modelPhase(diff: string, inputs: Record<string, string>): Promise<PhaseFigure> {
  const model = tokenTimedModel();
  const config = readConfig((name: InputName) => inputs[name] ?? '');
  const result = await run({ config, forge: benchForge(diff), model: model.client, log: quiet });
  const calls = [...model.calls].sort((a, b) => a.start - b.start);
  const first = Math.min(...calls.map((c) => c.start));
  const start = Math.min(first, ...model.counts.map((c) => c.start));
  const last = Math.max(...calls.map((c) => c.end));
  // Counts in flight before the first call, overlapping ones once.
  let countWaitMs = 0;
  let covered = start;
  for (const c of [...model.counts].sort((a, b) => a.start - b.start)) {
    const from = Math.max(c.start, covered);
    const to = Math.min(c.end, first);
    if (to > from) countWaitMs += to - from;
    covered = Math.max(covered, Math.min(c.end, first));
  }
  return {
    phaseMs: last - start,
    callsMs: last - first,
    countWaitMs,
    slowestMs: Math.max(...calls.map((c) => c.end - c.start)),
    calls,
    counts: model.counts,
    coverage: result.report.coverage,
  };
}
