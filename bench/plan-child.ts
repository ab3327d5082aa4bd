/**
 * Child process of figure 1: parse + filter + plan of one synthetic diff size, on bare node
 * (compiled by compile.ts), printing one JSON line. Usage: node plan-child.js FILES LINES
 */
import { filterFiles } from '../src/diff/filter.js';
import { parseDiff } from '../src/diff/parse.js';
import { renderFileForPrompt } from '../src/diff/render.js';
import { DEFAULT_INPUT_MARGIN } from '../src/llm/ledger.js';
import { planChunks, type PlanOptions } from '../src/plan/chunks.js';
import { estimateTokens } from '../src/plan/estimate.js';
import { buildReviewRequest } from '../src/review/prompt.js';
import { BENCH_PR, charsOver4, MODEL_ID } from './fakes.js';
import { syntheticDiff } from './synthetic-diff.js';

export type PlanFigure = {
  files: number;
  lines: number;
  parsedLines: number;
  kept: number;
  skipped: number;
  chunks: number;
  coveragePct: number;
  budgetTokens: number;
  medianMs: number;
  parseMs: number;
  filterMs: number;
  planMs: number;
  baseRssMb: number;
  peakRssMb: number;
};

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const inputBound = (tokens: number) => Math.ceil(tokens * (1 + DEFAULT_INPUT_MARGIN)) + 8;

/**
 * Plan options close to what reviewInChunks derives for its one wave under `ceiling` at
 * max-concurrency 4 (part answer 4,096, summary answer 1,024, 12 % input margin, chunks ≤ 150k).
 */
function planOptionsFor(ceiling: number, pendingTokens: number): PlanOptions {
  const overhead = charsOver4(
    buildReviewRequest({ model: MODEL_ID, pr: BENCH_PR, files: [], part: { index: 99, count: 99 } }),
  );
  const perCall = inputBound(overhead) + 4096;
  const room = ceiling - (inputBound(overhead) + 1024);
  const maxChunk = 150_000;
  const target = Math.min(maxChunk, Math.max(4000, Math.ceil(pendingTokens / 4), Math.min(30_000, pendingTokens)));
  const budgetFor = (calls: number) => Math.floor((room - calls * perCall) / (1 + DEFAULT_INPUT_MARGIN));
  let calls = Math.max(1, Math.ceil(Math.min(pendingTokens, room / (1 + DEFAULT_INPUT_MARGIN)) / target));
  calls = Math.max(1, Math.ceil(Math.min(pendingTokens, Math.max(0, budgetFor(calls))) / target));
  return { budgetTokens: budgetFor(calls), maxChunkTokens: maxChunk, targetChunkTokens: target };
}

function measure(files: number, lines: number): PlanFigure {
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const { text } = syntheticDiff(files, lines);
  const opts = { include: [], exclude: [] };
  // Warm-up, which also sizes the plan as the pipeline would for a 100k ceiling.
  const warm = filterFiles(parseDiff(text), opts).kept;
  const pending = warm.reduce((n, f) => n + estimateTokens(renderFileForPrompt(f)), 0);
  const planOpts = planOptionsFor(100_000, pending);
  planChunks(warm, planOpts);

  const total: number[] = [];
  const parse: number[] = [];
  const filter: number[] = [];
  const plan: number[] = [];
  let last = { kept: 0, skipped: 0, chunks: 0, reviewed: 0, total: 0, parsed: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const parsed = parseDiff(text);
    const t1 = performance.now();
    const { kept, skipped } = filterFiles(parsed, opts);
    const t2 = performance.now();
    const p = planChunks(kept, planOpts);
    const t3 = performance.now();
    total.push(t3 - t0);
    parse.push(t1 - t0);
    filter.push(t2 - t1);
    plan.push(t3 - t2);
    last = {
      kept: kept.length,
      skipped: skipped.length,
      chunks: p.chunks.length,
      reviewed: p.reviewedLines,
      total: p.totalLines,
      parsed: parsed.reduce((n, f) => n + f.additions + f.deletions, 0),
    };
  }
  return {
    files,
    lines,
    parsedLines: last.parsed,
    kept: last.kept,
    skipped: last.skipped,
    chunks: last.chunks,
    coveragePct: (100 * last.reviewed) / last.total,
    budgetTokens: planOpts.budgetTokens,
    medianMs: median(total),
    parseMs: median(parse),
    filterMs: median(filter),
    planMs: median(plan),
    baseRssMb,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [files, lines] = process.argv.slice(2).map(Number);
if (files !== undefined && lines !== undefined && files > 0 && lines > 0) {
  console.log(JSON.stringify(measure(files, lines)));
}
