import { isOAuthToken } from '../llm/credentials.js';
import { commentTrigger } from '../quick-skip.js';
import { isForkPullRequest } from '../trigger/fork.js';
import { VERSION } from '../version.js';
import { EarlyResponses } from './early-responses.js';
import { firstRequests } from './first-requests.js';

type Env = NodeJS.ProcessEnv;

/**
 * Sends the run's first reads at once, before the rest of the bundle loads; null when there is
 * nothing to send. Nothing is sent where the full path would send nothing either: with a
 * subscription OAuth token (refused before any request), or for a fork's pull request
 * without the Anthropic secret (which stands down).
 */
export function startEarlyReads(env: Env, payload: unknown): EarlyResponses | null {
  const key = env['INPUT_ANTHROPIC-API-KEY']?.trim();
  const token = env['INPUT_ANTHROPIC-AUTH-TOKEN']?.trim();
  if (isOAuthToken(key) || isOAuthToken(token)) return null;
  if (isForkPullRequest(payload) && !key && !token) return null;
  const trigger = commentTrigger(env, payload);
  const requests = firstRequests(env, payload, trigger?.kind === 'review' ? trigger.requester : null);
  return requests.length > 0 ? new EarlyResponses(requests, `claude-pr-review/${VERSION}`) : null;
}
