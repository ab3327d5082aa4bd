import type { WrapFetch } from '../early/early-responses.js';
import { rememberReads } from '../context/remembered-reads.js';
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
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import { createClient } from './gitea-client.js';
import { toComparison, UNKNOWN_COMPARISON, type GiteaCompare } from './gitea-compare.js';
import { toForgeError, type Operation } from './gitea-errors.js';
import { toReviewComments, type GiteaReviewComment } from './gitea-review-comments.js';
import { toGiteaReview } from './gitea-review.js';
import { readContents } from './gitea-contents.js';
import { createGiteaSnapshot } from './gitea-snapshot.js';
import {
  describe,
  forgeName,
  sameUser,
  toIssueComment,
  toPermission,
  type ApiResponse,
  type GiteaComment,
  type GiteaPermission,
  type GiteaPull,
  type GiteaReview,
  type GiteaUser,
} from './gitea-wire.js';

export { ForgeError } from './forge-error.js';
export { createClient, isActionsToken, resolveForgeKind, resolveGiteaKind, type GiteaClient } from './gitea-client.js';

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
  /** Serves the reads that were sent before this client existed (src/early/). */
  wrapFetch?: WrapFetch;
};

// Gitea cuts `limit` to MAX_RESPONSE_ITEMS, 50 by default.
const PAGE_SIZE = 50;
// A server that ignored `page` would otherwise be read forever.
const MAX_PAGES = 100;
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
  const octokit = createClient(opts.token, opts.apiUrl, retries, msPerSecond, say, opts.wrapFetch);
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
    // Remembered: the base files context wants are read early, while the config file is fetched.
    snapshot: rememberReads(
      createGiteaSnapshot({
        kind: opts.kind,
        client: octokit,
        owner: opts.owner,
        repo: opts.repo,
        token: opts.token,
        apiUrl: opts.apiUrl,
        log: say,
      }),
    ),

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
      call('readFile', () => readContents(send, repo, path, ref, (m) => say(`${name}: ${m}`))),

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
