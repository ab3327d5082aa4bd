import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import type { WrapFetch } from '../early/early-responses.js';
import { redact } from './forge-error.js';

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

/**
 * The Octokit every GitHub adapter uses (bounded retries, rate limits obeyed); exported so the
 * snapshot reader (github-snapshot.ts) can share the same settings. Note that GraphQL counts
 * as a write for the throttling plugin: keep `spaceWrites: false` for batched blob reads.
 */
export function createOctokit(
  opts: { token: string; apiUrl: string; retry?: GitHubRetryOptions; wrapFetch?: WrapFetch },
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

  const options = {
    baseUrl: opts.apiUrl.replace(/\/+$/, ''),
    log: { debug: () => {}, info: () => {}, warn: say, error: say },
    // 406 (diff too large) and 422 (bad review) are answers, not glitches: never retried.
    // Rate limits (403/429) are left to the throttling plugin, which obeys retry-after.
    retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 406, 410, 422, 429, 451] },
    throttle,
  };
  return octokitWith(opts.wrapFetch, (extra) => getOctokit(opts.token, { ...options, ...extra }, retry, throttling));
}

/**
 * An Octokit from `make`, with `wrapFetch` (the early answers) in front of the proxy-aware
 * fetch that `@actions/github` sets up; `make` is called again with the wrapped fetch.
 */
export function octokitWith<T extends { request: { endpoint: { DEFAULTS: { request?: unknown } } } }>(
  wrapFetch: WrapFetch | undefined,
  make: (extra: { request?: { agent?: unknown; fetch: typeof globalThis.fetch } }) => T,
): T {
  const octokit = make({});
  if (!wrapFetch) return octokit;
  const { agent, fetch } = octokit.request.endpoint.DEFAULTS.request as {
    agent?: unknown;
    fetch: typeof globalThis.fetch;
  };
  return make({ request: { agent, fetch: wrapFetch(fetch) } });
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
