import type { Comparison, InlineComment, IssueComment, Permission, ReviewComment } from '../ports.js';

/** What GitHub's JSON means to the port: permissions, comparison states, comments. */

// GitHub's legacy `permission` is admin/write/read/none; `role_name` may also say
// maintain or triage (or a custom role's name, which maps to nothing).
const PERMISSIONS: Record<string, Permission> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

export function toPermission(value: string | null | undefined): Permission | null {
  return value ? (PERMISSIONS[value] ?? null) : null;
}

const STATUSES = new Set<string>(['ahead', 'behind', 'diverged', 'identical']);

export function toStatus(value: string): Comparison['status'] {
  return STATUSES.has(value) ? (value as Comparison['status']) : 'unknown';
}

export type GitHubReviewComment = {
  id: number;
  body: string;
  path: string;
  line?: number | null;
  position?: number | null;
  in_reply_to_id?: number;
  subject_type?: string;
  user: { login: string; id?: number } | null;
};

/**
 * GitHub nulls `line` and `position` of a comment whose code changed after it was written
 * (shown as "Outdated"); a file-level comment has no line without being outdated. A reply
 * is resolved with its thread, which is known by its first comment (`resolvedRoots`).
 */
export function toReviewCommentOf(c: GitHubReviewComment, resolvedRoots: ReadonlySet<number>): ReviewComment {
  const line = c.line ?? null;
  const inReplyTo = c.in_reply_to_id ?? null;
  return {
    id: c.id,
    body: c.body,
    path: c.path,
    line,
    outdated: c.subject_type === 'file' ? false : line === null || c.position === null,
    resolved: resolvedRoots.has(inReplyTo ?? c.id),
    inReplyTo,
    author: c.user?.login ?? '',
    authorId: c.user?.id ?? null,
  };
}

export const PENDING_CONFLICT = /one pending review/i;

export function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export function toReviewComment(c: InlineComment) {
  // GitHub wants start_line strictly before line, on a stated side; a one-line comment
  // must carry neither start field.
  const range =
    c.startLine !== undefined && c.startLine < c.line ? { start_line: c.startLine, start_side: c.side } : {};
  return { path: c.path, body: c.body, line: c.line, side: c.side, ...range };
}

export function toIssueComment(c: {
  id: number;
  body?: string;
  html_url: string;
  user?: { id: number; login: string } | null;
}): IssueComment {
  return {
    id: c.id,
    body: c.body ?? '',
    url: c.html_url,
    author: c.user ? { id: c.user.id, login: c.user.login } : null,
  };
}
