import type { ReviewComment } from '../ports.js';

/**
 * Pure translation of Gitea's and Forgejo's `PullReviewComment` list
 * (`GET /repos/{owner}/{repo}/pulls/{index}/reviews/{id}/comments`) into ReviewComments.
 *
 * - `position` is the line number on the new side and `original_position` the one on the
 *   old side; exactly one is non-zero (services/convert: `if comment.Line < 0
 *   { OldLineNum } else { LineNum }`). Neither is a diff position and neither means
 *   "outdated". Gitea never moves a comment, and shows it at that line until it marks
 *   it invalidated.
 * - Gitea marks a comment invalidated when a push changes its line, but the API does not
 *   say so (nor is there a blame endpoint to work it out), so `outdated` is always false
 *   and `line` is the stored line.
 * - There are no reply ids, but a reply made in the web UI joins the review of the
 *   conversation, with the same path and line (services/pull `CreateCodeComment`), and the
 *   UI shows one conversation per review, path and line. So a comment written after its
 *   review was submitted, on a line where the review already has a comment, replies to the
 *   first comment there. Comments sent with the review itself (even two on one line) are
 *   never replies. Without timestamps, a comment by someone other than the reviewer is
 *   taken for a reply.
 * - A resolved conversation has a `resolver` (the user who resolved it) on the comment the
 *   web UI resolved, its first; a reply is resolved with its conversation.
 */

export type GiteaReviewComment = {
  id: number;
  body?: string;
  path?: string;
  position?: number | null;
  original_position?: number | null;
  user?: { login?: string; id?: number } | null;
  /** Who marked the conversation resolved; null or absent while it is open. */
  resolver?: { login?: string } | null;
  created_at?: string;
};

/** What is used of the review the comments belong to. */
export type GiteaReviewOfComments = { user?: { login?: string } | null; submitted_at?: string };

/** One review's comments, oldest first, with replies pointing to their thread's first comment. */
export function toReviewComments(
  comments: readonly GiteaReviewComment[],
  review: GiteaReviewOfComments = {},
): ReviewComment[] {
  const submitted = Date.parse(review.submitted_at ?? '');
  const reviewer = review.user?.login;
  const isReply = (c: GiteaReviewComment): boolean => {
    const created = Date.parse(c.created_at ?? '');
    if (!Number.isNaN(created) && !Number.isNaN(submitted)) return created > submitted;
    return reviewer !== undefined && c.user?.login !== undefined && c.user.login !== reviewer;
  };
  const roots = new Map<string, number>();
  const resolvedRoots = new Set<number>();
  return [...comments]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const newLine = positive(c.position);
      const oldLine = positive(c.original_position);
      const path = c.path ?? '';
      const key = `${path}\n${newLine !== null ? newLine : -(oldLine ?? 0)}`;
      const root = roots.get(key);
      if (root === undefined) roots.set(key, c.id);
      const inReplyTo = root !== undefined && isReply(c) ? root : null;
      const resolved = c.resolver != null || (inReplyTo !== null && resolvedRoots.has(inReplyTo));
      if (resolved && inReplyTo === null) resolvedRoots.add(c.id);
      return {
        id: c.id,
        body: c.body ?? '',
        path,
        line: newLine ?? oldLine,
        outdated: false,
        resolved,
        inReplyTo,
        author: c.user?.login ?? '',
        authorId: c.user?.id ?? null,
      };
    });
}

function positive(n: number | null | undefined): number | null {
  return typeof n === 'number' && n > 0 ? n : null;
}
