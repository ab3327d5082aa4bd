/** What a review in parts comes to: left-out files merged per path, the composed summary, a dry run's plan. */
import { estimateCost } from '../plan/prices.js';
import { priceTable } from '../plan/run-ledger.js';
import type { LeftOut } from '../plan/chunks.js';
import type { ReviewAnswer } from './findings.js';
import { formatUsd } from './render-summary.js';
import type { Args, ChunkedOutcome } from './review-chunks.js';
import { num } from './review-part.js';

/** One entry per file: a file can lose several slices, whose lines add up. */
export function mergeLeftOut(items: LeftOut[]): LeftOut[] {
  const byPath = new Map<string, LeftOut>();
  for (const l of items) {
    const prev = byPath.get(l.path);
    if (prev) prev.lines += l.lines;
    else byPath.set(l.path, { ...l });
  }
  return [...byPath.values()];
}

/** Longest part summary kept in a composed one. */
export const PART_SUMMARY_CHARS = 600;

/**
 * The summary of a review in parts, composed from the parts' own summaries: no extra model
 * call waits at the end of the critical path (each part already summarised what it saw).
 */
export function composeSummary(answers: ReviewAnswer[]): string {
  const cut = (s: string) => (s.length > PART_SUMMARY_CHARS ? `${s.slice(0, PART_SUMMARY_CHARS - 1)}…` : s);
  const parts = answers.map((a) => a.summary.trim()).filter((s) => s !== '');
  if (parts.length === 0) return '';
  return parts.map((s, i) => `**Part ${i + 1}:** ${cut(s).replace(/\n+/g, ' ')}`).join('\n\n');
}

export function dryRun(
  args: Args,
  inputs: number[],
  output: number,
  reviewedLines: number,
  totalLines: number,
  leftOut: LeftOut[],
): ChunkedOutcome {
  const { ledger, model } = args;
  const calls = inputs.length;
  const input = inputs.reduce((a, b) => a + b, 0);
  const most = inputs.reduce((n, i) => n + ledger.inputBound(i) + output, 0);
  const dollars = estimateCost(
    model.id,
    { input, output: calls * output, cacheWrite: 0, cacheRead: 0 },
    priceTable(args.config),
  );
  const counted = args.client ? `${num(input)} input tokens` : `~${num(input)} input tokens (estimated)`;
  const note =
    calls === 0
      ? `Dry run: nothing fits under \`max-tokens-per-run\` (${num(args.config.maxTokensPerRun)}).`
      : `Dry run: ${calls === 1 ? 'one call' : `${calls} calls`} to \`${model.id}\` with ${counted} and \`max_tokens\` ${num(output)}${calls > 1 ? ' each' : ''}; at most ${num(most)} tokens, at most ${formatUsd(dollars)}.`;
  return { status: 'dry-run', answer: null, notes: [note], leftOut, reviewedLines, totalLines, calls };
}
