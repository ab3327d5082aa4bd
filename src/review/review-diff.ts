import type { Config } from '../config/config.js';
import type { DiffFile } from '../diff/types.js';
import { callWithinCeiling, countInput, MIN_USEFUL_OUTPUT } from '../llm/guarded-call.js';
import type { UsageLedger } from '../llm/ledger.js';
import type { ResolvedModel } from '../plan/models.js';
import { estimateCost } from '../plan/prices.js';
import type { ModelClient, PullRequest } from '../ports.js';
import type { ReviewAnswer } from './findings.js';
import { readAnswer } from './answer.js';
import { buildReviewRequest } from './prompt.js';
import { formatUsd } from './render-summary.js';

export type ReviewOutcome =
  | { status: 'reviewed'; answer: ReviewAnswer; notes: string[] }
  | { status: 'over-ceiling'; answer: null; notes: string[] }
  | { status: 'dry-run'; answer: null; notes: string[] };

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Reviews `files` in one call under the ledger's ceiling. With no model client (or
 * `dry-run`), it only reports what the call would cost.
 */
export async function reviewDiff(args: {
  client: ModelClient | null;
  ledger: UsageLedger;
  config: Config;
  pr: PullRequest;
  files: DiffFile[];
  model: ResolvedModel;
}): Promise<ReviewOutcome> {
  const { client, ledger, config, model } = args;
  const request = buildReviewRequest({ model: model.id, pr: args.pr, files: args.files });
  const input = await countInput(client, request);
  const outputCap = Math.min(config.maxOutputTokens, model.maxOutputTokens);
  const room = ledger.outputRoom(input.tokens, outputCap);
  const inputLabel = `${input.exact ? '' : '~'}${num(input.tokens)} input tokens${input.exact ? '' : ' (estimated)'}`;

  if (room < MIN_USEFUL_OUTPUT) {
    return {
      status: 'over-ceiling',
      answer: null,
      notes: [
        `Not reviewed: the diff needs ${inputLabel} plus at least ${num(MIN_USEFUL_OUTPUT)} for the answer, more than \`max-tokens-per-run\` (${num(config.maxTokensPerRun)}) allows. Raise the ceiling or narrow \`include\`/\`exclude\`. No tokens were spent.`,
      ],
    };
  }
  if (!client || config.dryRun) {
    const most = estimateCost(model.id, { input: input.tokens, output: room, cacheWrite: 0, cacheRead: 0 });
    return {
      status: 'dry-run',
      answer: null,
      notes: [
        `Dry run: one call to \`${model.id}\` with ${inputLabel} and \`max_tokens\` ${num(room)}; at most ${num(ledger.inputBound(input.tokens) + room)} tokens, at most ${formatUsd(most)}.`,
      ],
    };
  }
  const result = await callWithinCeiling(client, ledger, request, input, { maxOutput: outputCap });
  if (result.kind === 'does-not-fit') {
    return { status: 'over-ceiling', answer: null, notes: ['Not reviewed: the call no longer fits the ceiling.'] };
  }
  const { answer, problems } = readAnswer(result.reply.output);
  const notes = problems.map((p) => `Note: ${p}.`);
  if (result.reply.stopReason === 'max_tokens') {
    notes.push(`The answer reached \`max_tokens\` (${num(result.maxTokens)}); findings after that point are missing.`);
  }
  if (result.reply.stopReason === 'refusal') notes.push('The model declined to review this change.');
  return { status: 'reviewed', answer: answer ?? { summary: '', findings: [] }, notes };
}
