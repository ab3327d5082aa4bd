/**
 * The per-tier `effort-small`, `effort-medium`, `effort-large` inputs: how hard the model of each
 * tier thinks (`output_config.effort`). Defaults grow with the tier, as the change does: a small
 * change needs a quick look, a large one the deepest. A model that does not accept a level gets
 * the nearest one below it (see src/llm/thinking.ts); one with no effort at all gets none.
 */
import type { Effort } from '../ports.js';

/** The API's effort levels, lowest first (`output_config.effort`). */
export const EFFORTS: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

/** The inputs and their defaults, to merge into INPUT_DEFAULTS. */
export const EFFORT_INPUT_DEFAULTS = {
  'effort-small': 'low',
  'effort-medium': 'medium',
  'effort-large': 'high',
} as const;

export type EffortInput = keyof typeof EFFORT_INPUT_DEFAULTS;

/** The effort of each tier, as Config carries it. */
export type TierEfforts = { small: Effort; medium: Effort; large: Effort };

export const DEFAULT_TIER_EFFORTS: TierEfforts = { small: 'low', medium: 'medium', large: 'high' };

export type ParsedEffort = { ok: true; value: Effort } | { ok: false; error: string };

/**
 * Reads one effort input: case and spaces do not matter, empty means the default. The error
 * names the input and the levels it takes.
 */
export function parseEffort(input: EffortInput, raw: string): ParsedEffort {
  const v = raw.trim().toLowerCase();
  if (v === '') return { ok: true, value: EFFORT_INPUT_DEFAULTS[input] };
  const found = EFFORTS.find((e) => e === v);
  if (found) return { ok: true, value: found };
  return {
    ok: false,
    error: `input \`${input}\` must be one of ${EFFORTS.map((e) => `\`${e}\``).join(', ')}; got "${raw}"`,
  };
}
