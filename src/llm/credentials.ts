/**
 * Checks the Anthropic credential inputs before any request is made. Pure: no I/O, no
 * environment. Every message names the action's inputs and never echoes a secret.
 */

export type Credentials = { apiKey?: string; authToken?: string; baseUrl?: string };

export type CredentialCheck = { ok: true; credentials: Credentials; notes: string[] } | { ok: false; error: string };

/** Prefix of Claude Pro/Max subscription OAuth tokens. */
const OAUTH_TOKEN_PREFIX = 'sk-ant-oat';

export const OAUTH_REFUSAL =
  'A Claude subscription OAuth token (`sk-ant-oat…`) was given. The provider’s terms allow these ' +
  'tokens only in its own clients (such as Claude Code), not in bots or CI, so this action refuses ' +
  'it and sends no request with it. Use a Console API key as `anthropic-api-key` ' +
  '(console.anthropic.com → API keys), or your LLM gateway’s token as `anthropic-auth-token` ' +
  'together with `anthropic-base-url`.';

const MISSING =
  'No Anthropic credential was given: set the `anthropic-api-key` input (or `anthropic-auth-token` ' +
  'for an LLM gateway). Add the key as a repository secret (GitHub: Settings → Secrets and variables ' +
  '→ Actions → New repository secret; Gitea/Forgejo: Settings → Actions → Secrets), e.g. named ' +
  'ANTHROPIC_API_KEY, and pass it with `anthropic-api-key: ${{ secrets.ANTHROPIC_API_KEY }}`. ' +
  'An empty value can also mean the workflow runs for a pull request from a fork, which does not ' +
  'receive the repository’s secrets.';

/**
 * Validates and normalises the credential inputs.
 *
 * - values are trimmed (secrets pasted with a trailing newline are common), empty means absent;
 * - a subscription OAuth token in either input is refused;
 * - with both inputs, the API key is used and a note says so (the SDK takes only one).
 */
export function checkCredentials(input: { apiKey?: string; authToken?: string; baseUrl?: string }): CredentialCheck {
  const apiKey = clean(input.apiKey);
  const authToken = clean(input.authToken);
  const baseUrl = clean(input.baseUrl);

  // Checked before anything else: nothing more is done with such a token.
  if (isOAuthToken(apiKey) || isOAuthToken(authToken)) {
    return { ok: false, error: OAUTH_REFUSAL };
  }
  if (apiKey === undefined && authToken === undefined) {
    return { ok: false, error: MISSING };
  }

  const problems: string[] = [];
  if (apiKey !== undefined && /\s/.test(apiKey)) {
    problems.push('`anthropic-api-key` contains whitespace inside it: store only the key itself in the secret.');
  }
  if (authToken !== undefined && /\s/.test(authToken)) {
    problems.push('`anthropic-auth-token` contains whitespace inside it: store only the token itself in the secret.');
  }
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    // The value is not echoed: a URL can carry a password in its user-info part.
    problems.push('`anthropic-base-url` is not an http(s) URL: expected a form like https://llm-gateway.example.com');
  }
  if (problems.length > 0) return { ok: false, error: problems.join('\n') };

  const notes: string[] = [];
  const credentials: Credentials = {};
  if (apiKey !== undefined) {
    credentials.apiKey = apiKey;
    if (authToken !== undefined) {
      notes.push(
        'Both `anthropic-api-key` and `anthropic-auth-token` were given; using `anthropic-api-key` ' +
          'and ignoring `anthropic-auth-token`. Remove one of them to silence this note.',
      );
    }
  } else if (authToken !== undefined) {
    credentials.authToken = authToken;
    if (baseUrl === undefined) {
      notes.push(
        '`anthropic-auth-token` was given without `anthropic-base-url`, so it is sent as a bearer ' +
          'token to the Anthropic API itself; set `anthropic-base-url` if it belongs to a gateway.',
      );
    }
  }
  if (baseUrl !== undefined) credentials.baseUrl = baseUrl;
  return { ok: true, credentials, notes };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function isOAuthToken(value: string | undefined): boolean {
  return value !== undefined && value.startsWith(OAUTH_TOKEN_PREFIX);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
