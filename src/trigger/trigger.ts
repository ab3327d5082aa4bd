import type { Tier } from '../plan/tier.js';
import { parseCommand } from './command.js';

/** Who wrote a command, with what the event says about their access. */
export type Requester = {
  commentId: number;
  login: string;
  /** GitHub's `author_association` (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …); null elsewhere. */
  association: string | null;
  /** Gitea/Forgejo: the payload's `repository.permissions` push/admin; null when absent. */
  canPush: boolean | null;
};

/** A reply in one of the action's review threads (GitHub). */
export type Thread = { rootId: number; commentId: number; path: string; line: number | null; diffHunk: string };

export type ReviewRequest = { mode: 'incremental' | 'full'; tier: Tier | null };

export type Trigger =
  | { kind: 'review'; prNumber: number; request: ReviewRequest; requester: Requester | null }
  | { kind: 'help'; prNumber: number; requester: Requester; args: string | null }
  | { kind: 'ask'; prNumber: number; question: string; requester: Requester; thread: Thread | null }
  | { kind: 'ignore'; reason: string };

const REVIEW_ACTIONS = new Set(['opened', 'synchronize', 'synchronized', 'reopened', 'ready_for_review']);
const PUSH_ACTIONS = new Set(['synchronize', 'synchronized']);
const ACTIONS_BOTS = new Set(['github-actions', 'github-actions[bot]', 'gitea-actions', 'forgejo-actions']);

type User = { login?: string; type?: string; id?: number } | null | undefined;
type Payload = {
  action?: string;
  number?: number;
  is_pull?: boolean;
  pull_request?: { number?: number; draft?: boolean; state?: string };
  issue?: { number?: number; pull_request?: unknown; state?: string };
  comment?: {
    id?: number;
    body?: string;
    user?: User;
    author_association?: string;
    in_reply_to_id?: number;
    path?: string;
    line?: number | null;
    diff_hunk?: string;
  };
  repository?: { permissions?: { push?: boolean; admin?: boolean } };
};

/** Bots, and the action's own comments, never start anything: no loops, no spending by automation. */
function isAutomation(user: User, body: string): boolean {
  const login = user?.login ?? '';
  return (
    user?.type === 'Bot' || login.endsWith('[bot]') || ACTIONS_BOTS.has(login) || body.includes('<!-- claude-pr-review')
  );
}

function requester(p: Payload): Requester {
  const perms = p.repository?.permissions;
  return {
    commentId: p.comment?.id ?? 0,
    login: p.comment?.user?.login ?? '',
    association: p.comment?.author_association ?? null,
    canPush: perms ? Boolean(perms.push || perms.admin) : null,
  };
}

function fromPullRequest(p: Payload, reviewDrafts: boolean): Trigger {
  const number = p.pull_request?.number ?? p.number;
  if (typeof number !== 'number') return { kind: 'ignore', reason: 'the event payload names no pull request' };
  if (!p.action || !REVIEW_ACTIONS.has(p.action)) {
    return { kind: 'ignore', reason: `pull request action \`${p.action ?? '(none)'}\` does not start a review` };
  }
  if (p.pull_request?.state === 'closed') return { kind: 'ignore', reason: `pull request #${number} is closed` };
  if (p.pull_request?.draft && !reviewDrafts) {
    return {
      kind: 'ignore',
      reason: `pull request #${number} is a draft; set \`review-drafts: true\` to review drafts`,
    };
  }
  const mode = PUSH_ACTIONS.has(p.action) ? 'incremental' : 'full';
  return { kind: 'review', prNumber: number, request: { mode, tier: null }, requester: null };
}

function fromIssueComment(p: Payload, phrases: string[]): Trigger {
  if (p.action !== 'created')
    return { kind: 'ignore', reason: `comment action \`${p.action ?? '(none)'}\` is not a new comment` };
  const number = p.issue?.number;
  const onPull = p.is_pull === true || Boolean(p.issue?.pull_request);
  if (typeof number !== 'number' || !onPull) return { kind: 'ignore', reason: 'the comment is not on a pull request' };
  const body = p.comment?.body ?? '';
  if (isAutomation(p.comment?.user, body))
    return { kind: 'ignore', reason: 'comments by bots and by this action do not start a review' };
  const command = parseCommand(body, phrases);
  if (!command) return { kind: 'ignore', reason: 'the comment has no command' };
  if (p.issue?.state === 'closed') return { kind: 'ignore', reason: `pull request #${number} is closed` };
  const who = requester(p);
  switch (command.kind) {
    case 'review':
      return { kind: 'review', prNumber: number, request: { mode: command.mode, tier: command.tier }, requester: who };
    case 'ask':
      return { kind: 'ask', prNumber: number, question: command.question, requester: who, thread: null };
    case 'help':
      return { kind: 'help', prNumber: number, requester: who, args: null };
    case 'unknown':
      return { kind: 'help', prNumber: number, requester: who, args: command.args };
  }
}

/**
 * The phrase as a word of its own: not inside `/reviewer`, a `/review/123` URL or `@claude-reviewers`.
 */
function mentionPattern(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(^|[^\\w/@.-])${escaped}(?=$|[\\s.,!?:;)])`, 'i');
}

/** A reply in a review thread that mentions a trigger phrase asks a question there (GitHub). */
function fromReviewComment(p: Payload, phrases: string[]): Trigger {
  const c = p.comment;
  const number = p.pull_request?.number;
  if (p.action !== 'created' || !c || typeof number !== 'number')
    return { kind: 'ignore', reason: 'not a new review comment' };
  if (!c.in_reply_to_id) return { kind: 'ignore', reason: 'the review comment is not a reply in a thread' };
  const body = c.body ?? '';
  if (isAutomation(c.user, body))
    return { kind: 'ignore', reason: 'comments by bots and by this action do not start a review' };
  const mention = phrases.map((ph) => mentionPattern(ph)).find((re) => re.test(body));
  if (!mention) return { kind: 'ignore', reason: 'the reply does not mention the trigger phrase' };
  const question = body.replace(new RegExp(mention.source, 'gi'), '$1').trim();
  return {
    kind: 'ask',
    prNumber: number,
    question: question || 'Please explain this finding in more detail.',
    requester: requester(p),
    thread: {
      rootId: c.in_reply_to_id,
      commentId: c.id ?? 0,
      path: c.path ?? '',
      line: c.line ?? null,
      diffHunk: c.diff_hunk ?? '',
    },
  };
}

/** What this event asks for. Anything that is not a review, a question or help is ignored with a reason. */
export function readTrigger(
  eventName: string,
  payload: unknown,
  opts: { reviewDrafts: boolean; triggerPhrases?: string[] },
): Trigger {
  const p = (payload ?? {}) as Payload;
  const phrases = opts.triggerPhrases ?? ['/review', '@claude-review'];
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return fromPullRequest(p, opts.reviewDrafts);
    case 'issue_comment':
      return fromIssueComment(p, phrases);
    case 'pull_request_review_comment':
      // Gitea fires this name for whole reviews, with no comment object: nothing to answer.
      return p.comment
        ? fromReviewComment(p, phrases)
        : { kind: 'ignore', reason: 'the review event carries no comment' };
    default:
      return {
        kind: 'ignore',
        reason: `event \`${eventName || '(none)'}\` does not start a review; use \`pull_request\` or \`issue_comment\``,
      };
  }
}
