import type { Config } from '../config/config.js';
import type { ContextSelection } from '../context/types.js';
import type { DiffFile } from '../diff/types.js';
import { callWithinCeiling, countInput, MIN_USEFUL_OUTPUT } from '../llm/guarded-call.js';
import type { UsageLedger } from '../llm/ledger.js';
import { minOutputFor, thinkingCutNote } from '../llm/thinking.js';
import { planChunks, type LeftOut } from '../plan/chunks.js';
import { fileTokens } from '../plan/measure.js';
import type { ResolvedModel } from '../plan/models.js';
import type { Effort, ModelClient, PullRequest } from '../ports.js';
import { readAnswer } from './answer.js';
import type { Finding, ReviewAnswer } from './findings.js';
import type { Guidelines } from './guidelines.js';
import { composeSummary, dryRun, mergeLeftOut } from './part-outcome.js';
import { mapPool } from './pool.js';
import { buildReviewRequest, newPromptTag } from './prompt.js';
import { calibrate, changed, contextFor, num, promptOverhead, reviewPart, withThinking } from './review-part.js';

/** Diff tokens per call that spread a large PR over parallel calls without losing context. */
const TARGET_CHUNK_TOKENS = 30_000;
const MIN_CHUNK_TOKENS = 4_000;
/** Most diff tokens in one call, whatever the context window: attention thins out beyond this. */
/**
 * Most diff tokens in one part, whatever the window (the focus size): a huge call is slow, since
 * output comes at tens of tokens a second, and attention thins out; a big PR is always split
 * and run in parallel instead.
 */
const FOCUS_TOKENS = 30_000;
/** Answer room per part of a multi-part review; a part reports findings, not an essay. */
const PART_OUTPUT_TOKENS = 4096;
/** Waves of parts: one, and at most one more funded by what the first reserved but did not spend (it reviews more lines, never the same again). */
const MAX_ROUNDS = 2;
/** Smallest diff budget worth another round. */
const MIN_ROUND_DIFF_TOKENS = 800;
const DECLINED = 'The model declined to review this change; nothing was reviewed. Re-run, or try another `model`.';
/** Parts are sized a little above an even split, so packing leaves no small part for a second wave. */
const SPREAD_SLACK = 1.03;

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
 * Diff tokens that `calls` more parts can carry: what the ledger can still pay for (tokens and
 * dollars), less each part's prompt and answer room and, when more than one part will have
 * answered (`answered` before this round), the closing summary's share.
 */
function diffBudgetFor(ledger: UsageLedger, calls: number, promptTokens: number, partOutput: number): number {
  const output = calls * partOutput;
  const input = ledger.inputRoom(output) - ledger.inputBound(promptTokens) * calls;
  return Math.floor(input / (1 + ledger.inputMargin));
}

/**
 * Reviews the PR's files under the ledger's ceiling: in one call when the diff is small, else
 * in parts planned by priority and sized from the budget, run concurrently. Rounds repeat
 * while left-out files could still fit in what earlier rounds reserved but did not spend.
 */
export async function reviewInChunks(args: Args): Promise<ChunkedOutcome> {
  const { client, ledger, config, model } = args;
  const tag = newPromptTag();
  // Counting is a round trip: the prompt's own size is counted while the first request is.
  const overheadCount = promptOverhead(args, tag);
  overheadCount.catch(() => {}); // awaited below where it is needed; its error surfaces there
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
    const input = await countInput(client, request);
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

  const overhead = await overheadCount;
  const maxChunk = Math.max(
    MIN_CHUNK_TOKENS,
    Math.min(FOCUS_TOKENS, model.maxInputTokens - overhead.tokens - outputCap),
  );
  const ratio = await calibrate(args, tag, overhead, estimate);
  let pending = args.files;
  const lost: LeftOut[] = []; // in a part that failed or no longer fitted
  const partial: LeftOut[] = []; // partly reviewed; the rest is not retried
  const lastReason = new Map<string, LeftOut>(); // why a pending file was left out of its last plan
  const answers: ReviewAnswer[] = [];
  const failures: unknown[] = [];
  const notes: string[] = [];
  let reviewedLines = 0;
  let parts = 0;

  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const pendingTokens = Math.ceil(pending.reduce((n, f) => n + estimate(f), 0) * ratio);
    const spread = Math.ceil((pendingTokens * SPREAD_SLACK) / config.maxConcurrency);
    const target = Math.min(maxChunk, Math.max(MIN_CHUNK_TOKENS, spread, Math.min(TARGET_CHUNK_TOKENS, pendingTokens)));
    // A tight budget (or dollar cap) gets parts with the smallest useful answer room.
    let partOutput = Math.min(outputCap, PART_OUTPUT_TOKENS);
    if (diffBudgetFor(ledger, 1, overhead.tokens, partOutput) < MIN_ROUND_DIFF_TOKENS) {
      partOutput = Math.min(outputCap, MIN_USEFUL_OUTPUT);
    }
    // Context is sent once over all parts of the first round; later rounds carry none.
    const contextCost = round === 0 ? ledger.inputBound(args.context?.stats.tokens ?? 0) : 0;
    const budgetFor = (calls: number) => diffBudgetFor(ledger, calls, overhead.tokens, partOutput) - contextCost;
    let calls: number;
    let size: number;
    if (pendingTokens <= budgetFor(1)) {
      // Everything fits: parts of the target size. Two passes, since the number of calls sets
      // the prompt overhead, which sets the diff budget.
      calls = Math.max(1, Math.ceil(pendingTokens / target));
      calls = Math.max(1, Math.ceil(Math.min(pendingTokens, Math.max(0, budgetFor(calls))) / target));
      size = target;
    } else {
      // The budget is the limit: one wave of as many parts as run at once, each a share of it,
      // instead of one big part now and the next one after it.
      calls = config.maxConcurrency;
      while (calls > 1 && budgetFor(calls) / calls < MIN_CHUNK_TOKENS) calls--;
      size = Math.min(maxChunk, Math.max(MIN_CHUNK_TOKENS, Math.ceil((budgetFor(calls) * SPREAD_SLACK) / calls)));
    }
    const budget = budgetFor(calls);
    if (budget < MIN_ROUND_DIFF_TOKENS) break;

    const plan = planChunks(pending, {
      budgetTokens: budget,
      maxChunkTokens: maxChunk,
      targetChunkTokens: size,
      scale: ratio,
    });
    if (plan.chunks.length === 0) break;
    if (dry) {
      const inputs = plan.chunks.map((c) => overhead.tokens + c.tokens);
      return dryRun(args, inputs, partOutput, plan.reviewedLines, totalLines, plan.leftOut);
    }
    const first = parts;
    parts += plan.chunks.length;
    const results = await mapPool(plan.chunks, config.maxConcurrency, (chunk, i) =>
      reviewPart(args, chunk, tag, { index: first + i + 1, count: parts }, partOutput, round === 0).catch(
        (error: unknown) => {
          failures.push(error);
          return null;
        },
      ),
    );
    for (const [i, r] of results.entries()) {
      const chunk = plan.chunks[i]!;
      if (r === null || r === 'does-not-fit' || r === 'declined' || r === 'thinking-cut') {
        const reason =
          r === null
            ? 'its part of the review failed'
            : r === 'declined'
              ? 'the model declined this part'
              : r === 'thinking-cut'
                ? 'the model spent its `max_tokens` thinking and wrote no answer'
                : 'token ceiling reached';
        lost.push(...chunk.slices.map((sl) => ({ path: sl.file.path, reason, lines: sl.lines, partial: false })));
      } else {
        answers.push(r.answer);
        notes.push(...r.notes);
        reviewedLines += chunk.lines;
      }
    }
    partial.push(...plan.leftOut.filter((l) => l.partial));
    const whole = plan.leftOut.filter((l) => !l.partial);
    for (const l of whole) lastReason.set(l.path, l);
    const next = new Set(whole.map((l) => l.path));
    pending = pending.filter((f) => next.has(f.path));
  }
  const leftOut = mergeLeftOut([
    ...lost,
    ...partial,
    ...pending.map(
      (f) =>
        lastReason.get(f.path) ?? {
          path: f.path,
          reason: 'token ceiling reached',
          lines: f.additions + f.deletions,
          partial: false,
        },
    ),
  ]);

  if (answers.length === 0) {
    if (failures.length > 0) throw failures[0];
    if (dry) return dryRun(args, [], 0, 0, totalLines, leftOut);
    if (lost.length > 0 && lost.every((l) => l.reason === 'the model declined this part')) {
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
  if (answers.length > 1)
    notes.unshift(
      `Reviewed in ${answers.length} parts${config.maxConcurrency > 1 ? `, up to ${config.maxConcurrency} at a time` : ''}.`,
    );
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
