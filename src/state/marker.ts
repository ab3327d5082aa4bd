import { z } from 'zod';

/** Finds the action's own summary comment, whoever posted it (bot logins differ per forge). */
export const SUMMARY_MARKER = '<!-- claude-pr-review:summary -->';

const STATE_PREFIX = '<!-- claude-pr-review:state ';

const runSchema = z.object({
  at: z.string(),
  sha: z.string(),
  model: z.string(),
  tokens: z.number().int().nonnegative(),
  cost: z.number().nonnegative(),
});

const stateSchema = z.object({
  v: z.literal(1),
  reviewedSha: z.string().nullable(),
  runs: z.array(runSchema),
});

export type RunRecord = z.infer<typeof runSchema>;
export type ReviewState = z.infer<typeof stateSchema>;

export const EMPTY_STATE: ReviewState = { v: 1, reviewedSha: null, runs: [] };

/** Most runs kept in the marker; older ones are folded into the first so totals stay right. */
const MAX_RUNS = 50;

/**
 * The hidden state line. Base64url keeps it opaque to Markdown and free of `-->`,
 * so nothing in it can end the HTML comment early.
 */
export function encodeState(state: ReviewState): string {
  let runs = state.runs;
  if (runs.length > MAX_RUNS) {
    const old = runs.slice(0, runs.length - MAX_RUNS + 1);
    const folded: RunRecord = {
      at: old[old.length - 1]!.at,
      sha: old[old.length - 1]!.sha,
      model: 'earlier runs',
      tokens: old.reduce((s, r) => s + r.tokens, 0),
      cost: Math.round(old.reduce((s, r) => s + r.cost, 0) * 1e6) / 1e6,
    };
    runs = [folded, ...runs.slice(runs.length - MAX_RUNS + 1)];
  }
  const json = JSON.stringify({ ...state, runs });
  return `${STATE_PREFIX}${Buffer.from(json, 'utf8').toString('base64url')} -->`;
}

/** Reads the state out of a summary comment body; anything unreadable counts as no state. */
export function decodeState(body: string | null | undefined): ReviewState {
  if (!body) return EMPTY_STATE;
  // The real state line is the last thing the action writes; anything earlier could be quoted model text.
  const start = body.lastIndexOf(STATE_PREFIX);
  if (start < 0) return EMPTY_STATE;
  const end = body.indexOf(' -->', start + STATE_PREFIX.length);
  if (end < 0) return EMPTY_STATE;
  try {
    const json = Buffer.from(body.slice(start + STATE_PREFIX.length, end), 'base64url').toString('utf8');
    const parsed = stateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_STATE;
  } catch {
    return EMPTY_STATE;
  }
}

/** `body` with its hidden state replaced by `state` (appended when it had none). */
export function replaceState(body: string, state: ReviewState): string {
  const start = body.lastIndexOf(STATE_PREFIX);
  const end = start < 0 ? -1 : body.indexOf(' -->', start + STATE_PREFIX.length);
  if (start < 0 || end < 0) return `${body.trimEnd()}\n${encodeState(state)}`;
  return `${body.slice(0, start)}${encodeState(state)}${body.slice(end + ' -->'.length)}`;
}
