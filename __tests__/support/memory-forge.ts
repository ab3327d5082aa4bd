import type { ForgeClient, ForgeKind, IssueComment, PullRequest, ReviewToPost } from '../../src/ports.js';

/** An in-memory forge for pipeline tests: it keeps what was posted so tests can read it back. */
export type MemoryForge = ForgeClient & {
  pr: PullRequest;
  diff: string;
  reviews: ReviewToPost[];
  comments: IssueComment[];
};

export function memoryForge(diff: string, pr: Partial<PullRequest> = {}, kind: ForgeKind = 'github'): MemoryForge {
  let nextId = 100;
  const forge: MemoryForge = {
    kind,
    diff,
    reviews: [],
    comments: [],
    pr: {
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
    },
    async getPullRequest() {
      return forge.pr;
    },
    async getDiff() {
      return forge.diff;
    },
    async createReview(review) {
      forge.reviews.push(review);
      return { url: `https://example.test/o/r/pull/7#review-${forge.reviews.length}` };
    },
    async findComment(marker) {
      return forge.comments.find((c) => c.body.includes(marker)) ?? null;
    },
    async createComment(body) {
      const c = { id: nextId++, body, url: `https://example.test/c/${nextId}` };
      forge.comments.push(c);
      return c;
    },
    async listRepositoryComments(_since, limit) {
      return { comments: forge.comments.slice(0, limit), truncated: forge.comments.length > limit };
    },
    async updateComment(id, body) {
      const c = forge.comments.find((x) => x.id === id);
      if (!c) throw new Error(`no comment ${id}`);
      c.body = body;
      return c;
    },
  };
  return forge;
}
