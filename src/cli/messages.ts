import { INPUT_NAMES } from '../config/inputs.js';
import { ModelError } from '../llm/anthropic.js';
import { checkCredentials, isOAuthToken, type Credentials } from '../llm/credentials.js';
import { BUILT_IN_MODELS, isModelLine } from '../plan/models.js';
import { priceFor, type Price } from '../plan/prices.js';

/** The environment variables the CLI reads in place of the action's credential inputs. */
const VARIABLES = {
  'anthropic-api-key': 'ANTHROPIC_API_KEY',
  'anthropic-auth-token': 'ANTHROPIC_AUTH_TOKEN',
  'anthropic-base-url': 'ANTHROPIC_BASE_URL',
} as const;

const GET_A_KEY =
  'Create a Console API key (console.anthropic.com → API keys) and `export ANTHROPIC_API_KEY=sk-ant-api03-…`; ' +
  '`claude-pr-review preview` needs no key.';

/**
 * Messages written for the action name its inputs and secrets; on the command line the same
 * settings are environment variables and `--flags`. Longest names first, so that
 * `model-small` is not read as `model`.
 */
export function inCliTerms(message: string): string {
  let out = message;
  for (const [input, variable] of Object.entries(VARIABLES)) {
    out = out
      .replaceAll(`the \`${input}\` secret`, variable)
      .replaceAll(`the \`${input}\` input`, variable)
      .replaceAll(`\`${input}\``, variable);
  }
  const names = [...INPUT_NAMES].sort((a, b) => b.length - a.length);
  out = out.replace(/`([a-z][a-z0-9-]*)`( input)?/g, (all, name: string, input?: string) =>
    (names as string[]).includes(name) ? `\`--${name}\`${input ? ' option' : ''}` : all,
  );
  return out
    .replace(/\bInvalid input\b/g, 'Invalid option')
    .replace(/\bin the secret\b/g, 'in the variable')
    .replace(/(ANTHROPIC_[A-Z_]+) (input|secret)\b/g, '$1');
}

export type CliCredentials = { ok: true; credentials: Credentials } | { ok: false; error: string };

/**
 * The Anthropic credential from the environment, checked as the action checks its inputs. A
 * subscription OAuth token is refused before anything is sent, with what to use instead.
 */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv, baseUrlFlag?: string): CliCredentials {
  const apiKey = env.ANTHROPIC_API_KEY?.trim() || undefined;
  const authToken = env.ANTHROPIC_AUTH_TOKEN?.trim() || undefined;
  const baseUrl = baseUrlFlag?.trim() || env.ANTHROPIC_BASE_URL?.trim() || undefined;
  const oauth = isOAuthToken(apiKey) ? 'ANTHROPIC_API_KEY' : isOAuthToken(authToken) ? 'ANTHROPIC_AUTH_TOKEN' : null;
  if (oauth) {
    return {
      ok: false,
      error:
        `${oauth} holds a Claude subscription OAuth token (\`sk-ant-oat…\`). The provider’s terms allow ` +
        'these only in its own clients (such as Claude Code), not in other tools, so nothing was sent. ' +
        `${GET_A_KEY} Or use your LLM gateway's token as ANTHROPIC_AUTH_TOKEN with ANTHROPIC_BASE_URL.`,
    };
  }
  if (!apiKey && !authToken) {
    return {
      ok: false,
      error: `\`review\` calls the model and needs ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a gateway) in the environment. ${GET_A_KEY.replace('needs no key', 'is the dry run and needs no key')}`,
    };
  }
  const checked = checkCredentials({ apiKey, authToken, baseUrl });
  return checked.ok ? { ok: true, credentials: checked.credentials } : { ok: false, error: inCliTerms(checked.error) };
}

/** What went wrong, in the CLI's terms, with the next step for the errors people meet first. */
export function explain(error: unknown): string {
  const message = inCliTerms(error instanceof Error ? error.message : String(error));
  if (error instanceof ModelError && error.kind === 'auth') {
    return `${message}\n${GET_A_KEY} With a gateway, ANTHROPIC_BASE_URL must be the endpoint the token belongs to.`;
  }
  return message;
}

/** Every model id the built-in tables know, in the Claude API's and the platforms' forms. */
function knownModel(id: string, prices: Record<string, Price>): boolean {
  return Object.values(BUILT_IN_MODELS).some((m) => m.id === id) || priceFor(id, prices).known;
}

/**
 * Warnings for model ids given as flags that no table knows: most often a typo, which a dry
 * run cannot catch (it asks no API) and which is priced at the highest rate.
 */
export function unknownModelWarnings(
  given: Record<string, string | undefined>,
  prices: Record<string, Price>,
): string[] {
  const out: string[] = [];
  for (const [flag, spec] of Object.entries(given)) {
    if (!spec || isModelLine(spec.trim()) || knownModel(spec.trim(), prices)) continue;
    const ids = Object.values(BUILT_IN_MODELS)
      .map((m) => m.id)
      .join(', ');
    out.push(
      `--${flag} \`${spec}\` matches no known model (lines: haiku, sonnet, opus; ids such as ${ids}). ` +
        'Check the spelling; its cost is estimated at the highest listed price.',
    );
  }
  return out;
}
