import type { ModelDescriptor } from '../ports.js';
import type { Provider } from '../config/platform.js';

export type ModelSource = 'models-api' | 'built-in' | 'as-given';

export type ResolvedModel = {
  id: string;
  /** How the id was found: listed by the Models API, the built-in table, or given as a full id. */
  source: ModelSource;
  maxInputTokens: number;
  maxOutputTokens: number;
};

/**
 * Current ids per model line, used only where the Models API is unavailable (a gateway).
 * Checked against the provider's model overview of 2026-11.
 */
export const BUILT_IN_MODELS: Record<string, { id: string; maxInputTokens: number; maxOutputTokens: number }> = {
  haiku: { id: 'claude-haiku-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
  sonnet: { id: 'claude-sonnet-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
  opus: { id: 'claude-opus-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
};

/**
 * The built-in table's ids on the other Claude platforms (checked against the SDKs' READMEs and
 * the platforms' model tables of 2026-11). Bedrock: the model id behind the `global.` cross-region
 * inference profile, which every commercial region offers (newer models cannot be invoked on
 * demand by their bare `anthropic.…` id); give `us.…`/`eu.…`/`apac.…` ids as `model` to keep
 * requests in one geography. Vertex AI: since the 4.6 generation the ids are the API's, without
 * an `@date` version suffix.
 */
export const PLATFORM_MODEL_IDS: Record<string, Record<Exclude<Provider, 'anthropic'>, string>> = {
  'claude-haiku-5-5': { bedrock: 'global.anthropic.claude-haiku-5-5', vertex: 'claude-haiku-5-5' },
  'claude-sonnet-5-5': { bedrock: 'global.anthropic.claude-sonnet-5-5', vertex: 'claude-sonnet-5-5' },
  'claude-opus-5-5': { bedrock: 'global.anthropic.claude-opus-5-5', vertex: 'claude-opus-5-5' },
};

/**
 * The id of a Claude API model id on `provider`: from PLATFORM_MODEL_IDS, else by the platform's
 * naming rule (Bedrock `global.anthropic.<id>`; Vertex the id itself). Only first-party ids
 * (`claude-…`) are mapped: anything else is already a platform id and is returned unchanged.
 */
export function platformModelId(id: string, provider: Provider): string {
  if (provider === 'anthropic' || !id.startsWith('claude-')) return id;
  const listed = PLATFORM_MODEL_IDS[id]?.[provider];
  if (listed) return listed;
  return provider === 'bedrock' ? `global.anthropic.${id}` : id;
}

/**
 * The Claude API id inside a platform id, for prices and limits: strips a Bedrock ARN, inference
 * profile prefix (`global.`, `us.`, …), `anthropic.` and version suffix (`-v1:0`), and a Vertex
 * `@date`. `us.anthropic.claude-sonnet-4-5-20250929-v1:0` → `claude-sonnet-4-5-20250929`.
 */
export function apiModelId(id: string): string {
  const bedrock =
    /^(?:arn:[^/]+\/)?(?:[a-z]{2,6}(?:-[a-z]+)?\.)?anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(id);
  if (bedrock) return bedrock[1]!;
  const vertex = /^(claude-[a-z0-9.-]+)@[\w.-]+$/.exec(id);
  return vertex ? vertex[1]! : id;
}

/** Limits assumed for an id that neither the Models API nor the table describes. */
const UNKNOWN_LIMITS = { maxInputTokens: 200_000, maxOutputTokens: 32_000 };

/** Model lines the Models API knows today; a full id works for any other. */
export const MODEL_LINES: readonly string[] = ['haiku', 'sonnet', 'opus', 'fable', 'mythos'];

export function isModelLine(spec: string): boolean {
  return /^[a-z]+$/.test(spec) && !spec.startsWith('claude');
}

/**
 * Turns a model spec (a line such as `sonnet`, or a full id) into a model id.
 * A line resolves to the newest active model of that line in `catalogue`; with no catalogue
 * (endpoint unavailable) it uses the built-in table. A full id passes through unchanged,
 * taking its limits from the catalogue when listed.
 */
export function resolveModel(
  spec: string,
  catalogue: ModelDescriptor[] | null,
  provider: Provider = 'anthropic',
): ResolvedModel | { error: string } {
  const wanted = spec.trim();
  if (isModelLine(wanted)) {
    if (catalogue) {
      const newest = catalogue
        .filter((m) => m.active && m.line === wanted)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
      if (newest) {
        return {
          id: newest.id,
          source: 'models-api',
          maxInputTokens: newest.maxInputTokens ?? UNKNOWN_LIMITS.maxInputTokens,
          maxOutputTokens: newest.maxOutputTokens ?? UNKNOWN_LIMITS.maxOutputTokens,
        };
      }
      const lines = [...new Set(catalogue.filter((m) => m.active && m.line).map((m) => m.line))].sort();
      return {
        error: `no active model of line \`${wanted}\` is listed by the Models API (lines available: ${lines.join(', ') || 'none'}); set a model id instead`,
      };
    }
    const builtIn = BUILT_IN_MODELS[wanted];
    if (builtIn) return { ...builtIn, id: platformModelId(builtIn.id, provider), source: 'built-in' };
    return {
      error: `unknown model line \`${wanted}\`: use \`haiku\`, \`sonnet\`, \`opus\` or a full model id`,
    };
  }
  const listed = catalogue?.find((m) => m.id === wanted);
  const table = Object.values(BUILT_IN_MODELS).find((m) => m.id === apiModelId(wanted));
  return {
    // A built-in table id is the Claude API's: on Bedrock it needs the platform's form.
    id: table ? platformModelId(wanted, provider) : wanted,
    source: 'as-given',
    maxInputTokens: listed?.maxInputTokens ?? table?.maxInputTokens ?? UNKNOWN_LIMITS.maxInputTokens,
    maxOutputTokens: listed?.maxOutputTokens ?? table?.maxOutputTokens ?? UNKNOWN_LIMITS.maxOutputTokens,
  };
}
