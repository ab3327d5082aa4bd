import type { ModelDescriptor } from '../ports.js';

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
export function resolveModel(spec: string, catalogue: ModelDescriptor[] | null): ResolvedModel | { error: string } {
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
    if (builtIn) return { ...builtIn, source: 'built-in' };
    return {
      error: `unknown model line \`${wanted}\`: use \`haiku\`, \`sonnet\`, \`opus\` or a full model id`,
    };
  }
  const listed = catalogue?.find((m) => m.id === wanted);
  const table = Object.values(BUILT_IN_MODELS).find((m) => m.id === wanted);
  return {
    id: wanted,
    source: 'as-given',
    maxInputTokens: listed?.maxInputTokens ?? table?.maxInputTokens ?? UNKNOWN_LIMITS.maxInputTokens,
    maxOutputTokens: listed?.maxOutputTokens ?? table?.maxOutputTokens ?? UNKNOWN_LIMITS.maxOutputTokens,
  };
}
