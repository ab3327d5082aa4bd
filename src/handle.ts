import { ask, type AskResult } from './ask.js';
import type { Config } from './config/config.js';
import type { ForgeClient, Logger, ModelClient, Reaction } from './ports.js';
import { run, type RunResult } from './run.js';
import { helpText } from './trigger/command.js';
import { checkWriteAccess, refusalText } from './trigger/permission.js';
import type { Requester, Trigger } from './trigger/trigger.js';
import { SUMMARY_MARKER, type ReviewState } from './state/marker.js';
import { keepBody } from './state/spend.js';
import { loadSummary, writeSummary } from './state/summary-store.js';
import { neutralize } from './review/neutralize.js';
import { FAILURE_PREFIX } from './review/render-summary.js';

/** Marks the action's replies (help, refusals), so they never trigger anything. */
const REPLY_MARKER = '<!-- claude-pr-review:reply -->';

export type Handled =
  | { kind: 'reviewed'; result: RunResult }
  | { kind: 'answered'; result: AskResult }
  | { kind: 'helped' }
  | { kind: 'refused'; reason: string };

type Deps = {
  config: Config;
  forge: ForgeClient;
  model: ModelClient | null;
  log: Logger;
  now?: () => Date;
  /** Hands over what must happen if the job is cancelled mid-run (see RunDeps.onCancel). */
  onCancel?: (flush: () => Promise<void>) => void;
};

/** Reactions are a courtesy: a forge that refuses one must not fail the work. */
async function react(forge: ForgeClient, who: Requester | null, threadReply: boolean, reaction: Reaction, log: Logger) {
  // A reply in a review thread is not an issue comment; the issue-comment reaction API does not reach it.
  if (!who || threadReply || who.commentId === 0) return;
  await forge
    .react(who.commentId, reaction)
    .catch((e: unknown) => log.warning(`Could not react ${reaction}: ${String(e)}`));
}

/** Writes why a requested review failed where the PR's readers look: the top of the summary comment. */
async function noteFailure(forge: ForgeClient, reason: string): Promise<void> {
  const line = `${FAILURE_PREFIX}${neutralize(reason.replace(/\n/g, ' ').slice(0, 500))}`;
  const self = await forge.identity();
  const { comment } = await loadSummary(forge, self);
  // The note goes under the marker; the state line, last, is kept as it is.
  const withNote = (state: ReviewState, current: string | null) => {
    const [marker = SUMMARY_MARKER, ...rest] = keepBody(state, current).split('\n');
    return [marker, line, ...rest.filter((l) => !l.startsWith(FAILURE_PREFIX))].join('\n');
  };
  await writeSummary(forge, self, comment, { next: (fresh) => fresh, body: withNote, held: () => true });
}

/**
 * Carries out one trigger. A command from someone without write access gets one polite reply
 * and spends nothing; otherwise the command comment gets 👀, then 👍 when done (nothing found
 * included) or 😕 on failure, with the reason in the summary comment.
 */
export async function handle(trigger: Exclude<Trigger, { kind: 'ignore' }>, deps: Deps): Promise<Handled> {
  const { forge, log } = deps;
  const who = trigger.requester;
  const thread = trigger.kind === 'ask' ? trigger.thread : null;
  const reply = (text: string) =>
    thread
      ? forge.replyToReviewComment(thread.rootId, `${REPLY_MARKER}\n${text}`)
      : forge.createComment(`${REPLY_MARKER}\n${text}`);

  if (who) {
    const gate = await checkWriteAccess(who, forge);
    if (!gate.allowed) {
      log.info(`Not started: ${gate.reason}.`);
      await reply(refusalText(who.login));
      return { kind: 'refused', reason: gate.reason };
    }
  }
  // 👀 goes out beside the work, not before it: it is a courtesy, never worth a round trip of waiting.
  const seen = react(forge, who, thread !== null, 'eyes', log);
  try {
    let handled: Handled;
    if (trigger.kind === 'help') {
      const phrase = deps.config.triggerPhrases[0] ?? '/review';
      await reply(`${trigger.args ? `I don't know \`${trigger.args.slice(0, 80)}\`.\n\n` : ''}${helpText(phrase)}`);
      handled = { kind: 'helped' };
    } else if (trigger.kind === 'ask') {
      if (!deps.model) throw new Error('answering a question needs `anthropic-api-key` or `anthropic-auth-token`');
      const result = await ask({
        ...deps,
        model: deps.model,
        question: trigger.question,
        asker: who?.login ?? '',
        thread,
      });
      handled = { kind: 'answered', result };
    } else {
      handled = { kind: 'reviewed', result: await run({ ...deps, request: trigger.request }) };
    }
    await seen;
    await react(forge, who, thread !== null, '+1', log);
    return handled;
  } catch (error) {
    await seen;
    await react(forge, who, thread !== null, 'confused', log);
    if (who && (trigger.kind === 'review' || trigger.kind === 'ask')) {
      await noteFailure(forge, error instanceof Error ? error.message : String(error)).catch(() => {});
    }
    throw error;
  }
}
