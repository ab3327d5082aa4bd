import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import type {
  Comparison,
  ForgeClient,
  Identity,
  InlineComment,
  IssueComment,
  Permission,
  PullRequest,
  Reaction,
  ReviewComment,
  ReviewToPost,
} from '../ports.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import { filesToDiff, type PullFile } from './files-to-diff.js';
import { createGitHubSnapshot } from './github-snapshot.js';

export { ForgeError } from './forge-error.js';

/** How hard to try again when GitHub fails or rate-limits a request. */
export type GitHubRetryOptions = {
  /** Retries after the first attempt, for 5xx and for rate limits alike. */
  retries: number;
  /** Wait for a secondary rate limit that comes without `retry-after` (GitHub asks ≥ 60 s). */
  minRetryAfterSeconds?: number;
  /** Longest wait a rate limit may impose; beyond it the call fails instead of stalling the job. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds per second of every wait (retry-after, backoff); tests pass 1. */
  msPerSecond?: number;
  /** Keep GitHub's advice of one write per second (three for comments); tests turn it off. */
  spaceWrites?: boolean;
};

export type GitHubForgeOptions = {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  pullNumber: number;
  log?: (msg: string) => void;
  retry?: GitHubRetryOptions;
  /** The `bot-login` input: the login this token posts as, when it cannot be asked. */
  botLogin?: string;
};

/** Every forge operation, named as the port names it (for error messages). */
type Operation = Exclude<keyof ForgeClient, 'kind'>;

// GitHub truncates the file list at this many files.
const MAX_LISTED_FILES = 3000;
// The contents API returns a file's text only up to 1 MB; a larger one comes without content.
const MAX_FILE_BYTES = 1024 * 1024;
// GraphQL pages of 100 review threads; a pull request with more than 10,000 is not expected.
const MAX_THREAD_PAGES = 100;
// A pull request's conversation: 100 pages of 100 comments is far past any real one.
const MAX_COMMENT_PAGES = 100;

/** Whom the token acts as. Works for installation tokens (GITHUB_TOKEN, Apps) and personal tokens alike. */
const VIEWER_QUERY = `query { viewer { login databaseId } }`;
type ViewerAnswer = { viewer: { login: string; databaseId: number | null } | null };

/**
 * Which review threads are resolved: REST does not say, GraphQL does. A thread is known by its
 * first comment, whose `databaseId` is the REST id of that comment.
 */
const REVIEW_THREADS_QUERY = `query ($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

type ReviewThreadsAnswer = {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id?: string;
          isResolved: boolean;
          comments: { nodes: Array<{ databaseId: number | null } | null> };
        } | null>;
      };
    } | null;
  } | null;
};

/** Resolves one review thread by its node id (the thread, not a comment). */
const RESOLVE_THREAD_MUTATION = `mutation ($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;
type ResolveThreadAnswer = { resolveReviewThread: { thread: { id: string; isResolved: boolean } | null } | null };

/**
 * The GitHub REST adapter: a real Octokit (with bounded retries and rate-limit handling)
 * talking to `apiUrl`. Every failure becomes a ForgeError that says how to fix it.
 */
export function createGitHubForge(opts: GitHubForgeOptions): ForgeClient {
  const log = opts.log ?? (() => {});
  const octokit = createOctokit(opts, log);
  const repo = { owner: opts.owner, repo: opts.repo };
  const pr = { ...repo, pull_number: opts.pullNumber };
  const issue = { ...repo, issue_number: opts.pullNumber };

  const call = async <T>(operation: Operation, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, opts);
    }
  };

  // GitHub lets a user hold one pending review per pull request, so probes run one at a time.
  let probes: Promise<unknown> = Promise.resolve();
  let self: Promise<Identity | null> | null = null;

  let pull: Promise<PullRequest> | null = null;
  let diff: Promise<string> | null = null;
  return {
    kind: 'github',
    snapshot: createGitHubSnapshot({
      octokit,
      owner: opts.owner,
      repo: opts.repo,
      token: opts.token,
      apiUrl: opts.apiUrl,
      log,
    }),

    // The pull request and its diff are read once per run, however many steps ask.
    getPullRequest: () =>
      (pull ??= call('getPullRequest', async () => {
        const { data } = await octokit.rest.pulls.get(pr);
        return {
          number: data.number,
          title: data.title,
          body: data.body ?? '',
          author: data.user?.login ?? '',
          draft: data.draft ?? false,
          headSha: data.head.sha,
          baseSha: data.base.sha,
          baseRef: data.base.ref,
          htmlUrl: data.html_url,
        } satisfies PullRequest;
      }).catch((error: unknown) => {
        pull = null;
        throw error;
      })),

    getDiff: () =>
      (diff ??= call('getDiff', async () => {
        try {
          const { data } = await octokit.rest.pulls.get({ ...pr, mediaType: { format: 'diff' } });
          // Octokit decodes text only when the answer names a charset; otherwise bytes.
          return typeof data === 'string' ? data : new TextDecoder().decode(data as unknown as ArrayBuffer);
        } catch (error) {
          if (httpStatusOf(error) !== 406) throw error;
        }
        // 406: the diff is over GitHub's limits (lines or files); the file list still has
        // each file's patch, except for the largest files.
        log('GitHub refused the diff as too large; rebuilding it from the list of changed files.');
        const files: PullFile[] = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pr, per_page: 100 });
        if (files.length >= MAX_LISTED_FILES) {
          log(`GitHub lists at most ${MAX_LISTED_FILES} files; files beyond those are not reviewed.`);
        }
        return filesToDiff(files);
      }).catch((error: unknown) => {
        diff = null;
        throw error;
      })),

    createReview: (review: ReviewToPost) =>
      call('createReview', async () => {
        const { data } = await octokit.rest.pulls.createReview({
          ...pr,
          commit_id: review.commitId,
          body: review.body,
          event: review.event,
          comments: review.comments.map(toReviewComment),
        });
        return { url: data.html_url };
      }),

    identity: () => (self ??= whoAmI()),

    listComments: () =>
      call('listComments', async () => {
        const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
        const all: IssueComment[] = [];
        let read = 0;
        for await (const page of pages) {
          all.push(...page.data.map(toIssueComment));
          if (++read >= MAX_COMMENT_PAGES) break;
        }
        return all;
      }),

    getComment: (id: number) =>
      call('getComment', async () => {
        try {
          const { data } = await octokit.rest.issues.getComment({ ...repo, comment_id: id });
          return toIssueComment(data);
        } catch (error) {
          if (httpStatusOf(error) === 404) return null;
          throw error;
        }
      }),

    deleteComment: (id: number) =>
      call('deleteComment', async () => {
        await octokit.rest.issues.deleteComment({ ...repo, comment_id: id });
      }),

    createComment: (body: string) =>
      call('createComment', async () => {
        const { data } = await octokit.rest.issues.createComment({ ...issue, body });
        return toIssueComment(data);
      }),

    updateComment: (id: number, body: string) =>
      call('updateComment', async () => {
        const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body });
        return toIssueComment(data);
      }),

    listRepositoryComments: (since: string, limit: number, keep: (c: IssueComment) => boolean) =>
      call('listRepositoryComments', async () => {
        // GitHub cannot filter by author here: every comment updated since `since` is read,
        // newest first, and only the ones `keep` accepts are kept.
        const pages = octokit.paginate.iterator(octokit.rest.issues.listCommentsForRepo, {
          ...repo,
          since,
          sort: 'updated',
          direction: 'desc',
          per_page: 100,
        });
        const kept: IssueComment[] = [];
        let read = 0;
        for await (const page of pages) {
          // Past the limit, one more page only tells whether the scan finished.
          if (read >= limit) return { comments: kept, complete: page.data.length === 0, read };
          for (const c of page.data.map(toIssueComment)) if (keep(c)) kept.push(c);
          read += page.data.length;
        }
        return { comments: kept, complete: true, read };
      }),

    react: (commentId: number, reaction: Reaction) =>
      call('react', async () => {
        // 201 for a new reaction, 200 when the token's user had already given it: both fine.
        await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content: reaction });
      }),

    permissionOf: (login: string) =>
      call('permissionOf', async () => {
        try {
          const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
          return toPermission(data.permission) ?? toPermission(data.role_name);
        } catch (error) {
          // No such user, or one GitHub will not show: in either case no access to rely on.
          if (httpStatusOf(error) === 404) return 'none';
          throw error;
        }
      }),

    compare: (base: string, head: string) =>
      call('compare', async () => {
        if (base === head) return { status: 'identical', diff: '', files: [] } satisfies Comparison;
        const basehead = `${base}...${head}`;
        let status: Comparison['status'];
        let files: string[];
        try {
          const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead });
          status = toStatus(data.status);
          files = [...new Set((data.files ?? []).map((f) => f.filename))];
        } catch (error) {
          // 404: a commit is gone (force push, then garbage collection) or has no common history.
          if (httpStatusOf(error) === 404) return { status: 'unknown', diff: null, files: [] } satisfies Comparison;
          throw error;
        }
        if (status === 'identical') return { status, diff: '', files: [] };
        // The diff of `base...head` starts at the merge base: it is base..head only when ahead.
        if (status !== 'ahead') return { status, diff: null, files };
        return { status, diff: await compareDiff(basehead), files };
      }),

    listReviewComments: () =>
      call('listReviewComments', async () => {
        const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...pr, per_page: 100 });
        const resolved = all.length > 0 ? await resolvedThreads() : new Set<number>();
        return all.map((c) => toReviewCommentOf(c, resolved)).sort((a, b) => a.id - b.id);
      }),

    probeAnchor: (commitId: string, comment: InlineComment) => {
      const probe = probes.then(() => call('probeAnchor', () => probeOnce(commitId, comment)));
      probes = probe.catch(() => {});
      return probe;
    },

    readFile: (path: string, ref: string) =>
      call('readFile', async () => {
        let data;
        try {
          ({ data } = await octokit.rest.repos.getContent({ ...repo, path, ref }));
        } catch (error) {
          if (httpStatusOf(error) === 404) return null;
          throw error;
        }
        // A directory answers a list; a submodule or symlink to nowhere has no content.
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
        if (data.size > MAX_FILE_BYTES || data.encoding !== 'base64') {
          log(`GitHub: ${path} at ${ref.slice(0, 7)} is ${data.size} bytes, over 1 MB; not read.`);
          return null;
        }
        return Buffer.from(data.content, 'base64').toString('utf8');
      }),

    replyToReviewComment: (commentId: number, body: string) =>
      call('replyToReviewComment', async () => {
        const { data } = await octokit.rest.pulls.createReplyForReviewComment({ ...pr, comment_id: commentId, body });
        return { id: data.id, url: data.html_url };
      }),

    resolveThread: (comment: ReviewComment, note: string) =>
      call('resolveThread', async () => {
        const root = comment.inReplyTo ?? comment.id;
        const thread = (await readThreads()).get(root);
        if (thread?.isResolved) return 'resolved' as const;
        if (thread?.id) {
          try {
            const answer = await octokit.graphql<ResolveThreadAnswer>(RESOLVE_THREAD_MUTATION, { threadId: thread.id });
            if (answer.resolveReviewThread?.thread?.isResolved) return 'resolved' as const;
          } catch (error) {
            log(
              redact(`GitHub: could not resolve review thread ${root} (${describe(error)}); replying instead.`, [
                opts.token,
              ]),
            );
          }
        }
        // GraphQL unreachable (a REST-only proxy) or the thread unknown: a reply still tells the author.
        await octokit.rest.pulls.createReplyForReviewComment({ ...pr, comment_id: root, body: note });
        return 'replied' as const;
      }),
  };

  /**
   * The identity the token posts as: the `bot-login` input when given; else GraphQL `viewer`
   * (installation tokens, whose comments come from `<app>[bot]`, and personal tokens alike);
   * else `GET /user` (a personal token where GraphQL is not reachable). Null when none answers.
   */
  async function whoAmI(): Promise<Identity | null> {
    if (opts.botLogin) return { id: null, login: opts.botLogin, source: 'the bot-login input' };
    const problems: string[] = [];
    try {
      const { viewer } = await octokit.graphql<ViewerAnswer>(VIEWER_QUERY);
      if (viewer?.login) return { id: viewer.databaseId ?? null, login: viewer.login, source: 'GraphQL viewer' };
      problems.push('GraphQL viewer: no answer');
    } catch (error) {
      problems.push(`GraphQL viewer: ${describe(error)}`);
    }
    try {
      const { data } = await octokit.rest.users.getAuthenticated();
      return { id: data.id, login: data.login, source: 'GET /user' };
    } catch (error) {
      problems.push(`GET /user: ${describe(error)}`);
    }
    log(redact(`GitHub: could not learn whom the token posts as (${problems.join('; ')}).`, [opts.token]));
    return null;
  }

  /**
   * A review without `event` stays PENDING (a draft only its author sees), yet GitHub checks
   * its comments' anchors as for a submitted one: 422 when the line is not in the diff.
   */
  async function probeOnce(commitId: string, comment: InlineComment): Promise<boolean> {
    let reviewId: number;
    try {
      const { data } = await octokit.rest.pulls.createReview({
        ...pr,
        commit_id: commitId,
        comments: [toReviewComment(comment)],
      });
      reviewId = data.id;
    } catch (error) {
      // "User can only have one pending review per pull request" is about a draft, not the anchor.
      if (httpStatusOf(error) === 422 && !PENDING_CONFLICT.test(describe(error))) return false;
      throw error;
    }
    try {
      await octokit.rest.pulls.deletePendingReview({ ...pr, review_id: reviewId });
    } catch (error) {
      log(
        redact(
          `GitHub kept the pending review #${reviewId} made to test an anchor (${describe(error)}); ` +
            'delete it on the pull request page, or later reviews by this token are refused.',
          [opts.token],
        ),
      );
      throw error;
    }
    return true;
  }

  /**
   * REST ids of the first comments of resolved review threads, read with GraphQL (which the
   * Octokit sends to `/graphql`, or `/api/graphql` for a GHES `…/api/v3` base URL). When
   * GraphQL fails (e.g. a proxy that only passes REST) every thread counts as unresolved.
   */
  async function resolvedThreads(): Promise<Set<number>> {
    const roots = new Set<number>();
    for (const [root, thread] of await readThreads()) if (thread.isResolved) roots.add(root);
    return roots;
  }

  /** Review threads by the REST id of their first comment: node id and state. Empty when GraphQL fails. */
  async function readThreads(): Promise<Map<number, { id: string | null; isResolved: boolean }>> {
    const roots = new Map<number, { id: string | null; isResolved: boolean }>();
    let cursor: string | null = null;
    try {
      for (let page = 0; page < MAX_THREAD_PAGES; page++) {
        const answer: ReviewThreadsAnswer = await octokit.graphql<ReviewThreadsAnswer>(REVIEW_THREADS_QUERY, {
          owner: opts.owner,
          name: opts.repo,
          number: opts.pullNumber,
          cursor,
        });
        const threads = answer.repository?.pullRequest?.reviewThreads;
        if (!threads) throw new Error('the answer has no review threads');
        for (const thread of threads.nodes) {
          const root = thread?.comments.nodes[0]?.databaseId;
          if (thread && typeof root === 'number')
            roots.set(root, { id: thread.id ?? null, isResolved: thread.isResolved });
        }
        if (!threads.pageInfo.hasNextPage || !threads.pageInfo.endCursor) return roots;
        cursor = threads.pageInfo.endCursor;
      }
      log(`GitHub: read ${MAX_THREAD_PAGES} pages of review threads; later threads count as unresolved.`);
      return roots;
    } catch (error) {
      const status = httpStatusOf(error);
      log(
        redact(
          `GitHub GraphQL could not say which review threads are resolved (${status === null ? '' : `HTTP ${status}: `}` +
            `${describe(error)}); every thread counts as unresolved.`,
          [opts.token],
        ),
      );
      return new Map();
    }
  }

  /** The diff text of a comparison; null when GitHub will not produce it (too large: 406). */
  async function compareDiff(basehead: string): Promise<string | null> {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead,
        mediaType: { format: 'diff' },
      });
      return typeof data === 'string' ? data : new TextDecoder().decode(data as unknown as ArrayBuffer);
    } catch (error) {
      if (httpStatusOf(error) !== 406) throw error;
      log(`GitHub refused the diff of ${basehead} as too large; only its file list is used.`);
      return null;
    }
  }
}

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

function toPermission(value: string | null | undefined): Permission | null {
  return value ? (PERMISSIONS[value] ?? null) : null;
}

const STATUSES = new Set<string>(['ahead', 'behind', 'diverged', 'identical']);

function toStatus(value: string): Comparison['status'] {
  return STATUSES.has(value) ? (value as Comparison['status']) : 'unknown';
}

type GitHubReviewComment = {
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
function toReviewCommentOf(c: GitHubReviewComment, resolvedRoots: ReadonlySet<number>): ReviewComment {
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

const PENDING_CONFLICT = /one pending review/i;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * The Octokit every GitHub adapter uses (bounded retries, rate limits obeyed); exported so the
 * snapshot reader (github-snapshot.ts) can share the same settings. Note that GraphQL counts
 * as a write for the throttling plugin: keep `spaceWrites: false` for batched blob reads.
 */
export function createOctokit(
  opts: Pick<GitHubForgeOptions, 'token' | 'apiUrl' | 'retry'>,
  log: (msg: string) => void,
) {
  const retries = opts.retry?.retries ?? 2;
  const msPerSecond = opts.retry?.msPerSecond ?? 1000;
  const maxWait = opts.retry?.maxRetryAfterSeconds ?? 60;
  const say = (msg: string) => log(redact(msg, [opts.token]));

  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${options.method} ${options.url}`;
      if (retryCount >= retries || retryAfter > maxWait) {
        say(`GitHub ${kind} rate limit on ${what}: not waiting ${retryAfter}s (retry ${retryCount + 1}).`);
        return false;
      }
      say(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter}s (${retryCount + 1}/${retries}).`);
      return true;
    };

  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: msPerSecond,
    fallbackSecondaryRateRetryAfter: opts.retry?.minRetryAfterSeconds ?? 60,
    ...(opts.retry?.spaceWrites === false ? { write: UNSPACED, notifications: UNSPACED } : {}),
  };

  return getOctokit(
    opts.token,
    {
      baseUrl: opts.apiUrl.replace(/\/+$/, ''),
      log: { debug: () => {}, info: () => {}, warn: say, error: say },
      // 406 (diff too large) and 422 (bad review) are answers, not glitches: never retried.
      // Rate limits (403/429) are left to the throttling plugin, which obeys retry-after.
      retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 406, 410, 422, 429, 451] },
      throttle,
    },
    retry,
    throttling,
  );
}

/** The Octokit of `createOctokit`. */
export type GitHubOctokit = ReturnType<typeof createOctokit>;

/**
 * A stand-in for the throttling plugin's Bottleneck group that runs jobs at once. The
 * plugin only calls `group.key(id).schedule(options, fn, ...args)`; Bottleneck itself is
 * not a dependency of ours, so we don't construct one.
 */
const UNSPACED = {
  key: () => ({
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(fn(...args)),
  }),
} as unknown as NonNullable<ThrottlingOptions['write']>;

function toReviewComment(c: InlineComment) {
  // GitHub wants start_line strictly before line, on a stated side; a one-line comment
  // must carry neither start field.
  const range =
    c.startLine !== undefined && c.startLine < c.line ? { start_line: c.startLine, start_side: c.side } : {};
  return { path: c.path, body: c.body, line: c.line, side: c.side, ...range };
}

function toIssueComment(c: {
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

function toForgeError(operation: Operation, error: unknown, opts: GitHubForgeOptions): ForgeError {
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

function hintFor(operation: Operation, status: number | null, detail: string, opts: GitHubForgeOptions): string {
  const writes = WRITES.has(operation);
  switch (status) {
    case null:
      return 'check the API URL (GITHUB_API_URL) and the network';
    case 401:
      return 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
    case 403:
      if (/rate limit/i.test(detail))
        return 'GitHub rate limit still in force after the allowed waits; try again later';
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
      return status >= 500 ? 'GitHub had a server error; try again later' : '';
  }
}
