import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { WrapFetch } from '../early/early-responses.js';
import type { DetectedForge } from './detect.js';
import { octokitWith } from './github-octokit.js';
import { redact } from './forge-error.js';
import type { GiteaKind } from './gitea.js';
import { describe, type ApiResponse } from './gitea-wire.js';

/**
 * Tells Forgejo from Gitea (both set `GITEA_ACTIONS`): Forgejo's `/version` answers
 * `X.Y.Z+gitea-A.B.C`. When the version cannot be read the answer is 'gitea': the two
 * behave the same for everything this adapter does, so only messages would differ.
 */
export async function resolveGiteaKind(
  apiUrl: string,
  token: string,
  log: (msg: string) => void = () => {},
  wrapFetch?: WrapFetch,
): Promise<GiteaKind> {
  const say = (msg: string) => log(redact(msg, [token]));
  try {
    const octokit = createClient(token, apiUrl, 1, 1000, say, wrapFetch);
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
  wrapFetch?: WrapFetch,
): Promise<'github' | GiteaKind> {
  return detected === 'forgejo-or-gitea' ? resolveGiteaKind(apiUrl, token, log, wrapFetch) : detected;
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
  wrapFetch?: WrapFetch,
) {
  const options = {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    log: { debug: () => {}, info: () => {}, warn: say, error: say },
    // Only server errors and lost connections are worth another try; 4xx are answers.
    retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 423] },
  };
  return octokitWith(wrapFetch, (extra) => getOctokit(token, { ...options, ...extra }, retry));
}

/** The client of `createClient`. */
export type GiteaClient = ReturnType<typeof createClient>;

/**
 * Whether `token` is the runner's automatic token (user `gitea-actions` / `forgejo-actions`,
 * id -2). On a pull request from a fork that token is read-only, whatever the workflow asks.
 */
export async function isActionsToken(
  apiUrl: string,
  token: string,
  log: (msg: string) => void = () => {},
  wrapFetch?: WrapFetch,
): Promise<boolean> {
  const say = (msg: string) => log(redact(msg, [token]));
  try {
    const octokit = createClient(token, apiUrl, 1, 1000, say, wrapFetch);
    const { data } = (await octokit.request('GET /user' as string)) as ApiResponse<{ id?: unknown; login?: unknown }>;
    return data.id === -2 || data.login === 'gitea-actions' || data.login === 'forgejo-actions';
  } catch (error) {
    say(`Could not read the token's user (${describe(error)}); assuming a personal token.`);
    return false;
  }
}
