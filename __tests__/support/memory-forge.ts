import type {
  Comparison,
  ForgeClient,
  ForgeKind,
  Identity,
  IssueComment,
  Permission,
  PullRequest,
  Reaction,
  ReviewComment,
  ReviewToPost,
} from '../../src/ports.js';

/** An in-memory forge for pipeline tests: it keeps what was posted so tests can read it back. */
export type MemoryForge = ForgeClient & {
  pr: PullRequest;
  diff: string;
  reviews: ReviewToPost[];
  comments: IssueComment[];
  reviewComments: ReviewComment[];
  reactions: { commentId: number; reaction: Reaction }[];
  permissions: Record<string, Permission>;
  /** `base...head` → comparison; a missing key answers `unknown` (as after a force push). */
  comparisons: Record<string, Comparison>;
  replies: { to: number; body: string }[];
  /** Every `resolveThread` call: the thread's first comment, the note, and what was answered. */
  resolved: { commentId: number; note: string; outcome: 'resolved' | 'replied' | 'unsupported' }[];
  /** Anchors the forge refuses: a review containing one fails with 422, like GitHub's. */
  badAnchors: { path: string; line: number }[];
  /** Repository files by `${ref}:${path}` (that commit only) or by `path` (every commit). */
  files: Record<string, string>;
  /** Every `readFile` call, in order. */
  fileReads: { path: string; ref: string }[];
  /** Whom the token posts as; null: the forge will not say. */
  self: Identity | null;
};

/** The pull request of the in-memory forge: #7 of `a…`/`b…`, with `pr` over it. */
export function pullRequest(pr: Partial<PullRequest> = {}): PullRequest {
  return {
    number: 7,
    title: 'Add a feature',
    body: 'Adds it.',
    author: 'octocat',
    draft: false,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    baseRef: 'main',
    htmlUrl: 'https://example.test/o/r/pull/7',
    ...pr,
  };
}

/** The identity the memory forge posts as (what `createComment` and `createReview` are authored by). */
export const BOT = { id: 1, login: 'bot' };

export function memoryForge(diff: string, pr: Partial<PullRequest> = {}, kind: ForgeKind = 'github'): MemoryForge {
  let nextId = 100;
  const forge: MemoryForge = {
    kind,
    // Files by `${ref}:${path}` (or `path` for every commit), read as a snapshot would.
    snapshot: {
      async listFiles(ref) {
        const paths = new Set<string>();
        for (const key of Object.keys(forge.files)) {
          const at = key.indexOf(':');
          if (at < 0) paths.add(key);
          else if (key.slice(0, at) === ref) paths.add(key.slice(at + 1));
        }
        return {
          files: [...paths].map((path) => ({
            path,
            size: (forge.files[`${ref}:${path}`] ?? forge.files[path] ?? '').length,
          })),
          truncated: false,
        };
      },
      async readFiles(paths, ref) {
        const out = new Map<string, string>();
        for (const p of paths) {
          const text = forge.files[`${ref}:${p}`] ?? forge.files[p];
          if (text !== undefined) out.set(p, text);
        }
        return out;
      },
    },
    diff,
    reviews: [],
    comments: [],
    reviewComments: [],
    reactions: [],
    permissions: {},
    comparisons: {},
    replies: [],
    resolved: [],
    badAnchors: [],
    files: {},
    fileReads: [],
    self: { ...BOT, source: 'memory' },
    pr: pullRequest(pr),
    async getPullRequest() {
      return forge.pr;
    },
    async getDiff() {
      return forge.diff;
    },
    async createReview(review) {
      if (review.comments.some((c) => forge.badAnchors.some((a) => a.path === c.path && a.line === c.line))) {
        throw Object.assign(new Error('GitHub createReview failed (HTTP 422: Line could not be resolved)'), {
          status: 422,
        });
      }
      forge.reviews.push(review);
      for (const c of review.comments) {
        forge.reviewComments.push({
          id: nextId++,
          body: c.body,
          path: c.path,
          line: c.line,
          outdated: false,
          resolved: false,
          inReplyTo: null,
          author: BOT.login,
          authorId: BOT.id,
        });
      }
      return { url: `https://example.test/o/r/pull/7#review-${forge.reviews.length}` };
    },
    async identity() {
      return forge.self;
    },
    async listComments() {
      return forge.comments.map((c) => ({ ...c }));
    },
    async getComment(id) {
      const c = forge.comments.find((x) => x.id === id);
      return c ? { ...c } : null;
    },
    async deleteComment(id) {
      forge.comments = forge.comments.filter((c) => c.id !== id);
    },
    async createComment(body) {
      const c = { id: nextId++, body, url: `https://example.test/c/${nextId}`, author: { ...BOT } };
      forge.comments.push(c);
      return { ...c };
    },
    async updateComment(id, body) {
      const c = forge.comments.find((x) => x.id === id);
      if (!c) throw new Error(`no comment ${id}`);
      c.body = body;
      return { ...c };
    },
    async listRepositoryComments(_since, limit, keep) {
      const read = forge.comments.slice(0, limit);
      return { comments: read.filter(keep), complete: forge.comments.length <= limit, read: read.length };
    },
    async react(commentId, reaction) {
      forge.reactions.push({ commentId, reaction });
    },
    async permissionOf(login) {
      return forge.permissions[login] ?? 'none';
    },
    async compare(base, head) {
      return forge.comparisons[`${base}...${head}`] ?? { status: 'unknown', diff: null, files: [] };
    },
    async listReviewComments() {
      return forge.reviewComments;
    },
    async probeAnchor(_commitId, comment) {
      return !forge.badAnchors.some((a) => a.path === comment.path && a.line === comment.line);
    },
    async readFile(path, ref) {
      forge.fileReads.push({ path, ref });
      return forge.files[`${ref}:${path}`] ?? forge.files[path] ?? null;
    },
    async replyToReviewComment(commentId, body) {
      forge.replies.push({ to: commentId, body });
      return { id: nextId++, url: `https://example.test/r/${commentId}` };
    },
    async resolveThread(comment, note) {
      // GitHub resolves the thread; Gitea and Forgejo cannot (see src/forge/gitea.ts).
      const root = comment.inReplyTo ?? comment.id;
      const outcome = forge.kind === 'github' ? ('resolved' as const) : ('unsupported' as const);
      forge.resolved.push({ commentId: root, note, outcome });
      if (outcome === 'resolved') {
        for (const c of forge.reviewComments) if (c.id === root || c.inReplyTo === root) c.resolved = true;
      }
      return outcome;
    },
  };
  return forge;
}
