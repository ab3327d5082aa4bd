import { z } from 'zod';

/** Opens the action's summary comment; only counts in a comment the action's own identity wrote (see own.ts). */
export const SUMMARY_MARKER = '<!-- claude-pr-review:summary -->';

const STATE_PREFIX = '<!-- claude-pr-review:state ';

const runSchema = z.object({
  at: z.string(),
  sha: z.string(),
  model: z.string(),
  tokens: z.number().int().nonnegative(),
  cost: z.number().nonnegative(),
});

/**
 * A run in progress: written before its first model call with the most it may spend, and
 * replaced by its run record when it ends. Budgets count it as spent, so a run that is killed
 * (or one that overlaps) can never make the recorded spend smaller than the billed spend.
 */
const pendingSchema = z.object({
  id: z.string(),
  at: z.string(),
  sha: z.string(),
  tokens: z.number().int().nonnegative(),
});

const stateSchema = z.object({
  v: z.literal(1),
  reviewedSha: z.string().nullable(),
  runs: z.array(runSchema),
  pending: z.array(pendingSchema).optional(),
});

export type RunRecord = z.infer<typeof runSchema>;
export type PendingRun = z.infer<typeof pendingSchema>;
export type ReviewState = z.infer<typeof stateSchema>;

export const EMPTY_STATE: ReviewState = { v: 1, reviewedSha: null, runs: [] };

/** Tokens a state accounts for: finished runs plus the reservations of runs still going (or killed). */
export function stateTokens(state: ReviewState, since = Number.NEGATIVE_INFINITY): number {
  let total = 0;
  for (const r of state.runs) if (Date.parse(r.at) >= since) total += r.tokens;
  for (const p of state.pending ?? []) if (Date.parse(p.at) >= since) total += p.tokens;
  return total;
}

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
  const { pending, ...rest } = state;
  const json = JSON.stringify(pending && pending.length > 0 ? { ...rest, runs, pending } : { ...rest, runs });
  return `${STATE_PREFIX}${Buffer.from(json, 'utf8').toString('base64url')} -->`;
}

/** The body's last line, where the action writes its state, and everything before it. */
function splitLastLine(body: string): { head: string; last: string } {
  const trimmed = body.trimEnd();
  const cut = trimmed.lastIndexOf('\n');
  return { head: cut < 0 ? '' : trimmed.slice(0, cut), last: trimmed.slice(cut + 1) };
}

/** The state encoded in `line`, when the whole line is one state marker; else null. */
function stateOfLine(line: string): ReviewState | null {
  if (!line.startsWith(STATE_PREFIX) || !line.endsWith(' -->')) return null;
  try {
    const b64 = line.slice(STATE_PREFIX.length, -' -->'.length);
    if (!/^[A-Za-z0-9_-]*$/.test(b64)) return null;
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Reads the state out of a summary comment body: only its last line counts, since the
 * action writes the state last and anything above it may quote model or user text.
 * Anything unreadable counts as no state.
 */
export function decodeState(body: string | null | undefined): ReviewState {
  if (!body) return EMPTY_STATE;
  return stateOfLine(splitLastLine(body).last) ?? EMPTY_STATE;
}

/** `body` with its hidden state replaced by `state` (appended when its last line holds none). */
export function replaceState(body: string, state: ReviewState): string {
  const { head, last } = splitLastLine(body);
  if (stateOfLine(last) === null) return `${body.trimEnd()}\n${encodeState(state)}`;
  return `${head}\n${encodeState(state)}`;
}
