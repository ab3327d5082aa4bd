import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexDiff, type IndexedFile } from './diff-index.js';
import { CODELOAD, routeGitHubSnapshot, type GitHubSnapshotInit } from './github-snapshot-routes.js';
import { createValidator, type ContractValidator } from './openapi-validator.js';

/**
 * A fake GitHub REST API on 127.0.0.1 for adapter and end-to-end tests: one repository in
 * memory, the operations the action uses, GitHub's rules where the action could break
 * them (lines outside the diff → 422, pending reviews included; one pending review per user
 * and PR; too-large diff → 406, Link pagination), every request recorded and checked against
 * GitHub's OpenAPI description, and injected faults. `POST /graphql` answers only the
 * `reviewThreads` query of a pull request (which threads are resolved), without parsing
 * GraphQL; it is recorded but not checked against the REST description.
 */

export type FakeFile = {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
};

export type FakePull = {
  number: number;
  title: string;
  body: string | null;
  draft: boolean;
  user: string;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** The PR's `git diff base...head`, as the `.diff` media type returns it. */
  diff: string;
  /** GitHub's file list; derived from `diff` when not given. */
  files: FakeFile[];
  /** Answer diff requests with 406, as GitHub does past 300 files or 20,000 lines. */
  diffTooLarge: boolean;
  /** SHAs a review's `commit_id` may name (the head by default). */
  commits: string[];
};

export type FakeIssueComment = {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
};
export type FakeReviewComment = {
  id: number;
  path: string;
  body: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
  /** The thread's first comment, for a reply. */
  in_reply_to_id?: number;
  /** Its code changed since: GitHub then answers `line` and `position` as null. */
  outdated?: boolean;
  /** Author, when not the review's. */
  user?: string;
  /**
   * Its thread was marked resolved; GitHub resolves whole threads, so this on any comment of a
   * thread resolves it. Only GraphQL (`POST /graphql`, `reviewThreads`) tells; REST never does.
   */
  resolved?: boolean;
};
export type FakeReview = {
  id: number;
  pullNumber: number;
  commitId: string;
  body: string;
  event: string | null;
  state: string;
  user: string;
  comments: FakeReviewComment[];
};
export type FakeReaction = { id: number; commentId: number; content: string; user: string };
/** What `GET /compare/{base}...{head}` answers; `files` default to those of `diff`. */
export type FakeCompare = {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  diff?: string;
  files?: string[];
};
/** A review comment present from the start, in a one-comment review of its own. */
export type FakeSeedReviewComment = {
  /** Default: the first pull request. */
  pullNumber?: number;
  path: string;
  body: string;
  line?: number;
  side?: string;
  position?: number;
  /** Default `octocat`. */
  user?: string;
  outdated?: boolean;
  /** Index in the same list of the comment this one replies to (its thread's first comment is used). */
  replyTo?: number;
  /** Its thread is resolved (see FakeReviewComment.resolved). */
  resolved?: boolean;
};

export type FakeGitHubState = {
  owner: string;
  repo: string;
  /** Login that authored what the token posts. */
  botLogin: string;
  /** Numeric user ids by login (the bot's is GitHub's real `github-actions[bot]` id by default). */
  userIds: Record<string, number>;
  /** GraphQL `viewer` fails (as through a REST-only proxy): identity then comes from `GET /user`, or not at all. */
  noViewer: boolean;
  pulls: FakePull[];
  issueComments: FakeIssueComment[];
  reviews: FakeReview[];
  reactions: FakeReaction[];
  /** Collaborator permissions by login; anyone else has `none`. */
  permissions: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>;
  /** Logins GitHub knows nothing of: their permission lookup answers 404. */
  missingUsers: string[];
  /** Answers of the compare endpoint by `base...head`; other pairs are worked out (see `compare`). */
  compares: Record<string, FakeCompare>;
  /** Repository files by commit (SHA or branch name) and path, for `GET /contents/{path}?ref=`. */
  files: Record<string, Record<string, string>>;
  nextId: number;
  /** First-comment ids of the threads resolved through GraphQL `resolveReviewThread`, in order. */
  resolvedThreads: number[];
};

/** Decides whether a review comment's anchor is in the PR's diff (default: GitHub's rule). */
export type LineCheck = (pull: FakePull, comment: FakeReviewComment) => string | null;

export type FakeGitHubInit = {
  owner?: string;
  repo?: string;
  botLogin?: string;
  pulls?: Array<Partial<FakePull> & { number: number }>;
  issueComments?: Array<{ issueNumber: number; body: string; user?: string; updatedAt?: string }>;
  /** Numeric ids of users by login; others get stable made-up ids. */
  userIds?: Record<string, number>;
  /** GraphQL answers no `viewer` query (see FakeGitHubState.noViewer). */
  noViewer?: boolean;
  /** The token is a personal one: `GET /user` answers the bot user (else 403, as for an installation token). */
  personalToken?: boolean;
  permissions?: FakeGitHubState['permissions'];
  missingUsers?: string[];
  compares?: Record<string, FakeCompare>;
  /** Repository files: `{ [ref]: { [path]: text } }`; a ref or path not listed answers 404. */
  files?: Record<string, Record<string, string>>;
  /** How `files` are served as snapshots (repository size, tree limit, symbolic links). */
  snapshot?: GitHubSnapshotInit;
  reviewComments?: FakeSeedReviewComment[];
  /** When set, requests without `token <this>` (or Bearer) get 401 Bad credentials. */
  token?: string;
  /** Replaces the default anchor check; return an error text to reject with 422. */
  lineCheck?: LineCheck;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased names; Authorization keeps only its scheme. */
  headers: Record<string, string>;
  body: unknown;
  status: number;
};

export type Fault = { headers?: Record<string, string>; body?: unknown; times?: number };

export type FakeGitHub = {
  /** API base URL, e.g. http://127.0.0.1:PORT (what GITHUB_API_URL would be). */
  url: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** Contract violations, one line each: `METHOD /path: what is wrong`. */
  violations: string[];
  /** Answer the next `times` (default 1) matching requests with `status` instead. */
  failNext(method: string, path: RegExp, status: number, fault?: Fault): void;
  close(): Promise<void>;
};

const HTML = 'https://github.com';
/** GitHub refuses comment bodies longer than this (422 "body is too long"). */
const MAX_BODY = 65_536;
const bodyTooLong = (): [number, unknown] => [
  422,
  {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
    documentation_url: 'https://docs.github.com/rest/issues/comments',
  },
];
const GRAPHQL = '/graphql';
const DOCS = 'https://docs.github.com/rest';
const SPEC_FILE = new URL('../fixtures/contracts/github-rest-subset.json', import.meta.url);
let validator: ContractValidator | null = null;

/** A fault body GitHub sends when a secondary rate limit hits; the throttling plugin keys on it. */
export function secondaryRateLimit(retryAfterSeconds: number, times = 1): Fault {
  return {
    times,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
  };
}

/** Starts the fake on a free port. */
export async function startFakeGitHub(initial: FakeGitHubInit = {}): Promise<FakeGitHub> {
  validator ??= createValidator(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>);
  const state = initialState(initial);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: Array<{ method: string; path: RegExp; status: number; fault: Fault; left: number }> = [];
  const check = validator;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      violations.push(`${method} ${url.pathname}: body is not JSON`);
      return reply(400, { message: 'Problems parsing JSON' });
    }
    const query = queryOf(url);
    const record: RecordedRequest = { method, path: url.pathname, query, headers: headersOf(req), body, status: 0 };
    requests.push(record);
    const errors =
      url.pathname === GRAPHQL || url.pathname.startsWith(CODELOAD)
        ? []
        : check.validate({ method, path: url.pathname, query, body });
    violations.push(...errors);

    function reply(status: number, data: unknown, headers: Record<string, string> = {}): void {
      record.status = status;
      send(res, status, data, headers);
    }

    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.left--;
      return reply(fault.status, fault.fault.body ?? { message: `Injected ${fault.status}` }, fault.fault.headers);
    }
    if (initial.token !== undefined && req.headers.authorization?.replace(/^(token|bearer) /i, '') !== initial.token) {
      return reply(401, { message: 'Bad credentials', documentation_url: DOCS });
    }
    if (errors.some((e) => /: (body\b|a request body|the operation takes no request body)/.test(e))) {
      return reply(422, { message: 'Invalid request.', errors, documentation_url: DOCS });
    }
    const [status, data, headers] = route(method, url, body, req.headers.accept ?? '');
    return reply(status, data, headers);
  }

  function route(method: string, url: URL, body: unknown, accept: string): [number, unknown, Record<string, string>?] {
    const snapshot = routeGitHubSnapshot({ ...state, base, init: initial.snapshot }, method, url, body);
    if (snapshot) return snapshot;
    if (url.pathname === GRAPHQL && method === 'POST') return graphql((body ?? {}) as Record<string, unknown>);
    if (url.pathname === '/user' && method === 'GET') {
      // An installation token (GITHUB_TOKEN, an App's) may not ask who it is over REST.
      if (!initial.personalToken)
        return [403, { message: 'Resource not accessible by integration', documentation_url: DOCS }];
      return [200, userJson(state.botLogin)];
    }
    const prefix = `/repos/${state.owner}/${state.repo}`;
    if (!url.pathname.startsWith(`${prefix}/`)) return notFound();
    const rest = url.pathname.slice(prefix.length);
    const input = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      if (!pull) return notFound();
      if (!accept.includes('diff')) return [200, pullJson(pull)];
      if (pull.diffTooLarge) return diffTooLarge();
      return [200, pull.diff, { 'content-type': 'application/vnd.github.v3.diff; charset=utf-8' }];
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      return pull ? page(url, pull.files.slice(0, 3000)) : notFound();
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const pull = findPull(m[1]);
      if (!pull) return notFound();
      if (method === 'GET') return page(url, state.reviews.filter((r) => r.pullNumber === pull.number).map(reviewJson));
      if (method === 'POST') return createReview(pull, input);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews\/(\d+)$/.exec(rest)) && method === 'DELETE') {
      const pull = findPull(m[1]);
      // Other people's pending reviews are invisible, so not found.
      const review = state.reviews.find(
        (r) =>
          r.id === Number(m?.[2]) &&
          r.pullNumber === pull?.number &&
          (r.state !== 'PENDING' || r.user === state.botLogin),
      );
      if (!review) return notFound();
      if (review.state !== 'PENDING') return unprocessable(['Submitted reviews cannot be deleted']);
      state.reviews.splice(state.reviews.indexOf(review), 1);
      return [200, reviewJson(review)];
    }
    if (rest === '/issues/comments' && method === 'GET') {
      // Repository-wide list. The fake's comments never change after creation, so their
      // `updated_at` is `createdAt`; `since` keeps those updated at or after it.
      const since = url.searchParams.get('since');
      const sort = url.searchParams.get('sort');
      const at = (c: FakeIssueComment) => Date.parse(sort === 'created' ? c.createdAt : c.updatedAt);
      const list = state.issueComments
        .filter((c) => since === null || Date.parse(c.updatedAt) >= Date.parse(since))
        .sort((a, b) => (sort ? at(a) - at(b) : 0) || a.id - b.id);
      // `direction` is ignored without `sort`, and GitHub's default then is ascending id.
      if (sort && url.searchParams.get('direction') !== 'asc') list.reverse();
      return page(url, list.map(commentJson));
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issueNumber = Number(m[1]);
      if (method === 'GET') {
        return page(url, state.issueComments.filter((c) => c.issueNumber === issueNumber).map(commentJson));
      }
      if (method === 'POST') {
        if (String(input.body).length > MAX_BODY) return bodyTooLong();
        const comment = {
          id: state.nextId++,
          issueNumber,
          body: String(input.body),
          user: state.botLogin,
          createdAt: now(),
          updatedAt: now(),
        };
        state.issueComments.push(comment);
        return [201, commentJson(comment)];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = state.issueComments.find((c) => c.id === Number(m?.[1]));
      if (!comment) return notFound();
      if (method === 'GET') return [200, commentJson(comment)];
      if (method === 'PATCH') {
        if (String(input.body).length > MAX_BODY) return bodyTooLong();
        comment.body = String(input.body);
        comment.updatedAt = now();
        return [200, commentJson(comment)];
      }
      if (method === 'DELETE') {
        state.issueComments.splice(state.issueComments.indexOf(comment), 1);
        return [204, ''];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest)) && method === 'POST') {
      const commentId = Number(m[1]);
      if (!state.issueComments.some((c) => c.id === commentId)) return notFound();
      const content = String(input.content);
      const old = state.reactions.find(
        (r) => r.commentId === commentId && r.content === content && r.user === state.botLogin,
      );
      if (old) return [200, reactionJson(old)];
      const reaction = { id: state.nextId++, commentId, content, user: state.botLogin };
      state.reactions.push(reaction);
      return [201, reactionJson(reaction)];
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === 'GET') {
      const login = decodeURIComponent(m[1] ?? '');
      if (state.missingUsers.includes(login)) return notFound();
      const permission = state.permissions[login] ?? 'none';
      // GitHub's legacy `permission` folds maintain into write and triage into read.
      const legacy = { maintain: 'write', triage: 'read' }[permission as string] ?? permission;
      return [200, { permission: legacy, role_name: permission, user: userJson(login) }];
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      if (!pull) return notFound();
      // Other people's pending reviews are invisible; GitHub lists by ascending id.
      const list = state.reviews
        .filter((r) => r.pullNumber === pull.number && (r.state !== 'PENDING' || r.user === state.botLogin))
        .flatMap((r) => r.comments.map((c) => reviewCommentJson(pull, r, c)))
        .sort((a, b) => a.id - b.id);
      return page(url, list);
    }
    if ((m = /^\/pulls\/(\d+)\/comments\/(\d+)\/replies$/.exec(rest)) && method === 'POST') {
      const pull = findPull(m[1]);
      const target = state.reviews
        .filter((r) => r.pullNumber === pull?.number)
        .flatMap((r) => r.comments)
        .find((c) => c.id === Number(m?.[2]));
      if (!pull || !target) return notFound();
      const body = typeof input.body === 'string' ? input.body : '';
      if (body.trim() === '') return unprocessable(['Body cannot be blank']);
      const review = addReply(state, pull, target, body, state.botLogin);
      return [201, reviewCommentJson(pull, review, review.comments[0] as FakeReviewComment)];
    }
    if ((m = /^\/compare\/([^/]+)$/.exec(rest)) && method === 'GET') {
      return compare(decodeURIComponent(m[1] ?? ''), accept);
    }
    if ((m = /^\/contents\/(.+)$/.exec(rest)) && method === 'GET') {
      // Octokit sends the path as one escaped segment (`.github%2Fx.yml`); GitHub takes either form.
      return contents(decodeURIComponent(m[1] ?? ''), url.searchParams.get('ref') ?? 'main');
    }
    return notFound();
  }

  /**
   * `GET /contents/{path}?ref=`: a file as base64 (in 60-character lines, as GitHub sends
   * it), without content over 1 MB (`encoding: none`), a directory as a list; else 404.
   */
  function contents(path: string, ref: string): [number, unknown] {
    const tree = state.files[ref] ?? {};
    const at = `${base}/repos/${state.owner}/${state.repo}/contents`;
    const entry = (p: string, type: string, size: number) => ({
      type,
      size,
      name: p.split('/').pop() ?? p,
      path: p,
      sha: createHash('sha1').update(`${ref}:${p}`).digest('hex'),
      url: `${at}/${p}?ref=${ref}`,
      git_url: null,
      html_url: `${HTML}/${state.owner}/${state.repo}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${p}`,
      download_url: null,
      _links: { self: `${at}/${p}?ref=${ref}`, git: null, html: null },
    });
    const text = tree[path];
    if (text !== undefined) {
      const bytes = Buffer.from(text, 'utf8');
      const large = bytes.length > 1024 * 1024;
      const content = large ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return [200, { ...entry(path, 'file', bytes.length), encoding: large ? 'none' : 'base64', content }];
    }
    const children = new Set(
      Object.keys(tree)
        .filter((p) => p.startsWith(`${path}/`))
        .map((p) => p.slice(path.length + 1).split('/')[0]!),
    );
    if (children.size === 0) return notFound();
    return [
      200,
      [...children].map((c) => entry(`${path}/${c}`, tree[`${path}/${c}`] === undefined ? 'dir' : 'file', 0)),
    ];
  }

  /**
   * `base...head` (or `base..head`): a configured answer, else worked out — an unknown commit
   * is 404; the same commit is `identical`; a pull's base and head are `ahead` by its diff;
   * two commits of one pull's `commits` are `ahead` or `behind` by their order there (oldest
   * first), with no files; any other pair of known commits has `diverged`.
   */
  function compare(basehead: string, accept: string): [number, unknown, Record<string, string>?] {
    const [from = '', to = ''] = basehead.includes('...') ? basehead.split('...') : basehead.split('..');
    const entry = state.compares[`${from}...${to}`] ?? workOutCompare(from, to);
    if (!entry) return [404, { message: `No commit found for SHA: ${from}`, documentation_url: DOCS }];
    if (accept.includes('diff')) {
      return [200, entry.diff ?? '', { 'content-type': 'application/vnd.github.v3.diff; charset=utf-8' }];
    }
    const indexed = indexDiff(entry.diff ?? '');
    const files = (entry.files ?? indexed.map((f) => f.filename)).map((filename) => {
      const f = indexed.find((i) => i.filename === filename);
      return {
        sha: '0'.repeat(40),
        filename,
        status: f?.status ?? 'modified',
        additions: f?.additions ?? 0,
        deletions: f?.deletions ?? 0,
        changes: (f?.additions ?? 0) + (f?.deletions ?? 0),
        blob_url: `${HTML}/${state.owner}/${state.repo}/blob/${to}/${filename}`,
        raw_url: `${HTML}/${state.owner}/${state.repo}/raw/${to}/${filename}`,
        contents_url: `${base}/repos/${state.owner}/${state.repo}/contents/${filename}?ref=${to}`,
        ...(f?.patch !== undefined ? { patch: f.patch } : {}),
      };
    });
    const ahead = entry.status === 'ahead' || entry.status === 'diverged' ? 1 : 0;
    const behind = entry.status === 'behind' || entry.status === 'diverged' ? 1 : 0;
    const at = `${state.owner}/${state.repo}/compare/${from}...${to}`;
    return [
      200,
      {
        url: `${base}/repos/${at}`,
        html_url: `${HTML}/${at}`,
        permalink_url: `${HTML}/${at}`,
        diff_url: `${HTML}/${at}.diff`,
        patch_url: `${HTML}/${at}.patch`,
        base_commit: commitJson(from),
        merge_base_commit: commitJson(from),
        status: entry.status,
        ahead_by: ahead,
        behind_by: behind,
        total_commits: ahead,
        commits: ahead ? [commitJson(to)] : [],
        files,
      },
    ];
  }

  function workOutCompare(base: string, head: string): FakeCompare | null {
    const known = (sha: string) =>
      state.pulls.some((p) => p.headSha === sha || p.baseSha === sha || p.commits.includes(sha));
    if (!known(base) || !known(head)) return null;
    if (base === head) return { status: 'identical', diff: '', files: [] };
    const pull = state.pulls.find((p) => p.baseSha === base && p.headSha === head);
    if (pull) return { status: 'ahead', diff: pull.diff, files: pull.files.map((f) => f.filename) };
    const both = state.pulls.find((p) => p.commits.includes(base) && p.commits.includes(head));
    if (!both) return { status: 'diverged', diff: '', files: [] };
    const ahead = both.commits.indexOf(base) < both.commits.indexOf(head);
    return { status: ahead ? 'ahead' : 'behind', diff: '', files: [] };
  }

  function createReview(pull: FakePull, input: Record<string, unknown>): [number, unknown] {
    const commitId = typeof input.commit_id === 'string' ? input.commit_id : pull.headSha;
    if (!pull.commits.includes(commitId)) return unprocessable([`No commit found for SHA: ${commitId}`]);
    const event = typeof input.event === 'string' ? input.event : null;
    const body = typeof input.body === 'string' ? input.body : '';
    const raw = (Array.isArray(input.comments) ? input.comments : []) as Array<Omit<FakeReviewComment, 'id'>>;
    if (event === 'REQUEST_CHANGES' && body.trim() === '')
      return unprocessable(['Body is required for REQUEST_CHANGES']);
    if (event === 'COMMENT' && body.trim() === '' && raw.length === 0)
      return unprocessable(['Body is required for COMMENT']);
    // While the user has a pending review, GitHub refuses any new review, submitted or not.
    if (state.reviews.some((r) => r.pullNumber === pull.number && r.user === state.botLogin && r.state === 'PENDING'))
      return unprocessable(['User can only have one pending review per pull request']);
    const comments = raw.map((c) => ({ ...c, id: state.nextId++ }));
    // Like GitHub, one bad anchor rejects the whole review.
    const problems = comments.map((c) => (initial.lineCheck ?? githubLineCheck)(pull, c)).filter((p) => p !== null);
    if (problems.length > 0) return unprocessable(problems);
    const states: Record<string, string> = {
      COMMENT: 'COMMENTED',
      REQUEST_CHANGES: 'CHANGES_REQUESTED',
      APPROVE: 'APPROVED',
    };
    const review: FakeReview = {
      id: state.nextId++,
      pullNumber: pull.number,
      commitId,
      body,
      event,
      state: event ? (states[event] ?? 'PENDING') : 'PENDING',
      user: state.botLogin,
      comments,
    };
    state.reviews.push(review);
    return [200, reviewJson(review)];
  }

  /**
   * GraphQL `repository(owner, name) { pullRequest(number) { reviewThreads(first, after) … } }`
   * from the variables `owner`, `name`, `number` and `cursor`; `first` is read from the query
   * text (default 100). A thread is a first comment and its replies, ordered by that comment.
   */
  function graphql(input: Record<string, unknown>): [number, unknown] {
    const query = typeof input.query === 'string' ? input.query : '';
    const vars = (input.variables ?? {}) as Record<string, unknown>;
    if (/\bviewer\b/.test(query) && !state.noViewer) {
      // GraphQL names a bot without REST's `[bot]` suffix.
      const login = state.botLogin.replace(/\[bot\]$/, '');
      return [200, { data: { viewer: { login, databaseId: userId(state.botLogin) } } }];
    }
    if (/\bresolveReviewThread\b/.test(query)) return resolveThread(vars);
    if (!/reviewThreads/.test(query)) {
      return [200, { errors: [{ message: 'The fake GitHub answers only the reviewThreads query' }] }];
    }
    if (vars.owner !== state.owner || vars.name !== state.repo) {
      const message = `Could not resolve to a Repository with the name '${String(vars.owner)}/${String(vars.name)}'.`;
      return [200, { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message }] }];
    }
    const pull = state.pulls.find((p) => p.number === vars.number);
    if (!pull) {
      const message = `Could not resolve to a PullRequest with the number of ${String(vars.number)}.`;
      return [
        200,
        {
          data: { repository: { pullRequest: null } },
          errors: [{ type: 'NOT_FOUND', path: ['repository', 'pullRequest'], message }],
        },
      ];
    }
    const comments = state.reviews
      .filter((r) => r.pullNumber === pull.number && (r.state !== 'PENDING' || r.user === state.botLogin))
      .flatMap((r) => r.comments);
    const threads = comments
      .filter((c) => c.in_reply_to_id === undefined)
      .sort((a, b) => a.id - b.id)
      .map((root) => {
        const all = [root, ...comments.filter((c) => c.in_reply_to_id === root.id)];
        return {
          id: threadNodeId(root.id),
          isResolved: all.some((c) => c.resolved === true),
          comments: { nodes: [{ databaseId: root.id }] },
        };
      });
    const first = Number(/reviewThreads\s*\(\s*first\s*:\s*(\d+)/.exec(query)?.[1] ?? 100);
    const cursor = typeof vars.cursor === 'string' ? vars.cursor : null;
    const start =
      cursor === null
        ? 0
        : Number(
            Buffer.from(cursor, 'base64')
              .toString('utf8')
              .replace(/^cursor:/, ''),
          );
    const nodes = threads.slice(start, start + first);
    const end = start + nodes.length;
    const reviewThreads = {
      pageInfo: {
        hasNextPage: end < threads.length,
        endCursor: nodes.length > 0 ? Buffer.from(`cursor:${end}`).toString('base64') : null,
      },
      nodes,
    };
    return [200, { data: { repository: { pullRequest: { reviewThreads } } } }];
  }

  /**
   * `mutation { resolveReviewThread(input: {threadId}) { thread { id isResolved } } }`: marks the
   * thread's first comment resolved (as the reviewThreads query reads it) and records it.
   */
  function resolveThread(vars: Record<string, unknown>): [number, unknown] {
    const id = typeof vars.threadId === 'string' ? /^PRRT_fake(\d+)$/.exec(vars.threadId)?.[1] : undefined;
    const root = id ? state.reviews.flatMap((r) => r.comments).find((c) => c.id === Number(id)) : undefined;
    if (!root || root.in_reply_to_id !== undefined) {
      const message = `Could not resolve to a node with the global id of '${String(vars.threadId)}'`;
      return [200, { data: { resolveReviewThread: null }, errors: [{ type: 'NOT_FOUND', message }] }];
    }
    root.resolved = true;
    state.resolvedThreads.push(root.id);
    return [200, { data: { resolveReviewThread: { thread: { id: threadNodeId(root.id), isResolved: true } } } }];
  }

  const findPull = (n: string | undefined) => state.pulls.find((p) => p.number === Number(n));
  const commitJson = (sha: string) => ({
    url: `${base}/repos/${state.owner}/${state.repo}/commits/${sha}`,
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    html_url: `${HTML}/${state.owner}/${state.repo}/commit/${sha}`,
    comments_url: `${base}/repos/${state.owner}/${state.repo}/commits/${sha}/comments`,
    commit: {
      url: `${base}/repos/${state.owner}/${state.repo}/git/commits/${sha}`,
      author: { name: 'Mona', email: 'mona@example.com', date: now() },
      committer: { name: 'Mona', email: 'mona@example.com', date: now() },
      message: 'change',
      tree: { sha: 'f'.repeat(40), url: `${base}/repos/${state.owner}/${state.repo}/git/trees/${'f'.repeat(40)}` },
      comment_count: 0,
    },
    author: null,
    committer: null,
    parents: [],
  });
  /** A review comment as GitHub lists it; an outdated one keeps only its `original_*` anchor. */
  const reviewCommentJson = (pull: FakePull, r: FakeReview, c: FakeReviewComment) => {
    const side = c.side ?? 'RIGHT';
    const rows = diffRows(pull, c.path);
    const row =
      c.position !== undefined
        ? rows.find((x) => x.position === c.position)
        : rows.find((x) => (side === 'LEFT' ? x.left : x.right) === c.line);
    const line = c.line ?? (side === 'LEFT' ? row?.left : row?.right) ?? null;
    const position = c.position ?? row?.position ?? null;
    const self = `${base}/repos/${state.owner}/${state.repo}/pulls/comments/${c.id}`;
    const start = c.start_line !== undefined && !c.outdated ? c.start_line : null;
    return {
      url: self,
      pull_request_review_id: r.id,
      id: c.id,
      node_id: `PRRC_${c.id}`,
      diff_hunk: indexPull(pull).find((f) => f.filename === c.path)?.patch ?? '',
      path: c.path,
      position: c.outdated ? null : position,
      original_position: position,
      commit_id: c.outdated ? pull.headSha : r.commitId,
      original_commit_id: r.commitId,
      ...(c.in_reply_to_id !== undefined ? { in_reply_to_id: c.in_reply_to_id } : {}),
      user: userJson(c.user ?? r.user),
      body: c.body,
      created_at: now(),
      updated_at: now(),
      html_url: html(pull.number, `#discussion_r${c.id}`),
      pull_request_url: `${base}/repos/${state.owner}/${state.repo}/pulls/${pull.number}`,
      author_association: (c.user ?? r.user) === state.botLogin ? 'NONE' : 'MEMBER',
      _links: {
        self: { href: self },
        html: { href: html(pull.number, `#discussion_r${c.id}`) },
        pull_request: { href: `${base}/repos/${state.owner}/${state.repo}/pulls/${pull.number}` },
      },
      start_line: start,
      original_start_line: c.start_line ?? null,
      start_side: start === null ? null : (c.start_side ?? side),
      line: c.outdated ? null : line,
      original_line: line,
      side,
      subject_type: 'line',
    };
  };
  const html = (n: number, anchor = '') => `${HTML}/${state.owner}/${state.repo}/pull/${n}${anchor}`;
  const userId = (login: string) => (state.userIds[login] ??= 1000 + Object.keys(state.userIds).length);
  const userJson = (login: string) => ({ login, id: userId(login), type: login.endsWith('[bot]') ? 'Bot' : 'User' });
  const commentJson = (c: FakeIssueComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${state.owner}/${state.repo}/issues/comments/${c.id}`,
    html_url: html(c.issueNumber, `#issuecomment-${c.id}`),
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user === state.botLogin ? 'NONE' : 'MEMBER',
  });
  const reviewJson = (r: FakeReview) => ({
    id: r.id,
    node_id: `PRR_${r.id}`,
    user: userJson(r.user),
    body: r.body,
    state: r.state,
    commit_id: r.commitId,
    html_url: html(r.pullNumber, `#pullrequestreview-${r.id}`),
    pull_request_url: `${base}/repos/${state.owner}/${state.repo}/pulls/${r.pullNumber}`,
    submitted_at: now(),
  });
  const reactionJson = (r: FakeReaction) => ({
    id: r.id,
    content: r.content,
    user: userJson(r.user),
    created_at: now(),
  });
  const pullJson = (p: FakePull) => ({
    number: p.number,
    state: 'open',
    title: p.title,
    body: p.body,
    draft: p.draft,
    user: userJson(p.user),
    html_url: html(p.number),
    url: `${base}/repos/${state.owner}/${state.repo}/pulls/${p.number}`,
    head: { sha: p.headSha, ref: p.headRef, repo: { full_name: `${state.owner}/${state.repo}` } },
    base: { sha: p.baseSha, ref: p.baseRef, repo: { full_name: `${state.owner}/${state.repo}` } },
    changed_files: p.files.length,
    additions: p.files.reduce((n, f) => n + f.additions, 0),
    deletions: p.files.reduce((n, f) => n + f.deletions, 0),
  });

  /** GitHub-style page of a list: `per_page` (≤ 100, default 30), `page`, and a Link header. */
  function page(url: URL, items: unknown[]): [number, unknown, Record<string, string>] {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
    const current = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const target = new URL(url);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${base}${target.pathname}${target.search}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (current > 1) links.push(link(current - 1, 'prev'), link(1, 'first'));
    if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'));
    const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
    return [200, items.slice((current - 1) * perPage, current * perPage), headers];
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    state,
    requests,
    violations,
    failNext(method, path, status, fault = {}) {
      faults.push({ method: method.toUpperCase(), path, status, fault, left: fault.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GitHub's rule: a comment's line (and range start) must be shown in one hunk of its file. */
export const githubLineCheck: LineCheck = (pull, c) => {
  if (c.position !== undefined) return null;
  const file = indexPull(pull).find((f) => f.filename === c.path);
  if (!file) return 'Path could not be resolved';
  if (c.line === undefined) return 'Pull request review thread line must be provided';
  const side = c.side ?? 'RIGHT';
  const hunk = file.lines.get(`${side}:${c.line}`);
  if (hunk === undefined) return 'Pull request review thread line must be part of the diff';
  if (c.start_line === undefined) return null;
  if (c.start_line >= c.line) return 'Pull request review thread start line must precede the end line';
  const startHunk = file.lines.get(`${c.start_side ?? side}:${c.start_line}`);
  return startHunk === hunk ? null : 'Pull request review thread start line must be part of the same hunk as the line.';
};

function indexPull(pull: FakePull): IndexedFile[] {
  if (pull.diff !== '') return indexDiff(pull.diff);
  // No diff text: rebuild one per file from the patches, which carry the same hunks.
  return pull.files.flatMap((f) => indexDiff(`diff --git a/${f.filename} b/${f.filename}\n${f.patch ?? ''}\n`));
}

function initialState(init: FakeGitHubInit): FakeGitHubState {
  const pulls = (init.pulls ?? []).map((p): FakePull => {
    const headSha = p.headSha ?? 'b'.repeat(40);
    const diff = p.diff ?? '';
    return {
      title: `PR ${p.number}`,
      body: '',
      draft: false,
      user: 'octocat',
      baseSha: 'a'.repeat(40),
      headRef: 'feature',
      baseRef: 'main',
      diffTooLarge: false,
      ...p,
      headSha,
      diff,
      files: p.files ?? indexDiff(diff).map(toFakeFile),
      commits: p.commits ?? [headSha],
    };
  });
  const state: FakeGitHubState = {
    owner: init.owner ?? 'octo',
    repo: init.repo ?? 'repo',
    botLogin: init.botLogin ?? 'github-actions[bot]',
    userIds: { 'github-actions[bot]': 41898282, ...init.userIds },
    noViewer: init.noViewer ?? false,
    pulls,
    issueComments: [],
    reviews: [],
    reactions: [],
    permissions: init.permissions ?? {},
    missingUsers: init.missingUsers ?? [],
    compares: init.compares ?? {},
    files: init.files ?? {},
    nextId: 1,
    resolvedThreads: [],
  };
  for (const c of init.issueComments ?? []) {
    state.issueComments.push({
      id: state.nextId++,
      issueNumber: c.issueNumber,
      body: c.body,
      user: c.user ?? 'octocat',
      createdAt: c.updatedAt ?? now(),
      updatedAt: c.updatedAt ?? now(),
    });
  }
  const seeded: FakeReviewComment[] = [];
  for (const c of init.reviewComments ?? []) {
    const pull = pulls.find((p) => p.number === (c.pullNumber ?? pulls[0]?.number));
    if (!pull) throw new Error(`reviewComments: no pull request ${c.pullNumber}`);
    const { pullNumber: _p, replyTo, user = 'octocat', ...anchor } = c;
    const parent = replyTo === undefined ? undefined : seeded[replyTo];
    if (replyTo !== undefined && !parent) throw new Error(`reviewComments: replyTo ${replyTo} is not an earlier entry`);
    const review = parent
      ? addReply(state, pull, parent, c.body, user)
      : addReview(state, pull, { ...anchor, id: 0, user }, user);
    const comment = review.comments[0] as FakeReviewComment;
    if (c.resolved !== undefined) comment.resolved = c.resolved;
    seeded.push(comment);
  }
  return state;
}

/** A one-comment COMMENTED review, as GitHub wraps a lone review comment. */
function addReview(state: FakeGitHubState, pull: FakePull, comment: FakeReviewComment, user: string): FakeReview {
  const review: FakeReview = {
    id: state.nextId++,
    pullNumber: pull.number,
    commitId: pull.headSha,
    body: '',
    event: 'COMMENT',
    state: 'COMMENTED',
    user,
    comments: [],
  };
  review.comments.push({ ...comment, id: state.nextId++ });
  state.reviews.push(review);
  return review;
}

/** The GraphQL node id of the thread whose first comment is `rootId`. */
function threadNodeId(rootId: number): string {
  return `PRRT_fake${rootId}`;
}

/** A reply joins the thread of `target`; GitHub threads hang off their first comment. */
function addReply(state: FakeGitHubState, pull: FakePull, target: FakeReviewComment, body: string, user: string) {
  const { id, in_reply_to_id, start_line: _s, start_side: _ss, resolved: _r, ...anchor } = target;
  return addReview(state, pull, { ...anchor, id: 0, body, user, in_reply_to_id: in_reply_to_id ?? id }, user);
}

/** The rows of a file's patch with GitHub's diff position (1 = the row under the first `@@`). */
function diffRows(pull: FakePull, path: string): Array<{ position: number; left?: number; right?: number }> {
  const patch = indexPull(pull).find((f) => f.filename === path)?.patch;
  if (patch === undefined) return [];
  const rows: Array<{ position: number; left?: number; right?: number }> = [];
  let oldLine = 0;
  let newLine = 0;
  patch.split('\n').forEach((row, position) => {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (h) {
      oldLine = Number(h[1]);
      newLine = Number(h[2]);
    } else if (row.startsWith('+')) rows.push({ position, right: newLine++ });
    else if (row.startsWith('-')) rows.push({ position, left: oldLine++ });
    else if (!row.startsWith('\\')) rows.push({ position, left: oldLine++, right: newLine++ });
  });
  return rows;
}

function toFakeFile(f: IndexedFile): FakeFile {
  const file: FakeFile = {
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
  };
  if (f.patch !== undefined) file.patch = f.patch;
  if (f.previousFilename !== undefined) file.previous_filename = f.previousFilename;
  return file;
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const text = typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const notFound = (): [number, unknown] => [404, { message: 'Not Found', documentation_url: DOCS }];
const unprocessable = (errors: string[]): [number, unknown] => [
  422,
  { message: 'Unprocessable Entity', errors, documentation_url: DOCS },
];
const diffTooLarge = (): [number, unknown] => [
  406,
  {
    message:
      "Sorry, the diff exceeded the maximum number of files (300). Consider using 'List pull requests files' API or locally cloning the repository instead.",
    errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
    documentation_url: `${DOCS}/pulls/pulls#list-pull-requests-files`,
  },
];
const now = () => new Date().toISOString();

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return query;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    // Keep the scheme so tests can see a token was sent, never the token itself.
    headers[name] = name === 'authorization' ? `${text.split(' ')[0] ?? ''} [redacted]` : text;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
