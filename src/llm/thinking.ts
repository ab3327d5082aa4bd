/**
 * Thinking that fits the ceiling. The 5.x models think adaptively (`thinking: {type:
 * 'adaptive'}`), steered by `output_config.effort`; their thinking tokens are output tokens and
 * share `max_tokens` with the answer. A call clamped to a few thousand tokens must therefore
 * think less (a lower effort), or not at all where the model allows it, so that the structured
 * answer still fits after the thinking. Pure: no I/O, decided from the model id alone.
 */
import { EFFORTS } from '../config/effort.js';
import { apiModelId } from '../plan/models.js';
import type { Effort } from '../ports.js';

export { EFFORTS };
export type { Effort };

/** What a model accepts, by its id (Claude API id, or a Bedrock / Vertex AI form of one). */
export type ThinkingCapability = {
  /** Accepts `thinking: {type: 'adaptive'}`. */
  adaptive: boolean;
  /** Thinks adaptively whatever the request says (disabling thinking is refused with a 400). */
  alwaysThinks: boolean;
  /** Accepts `thinking: {type: 'disabled'}`. */
  canDisable: boolean;
  /** The effort levels `output_config.effort` accepts; empty where the parameter is refused. */
  efforts: readonly Effort[];
  /** Accepts `temperature` / `top_p` / `top_k` (the 5.x models refuse them). Never sent anyway. */
  sampling: boolean;
};

const NONE: ThinkingCapability = {
  adaptive: false,
  alwaysThinks: false,
  canDisable: true,
  efforts: [],
  sampling: true,
};

/** `claude-<family>-<major>[-<minor>]`: a minor of one or two digits, never an 8-digit date. */
function versionOf(id: string): { family: string; version: number } | null {
  const m = /^claude-([a-z]+)-(\d+)(?:-(\d{1,2}))?(?:-|$)/.exec(id);
  if (!m) return /^claude-(mythos|fable)(-|$)/.test(id) ? { family: id.split('-')[1]!, version: 5 } : null;
  return { family: m[1]!, version: Number(m[2]) + (m[3] ? Number(m[3]) / 10 : 0) };
}

/**
 * What `modelId` accepts, from the provider's docs (2026-11): adaptive thinking from Opus and
 * Sonnet 4.6, Haiku 5 and every Mythos / Fable model; effort from Opus 4.5; `xhigh` from Opus 4.7
 * and Sonnet 5 (Haiku 5.5 has all five levels). Opus from 4.7, Opus 5.5, Mythos and Fable only
 * think adaptively: they refuse `thinking: {type: 'disabled'}`. An id it cannot read gets nothing
 * new (no thinking, no effort), which every model accepts.
 */
export function thinkingCapability(modelId: string): ThinkingCapability {
  const v = versionOf(apiModelId(modelId));
  if (!v) return NONE;
  const { family, version } = v;
  const special = family === 'mythos' || family === 'fable';
  const adaptive =
    special || ((family === 'opus' || family === 'sonnet') && version >= 4.6) || (family === 'haiku' && version >= 5);
  const hasEffort = adaptive || (family === 'opus' && version >= 4.5);
  const xhigh =
    special ||
    (family === 'opus' && version >= 4.7) ||
    (family === 'sonnet' && version >= 5) ||
    (family === 'haiku' && version >= 5.5);
  const efforts = hasEffort ? EFFORTS.filter((e) => e !== 'xhigh' || xhigh) : [];
  const alwaysThinks = special || (family === 'opus' && (version === 4.7 || version >= 5.5));
  return { adaptive, alwaysThinks, canDisable: !alwaysThinks, efforts, sampling: version < 5 && !special };
}

/**
 * Output tokens a review's thinking typically takes at each effort. Only the ratio matters:
 * an effort is chosen when at least this much room is left after the answer.
 */
export const THINKING_ROOM: Record<Effort, number> = {
  low: 1_024,
  medium: 4_096,
  high: 12_000,
  xhigh: 24_000,
  max: 48_000,
};

/** Room kept for the answer after thinking on a model that always thinks, whatever the caller expects. */
export const MIN_ANSWER_ROOM = 1_024;

export type ThinkingPlan = {
  /** `adaptive`: send `thinking: {type: 'adaptive'}`; `disabled`: turn thinking off; null: send nothing. */
  thinking: 'adaptive' | 'disabled' | null;
  /** The effort to send as `output_config.effort`, or null for none. */
  effort: Effort | null;
  /** Why the effort is lower than asked (for the log and the summary), or null. */
  note: string | null;
};

/**
 * How a call with `maxTokens` of output may think, when its structured answer needs about
 * `answerTokens`. The highest effort at or below `wanted` whose typical thinking still leaves
 * the answer its room; when even `low` does not fit, thinking is turned off where the model
 * allows it, and kept at `low` where it always thinks (the caller reserves `minOutputFor` so
 * that such a call has room for both).
 */
export function planThinking(args: {
  model: string;
  wanted: Effort | null;
  maxTokens: number;
  answerTokens: number;
}): ThinkingPlan {
  const cap = thinkingCapability(args.model);
  if (cap.efforts.length === 0) return { thinking: null, effort: null, note: null };
  const wanted = clampEffort(args.wanted ?? 'medium', cap.efforts);
  const room = args.maxTokens - Math.max(args.answerTokens, MIN_ANSWER_ROOM);
  const allowed = cap.efforts.filter((e) => EFFORTS.indexOf(e) <= EFFORTS.indexOf(wanted));
  const fitting = [...allowed].reverse().find((e) => THINKING_ROOM[e] <= room);
  const lowered = (to: string) =>
    `effort lowered from \`${wanted}\` to ${to}: \`max_tokens\` ${args.maxTokens} leaves too little room for thinking and the answer`;
  if (fitting) {
    return {
      thinking: cap.adaptive ? 'adaptive' : null,
      effort: fitting,
      note: fitting === wanted ? null : lowered(`\`${fitting}\``),
    };
  }
  if (cap.alwaysThinks) return { thinking: 'adaptive', effort: 'low', note: lowered('`low`') };
  // Thinking off: effort still shapes the answer; xhigh and max need thinking, so at most high.
  const effort = clampEffort(
    wanted,
    cap.efforts.filter((e) => e !== 'xhigh' && e !== 'max'),
  );
  return {
    thinking: cap.adaptive ? 'disabled' : null,
    effort,
    note: cap.adaptive ? `thinking turned off: \`max_tokens\` ${args.maxTokens} leaves room only for the answer` : null,
  };
}

/** The highest of `allowed` at or below `effort` (the lowest allowed when none is). */
export function clampEffort(effort: Effort, allowed: readonly Effort[]): Effort {
  const below = allowed.filter((e) => EFFORTS.indexOf(e) <= EFFORTS.indexOf(effort));
  return below.at(-1) ?? allowed[0] ?? 'low';
}

/**
 * The least `max_tokens` worth reserving for a call whose answer needs about `answerTokens`:
 * on a model that always thinks, the answer plus the thinking of the lowest effort, so that a
 * tight ceiling skips the call (and says so) rather than paying for thinking with no answer.
 */
export function minOutputFor(model: string, answerTokens: number): number {
  const answer = Math.max(answerTokens, MIN_ANSWER_ROOM);
  return thinkingCapability(model).alwaysThinks ? answer + THINKING_ROOM.low : answer;
}

/** The request fields for a plan: `thinking` and `output_config.effort`, never sampling parameters. */
export function thinkingParams(plan: ThinkingPlan): {
  thinking?: { type: 'adaptive' } | { type: 'disabled' };
  effort?: Effort;
} {
  return {
    ...(plan.thinking ? { thinking: { type: plan.thinking } } : {}),
    ...(plan.effort ? { effort: plan.effort } : {}),
  };
}

/** What a reply that stopped at `max_tokens` while still thinking means for the user, or null. */
export function thinkingCutNote(
  reply: { stopReason: string | null; cutInThinking?: boolean },
  maxTokens: number,
): string | null {
  if (reply.stopReason !== 'max_tokens' || !reply.cutInThinking) return null;
  return `The model used all of \`max_tokens\` (${maxTokens.toLocaleString('en-US')}) thinking and wrote no answer: nothing was reviewed in this call. Raise \`max-tokens-per-run\`/\`max-output-tokens\` or lower the effort.`;
}
