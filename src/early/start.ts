import { isOAuthToken } from '../llm/credentials.js';
import { isForkPullRequest } from '../trigger/fork.js';
import type { Trigger } from '../trigger/trigger.js';
import { VERSION } from '../version.js';
import { EarlyResponses } from './early-responses.js';
import { firstRequests } from './first-requests.js';
import { inputOf } from './runner-env.js';

type Env = NodeJS.ProcessEnv;

/**
 * Sends the run's first reads at once, before the rest of the bundle loads; null when there is
 * nothing to send. Nothing is sent where the full path would send nothing either: with a
 * subscription OAuth token (refused before any request), or for a fork's pull request
 * without the Anthropic secret (which stands down). `trigger` is the comment's, if any.
 */
export function startEarlyReads(env: Env, payload: unknown, trigger: Trigger | null = null): EarlyResponses | null {
  const key = inputOf(env, 'anthropic-api-key');
  const token = inputOf(env, 'anthropic-auth-token');
  if (isOAuthToken(key) || isOAuthToken(token)) return null;
  if (isForkPullRequest(payload) && !key && !token) return null;
  const requests = firstRequests(env, payload, trigger?.kind === 'review' ? trigger.requester : null);
  return requests.length > 0 ? new EarlyResponses(requests, `claude-pr-review/${VERSION}`) : null;
}
