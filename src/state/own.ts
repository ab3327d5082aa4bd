import type { Author, Identity, IssueComment, ReviewComment } from '../ports.js';
import { SUMMARY_MARKER } from './marker.js';

/** A login as forges compare them: case-insensitive, and GitHub's `[bot]` suffix optional (GraphQL drops it). */
function normalLogin(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '');
}

/**
 * Whether `author` is the identity this run posts as. Ids decide when both sides have one
 * (a login can be renamed or imitated by display, an id cannot); otherwise the logins must
 * match. An unknown identity owns nothing.
 */
export function isOwn(author: Author | null, self: Identity | null): boolean {
  if (!author || !self) return false;
  if (self.id !== null && author.id !== null) return self.id === author.id;
  return self.login !== '' && normalLogin(author.login) === normalLogin(self.login);
}

/** Whether an inline review comment is the action's own (only those carry fingerprints it trusts). */
export function isOwnReviewComment(c: ReviewComment, self: Identity | null): boolean {
  return isOwn({ id: c.authorId, login: c.author }, self);
}

/**
 * Whether a comment is one of the action's summary comments: written by the action itself,
 * with the marker opening the body. A quote of a summary, an answer or a reply never is.
 */
export function isOwnSummary(comment: IssueComment, self: Identity | null): boolean {
  return isOwn(comment.author, self) && comment.body.startsWith(SUMMARY_MARKER);
}

/** The action's summary comments on a pull request, first created first (the one that counts). */
export function ownSummaries(comments: IssueComment[], self: Identity | null): IssueComment[] {
  return comments.filter((c) => isOwnSummary(c, self)).sort((a, b) => a.id - b.id);
}
