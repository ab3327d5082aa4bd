import { checkCredentials } from '../llm/credentials.js';
import type { EarlyRequest } from './early-responses.js';
import { inputOf } from './runner-env.js';

/** The version header `@anthropic-ai/sdk` 1.12 sends (a test checks the SDK's own request is the one answered early). */
const ANTHROPIC_VERSION = '2026-10-21';
const DEFAULT_ANTHROPIC_URL = 'https://api.anthropic.com';

type Env = Record<string, string | undefined>;

/**
 * The first page of the Models API, as the Anthropic SDK asks for it, with the credential the
 * SDK will use; none for another provider, and none for a credential the action refuses.
 */
export function modelListRequest(env: Env): EarlyRequest | null {
  const provider = inputOf(env, 'provider') || 'anthropic';
  if (provider !== 'anthropic') return null;
  const checked = checkCredentials({
    apiKey: inputOf(env, 'anthropic-api-key'),
    authToken: inputOf(env, 'anthropic-auth-token'),
    baseUrl: inputOf(env, 'anthropic-base-url'),
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
