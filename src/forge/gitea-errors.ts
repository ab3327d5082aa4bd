import type { ForgeClient } from '../ports.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import type { GiteaForgeOptions } from './gitea.js';
import { describe, forgeName } from './gitea-wire.js';

/** Every forge operation, named as the port names it (for error messages). */
export type Operation = Exclude<keyof ForgeClient, 'kind' | 'snapshot'>;

export function toForgeError(operation: Operation, error: unknown, opts: GiteaForgeOptions): ForgeError {
  const status = httpStatusOf(error);
  const detail = describe(error);
  const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
  const hint = hintFor(operation, status, detail, opts);
  const message = `${forgeName(opts.kind)} ${operation} failed (${where})${hint ? ` — ${hint}` : ''}`;
  return new ForgeError(redact(message, [opts.token]), operation, status);
}

export const WRITES = new Set<Operation>(['createReview', 'createComment', 'updateComment', 'deleteComment', 'react']);

export function hintFor(operation: Operation, status: number | null, detail: string, opts: GiteaForgeOptions): string {
  const name = forgeName(opts.kind);
  const writes = WRITES.has(operation);
  switch (status) {
    case null:
      return 'check the API URL (GITHUB_API_URL, which ends in /api/v1) and the network';
    case 401:
      return 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
    case 403:
      if (operation === 'react' && /not an allowed reaction/i.test(detail))
        return `this ${name} does not allow the reaction (setting [ui] REACTIONS)`;
      return writes
        ? `the token is read-only: on ${name} the automatic token is read-only on pull requests from forks ` +
            "(pull_request_target and issue_comment included); see the README's fork section. " +
            'On newer Gitea, which honours workflow permissions, declare `permissions: pull-requests: write`'
        : 'the token cannot read the pull request; on newer Gitea, which honours workflow permissions, ' +
            'declare `permissions: contents: read` and `pull-requests: read`';
    case 404:
      if (operation === 'updateComment' || operation === 'deleteComment' || operation === 'react')
        return 'the comment no longer exists';
      if (operation === 'listRepositoryComments')
        return `repository ${opts.owner}/${opts.repo} was not found, or the token cannot see it`;
      return (
        `pull request #${opts.pullNumber} of ${opts.owner}/${opts.repo} was not found, or the token cannot see the repository` +
        (operation === 'getDiff' ? ` (the .diff endpoint needs Gitea 1.16 or later)` : '')
      );
    case 422:
      return operation === 'createReview'
        ? `${name} rejected the review: the pull request is closed, it is the token owner's own pull request ` +
            '(which it may not request changes on), or a review without inline comments has an empty body'
        : '';
    case 423:
      return 'the repository is archived';
    default:
      return status >= 500 ? `${name} had a server error; try again later` : '';
  }
}
