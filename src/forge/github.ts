import { rememberReads } from '../context/remembered-reads.js';
import type {
  Comparison,
  ForgeClient,
  Identity,
  InlineComment,
  IssueComment,
  PullRequest,
  Reaction,
  ReviewComment,
  ReviewToPost,
} from '../ports.js';
import { httpStatusOf, redact } from './forge-error.js';
import { filesToDiff, type PullFile } from './files-to-diff.js';
import { toForgeError, type Operation } from './github-errors.js';
import { createGitHubGraphql } from './github-graphql.js';
import type { WrapFetch } from '../early/early-responses.js';
import { createOctokit, type GitHubRetryOptions } from './github-octokit.js';
import { createGitHubSnapshot } from './github-snapshot.js';
import {
  describe,
  PENDING_CONFLICT,
  toIssueComment,
  toPermission,
  toReviewComment,
  toReviewCommentOf,
  toStatus,
} from './github-wire.js';

export { ForgeError } from './forge-error.js';
export { createOctokit, type GitHubOctokit, type GitHubRetryOptions } from './github-octokit.js';

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
  /** Serves the reads that were sent before this client existed (src/early/). */
  wrapFetch?: WrapFetch;
};

// GitHub truncates the file list at this many files.
const MAX_LISTED_FILES = 3000;
// The contents API returns a file's text only up to 1 MB; a larger one comes without content.
const MAX_FILE_BYTES = 1024 * 1024;
// A pull request's conversation: 100 pages of 100 comments is far past any real one.
const MAX_COMMENT_PAGES = 100;

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
  const { whoAmI, readThreads, resolvedThreads, resolveThread } = createGitHubGraphql({ octokit, opts, log });

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
    // Remembered: the base files context wants are read early, while the config file is fetched.
    snapshot: rememberReads(
      createGitHubSnapshot({
        octokit,
        owner: opts.owner,
        repo: opts.repo,
        token: opts.token,
        apiUrl: opts.apiUrl,
        log,
      }),
    ),

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
        if (thread?.id && (await resolveThread(thread.id, root))) return 'resolved' as const;
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
