import type { Config } from '../config/config.js';
import type { ContextSelection } from '../context/types.js';
import type { DiffFile } from '../diff/types.js';
import { callWithinCeiling, countInput, MIN_USEFUL_OUTPUT, sizeInput, sizeInputs } from '../llm/guarded-call.js';
import type { UsageLedger } from '../llm/ledger.js';
import { minOutputFor, thinkingCutNote } from '../llm/thinking.js';
import { planChunks, type FileSlice, type LeftOut } from '../plan/chunks.js';
import { fileTokens } from '../plan/measure.js';
import type { ResolvedModel } from '../plan/models.js';
import type { Effort, ModelClient, PullRequest } from '../ports.js';
import { readAnswer } from './answer.js';
import type { Finding, ReviewAnswer } from './findings.js';
import type { Guidelines } from './guidelines.js';
import { composeSummary, dryRun, mergeLeftOut } from './part-outcome.js';
import { buildReviewRequest, newPromptTag } from './prompt.js';
import {
  calibrate,
  changed,
  contextFor,
  num,
  partRequest,
  promptOverhead,
  reviewPart,
  withThinking,
} from './review-part.js';

/** Diff tokens up to which a PR is reviewed in one call, with the whole answer room. */
const TARGET_CHUNK_TOKENS = 30_000;
const MIN_CHUNK_TOKENS = 4_000;
/**
 * Most diff tokens in one part, whatever the window (the focus size): a huge call is slow, since
 * output comes at tens of tokens a second, and attention thins out; a big PR is always split
 * and run in parallel instead.
 */
const FOCUS_TOKENS = 30_000;
/** Answer room per part of a multi-part review; a part reports findings, not an essay. */
const PART_OUTPUT_TOKENS = 4096;
/** Smallest diff budget worth a part. */
const MIN_PART_DIFF_TOKENS = 800;
const DECLINED = 'The model declined to review this change; nothing was reviewed. Re-run, or try another `model`.';
/** Parts are sized a little above an even split, so packing whole files into them leaves nothing over. */
const SPREAD_SLACK = 1.03;
const CEILING_REACHED = 'token ceiling reached';

export type ChunkedOutcome = {
  status: 'reviewed' | 'over-ceiling' | 'dry-run' | 'declined';
  answer: ReviewAnswer | null;
  notes: string[];
  leftOut: LeftOut[];
  reviewedLines: number;
  totalLines: number;
  calls: number;
};

export type Args = {
  client: ModelClient | null;
  ledger: UsageLedger;
  config: Config;
  pr: PullRequest;
  files: DiffFile[];
  model: ResolvedModel;
  /** Paths of the PR not under review in this run (incremental), shown as context. */
  otherFiles?: string[];
  /** The project's guidelines, sent with every part (in the cached prefix). */
  guidelines?: Guidelines | null;
  /** Code around the change, chosen and packed before planning (src/context); each piece is sent once. */
  context?: ContextSelection | null;
  /** How hard the tier's model thinks (`output_config.effort`); the adapter lowers it to fit. */
  effort?: Effort;
};

/**
 * Diff tokens that `calls` parts can carry: what the ledger can still pay for (tokens and
 * dollars), less each part's prompt and answer room.
 */
function diffBudgetFor(ledger: UsageLedger, calls: number, promptTokens: number, partOutput: number): number {
  const output = calls * partOutput;
  const input = ledger.inputRoom(output) - ledger.inputBound(promptTokens) * calls;
  return Math.floor(input / (1 + ledger.inputMargin));
}

/** The one wave of parts: how many, how big, their answer room and the diff budget they share. */
type Wave = { calls: number; budget: number; size: number; partOutput: number; full: boolean };

/**
 * Plans the wave: at most `max-concurrency` parts of at most `maxChunk` diff tokens, all started
 * together, so the model phase lasts about as long as its slowest call. When the whole diff
 * fits, it is spread evenly over the fewest parts that hold it. Otherwise every part runs at
 * once, each an even share of what the ceiling pays for (fewer parts when a share would be
 * under MIN_CHUNK_TOKENS); `full` when the parts themselves, not the ceiling, are the limit.
 */
function planWave(args: Args, promptTokens: number, pendingTokens: number, maxChunk: number, outputCap: number): Wave {
  const { ledger } = args;
  const most = args.config.maxConcurrency;
  // A tight budget (or dollar cap) gets parts with the smallest useful answer room.
  let partOutput = Math.min(outputCap, PART_OUTPUT_TOKENS);
  if (diffBudgetFor(ledger, 1, promptTokens, partOutput) < MIN_PART_DIFF_TOKENS) {
    partOutput = Math.min(outputCap, MIN_USEFUL_OUTPUT);
  }
  // The code around the change is sent once, spread over the parts.
  const contextCost = ledger.inputBound(args.context?.stats.tokens ?? 0);
  const budgetFor = (calls: number) => diffBudgetFor(ledger, calls, promptTokens, partOutput) - contextCost;
  const even = (tokens: number, calls: number) =>
    Math.min(maxChunk, Math.max(MIN_CHUNK_TOKENS, Math.ceil((tokens * SPREAD_SLACK) / calls)));
  const needed = Math.max(1, Math.ceil((pendingTokens * SPREAD_SLACK) / maxChunk));
  if (needed <= most && pendingTokens <= budgetFor(needed)) {
    return { calls: needed, budget: budgetFor(needed), size: even(pendingTokens, needed), partOutput, full: false };
  }
  let calls = most;
  while (calls > 1 && budgetFor(calls) / calls < MIN_CHUNK_TOKENS) calls--;
  const capacity = Math.floor((calls * maxChunk) / SPREAD_SLACK);
  const budget = Math.min(budgetFor(calls), capacity);
  return { calls, budget, size: even(budget, calls), partOutput, full: calls === most && budgetFor(calls) > capacity };
}

/** Why a file is left out when the wave's parts, not the ceiling, were the limit. */
function waveFullReason(most: number, maxChunk: number): string {
  const parts = most === 1 ? 'the one part' : `all ${most} parts`;
  return `${parts} full (\`max-concurrency\` ${most}, ${num(maxChunk)} diff tokens each); raise \`max-concurrency\` in the config file`;
}

/**
 * Reviews the PR's files under the ledger's ceiling: in one call when the diff is small, else
 * in one wave of parts planned by priority and sized from the budget, all started together.
 * What the wave cannot hold is left out and named, with what to change.
 */
export async function reviewInChunks(args: Args): Promise<ChunkedOutcome> {
  const { client, ledger, config, model } = args;
  const tag = newPromptTag();
  const outputCap = Math.min(config.maxOutputTokens, model.maxOutputTokens);
  const totalLines = changed(args.files);
  const estimate = fileTokens;
  const diffTokens = args.files.reduce((n, f) => n + estimate(f), 0);
  const dry = !client || config.dryRun;

  // Small enough for one call: the whole answer room goes to that call.
  if (diffTokens <= TARGET_CHUNK_TOKENS) {
    const request = withThinking(
      args,
      buildReviewRequest({
        model: model.id,
        pr: args.pr,
        files: args.files,
        tag,
        otherFiles: args.otherFiles,
        guidelines: args.guidelines,
        context: contextFor(args, args.files, true),
      }),
      Math.min(outputCap, PART_OUTPUT_TOKENS),
    );
    // A dry run shows the exact count; a real call skips the count when the estimate fits.
    const input = await (dry ? countInput(client, request) : sizeInput(client, ledger, request, outputCap));
    const room = ledger.outputRoom(input.tokens, outputCap);
    if (room >= MIN_USEFUL_OUTPUT) {
      if (dry) return dryRun(args, [input.tokens], room, totalLines, totalLines, []);
      const minOutput = minOutputFor(model.id, MIN_USEFUL_OUTPUT);
      const result = await callWithinCeiling(client, ledger, request, input, { maxOutput: outputCap, minOutput });
      const cut = result.kind === 'answered' ? thinkingCutNote(result.reply, result.maxTokens) : null;
      if (cut) {
        // All of max_tokens went to thinking: nothing was reviewed, and the head stays unreviewed.
        return {
          status: 'over-ceiling',
          answer: null,
          notes: [cut],
          leftOut: [],
          reviewedLines: 0,
          totalLines,
          calls: 1,
        };
      }
      if (result.kind === 'answered') {
        const { answer, problems } = readAnswer(result.reply.output);
        const notes = problems.map((p) => `Note: ${p}.`);
        if (result.reply.stopReason === 'max_tokens') {
          notes.push(
            `The answer reached \`max_tokens\` (${num(result.maxTokens)}); findings after that point are missing.`,
          );
        }
        if (result.reply.stopReason === 'refusal') {
          // A refusal is not a clean bill of health: say so, and leave the head unreviewed.
          return {
            status: 'declined',
            answer: null,
            notes: [DECLINED],
            leftOut: [],
            reviewedLines: 0,
            totalLines,
            calls: 1,
          };
        }
        const a = answer ?? { summary: '', findings: [] };
        return { status: 'reviewed', answer: a, notes, leftOut: [], reviewedLines: totalLines, totalLines, calls: 1 };
      }
    }
    // Otherwise fall through: parts can still cover what fits.
  }

  // Only a review in parts needs the prompt's own size and the calibration: two counts, one round trip.
  const overheadCount = promptOverhead(args, tag);
  const [overhead, ratio] = await Promise.all([overheadCount, calibrate(args, tag, overheadCount, estimate)]);
  const maxChunk = Math.max(
    MIN_CHUNK_TOKENS,
    Math.min(FOCUS_TOKENS, model.maxInputTokens - overhead.tokens - outputCap),
  );
  const wave = planWave(args, overhead.tokens, Math.ceil(diffTokens * ratio), maxChunk, outputCap);
  const opts = { budgetTokens: wave.budget, maxChunkTokens: maxChunk, targetChunkTokens: wave.size, scale: ratio };
  let plan = wave.budget >= MIN_PART_DIFF_TOKENS ? planChunks(args.files, opts) : null;
  if (plan && plan.chunks.length > wave.calls && wave.size < maxChunk) {
    // Whole files packed into more parts than planned: fuller parts hold them in fewer.
    const fuller = planChunks(args.files, { ...opts, targetChunkTokens: maxChunk });
    if (fuller.chunks.length < plan.chunks.length) plan = fuller;
  }
  const waveFull = waveFullReason(config.maxConcurrency, maxChunk);
  // Never more parts than run at once: what packing left over waits for no second wave.
  const chunks = plan?.chunks.slice(0, config.maxConcurrency) ?? [];
  const over = (plan?.chunks.slice(config.maxConcurrency) ?? []).flatMap((c) => c.slices);
  const planned: LeftOut[] = plan
    ? plan.leftOut.map((l) =>
        wave.full && l.reason.startsWith(CEILING_REACHED)
          ? { ...l, reason: waveFull + l.reason.slice(CEILING_REACHED.length) }
          : l,
      )
    : args.files.map((f) => ({
        path: f.path,
        reason: CEILING_REACHED,
        lines: f.additions + f.deletions,
        partial: false,
      }));
  if (dry) {
    const inputs = chunks.map((c) => overhead.tokens + c.tokens);
    const left = mergeLeftOut([...planned, ...over.map((sl) => lostSlice(sl, waveFull))]);
    const reviewed = chunks.reduce((n, c) => n + c.lines, 0);
    return dryRun(args, inputs, chunks.length > 0 ? wave.partOutput : 0, reviewed, totalLines, left);
  }

  // Every part starts at once; counts, where the estimates do not fit, run concurrently too.
  const parts = chunks.length;
  const requests = chunks.map((c, i) => partRequest(args, c, tag, { index: i + 1, count: parts }, wave.partOutput));
  const sized = sizeInputs(client, ledger, requests, wave.partOutput);
  const failures: unknown[] = [];
  const results = await Promise.all(
    requests.map((request, i) =>
      reviewPart(args, request, sized[i]!, { index: i + 1, count: parts }, wave.partOutput).catch((error: unknown) => {
        failures.push(error);
        return null;
      }),
    ),
  );
  // Packed beyond the wave, or in a part that failed, was declined or did not fit.
  const lost: LeftOut[] = over.map((sl) => lostSlice(sl, waveFull));
  const answers: ReviewAnswer[] = [];
  const answered = new Set<string>();
  const notes: string[] = [];
  let reviewedLines = 0;
  for (const [i, r] of results.entries()) {
    const chunk = chunks[i]!;
    if (r === null || r === 'does-not-fit' || r === 'declined' || r === 'thinking-cut') {
      const reason =
        r === null
          ? 'its part of the review failed'
          : r === 'declined'
            ? 'the model declined this part'
            : r === 'thinking-cut'
              ? 'the model spent its `max_tokens` thinking and wrote no answer'
              : CEILING_REACHED;
      lost.push(...chunk.slices.map((sl) => lostSlice(sl, reason)));
    } else {
      answers.push(r.answer);
      notes.push(...r.notes);
      reviewedLines += chunk.lines;
      for (const sl of chunk.slices) answered.add(sl.file.path);
    }
  }
  // A file is partly reviewed when an answered part had some of it, whatever happened to the rest.
  const leftOut = mergeLeftOut([...lost, ...planned]).map((l) => ({ ...l, partial: answered.has(l.path) }));

  if (answers.length === 0) {
    if (failures.length > 0) throw failures[0];
    if (results.length > 0 && results.every((r) => r === 'declined')) {
      return {
        status: 'declined',
        answer: null,
        notes: [DECLINED],
        leftOut,
        reviewedLines: 0,
        totalLines,
        calls: parts,
      };
    }
    return {
      status: 'over-ceiling',
      answer: null,
      notes: [
        `Not reviewed: not even one part of the diff fits in \`max-tokens-per-run\` (${num(config.maxTokensPerRun)}) with its prompt (${num(overhead.tokens)} tokens) and at least ${num(MIN_USEFUL_OUTPUT)} tokens of answer. Raise the ceiling or narrow \`include\`/\`exclude\`. No tokens were spent.`,
      ],
      leftOut,
      reviewedLines: 0,
      totalLines,
      calls: 0,
    };
  }
  for (const f of failures)
    notes.push(
      `A part of the review failed and its files are listed as left out: ${f instanceof Error ? f.message : String(f)}`,
    );
  const findings: Finding[] = answers.flatMap((a) => a.findings);
  const summary = answers.length === 1 ? answers[0]!.summary : composeSummary(answers);
  if (answers.length > 1) notes.unshift(`Reviewed in ${answers.length} parts, all at once.`);
  return {
    status: 'reviewed',
    answer: { summary, findings },
    notes,
    leftOut,
    reviewedLines,
    totalLines,
    calls: parts,
  };
}

/** A slice no answered part reviewed, as the summary lists it. */
function lostSlice(sl: FileSlice, reason: string): LeftOut {
  return { path: sl.file.path, reason, lines: sl.lines, partial: false };
}
