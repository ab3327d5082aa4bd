/**
 * The two doors to the outside world. The core (config, trigger, diff, plan, review, state)
 * never does I/O; `run()` receives these interfaces, so tests inject in-memory versions
 * and adapters are tested against local fake servers.
 */

import type { SnapshotReader } from './context/snapshot-port.js';

export type ForgeKind = 'github' | 'gitea' | 'forgejo' | 'local';

export type PullRequest = {
  number: number;
  title: string;
  body: string;
  author: string;
  draft: boolean;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** Link for people (from the API, never built from GITHUB_SERVER_URL). */
  htmlUrl: string;
};

export type Side = 'RIGHT' | 'LEFT';

/** An inline comment whose anchor has already been checked against the diff. */
export type InlineComment = {
  path: string;
  body: string;
  line: number;
  side: Side;
  /** First line of a multi-line range on the same side and in the same hunk. */
  startLine?: number;
};

export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

export type ReviewToPost = {
  commitId: string;
  body: string;
  event: ReviewEvent;
  comments: InlineComment[];
};

/** Who wrote something on the forge: a numeric user id (null when the forge did not say) and a login. */
export type Author = { id: number | null; login: string };

/**
 * The identity this run posts as. `id` is null when only a login is known (the `bot-login`
 * input); comments are then matched by login.
 */
export type Identity = Author & {
  /** How it was learnt, for the log and the README's table: e.g. `GraphQL viewer`, `GET /user`, `bot-login`. */
  source: string;
};

export type IssueComment = {
  id: number;
  body: string;
  url: string;
  /** Null when the forge gave no author (a deleted user, or a local run). */
  author: Author | null;
};

export type Reaction = 'eyes' | '+1' | 'confused';

/** A person's access to the repository, as the forge grades it. */
export type Permission = 'admin' | 'write' | 'read' | 'none';

/** An inline review comment on the pull request, by anyone. */
export type ReviewComment = {
  id: number;
  body: string;
  path: string;
  /** Line in the current diff; null when the comment is outdated (its code changed). */
  line: number | null;
  outdated: boolean;
  /** Someone marked the thread resolved (false when the forge cannot tell). */
  resolved: boolean;
  /** The thread's first comment, for a reply; null for a thread's first comment. */
  inReplyTo: number | null;
  author: string;
  /** The author's numeric id, when the forge gives it. */
  authorId: number | null;
};

/** What changed between two commits of the pull request's head. */
export type Comparison = {
  /** `ahead`: head descends from base. `diverged`/`behind`: base is not an ancestor (a force push). */
  status: 'ahead' | 'identical' | 'diverged' | 'behind' | 'unknown';
  /** Unified diff base..head, when the forge gives one. */
  diff: string | null;
  /** Paths changed between the two commits. */
  files: string[];
};

export interface ForgeClient {
  readonly kind: ForgeKind;
  /**
   * Read-only access to the repository's files at the pull request's commits, for the
   * context around the change (never a checkout; nothing of it runs); null where none.
   */
  readonly snapshot: SnapshotReader | null;
  getPullRequest(): Promise<PullRequest>;
  /** The PR's unified diff (base...head) as text, whatever the forge had to do to get it. */
  getDiff(): Promise<string>;
  createReview(review: ReviewToPost): Promise<{ url: string }>;
  /**
   * Whom this token posts as, or null when the forge will not say (then nothing on the forge
   * can be attributed to the action, and none of it is trusted). Asked once per run.
   */
  identity(): Promise<Identity | null>;
  /** Every conversation comment of the pull request, by anyone, oldest first. */
  listComments(): Promise<IssueComment[]>;
  /** One conversation comment as it is now, or null when it is gone. */
  getComment(id: number): Promise<IssueComment | null>;
  createComment(body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** Deletes one of the action's own conversation comments (a duplicate summary). */
  deleteComment(id: number): Promise<void>;
  /**
   * Conversation comments on any issue or PR of the repository updated at or after `since`
   * (ISO 8601), newest first, keeping only those `keep` accepts, after reading at most `limit`
   * comments; `complete` is false when the forge had more that were not read.
   */
  listRepositoryComments(
    since: string,
    limit: number,
    keep: (comment: IssueComment) => boolean,
  ): Promise<{ comments: IssueComment[]; complete: boolean; read: number }>;
  /** Adds a reaction to a PR conversation comment (an existing one is not an error). */
  react(commentId: number, reaction: Reaction): Promise<void>;
  /** `login`'s permission on the repository, or null when the forge will not say (Gitea's automatic token). */
  permissionOf(login: string): Promise<Permission | null>;
  /** What changed from `base` to `head` (both commits of this PR's history). */
  compare(base: string, head: string): Promise<Comparison>;
  /** Every inline review comment on the pull request, oldest first. */
  listReviewComments(): Promise<ReviewComment[]>;
  /**
   * Whether the forge would accept `comment` as an inline review comment on `commitId`, asked
   * without posting anything lasting (GitHub: a pending review, deleted at once). Used after a
   * review was refused (422) to find the anchors it objected to.
   */
  probeAnchor(commitId: string, comment: InlineComment): Promise<boolean>;
  /**
   * The text of the file at `path` in commit `ref`, or null when there is none (404, a
   * directory, a file too large to read). Used for the repository config file and the
   * guidelines, always at the pull request's base commit.
   */
  readFile(path: string, ref: string): Promise<string | null>;
  /** Replies in the thread of review comment `commentId` (GitHub; other forges throw). */
  replyToReviewComment(commentId: number, body: string): Promise<{ id: number; url: string }>;
  /**
   * Marks the thread of the action's own review comment `comment` as done because the code was
   * fixed: `resolved` (GitHub: GraphQL `resolveReviewThread`), `replied` with `note` where the
   * forge can only reply, or `unsupported` where it can do neither (Gitea/Forgejo, local).
   */
  resolveThread(comment: ReviewComment, note: string): Promise<'resolved' | 'replied' | 'unsupported'>;
}

/** A model as the Models API describes it (or as the built-in table does). */
export type ModelDescriptor = {
  id: string;
  /** Model line such as `haiku`, `sonnet`, `opus`; null when it belongs to none. */
  line: string | null;
  active: boolean;
  createdAt: string;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
};

/** A piece of prompt text; `cache` marks the end of a prefix that may be prompt-cached. */
export type PromptBlock = { text: string; cache?: boolean };

export type ModelRequest = {
  model: string;
  system: PromptBlock[];
  user: PromptBlock[];
  /** JSON schema of the one object the model must answer with. */
  outputSchema: Record<string, unknown>;
  /** How hard the model may think (`output_config.effort`); lowered to fit `max_tokens`. None: the adapter sends none. */
  effort?: Effort;
  /** Output tokens the structured answer needs after thinking (default 1024), so thinking leaves it room. */
  answerTokens?: number;
};

/** Effort levels of `output_config.effort`, lowest first. */
export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** Tokens as billed, from the API's `usage`. */
export type TokenUsage = {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
};

export type ModelReply = {
  /** The structured answer, not yet validated; null when the model gave none. */
  output: unknown;
  stopReason: string | null;
  usage: TokenUsage;
  /** The reply stopped at `max_tokens` while still thinking: no answer was written (not an empty review). */
  cutInThinking?: boolean;
  /** The effort the call was sent with, after fitting it to `max_tokens` (null: none sent). */
  effort?: Effort | null;
};

export interface ModelClient {
  /** Every model the endpoint lists, or null when it has no Models API (a gateway). */
  listModels(): Promise<ModelDescriptor[] | null>;
  /** Exact input tokens of the request, or null when the endpoint cannot count. */
  countTokens(request: ModelRequest): Promise<number | null>;
  complete(request: ModelRequest, maxTokens: number): Promise<ModelReply>;
}

/** Where the pipeline reports progress; main wires it to `@actions/core`, the CLI to stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}
