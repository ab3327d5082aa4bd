import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type {
  Comparison,
  ForgeClient,
  Identity,
  IssueComment,
  Permission,
  PullRequest,
  Reaction,
  ReviewComment,
  ReviewToPost,
} from '../ports.js';
import type { DetectedForge } from './detect.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import { toComparison, UNKNOWN_COMPARISON, type GiteaCompare } from './gitea-compare.js';
import { toReviewComments, type GiteaReviewComment } from './gitea-review-comments.js';
import { toGiteaReview } from './gitea-review.js';
import { createGiteaSnapshot } from './gitea-snapshot.js';

export { ForgeError } from './forge-error.js';

/** Gitea and Forgejo share this REST API (v1); the kind only names the forge in messages. */
export type GiteaKind = 'gitea' | 'forgejo';

/** How hard to try again when the server fails (5xx) or cannot be reached. */
export type GiteaRetryOptions = {
  /** Retries after the first attempt. */
  retries: number;
  /** Milliseconds per second of every backoff wait; tests pass 1. */
  msPerSecond?: number;
};

export type GiteaForgeOptions = {
  kind: GiteaKind;
  token: string;
  /** The API base including `/api/v1`, as the runner's `GITHUB_API_URL` gives it. */
  apiUrl: string;
  owner: string;
  repo: string;
  pullNumber: number;
  log?: (msg: string) => void;
  retry?: GiteaRetryOptions;
  /** The `bot-login` input: the login this token posts as, when it cannot be asked. */
  botLogin?: string;
};

/** Every forge operation, named as the port names it (for error messages). */
type Operation = Exclude<keyof ForgeClient, 'kind'>;

// What the adapter reads of Gitea's JSON (modules/structs); everything else is ignored.
type GiteaUser = { id?: number; login?: string };
type GiteaPull = {
  number: number;
  title?: string;
  body?: string | null;
  draft?: boolean;
  user?: GiteaUser | null;
  html_url?: string;
  head: { sha: string };
  base: { sha: string; ref: string };
};
type GiteaReview = {
  id: number;
  state?: string;
  comments_count?: number;
  submitted_at?: string;
  user?: GiteaUser | null;
  html_url?: string;
  pull_request_url?: string;
};
type GiteaComment = { id: number; body?: string; html_url?: string; user?: GiteaUser | null };
type GiteaPermission = { permission?: string; role_name?: string };
type ApiResponse<T> = { data: T; headers: Record<string, string | number | undefined> };

// Gitea cuts `limit` to MAX_RESPONSE_ITEMS, 50 by default.
const PAGE_SIZE = 50;
// A server that ignored `page` would otherwise be read forever.
const MAX_PAGES = 100;
// Larger files (a generated CLAUDE.md?) are not worth their tokens; GitHub's contents API has the same limit.
const MAX_FILE_BYTES = 1024 * 1024;
type GiteaContents = { type?: string; size?: number; encoding?: string | null; content?: string | null };

/**
 * The Gitea/Forgejo REST adapter (API v1, Gitea ≥ 1.16 for the `.diff` endpoint). It uses
 * Octokit only as an HTTP client: Gitea accepts its `Authorization: token …` header, but
 * none of GitHub's pagination, media types or rate-limit handling apply. Every failure
 * becomes a ForgeError that says how to fix it.
 */
export function createGiteaForge(opts: GiteaForgeOptions): ForgeClient {
  const log = opts.log ?? (() => {});
  const say = (msg: string) => log(redact(msg, [opts.token]));
  const retries = opts.retry?.retries ?? 2;
  const msPerSecond = opts.retry?.msPerSecond ?? 1000;
  const octokit = createClient(opts.token, opts.apiUrl, retries, msPerSecond, say);
  const name = forgeName(opts.kind);
  const repo = { owner: opts.owner, repo: opts.repo };
  const pr = { ...repo, index: opts.pullNumber };

  const send = <T>(route: string, params: Record<string, unknown>): Promise<ApiResponse<T>> =>
    octokit.request(route, params) as Promise<ApiResponse<T>>;

  const call = async <T>(operation: Operation, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, opts);
    }
  };

  /**
   * Reads a list page by page with `page` and `limit`: Gitea's `Link` header is built from
   * ROOT_URL, which the runner may not reach. The end is where `X-Total-Count` says, or an
   * empty page; a short page proves nothing, since the review list drops other users'
   * pending reviews after paging. Stops early once more than `enough` items are in.
   */
  async function readPages<T>(route: string, params: Record<string, unknown>, enough: number): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data, headers } = await send<T[] | null>(route, { ...params, page, limit: PAGE_SIZE });
      const list = Array.isArray(data) ? data : [];
      items.push(...list);
      const total = Number(headers['x-total-count'] ?? NaN);
      if (list.length === 0 || items.length >= total || items.length > enough) return items;
    }
    say(`${name}: stopped reading ${route} after ${MAX_PAGES} pages.`);
    return items;
  }

  // Whom the token acts as (`gitea-actions`/`forgejo-actions`, id -2, for the automatic token).
  let self: Promise<GiteaUser> | null = null;
  const whoAmI = (): Promise<GiteaUser> => {
    self ??= send<GiteaUser>('GET /user', {}).then(
      (r) => r.data,
      (error: unknown) => {
        self = null;
        throw error;
      },
    );
    return self;
  };

  /**
   * Gitea attaches each new review comment to the caller's current PENDING review, so one
   * left behind by a failed attempt would be submitted again with the next review. Only the
   * token's own pending reviews are removed; admins also see other people's drafts.
   */
  async function deleteOwnPendingReviews(): Promise<void> {
    const me = await whoAmI();
    const reviews = await readPages<GiteaReview>(
      'GET /repos/{owner}/{repo}/pulls/{index}/reviews',
      pr,
      Number.POSITIVE_INFINITY,
    );
    for (const review of reviews) {
      if (review.state !== 'PENDING' || !sameUser(review.user, me)) continue;
      await send('DELETE /repos/{owner}/{repo}/pulls/{index}/reviews/{id}', { ...pr, id: review.id });
      say(`${name}: deleted a pending review (#${review.id}) left by an earlier run.`);
    }
  }

  const getPull = async (): Promise<GiteaPull> =>
    (await send<GiteaPull>('GET /repos/{owner}/{repo}/pulls/{index}', pr)).data;

  let pull: Promise<PullRequest> | null = null;
  let diff: Promise<string> | null = null;
  return {
    kind: opts.kind,
    snapshot: createGiteaSnapshot({
      kind: opts.kind,
      client: octokit,
      owner: opts.owner,
      repo: opts.repo,
      token: opts.token,
      apiUrl: opts.apiUrl,
      log: say,
    }),

    // The pull request and its diff are read once per run, however many steps ask.
    getPullRequest: () =>
      (pull ??= call('getPullRequest', async () => {
        const data = await getPull();
        return {
          number: data.number,
          title: data.title ?? '',
          body: data.body ?? '',
          author: data.user?.login ?? '',
          draft: data.draft ?? false,
          headSha: data.head.sha,
          baseSha: data.base.sha,
          baseRef: data.base.ref,
          htmlUrl: data.html_url ?? '',
        } satisfies PullRequest;
      }).catch((error: unknown) => {
        pull = null;
        throw error;
      })),

    getDiff: () =>
      (diff ??= call('getDiff', async () => {
        const { data } = await send<unknown>('GET /repos/{owner}/{repo}/pulls/{index}.diff', pr);
        // Octokit decodes text only when the answer names text/* or a UTF-8 charset; otherwise bytes.
        if (typeof data === 'string') return data;
        return new TextDecoder().decode(data as ArrayBuffer);
      }).catch((error: unknown) => {
        diff = null;
        throw error;
      })),

    createReview: (review: ReviewToPost) =>
      call('createReview', async () => {
        const body = toGiteaReview(review);
        // Octokit's own retry would resend the POST alone, after a failure that may have left
        // a pending review behind; each attempt here cleans up first.
        for (let attempt = 0; ; attempt++) {
          try {
            await deleteOwnPendingReviews();
            const { data } = await send<GiteaReview>('POST /repos/{owner}/{repo}/pulls/{index}/reviews', {
              ...pr,
              ...body,
              request: { retries: 0 },
            });
            const url = data.html_url || data.pull_request_url || (await getPull()).html_url || '';
            return { url };
          } catch (error) {
            const status = httpStatusOf(error);
            if (attempt >= retries || (status !== null && status < 500)) throw error;
            const wait = (attempt + 1) ** 2;
            say(
              `${name} createReview failed (${status ?? 'no answer'}); retrying in ${wait}s (${attempt + 1}/${retries}).`,
            );
            await new Promise((resolve) => setTimeout(resolve, wait * msPerSecond));
          }
        }
      }),

    identity: () =>
      call('identity', async (): Promise<Identity | null> => {
        if (opts.botLogin) return { id: null, login: opts.botLogin, source: 'the bot-login input' };
        try {
          const me = await whoAmI();
          if (typeof me.id === 'number' && me.login) return { id: me.id, login: me.login, source: 'GET /user' };
          say(`${name}: GET /user gave no user id; the action cannot tell its own comments.`);
        } catch (error) {
          say(`${name}: could not learn whom the token posts as (GET /user: ${describe(error)}).`);
        }
        return null;
      }),

    listComments: () =>
      call('listComments', async () => {
        // Not paginated on Gitea: one answer holds every comment of the issue.
        const { data } = await send<GiteaComment[]>('GET /repos/{owner}/{repo}/issues/{index}/comments', pr);
        return (Array.isArray(data) ? data : []).map(toIssueComment);
      }),

    getComment: (id: number) =>
      call('getComment', async () => {
        try {
          const { data } = await send<GiteaComment>('GET /repos/{owner}/{repo}/issues/comments/{id}', { ...repo, id });
          return toIssueComment(data);
        } catch (error) {
          if (httpStatusOf(error) === 404) return null;
          throw error;
        }
      }),

    deleteComment: (id: number) =>
      call('deleteComment', async () => {
        await send('DELETE /repos/{owner}/{repo}/issues/comments/{id}', { ...repo, id });
      }),

    createComment: (body: string) =>
      call('createComment', async () => {
        const { data } = await send<GiteaComment>('POST /repos/{owner}/{repo}/issues/{index}/comments', {
          ...pr,
          body,
        });
        return toIssueComment(data);
      }),

    updateComment: (id: number, body: string) =>
      call('updateComment', async () => {
        const { data } = await send<GiteaComment | ''>('PATCH /repos/{owner}/{repo}/issues/comments/{id}', {
          ...repo,
          id,
          body,
        });
        // 204 without a body: Gitea's answer for a comment type that has no editable content.
        return data ? toIssueComment(data) : { id, body, url: '', author: null };
      }),

    listRepositoryComments: (since: string, limit: number, keep: (c: IssueComment) => boolean) =>
      call('listRepositoryComments', async () => {
        // No author filter on this endpoint: every comment updated since `since` is read (in
        // Gitea's order, oldest first) and only those `keep` accepts are kept.
        const kept: IssueComment[] = [];
        let read = 0;
        for (let page = 1; ; page++) {
          const { data, headers } = await send<GiteaComment[] | null>('GET /repos/{owner}/{repo}/issues/comments', {
            ...repo,
            since,
            page,
            limit: PAGE_SIZE,
          });
          const list = Array.isArray(data) ? data : [];
          for (const c of list.map(toIssueComment)) if (keep(c)) kept.push(c);
          read += list.length;
          const total = Number(headers['x-total-count'] ?? NaN);
          if (list.length === 0 || read >= total) return { comments: kept, complete: true, read };
          if (read >= limit || page >= limit / PAGE_SIZE) return { comments: kept, complete: false, read };
        }
      }),

    react: (commentId: number, reaction: Reaction) =>
      call('react', async () => {
        // 201 for a new reaction, 200 when the token's user had already given it: both fine.
        await send('POST /repos/{owner}/{repo}/issues/comments/{id}/reactions', {
          ...repo,
          id: commentId,
          content: reaction,
        });
      }),

    permissionOf: (login: string) =>
      call('permissionOf', async (): Promise<Permission | null> => {
        try {
          const { data } = await send<GiteaPermission>(
            'GET /repos/{owner}/{repo}/collaborators/{collaborator}/permission',
            { ...repo, collaborator: login },
          );
          return toPermission(data.permission) ?? toPermission(data.role_name);
        } catch (error) {
          const status = httpStatusOf(error);
          // 403: only site admins, repository admins and the user itself may ask (the
          // automatic token is none of them); the caller falls back to the event's
          // `repository.permissions`.
          if (status === 403) return null;
          if (status === 404) return 'none';
          throw error;
        }
      }),

    compare: (base: string, head: string) =>
      call('compare', async (): Promise<Comparison> => {
        if (base === head) return { status: 'identical', diff: '', files: [] };
        try {
          const { data } = await send<GiteaCompare>('GET /repos/{owner}/{repo}/compare/{basehead}', {
            ...repo,
            basehead: `${base}...${head}`,
          });
          return toComparison(base, data);
        } catch (error) {
          // A commit that is gone, or a server before 1.22 (no compare endpoint).
          if (httpStatusOf(error) === 404) return UNKNOWN_COMPARISON;
          throw error;
        }
      }),

    listReviewComments: () =>
      call('listReviewComments', async () => {
        // No list of a PR's review comments: each review's comments are read on their own.
        const reviews = await readPages<GiteaReview>(
          'GET /repos/{owner}/{repo}/pulls/{index}/reviews',
          pr,
          Number.POSITIVE_INFINITY,
        );
        const comments: ReviewComment[] = [];
        for (const review of reviews) {
          // A pending review is a draft nobody else sees; one without inline comments has nothing to read.
          if (review.state === 'PENDING' || review.comments_count === 0) continue;
          const { data } = await send<GiteaReviewComment[] | null>(
            'GET /repos/{owner}/{repo}/pulls/{index}/reviews/{id}/comments',
            { ...pr, id: review.id },
          );
          comments.push(...toReviewComments(Array.isArray(data) ? data : [], review));
        }
        return comments.sort((a, b) => a.id - b.id);
      }),

    // Nothing to ask: Gitea and Forgejo never refuse a comment for its line. CreateCodeComment
    // blames the line and cuts a hunk around it from the file, whether the diff shows it or not.
    probeAnchor: () => Promise.resolve(true),

    readFile: (path: string, ref: string) =>
      call('readFile', async () => {
        // Gitea's route is `/contents/*`: the path goes with its slashes, each segment escaped
        // (an escaped slash, as Octokit would send a `{filepath}` parameter, is not found).
        const filepath = path.split('/').map(encodeURIComponent).join('/');
        let data: GiteaContents | GiteaContents[];
        try {
          ({ data } = await send<GiteaContents | GiteaContents[]>(`GET /repos/{owner}/{repo}/contents/${filepath}`, {
            ...repo,
            ref,
          }));
        } catch (error) {
          if (httpStatusOf(error) === 404) return null;
          throw error;
        }
        // A directory answers a list; a symlink or submodule carries no content.
        if (Array.isArray(data) || data.type !== 'file') return null;
        if ((data.size ?? 0) > MAX_FILE_BYTES || data.encoding !== 'base64' || typeof data.content !== 'string') {
          say(`${name}: ${path} at ${ref.slice(0, 7)} is ${data.size ?? '?'} bytes or has no content; not read.`);
          return null;
        }
        return Buffer.from(data.content, 'base64').toString('utf8');
      }),

    replyToReviewComment: () =>
      Promise.reject(
        new ForgeError(
          `${name} replyToReviewComment is not possible: ${name}'s API cannot reply in a review comment's thread ` +
            '(it has no replies endpoint); `/review ask` answers in a pull request comment instead',
          'replyToReviewComment',
          null,
        ),
      ),

    /**
     * Gitea added `POST …/pulls/{index}/comments/{id}/resolve` in 2026 (go-gitea/gitea#36441);
     * older Gitea and Forgejo have no such route (404/405), and neither can reply in a review
     * thread, so there the thread stays as it is and the summary counts the fix instead.
     */
    // Neither Gitea's nor Forgejo's API description (the contract this adapter keeps to) has a
    // call that resolves a review conversation, and neither can reply in one: the thread stays
    // open and the summary says the finding was fixed.
    resolveThread: () => Promise.resolve('unsupported' as const),
  };
}

// Gitea's AccessMode names; the repository owner's `owner` counts as admin.
const PERMISSIONS: Record<string, Permission> = {
  owner: 'admin',
  admin: 'admin',
  write: 'write',
  read: 'read',
  none: 'none',
};

function toPermission(value: string | null | undefined): Permission | null {
  return value ? (PERMISSIONS[value.toLowerCase()] ?? null) : null;
}

/**
 * Tells Forgejo from Gitea (both set `GITEA_ACTIONS`): Forgejo's `/version` answers
 * `X.Y.Z+gitea-A.B.C`. When the version cannot be read the answer is 'gitea': the two
 * behave the same for everything this adapter does, so only messages would differ.
 */
export async function resolveGiteaKind(
  apiUrl: string,
  token: string,
  log: (msg: string) => void = () => {},
): Promise<GiteaKind> {
  const say = (msg: string) => log(redact(msg, [token]));
  try {
    const octokit = createClient(token, apiUrl, 1, 1000, say);
    const { data } = (await octokit.request('GET /version' as string)) as ApiResponse<{ version?: unknown }>;
    const version = typeof data.version === 'string' ? data.version : '';
    return version.includes('+gitea-') ? 'forgejo' : 'gitea';
  } catch (error) {
    say(`Could not read the server version at ${apiUrl}/version (${describe(error)}); assuming Gitea.`);
    return 'gitea';
  }
}

/** The forge for `detectForge`'s answer, asking the server only when the environment cannot tell. */
export async function resolveForgeKind(
  detected: DetectedForge,
  apiUrl: string,
  token: string,
  log?: (msg: string) => void,
): Promise<'github' | GiteaKind> {
  return detected === 'forgejo-or-gitea' ? resolveGiteaKind(apiUrl, token, log) : detected;
}

/**
 * The HTTP client of every Gitea adapter: Octokit's request with retries of 5xx only; exported
 * so the snapshot reader (gitea-snapshot.ts) sends requests the same way.
 */
export function createClient(
  token: string,
  apiUrl: string,
  retries: number,
  msPerSecond: number,
  say: (msg: string) => void,
) {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      log: { debug: () => {}, info: () => {}, warn: say, error: say },
      // Only server errors and lost connections are worth another try; 4xx are answers.
      retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 423] },
    },
    retry,
  );
}

/** The client of `createClient`. */
export type GiteaClient = ReturnType<typeof createClient>;

function sameUser(a: GiteaUser | null | undefined, b: GiteaUser): boolean {
  if (!a) return false;
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id === b.id;
  return a.login !== undefined && a.login === b.login;
}

function toIssueComment(c: GiteaComment): IssueComment {
  const author = c.user && typeof c.user.login === 'string' ? { id: c.user.id ?? null, login: c.user.login } : null;
  return { id: c.id, body: c.body ?? '', url: c.html_url ?? '', author };
}

function forgeName(kind: GiteaKind): string {
  return kind === 'forgejo' ? 'Forgejo' : 'Gitea';
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function toForgeError(operation: Operation, error: unknown, opts: GiteaForgeOptions): ForgeError {
  const status = httpStatusOf(error);
  const detail = describe(error);
  const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
  const hint = hintFor(operation, status, detail, opts);
  const message = `${forgeName(opts.kind)} ${operation} failed (${where})${hint ? ` — ${hint}` : ''}`;
  return new ForgeError(redact(message, [opts.token]), operation, status);
}

const WRITES = new Set<Operation>(['createReview', 'createComment', 'updateComment', 'deleteComment', 'react']);

function hintFor(operation: Operation, status: number | null, detail: string, opts: GiteaForgeOptions): string {
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

/**
 * Whether `token` is the runner's automatic token (user `gitea-actions` / `forgejo-actions`,
 * id -2). On a pull request from a fork that token is read-only, whatever the workflow asks.
 */
export async function isActionsToken(
  apiUrl: string,
  token: string,
  log: (msg: string) => void = () => {},
): Promise<boolean> {
  const say = (msg: string) => log(redact(msg, [token]));
  try {
    const octokit = createClient(token, apiUrl, 1, 1000, say);
    const { data } = (await octokit.request('GET /user' as string)) as ApiResponse<{ id?: unknown; login?: unknown }>;
    return data.id === -2 || data.login === 'gitea-actions' || data.login === 'forgejo-actions';
  } catch (error) {
    say(`Could not read the token's user (${describe(error)}); assuming a personal token.`);
    return false;
  }
}
