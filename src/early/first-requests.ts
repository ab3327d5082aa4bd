import { DEFAULT_CONFIG_FILES, WORKFLOW_INPUTS, FILE_SETTINGS } from '../config/inputs.js';
import { detectForge, forgeToken } from '../forge/detect.js';
import { isForkPullRequest } from '../trigger/fork.js';
import { OUTSIDERS } from '../trigger/permission.js';
import type { Requester } from '../trigger/trigger.js';
import type { EarlyRequest } from './early-responses.js';
import { modelListRequest } from './model-list.js';
import { inputOf } from './runner-env.js';

/** The GraphQL query the GitHub adapter asks whom its token posts as (github-graphql.ts sends the same). */
export const VIEWER_QUERY = `query { viewer { login databaseId } }`;
const JSON_ACCEPT = 'application/vnd.github.v3+json';
const DIFF_ACCEPT = 'application/vnd.github.v3.diff';

type Env = Record<string, string | undefined>;
type Payload = {
  number?: number;
  is_pull?: boolean;
  pull_request?: { number?: number; draft?: boolean; head?: { sha?: string }; base?: { sha?: string } };
  issue?: { number?: number; pull_request?: unknown };
};

/** Associations whose `/review` almost always passes the write-access gate. */
const INSIDERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

const segments = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Where each first read is, on one forge: paths below `/repos/{owner}/{repo}`, as its adapter asks them. */
type Routes = {
  pull: string;
  diff: { path: string; accept: string };
  comments: string;
  contents: (path: string, ref: string) => string;
  archive: (head: string) => string[];
  /** Whom the token posts as, or, for Gitea/Forgejo runners that cannot tell which, also the server's version. */
  identity: (api: string, auth: Record<string, string>) => EarlyRequest[];
};

const GITHUB: (n: number) => Routes = (n) => ({
  pull: `/pulls/${n}`,
  diff: { path: `/pulls/${n}`, accept: DIFF_ACCEPT },
  comments: `/issues/${n}/comments?per_page=100`,
  contents: (path, ref) => `/contents/${encodeURIComponent(path)}?ref=${ref}`,
  archive: (head) => ['', `/tarball/${head}`],
  identity: (api, auth) => [
    {
      method: 'POST',
      url: `${api.replace(/\/api\/v3$/, '/api')}/graphql`,
      headers: { accept: JSON_ACCEPT, 'content-type': 'application/json; charset=utf-8', ...auth },
      body: JSON.stringify({ query: VIEWER_QUERY }),
    },
  ],
});

const GITEA: (n: number, version: boolean) => Routes = (n, version) => ({
  pull: `/pulls/${n}`,
  diff: { path: `/pulls/${n}.diff`, accept: JSON_ACCEPT },
  comments: `/issues/${n}/comments`,
  // Gitea's `/contents/*` takes the path with its slashes, each segment escaped (gitea-contents.ts).
  contents: (path, ref) => `/contents/${segments(path)}?ref=${ref}`,
  archive: (head) => [`/archive/${segments(head)}.tar.gz`],
  identity: (api, auth) =>
    ['/user', ...(version ? ['/version'] : [])].map((path) => ({
      method: 'GET' as const,
      url: `${api}${path}`,
      headers: { accept: JSON_ACCEPT, ...auth },
    })),
});

/**
 * The reads every review starts with, as the adapters will ask them: the pull request and its
 * diff, the conversation, whom the token posts as, the model list, and the config file and
 * the guidelines at the base commit and the archive of the head (at once for a pull request
 * event, whose payload names both commits; for a comment, as soon as the pull request has
 * named them). Empty where the early reads could go wrong: behind a proxy (these requests
 * would not go through it), or for an event that names no pull request.
 */
export function firstRequests(env: Env, payload: unknown, command: Requester | null = null): EarlyRequest[] {
  if (['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'].some((n) => env[n] || env[n.toLowerCase()])) return [];
  const p = (payload ?? {}) as Payload;
  const onPull = Boolean(p.issue?.pull_request || p.is_pull);
  const number = p.pull_request?.number ?? p.number ?? (onPull ? p.issue?.number : undefined);
  const token = forgeToken(inputOf(env, 'github-token'), env);
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!Number.isInteger(number) || !token || !owner || !repo || extra !== undefined) return [];
  const n = number as number;
  // A runner that cannot tell Gitea from an old Forgejo has the server's version asked too.
  const forge = detectForge(env);
  const routes = forge === 'github' ? GITHUB(n) : GITEA(n, forge === 'forgejo-or-gitea');

  const api = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  const base = `${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const auth = { authorization: `token ${token}` };
  const get = (path: string, accept = JSON_ACCEPT, volatile = false): EarlyRequest => ({
    method: 'GET',
    url: `${base}${path}`,
    headers: { accept, ...auth },
    ...(volatile ? { volatile } : {}),
  });
  const headSha = p.pull_request?.head?.sha;
  const baseSha = p.pull_request?.base?.sha;
  const known = isSha(headSha) && isSha(baseSha);
  // The config file and the guidelines at the base commit, and the archive of the head.
  const configFile = inputOf(env, 'config-file') || WORKFLOW_INPUTS['config-file'];
  const configs = configFile === WORKFLOW_INPUTS['config-file'] ? DEFAULT_CONFIG_FILES : [configFile];
  const guidelines = FILE_SETTINGS['guidelines-files'].split(',').map((s) => s.trim());
  const archive = inputOf(env, 'context-tokens') !== '0';
  const atCommits = (head: string, at: string): EarlyRequest[] => [
    ...[...configs, ...guidelines].map((path) => get(routes.contents(path, at))),
    ...(archive ? routes.archive(head).map((path) => get(path)) : []),
  ];
  // A comment's payload names no commit: they are read from the pull request as soon as it arrives.
  const pull: EarlyRequest = known
    ? get(routes.pull)
    : { ...get(routes.pull), then: (json) => fromPull(json, atCommits) };
  const requests: EarlyRequest[] = [
    pull,
    get(routes.diff.path, routes.diff.accept),
    get(routes.comments, JSON_ACCEPT, true),
  ];
  if (!inputOf(env, 'bot-login')) requests.push(...routes.identity(api, auth));
  if (known) requests.push(...atCommits(headSha, baseSha));
  // A review command's author is looked up at once unless the event already settles it.
  const association = command?.association ?? null;
  if (command?.login && association !== 'OWNER' && !OUTSIDERS.has(association ?? '')) {
    requests.push(get(`/collaborators/${encodeURIComponent(command.login)}/permission`));
  }
  // Only a review that will most likely run asks the model API early: a pull request that is
  // neither a draft nor a fork's (whose token may not post), or `/review` from the owner, a
  // member or a collaborator (a comment may be a question, `help`, or from someone who may
  // not start a review).
  const event = env.GITHUB_EVENT_NAME ?? '';
  const reviewing =
    ((event === 'pull_request' || event === 'pull_request_target') &&
      !p.pull_request?.draft &&
      !isForkPullRequest(payload)) ||
    (association !== null && INSIDERS.has(association));
  const model = reviewing ? modelListRequest(env) : null;
  if (model) requests.push(model);
  return requests;
}

/** The reads at the commits a pull request (its API answer) names; none when it names none. */
function fromPull(json: unknown, atCommits: (head: string, base: string) => EarlyRequest[]): EarlyRequest[] {
  const pr = json as Payload['pull_request'];
  const head = pr?.head?.sha;
  const base = pr?.base?.sha;
  return isSha(head) && isSha(base) ? atCommits(head, base) : [];
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}$/.test(value);
}
