import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeGiteaSnapshot, type GiteaSnapshotInit } from './gitea-snapshot-routes.js';
import { createValidator, type ContractValidator } from './openapi-validator.js';

/**
 * A fake Gitea/Forgejo REST API (v1) on 127.0.0.1 for adapter tests: one repository in
 * memory and Gitea's behaviour where an adapter written for GitHub would go wrong —
 * unknown review events silently become PENDING reviews, new review comments join the
 * caller's stale pending review, both positions set means the old side, issue comments
 * come unpaginated, lists page with `page`/`limit` (≤ 50) and no `Link`, links use ROOT_URL,
 * and a fork PR's token is read-only. Every request is recorded and checked against the
 * Gitea subset of the swagger description; silent misbehaviour is listed in `quirks`.
 */

export type FakeGiteaPull = {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: 'open' | 'closed';
  user: string;
  headSha: string;
  baseSha: string;
  mergeBase: string;
  headRef: string;
  baseRef: string;
  /** `owner/repo` of the head branch; another repository for a fork PR. */
  headRepo: string;
  /** What `GET …/pulls/{index}.diff` returns. */
  diff: string;
};

export type FakeGiteaIssueComment = {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
};

export type FakeGiteaReviewComment = {
  id: number;
  path: string;
  body: string;
  /** Gitea's stored line: positive on the new side, negative on the old side. */
  line: number;
  /** Author, when not the review's (a reply made in the web UI joins the conversation's review). */
  user?: string;
  /** When it was written; a reply comes after its review was submitted. */
  createdAt?: string;
  /** Login of who resolved the conversation (the web UI sets it on its first comment); absent while open. */
  resolver?: string;
};

export type FakeGiteaReaction = { id: number; commentId: number; content: string; user: string };

/** Gitea's AccessMode names, as the collaborator permission endpoint answers them. */
export type FakeGiteaPermission = 'owner' | 'admin' | 'write' | 'read' | 'none';

/** A commit of the repository's history, for the compare endpoint. */
export type FakeGiteaCommit = { sha: string; parents: string[]; files: string[] };

export type FakeGiteaReview = {
  id: number;
  pullNumber: number;
  commitId: string;
  body: string;
  /** APPROVED, REQUEST_CHANGES, COMMENT or PENDING, as Gitea reports it. */
  state: string;
  user: string;
  comments: FakeGiteaReviewComment[];
  /** Id of the timeline comment that carries the review, for its `html_url`. */
  anchorId: number;
  /** When it was submitted (Gitea reports its update time as `submitted_at`). */
  submittedAt?: string;
};

export type FakeGiteaState = {
  owner: string;
  repo: string;
  /** The token's user: `gitea-actions` or `forgejo-actions` (id -2) for the automatic token. */
  bot: { login: string; id: number; isAdmin: boolean };
  /** Every other user's id, by login. */
  users: Record<string, number>;
  pulls: FakeGiteaPull[];
  issueComments: FakeGiteaIssueComment[];
  reviews: FakeGiteaReview[];
  /** Review comments sent with both positions non-zero (Gitea anchors them on the old side). */
  ambiguousPositions: Array<{ path: string; new_position: number; old_position: number }>;
  reactions: FakeGiteaReaction[];
  /** Permission by login; users not listed have `none`, except the bot (`write`). */
  permissions: Record<string, FakeGiteaPermission>;
  /** Known history, oldest first; a pull's base, merge base and head SHAs also exist. */
  commits: FakeGiteaCommit[];
  /** Repository files by commit (SHA or branch name) and path, for `…/contents/*` and `…/raw/*`. */
  files: Record<string, Record<string, string>>;
  nextId: number;
};

export type FakeGiteaInit = {
  /** Sets the default version and bot login. */
  flavor?: 'gitea' | 'forgejo';
  /** What `GET /version` answers; default `1.24.0`, or `11.0.1+gitea-1.22.0` for Forgejo. */
  version?: string;
  owner?: string;
  repo?: string;
  bot?: { login?: string; id?: number; isAdmin?: boolean };
  /** ROOT_URL, from which every `html_url` is built (not the API's address). */
  rootUrl?: string;
  pulls?: Array<Partial<FakeGiteaPull> & { number: number }>;
  issueComments?: Array<{ issueNumber: number; body: string; user?: string; updatedAt?: string }>;
  /** Existing reviews, e.g. a stale PENDING one of the bot; comments use Gitea's positions. */
  reviews?: Array<{
    pullNumber: number;
    user: string;
    state: string;
    body?: string;
    /** `reply`: written later in the web UI's reply box, which puts it in this review on the same line. */
    comments?: Array<{
      path: string;
      body: string;
      new_position?: number;
      old_position?: number;
      user?: string;
      reply?: boolean;
      /** Login of who resolved the conversation, answered as `resolver`. */
      resolver?: string;
    }>;
  }>;
  permissions?: Record<string, FakeGiteaPermission>;
  /** Commits with parents and touched files, for `GET …/compare/{base}...{head}`. */
  commits?: Array<{ sha: string; parents?: string[]; files?: string[] }>;
  /** Repository files: `{ [ref]: { [path]: text } }`; a ref or path not listed answers 404. */
  files?: Record<string, Record<string, string>>;
  /** How `files` are served as snapshots (tree paging, file-contents, archives). */
  snapshot?: GiteaSnapshotInit;
  /** Logins that do not exist on the server (404 from user lookups). */
  missingUsers?: string[];
  /** When set, requests without `token <this>` (or Bearer) get 401. */
  token?: string;
  /** Answer every write with 403, as for the automatic token of a fork PR. */
  readOnly?: boolean;
};

export type RecordedRequest = {
  method: string;
  /** Path as sent, including `/api/v1`. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased names; Authorization keeps only its scheme. */
  headers: Record<string, string>;
  body: unknown;
  status: number;
};

export type Fault = { headers?: Record<string, string>; body?: unknown; times?: number };

export type FakeGitea = {
  /** API base URL, e.g. http://127.0.0.1:PORT/api/v1 (what GITHUB_API_URL is on Gitea). */
  url: string;
  /** ROOT_URL the `html_url` fields use. */
  rootUrl: string;
  state: FakeGiteaState;
  requests: RecordedRequest[];
  /** Contract violations, one line each: `METHOD /path: what is wrong`. */
  violations: string[];
  /** Requests Gitea accepts but silently turns into something else (a PENDING review, an old-side anchor). */
  quirks: string[];
  /** Answer the next `times` (default 1) matching requests with `status` instead. */
  failNext(method: string, path: RegExp, status: number, fault?: Fault): void;
  /**
   * The next `times` (default 1) reviews fail with 500 at their first comment on `path`,
   * after the comments before it were stored in the bot's pending review, as Gitea does.
   */
  breakCommentOn(path: string, times?: number): void;
  close(): Promise<void>;
};

const API = '/api/v1';
const SPEC_FILE = new URL('../fixtures/contracts/forgejo-gitea-v1-subset.json', import.meta.url);
// Gitea's ReviewStateType values that submit a review, or keep it pending on purpose.
const EVENT_STATES: Record<string, string> = {
  APPROVED: 'APPROVED',
  REQUEST_CHANGES: 'REQUEST_CHANGES',
  COMMENT: 'COMMENT',
  PENDING: 'PENDING',
};
// setting.API.DefaultPagingNum and MaxResponseItems.
const DEFAULT_LIMIT = 30;
// setting.UI.Reactions by default.
const REACTIONS = ['+1', '-1', 'laugh', 'hooray', 'confused', 'heart', 'rocket', 'eyes'];
const MAX_LIMIT = 50;
let validator: ContractValidator | null = null;

/** Starts the fake on a free port. */
export async function startFakeGitea(initial: FakeGiteaInit = {}): Promise<FakeGitea> {
  validator ??= createValidator(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>);
  const check = validator;
  const forgejo = initial.flavor === 'forgejo';
  const version = initial.version ?? (forgejo ? '11.0.1+gitea-1.22.0' : '1.24.0');
  const root = (initial.rootUrl ?? 'https://git.example.com').replace(/\/+$/, '');
  const state = initialState(initial, forgejo);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const quirks: string[] = [];
  const faults: Array<{ method: string; path: RegExp; status: number; fault: Fault; left: number }> = [];
  const broken = new Map<string, number>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error), url: docs }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', apiBase);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      violations.push(`${method} ${url.pathname}: body is not JSON`);
      return reply(422, { message: 'invalid JSON body', url: docs });
    }
    const query = queryOf(url);
    const record: RecordedRequest = { method, path: url.pathname, query, headers: headersOf(req), body, status: 0 };
    requests.push(record);
    const errors = check.validate({ method, path: url.pathname, query, body });
    violations.push(...errors);

    function reply(status: number, data: unknown, headers: Record<string, string> = {}): void {
      record.status = status;
      send(res, status, data, headers);
    }

    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.left--;
      return reply(
        fault.status,
        fault.fault.body ?? { message: `Injected ${fault.status}`, url: docs },
        fault.fault.headers,
      );
    }
    if (initial.token !== undefined && req.headers.authorization?.replace(/^(token|bearer) /i, '') !== initial.token) {
      return reply(401, { message: 'user does not exist', url: docs });
    }
    if (errors.some((e) => /: (body\b|a request body|the operation takes no request body)/.test(e))) {
      return reply(422, { message: '[]: invalid request body', errors, url: docs });
    }
    if (!url.pathname.startsWith(`${API}/`)) return reply(...notFound());
    if (initial.readOnly && method !== 'GET' && method !== 'HEAD') {
      return reply(403, { message: 'user should have specific permission or be a site admin', url: docs });
    }
    const [status, data, headers] = route(method, url, url.pathname.slice(API.length), body);
    return reply(status, data, headers);
  }

  function route(method: string, url: URL, path: string, body: unknown): [number, unknown, Record<string, string>?] {
    const snapshot = routeGiteaSnapshot({ ...state, apiBase, init: initial.snapshot }, method, url, path, body);
    if (snapshot) return snapshot;
    if (path === '/version' && method === 'GET') return [200, { version }];
    if (path === '/user' && method === 'GET') return [200, userJson(state.bot.login)];
    const prefix = `/repos/${state.owner}/${state.repo}`;
    if (!path.startsWith(`${prefix}/`)) return notFound();
    const rest = path.slice(prefix.length);
    const input = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      return pull ? [200, pullJson(pull)] : notFound();
    }
    if ((m = /^\/pulls\/(\d+)\.(diff|patch)$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      return pull ? [200, pull.diff, { 'content-type': 'text/plain; charset=utf-8' }] : notFound();
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const pull = findPull(m[1]);
      if (!pull) return notFound();
      if (method === 'GET') {
        // Paged in the database first, then other users' pending reviews are dropped
        // (services/convert ToPullReviewList), so a page can come back short.
        const all = state.reviews.filter((r) => r.pullNumber === pull.number);
        const [items] = pageOf(url, all);
        const visible = items.filter((r) => r.state !== 'PENDING' || state.bot.isAdmin || r.user === state.bot.login);
        return [200, visible.map(reviewJson)];
      }
      if (method === 'POST') return createReview(pull, input);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews\/(\d+)$/.exec(rest))) {
      const pull = findPull(m[1]);
      const review = state.reviews.find((r) => r.id === Number(m?.[2]) && r.pullNumber === pull?.number);
      if (!review) return notFound();
      if (method === 'GET') return [200, reviewJson(review)];
      if (method === 'DELETE') {
        if (!state.bot.isAdmin && review.user !== state.bot.login) return forbidden();
        state.reviews.splice(state.reviews.indexOf(review), 1);
        return [204, ''];
      }
    }
    if (rest === '/issues/comments' && method === 'GET') {
      const list = filterSince(url, state.issueComments);
      const [items, total] = pageOf(url, list);
      return [200, items.map(commentJson), { 'x-total-count': String(total) }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issueNumber = Number(m[1]);
      if (method === 'GET') {
        // Not paginated: everything at once (page and limit are not even parameters).
        const list = filterSince(
          url,
          state.issueComments.filter((c) => c.issueNumber === issueNumber),
        );
        return [200, list.map(commentJson), { 'x-total-count': String(list.length) }];
      }
      if (method === 'POST') {
        const at = now();
        const comment = {
          id: state.nextId++,
          issueNumber,
          body: String(input.body),
          user: state.bot.login,
          createdAt: at,
          updatedAt: at,
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
        // routers/api/v1/repo/issue_comment.go: only the poster (or a writer) may edit.
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
      const content = String(input.content ?? '');
      // setting.UI.Reactions; anything else is refused with 403, not 422.
      if (!REACTIONS.includes(content)) return [403, { message: `'${content}' is not an allowed reaction`, url: '' }];
      const old = state.reactions.find(
        (r) => r.commentId === commentId && r.content === content && r.user === state.bot.login,
      );
      if (old) return [200, reactionJson(old)];
      const reaction = { id: state.nextId++, commentId, content, user: state.bot.login };
      state.reactions.push(reaction);
      return [201, reactionJson(reaction)];
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === 'GET') {
      const login = decodeURIComponent(m[1] ?? '');
      // routers/api/v1/repo/collaborators.go: site admins, repo admins and the user itself only.
      const repoAdmin = ['owner', 'admin'].includes(state.permissions[state.bot.login] ?? '');
      if (!state.bot.isAdmin && !repoAdmin && login !== state.bot.login) {
        return [
          403,
          {
            message:
              'Only admins can query all permissions, repo admins can query all repo permissions, collaborators can query only their own',
            url: docs,
          },
        ];
      }
      if (missing.has(login)) return [404, { message: `user does not exist [uid: 0, name: ${login}]`, url: docs }];
      const permission = state.permissions[login] ?? (login === state.bot.login ? 'write' : 'none');
      return [200, { permission, role_name: permission, user: userJson(login) }];
    }
    if ((m = /^\/compare\/([^/]+)$/.exec(rest)) && method === 'GET') return compare(decodeURIComponent(m[1] ?? ''));
    if ((m = /^\/pulls\/(\d+)\/reviews\/(\d+)\/comments$/.exec(rest)) && method === 'GET') {
      const pull = findPull(m[1]);
      const review = state.reviews.find((r) => r.id === Number(m?.[2]) && r.pullNumber === pull?.number);
      if (!pull || !review) return notFound();
      if (review.state === 'PENDING' && !state.bot.isAdmin && review.user !== state.bot.login) return notFound();
      // Gitea orders them by path and line (a map walk), not by time.
      const list = [...review.comments].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.id - b.id);
      return [200, list.map((c) => reviewCommentJson(pull, review, c))];
    }
    if ((m = /^\/(contents|raw)\/(.+)$/.exec(rest)) && method === 'GET') {
      return fileAt(m[1] as 'contents' | 'raw', m[2] ?? '', url.searchParams.get('ref') ?? 'main');
    }
    return notFound();
  }

  /**
   * Gitea's `/contents/*` and `/raw/*` routes take the path with its slashes; an escaped slash
   * (`%2F`, as Octokit sends a `{filepath}` parameter) is part of one name, so not found.
   * `contents` answers a file as base64 (a directory as a list), `raw` as the bytes.
   */
  function fileAt(kind: 'contents' | 'raw', rawPath: string, ref: string): [number, unknown, Record<string, string>?] {
    if (/%2f/i.test(rawPath)) {
      quirks.push(`GET …/${kind}/${rawPath}: an escaped slash is not a directory separator on Gitea`);
      return notFound();
    }
    const path = rawPath.split('/').map(decodeURIComponent).join('/');
    const tree = state.files[ref] ?? {};
    const text = tree[path];
    if (kind === 'raw') {
      return text === undefined ? notFound() : [200, text, { 'content-type': 'text/plain; charset=utf-8' }];
    }
    const at = `${apiBase}/repos/${state.owner}/${state.repo}`;
    const entry = (p: string, type: string, size: number) => ({
      name: p.split('/').pop() ?? p,
      path: p,
      sha: 'c'.repeat(40),
      last_commit_sha: ref,
      type,
      size,
      encoding: null as string | null,
      content: null as string | null,
      target: null,
      url: `${at}/contents/${p}?ref=${ref}`,
      html_url: `${root}/${state.owner}/${state.repo}/src/commit/${ref}/${p}`,
      git_url: `${at}/git/blobs/${'c'.repeat(40)}`,
      download_url: `${root}/${state.owner}/${state.repo}/raw/commit/${ref}/${p}`,
      submodule_git_url: null,
      _links: { self: `${at}/contents/${p}?ref=${ref}`, git: null, html: null },
    });
    if (text !== undefined) {
      const bytes = Buffer.from(text, 'utf8');
      return [200, { ...entry(path, 'file', bytes.length), encoding: 'base64', content: bytes.toString('base64') }];
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
   * routers/api/v1/repo/compare.go: `base...head` or `base..head`; each must be a known commit
   * (else 404); `commits` is `git log <merge base>..head`, newest first, each with its parents
   * and files; Forgejo also lists every commit's files at the top level, Gitea does not.
   */
  function compare(basehead: string): [number, unknown] {
    const [from = '', to = ''] = basehead.includes('...') ? basehead.split('...') : basehead.split('..');
    const byId = new Map(state.commits.map((c) => [c.sha, c]));
    const exists = (sha: string) =>
      byId.has(sha) || state.pulls.some((p) => [p.baseSha, p.mergeBase, p.headSha].includes(sha));
    // ctx.NotFound("BaseNotExist") / ("HeadNotExist"): the generic not-found answer.
    if (!exists(from) || !exists(to)) return notFound();
    const ancestors = (sha: string) => {
      const seen = new Set<string>();
      const todo = [sha];
      for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
        if (seen.has(next)) continue;
        seen.add(next);
        todo.push(...(byId.get(next)?.parents ?? []));
      }
      return seen;
    };
    const inBase = ancestors(from);
    const order = state.commits.map((c) => c.sha);
    const listed = [...ancestors(to)]
      .filter((sha) => !inBase.has(sha))
      .sort((a, b) => order.indexOf(b) - order.indexOf(a));
    const commits = listed.map((sha) => compareCommitJson(byId.get(sha) ?? { sha, parents: [], files: [] }));
    return [
      200,
      {
        total_commits: commits.length,
        commits,
        ...(forgejo ? { files: commits.flatMap((c) => c.files) } : {}),
      },
    ];
  }

  /** Gitea's CreatePullReview: each comment joins the caller's current pending review, which is then submitted. */
  function createReview(pull: FakeGiteaPull, input: Record<string, unknown>): [number, unknown] {
    const rawEvent = typeof input.event === 'string' ? input.event : '';
    const body = typeof input.body === 'string' ? input.body : '';
    const raw = (Array.isArray(input.comments) ? input.comments : []) as Array<Record<string, unknown>>;
    if (pull.state === 'closed') return unprocessable('pull request is closed');
    const stateName = EVENT_STATES[rawEvent];
    if (stateName === undefined) {
      quirks.push(`review event ${JSON.stringify(rawEvent)} is not a Gitea event: the review silently stays PENDING`);
    }
    const target = stateName ?? 'PENDING';
    const own = pull.user === state.bot.login;
    if (own && target === 'APPROVED') return unprocessable('approve your own pull is not allowed');
    if (own && target === 'REQUEST_CHANGES') return unprocessable('reject your own pull is not allowed');
    if (target === 'REQUEST_CHANGES' && body.trim() === '')
      return unprocessable('review event REQUEST_CHANGES requires a body');
    if (target === 'COMMENT' && body.trim() === '' && raw.length === 0) {
      return unprocessable('review event COMMENT requires a body or a comment');
    }

    let review = state.reviews.find(
      (r) => r.pullNumber === pull.number && r.user === state.bot.login && r.state === 'PENDING',
    );
    if (!review) {
      review = {
        id: state.nextId++,
        pullNumber: pull.number,
        commitId: pull.headSha,
        body: '',
        state: 'PENDING',
        user: state.bot.login,
        comments: [],
        anchorId: state.nextId++,
      };
      state.reviews.push(review);
    }
    for (const c of raw) {
      const path = String(c.path ?? '');
      const left = broken.get(path) ?? 0;
      if (left > 0) {
        broken.set(path, left - 1);
        return [500, { message: `LineBlame: file ${path} not found`, url: docs }];
      }
      const newLine = Number(c.new_position ?? 0);
      const oldLine = Number(c.old_position ?? 0);
      if (newLine !== 0 && oldLine !== 0) {
        state.ambiguousPositions.push({ path, new_position: newLine, old_position: oldLine });
        quirks.push(
          `comment on ${path} has new_position ${newLine} and old_position ${oldLine}: Gitea uses the old side`,
        );
      }
      review.comments.push({
        id: state.nextId++,
        path,
        body: String(c.body ?? ''),
        line: oldLine > 0 ? -oldLine : newLine,
        createdAt: now(),
      });
    }
    review.commitId = typeof input.commit_id === 'string' && input.commit_id !== '' ? input.commit_id : pull.headSha;
    review.body = body;
    review.state = target;
    review.submittedAt = now();
    return [200, reviewJson(review)];
  }

  const findPull = (n: string | undefined) => state.pulls.find((p) => p.number === Number(n));
  const missing = new Set(initial.missingUsers ?? []);
  const reactionJson = (r: FakeGiteaReaction) => ({ user: userJson(r.user), content: r.content, created_at: now() });
  const compareCommitJson = (c: FakeGiteaCommit) => {
    const at = `${root}/${state.owner}/${state.repo}`;
    const api = `${apiBase}/repos/${state.owner}/${state.repo}/git/commits`;
    const person = { name: 'Alice', email: 'alice@example.com', date: now() };
    return {
      url: `${api}/${c.sha}`,
      sha: c.sha,
      created: now(),
      html_url: `${at}/commit/${c.sha}`,
      commit: {
        url: `${api}/${c.sha}`,
        author: person,
        committer: person,
        message: `change ${c.files.join(', ')}`,
        tree: { url: `${apiBase}/repos/${state.owner}/${state.repo}/git/trees/${'f'.repeat(40)}`, sha: 'f'.repeat(40) },
        verification: {
          verified: false,
          reason: 'gpg.error.not_signed_commit',
          signature: '',
          signer: null,
          payload: '',
        },
      },
      author: userJson('alice'),
      committer: userJson('alice'),
      parents: c.parents.map((sha) => ({ url: `${api}/${sha}`, sha, created: now() })),
      files: c.files.map((filename) => ({ filename, status: 'modified' })),
      stats: { total: c.files.length, additions: c.files.length, deletions: 0 },
    };
  };
  /** services/convert ToPullReviewCommentList: `position` for the new side, `original_position` for the old. */
  const reviewCommentJson = (pull: FakeGiteaPull, r: FakeGiteaReview, c: FakeGiteaReviewComment) => ({
    id: c.id,
    body: c.body,
    user: userJson(c.user ?? r.user),
    resolver: c.resolver !== undefined ? userJson(c.resolver) : null,
    pull_request_review_id: r.id,
    created_at: c.createdAt ?? r.submittedAt ?? now(),
    updated_at: c.createdAt ?? r.submittedAt ?? now(),
    path: c.path,
    commit_id: r.commitId,
    original_commit_id: '',
    diff_hunk: '',
    position: c.line > 0 ? c.line : 0,
    original_position: c.line < 0 ? -c.line : 0,
    html_url: `${pullHtml(pull.number)}/files#issuecomment-${c.id}`,
    pull_request_url: pullHtml(pull.number),
  });
  const idOf = (login: string) =>
    login === state.bot.login ? state.bot.id : (state.users[login] ??= 100 + Object.keys(state.users).length);
  const userJson = (login: string) => ({
    id: idOf(login),
    login,
    login_name: '',
    full_name: '',
    email: `${login}@noreply.example.com`,
    avatar_url: `${root}/avatars/${login}`,
    html_url: `${root}/${login}`,
    is_admin: login === state.bot.login && state.bot.isAdmin,
  });
  const pullHtml = (n: number) => `${root}/${state.owner}/${state.repo}/pulls/${n}`;
  const issueHtml = (n: number) =>
    state.pulls.some((p) => p.number === n) ? pullHtml(n) : `${root}/${state.owner}/${state.repo}/issues/${n}`;
  const repoJson = (fullName: string) => {
    const [owner = '', name = ''] = fullName.split('/');
    return {
      id: fullName.length,
      name,
      full_name: fullName,
      owner: userJson(owner),
      html_url: `${root}/${fullName}`,
      fork: fullName !== `${state.owner}/${state.repo}`,
    };
  };
  const commentJson = (c: FakeGiteaIssueComment) => ({
    id: c.id,
    html_url: `${issueHtml(c.issueNumber)}#issuecomment-${c.id}`,
    pull_request_url: state.pulls.some((p) => p.number === c.issueNumber) ? pullHtml(c.issueNumber) : '',
    issue_url: `${root}/${state.owner}/${state.repo}/issues/${c.issueNumber}`,
    user: userJson(c.user),
    original_author: '',
    original_author_id: 0,
    body: c.body,
    assets: [],
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  });
  const reviewJson = (r: FakeGiteaReview) => ({
    id: r.id,
    user: userJson(r.user),
    team: null,
    state: r.state,
    body: r.body,
    commit_id: r.commitId,
    stale: false,
    official: false,
    dismissed: false,
    comments_count: r.comments.length,
    submitted_at: r.submittedAt ?? now(),
    updated_at: r.submittedAt ?? now(),
    html_url: `${pullHtml(r.pullNumber)}#issuecomment-${r.anchorId}`,
    pull_request_url: pullHtml(r.pullNumber),
  });
  const pullJson = (p: FakeGiteaPull) => ({
    id: p.number + 1000,
    url: `${root}/${state.owner}/${state.repo}/pulls/${p.number}`,
    number: p.number,
    user: userJson(p.user),
    title: p.title,
    body: p.body,
    labels: [],
    milestone: null,
    assignee: null,
    assignees: null,
    state: p.state,
    is_locked: false,
    comments: state.issueComments.filter((c) => c.issueNumber === p.number).length,
    html_url: pullHtml(p.number),
    diff_url: `${pullHtml(p.number)}.diff`,
    patch_url: `${pullHtml(p.number)}.patch`,
    mergeable: true,
    merged: false,
    merged_at: null,
    merge_commit_sha: null,
    merged_by: null,
    draft: p.draft,
    base: {
      label: p.baseRef,
      ref: p.baseRef,
      sha: p.baseSha,
      repo_id: 1,
      repo: repoJson(`${state.owner}/${state.repo}`),
    },
    head: { label: p.headRef, ref: p.headRef, sha: p.headSha, repo_id: 2, repo: repoJson(p.headRepo) },
    merge_base: p.mergeBase,
    created_at: now(),
    updated_at: now(),
  });

  /** Gitea's ListOptions: `page` from 1, `limit` defaulting to 30 and cut to 50; no Link header. */
  function pageOf<T>(url: URL, items: T[]): [T[], number] {
    const limit = Math.min(
      Math.max(Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, 1),
      MAX_LIMIT,
    );
    const current = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    return [items.slice((current - 1) * limit, current * limit), items.length];
  }

  /** `since` and `before` compare with `updated_at`, oldest first (created, then id). */
  function filterSince(url: URL, items: FakeGiteaIssueComment[]): FakeGiteaIssueComment[] {
    const since = url.searchParams.get('since');
    const before = url.searchParams.get('before');
    return items
      .filter((c) => since === null || Date.parse(c.updatedAt) >= Date.parse(since))
      .filter((c) => before === null || Date.parse(c.updatedAt) < Date.parse(before))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiBase = `${origin}${API}`;
  const docs = `${root}/api/swagger`;

  return {
    url: apiBase,
    rootUrl: root,
    state,
    requests,
    violations,
    quirks,
    failNext(method, path, status, fault = {}) {
      faults.push({ method: method.toUpperCase(), path, status, fault, left: fault.times ?? 1 });
    },
    breakCommentOn(path, times = 1) {
      broken.set(path, times);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function initialState(init: FakeGiteaInit, forgejo: boolean): FakeGiteaState {
  const owner = init.owner ?? 'octo';
  const repo = init.repo ?? 'repo';
  const pulls = (init.pulls ?? []).map((p): FakeGiteaPull => ({
    title: `PR ${p.number}`,
    body: '',
    draft: false,
    state: 'open',
    user: 'alice',
    headSha: 'b'.repeat(40),
    baseSha: 'a'.repeat(40),
    mergeBase: 'a'.repeat(40),
    headRef: 'feature',
    baseRef: 'main',
    headRepo: `${owner}/${repo}`,
    diff: '',
    ...p,
  }));
  const state: FakeGiteaState = {
    owner,
    repo,
    bot: {
      login: init.bot?.login ?? (forgejo ? 'forgejo-actions' : 'gitea-actions'),
      id: init.bot?.id ?? -2,
      isAdmin: init.bot?.isAdmin ?? false,
    },
    users: {},
    pulls,
    issueComments: [],
    reviews: [],
    ambiguousPositions: [],
    reactions: [],
    permissions: init.permissions ?? {},
    commits: (init.commits ?? []).map((c) => ({ sha: c.sha, parents: c.parents ?? [], files: c.files ?? [] })),
    files: init.files ?? {},
    nextId: 1,
  };
  for (const c of init.issueComments ?? []) {
    const at = c.updatedAt ?? now();
    state.issueComments.push({
      id: state.nextId++,
      issueNumber: c.issueNumber,
      body: c.body,
      user: c.user ?? 'alice',
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const r of init.reviews ?? []) {
    const head = pulls.find((p) => p.number === r.pullNumber)?.headSha ?? 'b'.repeat(40);
    state.reviews.push({
      id: state.nextId++,
      pullNumber: r.pullNumber,
      commitId: head,
      body: r.body ?? '',
      state: r.state,
      user: r.user,
      anchorId: state.nextId++,
      submittedAt: SEEDED_AT,
      comments: (r.comments ?? []).map((c) => ({
        id: state.nextId++,
        path: c.path,
        body: c.body,
        line: c.old_position ? -c.old_position : (c.new_position ?? 0),
        ...(c.user !== undefined ? { user: c.user } : {}),
        ...(c.resolver !== undefined ? { resolver: c.resolver } : {}),
        createdAt: c.reply ? REPLIED_AT : SEEDED_AT,
      })),
    });
  }
  return state;
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  const text = typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(text);
}

const notFound = (): [number, unknown] => [404, { message: "The target couldn't be found.", url: '', errors: [] }];
const forbidden = (): [number, unknown] => [403, { message: 'Must be repo admin or the reviewer', url: '' }];
const unprocessable = (message: string): [number, unknown] => [422, { message, url: '' }];
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
// Seeded reviews were submitted at SEEDED_AT; seeded replies came a minute later.
const SEEDED_AT = '2025-01-01T12:00:00Z';
const REPLIED_AT = '2025-01-01T12:01:00Z';

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
