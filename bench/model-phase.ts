/**
 * Figure 5 of the benchmark (issue 14): how long the model phase of a large review takes
 * against its slowest single call, with a fake model whose latency grows with the tokens it
 * writes, as a real one does: 1 s + output tokens ÷ 60 per second, every second shortened by
 * `TIME_SCALE` so that the bench stays short (a ratio does not depend on the scale).
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
/**
 * What the fake writes: a review answer grows with the diff it was shown (a finding every few
 * hundred lines, each a paragraph), ≈ 1 output token per 20 of input, within `max_tokens`.
 */
const OUTPUT_PER_INPUT = 1 / 20;

export type TimedCall = { start: number; end: number; input: number; output: number; review: boolean };

/** Unscaled latency of one call writing `output` tokens, in ms. */
export const callMs = (output: number) => FIRST_TOKEN_MS + (1000 * output) / OUTPUT_TOKENS_PER_S;

/** A model client whose every call waits `callMs(output) / TIME_SCALE`; calls are recorded with their times. */
export function tokenTimedModel() {
  const calls: TimedCall[] = [];
  const client: ModelClient = {
    listModels: async () => CATALOGUE,
    countTokens: async (req) => charsOver4(req),
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
  return { client, calls };
}

export type PhaseFigure = {
  /** Model phase (first call's start → last call's end) and the slowest call, in bench ms. */
  phaseMs: number;
  slowestMs: number;
  calls: TimedCall[];
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
  const last = Math.max(...calls.map((c) => c.end));
  return {
    phaseMs: last - first,
    slowestMs: Math.max(...calls.map((c) => c.end - c.start)),
    calls,
    coverage: result.report.coverage,
  };
}
