import type { InlineComment, ReviewEvent, ReviewToPost } from '../ports.js';

/**
 * Pure translation of a review into the body of Gitea's and Forgejo's
 * `POST /repos/{owner}/{repo}/pulls/{index}/reviews` (`CreatePullReviewOptions`).
 */

/**
 * One inline comment. Exactly one of the two positions is sent: they are line numbers in
 * the new or the old file (not diff positions), and when both are non-zero Gitea silently
 * anchors on the old side.
 */
export type GiteaReviewComment =
  { path: string; body: string; new_position: number } | { path: string; body: string; old_position: number };

export type GiteaReviewBody = {
  commit_id?: string;
  body: string;
  event: GiteaReviewEvent;
  comments: GiteaReviewComment[];
};

/** The only events that submit a review; any other string, GitHub's `APPROVE` included, leaves it PENDING. */
export type GiteaReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

const EVENTS: Record<ReviewEvent, GiteaReviewEvent> = { COMMENT: 'COMMENT', REQUEST_CHANGES: 'REQUEST_CHANGES' };

/** The request body for a review; an empty `commitId` lets Gitea use the PR's head. */
export function toGiteaReview(review: ReviewToPost): GiteaReviewBody {
  return {
    ...(review.commitId ? { commit_id: review.commitId } : {}),
    body: review.body,
    event: EVENTS[review.event],
    comments: review.comments.map(toGiteaComment),
  };
}

/**
 * Gitea has no multi-line comments, so a range becomes one comment on its last line (where
 * GitHub shows a range's comment too) with the range named in the body.
 */
export function toGiteaComment(c: InlineComment): GiteaReviewComment {
  const body =
    c.startLine !== undefined && c.startLine < c.line ? `Lines ${c.startLine}–${c.line}:\n\n${c.body}` : c.body;
  return c.side === 'LEFT'
    ? { path: c.path, body, old_position: c.line }
    : { path: c.path, body, new_position: c.line };
}
