import { changedLines, filterFiles } from './diff/filter.js';
import { parseDiff } from './diff/parse.js';
import { callWithinCeiling, sizeInput } from './llm/guarded-call.js';
import { runBudget } from './plan/budget.js';
import { planChunks } from './plan/chunks.js';
import { chooseModel } from './plan/choose-model.js';
import { estimateCost } from './plan/prices.js';
import { createRunLedger, priceTable } from './plan/run-ledger.js';
import { chooseTier } from './plan/tier.js';
import type { ForgeClient, Logger, ModelClient } from './ports.js';
import type { Config } from './config/config.js';
import { readFingerprint } from './review/fingerprint.js';
import { neutralize } from './review/neutralize.js';
import { estimateTokens } from './plan/estimate.js';
import { readGuidelines } from './review/guidelines.js';
import { buildAskRequest } from './review/prompt.js';
import { formatUsd } from './review/render-summary.js';
import { readMonthUsage } from './state/month-usage.js';
import { isOwnReviewComment } from './state/own.js';
import { settleRun } from './state/spend.js';
import { loadSummary } from './state/summary-store.js';
import { capDescription } from './review/description.js';
import { hostOf } from './review/neutralize.js';
import type { Thread } from './trigger/trigger.js';

/** Marks the action's answers, so they are never taken for commands. */
export const ANSWER_MARKER = '<!-- claude-pr-review:answer -->';
const ANSWER_TOKENS = 2048;
/** Share of what remains that the diff shown with a question may take. */
const DIFF_SHARE = 0.6;

export type AskDeps = {
  config: Config;
  forge: ForgeClient;
  model: ModelClient;
  log: Logger;
  question: string;
  asker: string;
  thread: Thread | null;
  now?: () => Date;
};

export type AskResult = { answered: boolean; reason: string; tokens: number; costUsd: number; model: string | null };

/**
 * Answers a maintainer's question under the same ceiling and budgets as a review: in the
 * review thread it was asked in (GitHub), or as a PR comment (`/review ask`, every forge).
 */
export async function ask(deps: AskDeps): Promise<AskResult> {
  const { config, forge, model: client, now = () => new Date() } = deps;
  const [fullPr, diff, self] = await Promise.all([forge.getPullRequest(), forge.getDiff(), forge.identity()]);
  const { pr } = capDescription(fullPr);
  const { kept } = filterFiles(parseDiff(diff), config);
  const { comment: previous, state: history } = await loadSummary(forge, self);
  const unknown = self ? null : 'the action could not tell which comments are its own';
  const budget = runBudget(config, history, await readMonthUsage(forge, config, now(), self), unknown);
  const post = (text: string) =>
    deps.thread ? forge.replyToReviewComment(deps.thread.rootId, text) : forge.createComment(text);
  if (budget.skip) {
    await post(`${ANSWER_MARKER}\nI can't answer right now: ${budget.skip}.`);
    return { answered: false, reason: budget.skip, tokens: 0, costUsd: 0, model: null };
  }

  let thread: { finding: string; replies: string[]; diffHunk: string } | undefined;
  if (deps.thread) {
    const comments = await forge.listReviewComments();
    const root = comments.find((c) => c.id === deps.thread!.rootId);
    // Only a thread the action itself opened is one it answers in.
    if (!root || !readFingerprint(root.body) || !isOwnReviewComment(root, self)) {
      return { answered: false, reason: 'the thread is not one of this action’s', tokens: 0, costUsd: 0, model: null };
    }
    const replies = comments.filter((c) => c.inReplyTo === root.id).map((c) => `@${c.author}: ${c.body}`);
    thread = { finding: root.body, replies, diffHunk: deps.thread.diffHunk };
  }

  const chosen = await chooseModel(client, config, chooseTier(changedLines(kept), config));
  const ledger = createRunLedger(config, budget.ceiling, chosen.model);
  const guidelines = await readGuidelines(forge, pr.baseSha, config.guidelinesFiles, deps.log);
  let files = undefined;
  if (!thread) {
    // The guidelines come out of the diff's share, so the question still fits.
    const share = ledger.inputRoom(ANSWER_TOKENS) * DIFF_SHARE - (guidelines ? estimateTokens(guidelines.text) : 0);
    const room = Math.max(0, Math.floor(share / (1 + ledger.inputMargin)));
    const plan = planChunks(kept, { budgetTokens: room, maxChunkTokens: room, targetChunkTokens: room });
    files = plan.chunks[0]?.slices.map((s) => ({ ...s.file, hunks: s.hunks })) ?? [];
  }
  const request = buildAskRequest({ model: chosen.model.id, pr, question: deps.question, thread, files, guidelines });
  const input = await sizeInput(client, ledger, request, ANSWER_TOKENS);
  const result = await callWithinCeiling(client, ledger, request, input, { maxOutput: ANSWER_TOKENS, minOutput: 256 });
  const usage = ledger.total();
  const costUsd = estimateCost(chosen.model.id, usage, priceTable(config));
  const out = result.kind === 'answered' ? (result.reply.output as { answer?: unknown } | null) : null;
  const answer = typeof out?.answer === 'string' && out.answer.trim() !== '' ? out.answer.trim() : null;
  const footer = `<sub>claude-pr-review · \`${chosen.model.id}\` · ${ledger.spent.toLocaleString('en-US')} tokens · ${formatUsd(costUsd)}</sub>`;
  const quote = deps.thread
    ? ''
    : `> @${deps.asker} asked: ${neutralize(deps.question.replace(/\n/g, ' ').slice(0, 300))}\n\n`;
  const text = answer
    ? `${quote}${neutralize(answer, { forgeHost: hostOf(pr.htmlUrl) })}`
    : `${quote}I could not answer within \`max-tokens-per-run\` (${config.maxTokensPerRun.toLocaleString('en-US')}).`;
  await post(`${ANSWER_MARKER}\n${text}\n\n${footer}`);

  // The tokens count against the PR's and the month's budgets like a review's.
  if (ledger.spent > 0) {
    const run = {
      at: now().toISOString(),
      sha: pr.headSha,
      model: chosen.model.id,
      tokens: ledger.spent,
      cost: costUsd,
    };
    await settleRun(forge, self, previous, `ask-${run.at}`, run, false, undefined, now().getTime());
  }
  return {
    answered: answer !== null,
    reason: answer ? 'answered' : 'no answer',
    tokens: ledger.spent,
    costUsd,
    model: chosen.model.id,
  };
}
