export type Trigger = { kind: 'review'; prNumber: number } | { kind: 'ignore'; reason: string };

const REVIEW_ACTIONS = new Set(['opened', 'synchronize', 'synchronized', 'reopened', 'ready_for_review']);

type PullRequestPayload = {
  action?: string;
  number?: number;
  pull_request?: { number?: number; draft?: boolean; state?: string };
};

/** What this event asks for. Anything that is not a review request is ignored with a reason. */
export function readTrigger(eventName: string, payload: unknown, opts: { reviewDrafts: boolean }): Trigger {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') {
    return {
      kind: 'ignore',
      reason: `event \`${eventName || '(none)'}\` does not start a review; use \`pull_request\``,
    };
  }
  const p = (payload ?? {}) as PullRequestPayload;
  const number = p.pull_request?.number ?? p.number;
  if (typeof number !== 'number') return { kind: 'ignore', reason: 'the event payload names no pull request' };
  if (!p.action || !REVIEW_ACTIONS.has(p.action)) {
    return { kind: 'ignore', reason: `pull request action \`${p.action ?? '(none)'}\` does not start a review` };
  }
  if (p.pull_request?.state === 'closed') return { kind: 'ignore', reason: `pull request #${number} is closed` };
  if (p.pull_request?.draft && !opts.reviewDrafts) {
    return {
      kind: 'ignore',
      reason: `pull request #${number} is a draft; set \`review-drafts: true\` to review drafts`,
    };
  }
  return { kind: 'review', prNumber: number };
}
