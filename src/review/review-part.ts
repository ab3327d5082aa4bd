/** One part of a review: its request (diff, context, effort) and its call; the prompt's overhead and calibration. */
import type { DiffFile } from '../diff/types.js';
import { renderContext } from '../context/render.js';
import type { ContextPiece } from '../context/types.js';
import { callWithinCeiling, countInput, MIN_USEFUL_OUTPUT, type InputCount } from '../llm/guarded-call.js';
import { minOutputFor, thinkingCutNote } from '../llm/thinking.js';
import type { Chunk } from '../plan/chunks.js';
import type { ModelRequest } from '../ports.js';
import { readAnswer } from './answer.js';
import { buildReviewRequest, type ReviewPart } from './prompt.js';
import type { Args } from './review-chunks.js';

/** Estimated diff tokens sent to `count_tokens` once, to calibrate the estimate. */
const CALIBRATION_SAMPLE_TOKENS = 20_000;

/** The request with its effort and the answer room it needs after thinking. */
export function withThinking(args: Args, request: ModelRequest, answerTokens: number): ModelRequest {
  return { ...request, ...(args.effort ? { effort: args.effort } : {}), answerTokens };
}

/** The context pieces a part shows: those of its files; pieces of other files go with the first part. */
export function contextFor(args: Args, files: DiffFile[], first: boolean): string | undefined {
  const pieces = args.context?.pieces ?? [];
  if (pieces.length === 0) return undefined;
  const paths = new Set(files.map((f) => f.path));
  const inPart = (p: ContextPiece) => paths.has(p.path);
  const own = pieces.filter(inPart);
  const others = first ? pieces.filter((p) => !inPart(p) && !args.files.some((f) => f.path === p.path)) : [];
  const text = renderContext([...own, ...others]);
  return text === '' ? undefined : text;
}

export function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function changed(files: DiffFile[]): number {
  return files.reduce((n, f) => n + f.additions + f.deletions, 0);
}

/** The files of a chunk, each narrowed to the hunks of its slice. */
export function chunkFiles(chunk: Chunk): DiffFile[] {
  return chunk.slices.map((s) => ({ ...s.file, hunks: s.hunks }));
}

/** Tokens a call needs beyond its diff: prompt, guidelines, description, schema (counted once on an empty diff). */
export async function promptOverhead(args: Args, tag: string): Promise<InputCount> {
  const empty = buildReviewRequest({
    model: args.model.id,
    pr: args.pr,
    files: [],
    tag,
    part: { index: 99, count: 99 },
    otherFiles: args.otherFiles,
    guidelines: args.guidelines,
  });
  return countInput(args.client, empty);
}

/**
 * The estimator over-counts on purpose. Where the endpoint can count, one free count of a
 * sample of the diff gives the real ratio, so parts are planned at what they will really
 * cost (with 5 % to spare). The sample is counted while the prompt's overhead is, one round
 * trip for both. Safe either way: each part reserves its input (counted exactly when the
 * estimate does not fit) before it is sent, and a part that no longer fits is left out and named.
 */
export async function calibrate(
  args: Args,
  tag: string,
  overheadCount: Promise<InputCount>,
  measure: (f: DiffFile) => number,
): Promise<number> {
  const client = args.client;
  if (!client) return 1;
  const sample: DiffFile[] = [];
  let estimated = 0;
  for (const file of args.files) {
    const t = measure(file);
    if (t > CALIBRATION_SAMPLE_TOKENS * 2) continue;
    sample.push(file);
    estimated += t;
    if (estimated >= CALIBRATION_SAMPLE_TOKENS) break;
  }
  if (estimated === 0) return 1;
  const request = buildReviewRequest({
    model: args.model.id,
    pr: args.pr,
    files: sample,
    tag,
    part: { index: 99, count: 99 },
    otherFiles: args.otherFiles,
    guidelines: args.guidelines,
  });
  const [overhead, counted] = await Promise.all([overheadCount, countInput(client, request)]);
  // An endpoint that cannot count gives estimates, whose ratio to themselves says nothing.
  if (!overhead.exact || !counted.exact) return 1;
  return Math.min(1, Math.max(0.25, ((counted.tokens - overhead.tokens) / estimated) * 1.05));
}

/** The request of one part: its files' diff, their context (the first part also the rest), its effort. */
export function partRequest(args: Args, chunk: Chunk, tag: string, part: ReviewPart, maxOutput: number): ModelRequest {
  const files = chunkFiles(chunk);
  return withThinking(
    args,
    buildReviewRequest({
      model: args.model.id,
      pr: args.pr,
      files,
      tag,
      part,
      otherFiles: args.otherFiles,
      guidelines: args.guidelines,
      context: contextFor(args, files, part.index === 1),
    }),
    maxOutput,
  );
}

/** One part's call, once its input is sized (`sizeInputs`, over the whole wave). */
export async function reviewPart(
  args: Args,
  request: ModelRequest,
  sized: Promise<InputCount>,
  part: ReviewPart,
  maxOutput: number,
) {
  const client = args.client!;
  const input = await sized;
  const minOutput = Math.min(maxOutput, minOutputFor(args.model.id, MIN_USEFUL_OUTPUT));
  const result = await callWithinCeiling(client, args.ledger, request, input, { maxOutput, minOutput });
  if (result.kind === 'does-not-fit') return 'does-not-fit' as const;
  // All of max_tokens went to thinking: this part was not reviewed.
  if (thinkingCutNote(result.reply, result.maxTokens)) return 'thinking-cut' as const;
  if (result.reply.stopReason === 'refusal') return 'declined' as const;
  const { answer, problems } = readAnswer(result.reply.output);
  const notes = problems.map((p) => `Note (part ${part.index}): ${p}.`);
  if (result.reply.stopReason === 'max_tokens') {
    notes.push(
      `Part ${part.index} reached \`max_tokens\` (${num(result.maxTokens)}); its findings after that point are missing.`,
    );
  }
  return { answer: answer ?? { summary: '', findings: [] }, notes };
}
