import { DEFAULT_CONFIG_FILES, WORKFLOW_INPUTS, FILE_SETTINGS } from '../config/inputs.js';
import { checkCredentials } from '../llm/credentials.js';
import { OUTSIDERS } from '../trigger/permission.js';
import type { Requester } from '../trigger/trigger.js';
import type { EarlyRequest } from './early-responses.js';

/** The GraphQL query the GitHub adapter asks whom its token posts as (github-graphql.ts sends the same). */
export const VIEWER_QUERY = `query { viewer { login databaseId } }`;
const JSON_ACCEPT = 'application/vnd.github.v3+json';
const DIFF_ACCEPT = 'application/vnd.github.v3.diff';
/** The version header `@anthropic-ai/sdk` 1.12 sends (a test checks the SDK's own request is the one answered early). */
const ANTHROPIC_VERSION = '2026-10-21';
const DEFAULT_ANTHROPIC_URL = 'https://api.anthropic.com';

type Env = Record<string, string | undefined>;
type Payload = {
  number?: number;
  pull_request?: { number?: number; draft?: boolean; head?: { sha?: string }; base?: { sha?: string } };
  issue?: { number?: number; pull_request?: unknown };
};

/** Associations whose `/review` almost always passes the write-access gate. */
const INSIDERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

const input = (env: Env, name: string) => env[`INPUT_${name.toUpperCase()}`]?.trim() ?? '';

/**
 * The reads every review on GitHub starts with, as the adapters will ask them: the pull
 * request and its diff, the conversation, whom the token posts as, the model list, and the
 * config file and the guidelines at the base commit and the archive of the head (at once for
 * a pull request event, whose payload names both commits; for a comment, as soon as the pull
 * request has named them). Empty where the early reads
 * could go wrong: another forge, a proxy (these requests would not go through it), or an
 * event that names no pull request.
 */
export function firstRequests(env: Env, payload: unknown, command: Requester | null = null): EarlyRequest[] {
  if (env.GITEA_ACTIONS === 'true' || env.FORGEJO_ACTIONS === 'true') return [];
  if (['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'].some((n) => env[n] || env[n.toLowerCase()])) return [];
  const p = (payload ?? {}) as Payload;
  const number = p.pull_request?.number ?? p.number ?? (p.issue?.pull_request ? p.issue.number : undefined);
  const token = input(env, 'github-token') || env.GITHUB_TOKEN?.trim() || '';
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!Number.isInteger(number) || !token || !owner || !repo || extra !== undefined) return [];

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
  const configFile = input(env, 'config-file') || WORKFLOW_INPUTS['config-file'];
  const configs = configFile === WORKFLOW_INPUTS['config-file'] ? DEFAULT_CONFIG_FILES : [configFile];
  const guidelines = FILE_SETTINGS['guidelines-files'].split(',').map((s) => s.trim());
  const archive = input(env, 'context-tokens') !== '0';
  const atCommits = (head: string, base: string): EarlyRequest[] => [
    ...[...configs, ...guidelines].map((path) => get(`/contents/${encodeURIComponent(path)}?ref=${base}`)),
    ...(archive ? [get(''), get(`/tarball/${head}`)] : []),
  ];
  // A comment's payload names no commit: they are read from the pull request as soon as it arrives.
  const pull: EarlyRequest = known
    ? get(`/pulls/${number}`)
    : { ...get(`/pulls/${number}`), then: (json) => fromPull(json, atCommits) };
  const requests: EarlyRequest[] = [
    pull,
    get(`/pulls/${number}`, DIFF_ACCEPT),
    get(`/issues/${number}/comments?per_page=100`, JSON_ACCEPT, true),
  ];
  if (!input(env, 'bot-login')) {
    requests.push({
      method: 'POST',
      url: `${api.replace(/\/api\/v3$/, '/api')}/graphql`,
      headers: { accept: JSON_ACCEPT, 'content-type': 'application/json; charset=utf-8', ...auth },
      body: JSON.stringify({ query: VIEWER_QUERY }),
    });
  }
  if (known) requests.push(...atCommits(headSha, baseSha));
  // A review command's author is looked up at once unless the event already settles it.
  const association = command?.association ?? null;
  if (command?.login && association !== 'OWNER' && !OUTSIDERS.has(association ?? '')) {
    requests.push(get(`/collaborators/${encodeURIComponent(command.login)}/permission`));
  }
  // Only a review that will most likely run asks the model API early: a pull request that is
  // not a draft, or `/review` from the owner, a member or a collaborator (a comment may be a
  // question, `help`, or from someone who may not start a review).
  const event = env.GITHUB_EVENT_NAME ?? '';
  const reviewing =
    ((event === 'pull_request' || event === 'pull_request_target') && !p.pull_request?.draft) ||
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

/**
 * The first page of the Models API, as the Anthropic SDK asks for it, with the credential the
 * SDK will use; none for another provider, and none for a credential the action refuses.
 */
function modelListRequest(env: Env): EarlyRequest | null {
  const provider = input(env, 'provider') || 'anthropic';
  if (provider !== 'anthropic') return null;
  const checked = checkCredentials({
    apiKey: input(env, 'anthropic-api-key'),
    authToken: input(env, 'anthropic-auth-token'),
    baseUrl: input(env, 'anthropic-base-url'),
  });
  if (!checked.ok) return null;
  const { apiKey, authToken, baseUrl } = checked.credentials;
  // The SDK sends either credential as a bearer token.
  return {
    method: 'GET',
    url: `${(baseUrl ?? DEFAULT_ANTHROPIC_URL).replace(/\/+$/, '')}/v1/models`,
    headers: {
      accept: 'application/json',
      'anthropic-version': ANTHROPIC_VERSION,
      authorization: `Bearer ${apiKey ?? authToken}`,
    },
  };
}
