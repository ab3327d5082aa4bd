import { VIEWER_QUERY } from '../early/first-requests.js';
import type { Identity } from '../ports.js';
import { httpStatusOf, redact } from './forge-error.js';
import type { GitHubOctokit } from './github-octokit.js';
import { describe } from './github-wire.js';

/** What the GraphQL side of the adapter needs: its Octokit, which repository and PR, and where to log. */
type GraphqlContext = {
  octokit: Pick<GitHubOctokit, 'graphql' | 'rest'>;
  opts: { token: string; owner: string; repo: string; pullNumber: number; botLogin?: string };
  log: (msg: string) => void;
};

// GraphQL pages of 100 review threads; a pull request with more than 10,000 is not expected.
const MAX_THREAD_PAGES = 100;

/** Whom the token acts as. Works for installation tokens (GITHUB_TOKEN, Apps) and personal tokens alike. */
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

/** A review thread, by the REST id of its first comment: its node id and whether it is resolved. */
export type ThreadState = { id: string | null; isResolved: boolean };

/**
 * GitHub's GraphQL side: whom the token posts as, and the pull request's review threads (which
 * REST does not describe), plus resolving one.
 */
export function createGitHubGraphql({ octokit, opts, log }: GraphqlContext) {
  return { whoAmI, resolvedThreads, readThreads, resolveThread };

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
  /** Resolves a thread with the mutation; false when GraphQL would not (the caller replies instead). */
  async function resolveThread(threadId: string, root: number): Promise<boolean> {
    try {
      const answer = await octokit.graphql<ResolveThreadAnswer>(RESOLVE_THREAD_MUTATION, { threadId });
      return answer.resolveReviewThread?.thread?.isResolved === true;
    } catch (error) {
      log(
        redact(`GitHub: could not resolve review thread ${root} (${describe(error)}); replying instead.`, [opts.token]),
      );
      return false;
    }
  }
}
