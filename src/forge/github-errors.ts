import type { ForgeClient } from '../ports.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import type { GitHubForgeOptions } from './github.js';
import { describe, PENDING_CONFLICT } from './github-wire.js';

/** Every forge operation, named as the port names it (for error messages). */
export type Operation = Exclude<keyof ForgeClient, 'kind' | 'snapshot'>;

export function toForgeError(operation: Operation, error: unknown, opts: GitHubForgeOptions): ForgeError {
  const status = httpStatusOf(error);
  const detail = describe(error);
  const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
  const hint = hintFor(operation, status, detail, opts);
  const message = `GitHub ${operation} failed (${where})${hint ? ` — ${hint}` : ''}`;
  return new ForgeError(redact(message, [opts.token]), operation, status);
}

const WRITES = new Set<Operation>([
  'createReview',
  'createComment',
  'updateComment',
  'deleteComment',
  'react',
  'probeAnchor',
  'replyToReviewComment',
  'resolveThread',
]);

/** What every GitHub failure of these kinds means, whatever the call: no answer, a bad token, a rate limit. */
export function commonHint(status: number | null, detail: string): string | null {
  if (status === null) return 'check the API URL (GITHUB_API_URL) and the network';
  if (status === 401) return 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
  if (status === 403 && /rate limit/i.test(detail))
    return 'GitHub rate limit still in force after the allowed waits; try again later';
  return null;
}

function hintFor(operation: Operation, status: number | null, detail: string, opts: GitHubForgeOptions): string {
  const writes = WRITES.has(operation);
  const common = commonHint(status, detail);
  if (common) return common;
  switch (status) {
    case 403:
      if (operation === 'readFile')
        return "the token cannot read the repository's files — add `permissions: contents: read` to the workflow";
      return writes
        ? 'the token lacks `pull-requests: write` — add `permissions: pull-requests: write` to the workflow ' +
            '(on pull requests from forks the token is read-only: use `pull_request_target`)'
        : 'the token lacks `pull-requests: read` — add `permissions: pull-requests: read` (and `contents: read`) to the workflow';
    case 404:
      if (operation === 'updateComment' || operation === 'deleteComment' || operation === 'react')
        return 'the comment no longer exists';
      if (operation === 'replyToReviewComment') return 'the review comment no longer exists';
      if (operation === 'listRepositoryComments')
        return `repository ${opts.owner}/${opts.repo} was not found, or the token cannot see it`;
      return `pull request #${opts.pullNumber} of ${opts.owner}/${opts.repo} was not found, or the token cannot see the repository`;
    case 422:
      if (PENDING_CONFLICT.test(detail))
        return "the token's user already has a pending (unsubmitted) review on this pull request and GitHub allows one: submit or delete it";
      if (operation === 'replyToReviewComment') return "GitHub takes replies only to a thread's first comment";
      return operation === 'createReview'
        ? 'GitHub rejected the review: a comment is on a line outside the diff, or the commit is not in the pull request'
        : '';
    default:
      return status !== null && status >= 500 ? 'GitHub had a server error; try again later' : '';
  }
}
