import type { ForgeClient, Identity, IssueComment } from '../ports.js';
import { decodeState, EMPTY_STATE, SUMMARY_MARKER, encodeState, type PendingRun, type ReviewState } from './marker.js';
import { ownSummaries } from './own.js';

/**
 * The action's summary comment and the state it carries, read and written so that runs that
 * overlap (no concurrency group, or a cancelled run still ending) neither lose each other's
 * spend nor leave two summaries behind. The forge has no compare-and-swap for comments, so
 * every write re-reads the comment first, merges, writes, and reads back to check it held.
 */

/** A pending run younger than this blocks another review of the same head; older ones are taken as dead. */
export const PENDING_BLOCKS_MS = 20 * 60 * 1000;
/** Reservations this old are folded into the run history (still counted), keeping the state small. */
const PENDING_FOLD_MS = 24 * 60 * 60 * 1000;
/** Attempts of one read–merge–write–verify cycle before the run gives up on the record (and says so). */
const WRITE_ATTEMPTS = 4;

export type Summary = {
  /** The action's own summary comment, or null when it has none yet (or cannot tell which is its own). */
  comment: IssueComment | null;
  state: ReviewState;
};

/** The summary that counts: the first one the action itself created on this pull request. */
export async function loadSummary(forge: ForgeClient, self: Identity | null): Promise<Summary> {
  if (!self) return { comment: null, state: EMPTY_STATE };
  const [first] = ownSummaries(await forge.listComments(), self);
  return { comment: first ?? null, state: decodeState(first?.body) };
}

/** Old reservations become run records: their tokens still count, but they no longer grow the list. */
function foldOldPending(state: ReviewState, now: number): ReviewState {
  const old = (state.pending ?? []).filter((p) => now - Date.parse(p.at) > PENDING_FOLD_MS);
  if (old.length === 0) return state;
  const runs = [
    ...state.runs,
    ...old.map((p) => ({ at: p.at, sha: p.sha, model: 'unfinished run', tokens: p.tokens, cost: 0 })),
  ];
  return { ...state, runs, pending: (state.pending ?? []).filter((p) => !old.includes(p)) };
}

/** Another run's live reservation for the same head commit: that run is reviewing it right now. */
export function reviewInProgress(state: ReviewState, sha: string, runId: string, now: number): PendingRun | null {
  return (
    (state.pending ?? []).find(
      (p) => p.id !== runId && p.sha === sha && now - Date.parse(p.at) < PENDING_BLOCKS_MS && p.tokens > 0,
    ) ?? null
  );
}

export type Write = {
  /** The state to write, given the state on the forge right now. Null: write nothing (and stop). */
  next: (fresh: ReviewState) => ReviewState | null;
  /**
   * The comment body that carries `state` (the marker opens it; the state line ends it), given
   * the body on the forge right now (null for a new comment).
   */
  body: (state: ReviewState, current: string | null) => string;
  /** Whether `state`, read back after writing, holds what this write was for. */
  held: (state: ReviewState) => boolean;
  /** Told of each write as soon as the forge took it, before it is checked. */
  wrote?: (comment: IssueComment) => void;
};

export type Written =
  { comment: IssueComment; state: ReviewState; verified: boolean } | { comment: null; state: ReviewState };

/**
 * Writes the summary: re-reads it, lets `write.next` merge into what is there now, writes the
 * result and reads it back; repeats when a concurrent run overwrote it in between. A run that
 * creates the first summary and then finds an older one of its own (an overlapping run made
 * it a moment earlier) deletes its own and writes into that one.
 */
export async function writeSummary(
  forge: ForgeClient,
  self: Identity | null,
  known: IssueComment | null,
  write: Write,
  now = Date.now(),
): Promise<Written> {
  let target = known;
  let last: ReviewState = EMPTY_STATE;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const current = target ? await forge.getComment(target.id) : null;
    if (target && !current) target = null; // deleted meanwhile: start a new one
    const fresh = current ? decodeState(current.body) : EMPTY_STATE;
    const next = write.next(fresh);
    if (next === null) return { comment: null, state: fresh };
    last = foldOldPending(next, now);
    const body = write.body(last, current?.body ?? null);
    const written = target ? await forge.updateComment(target.id, body) : await forge.createComment(body);
    write.wrote?.(written);
    if (!target) {
      // Two runs that both found no summary each create one: the first created stays, and this
      // run writes into it (next round) and deletes its own.
      const older = await olderSummary(forge, self, written);
      if (older) {
        await forge.deleteComment(written.id).catch(() => {});
        target = older;
        continue;
      }
    }
    target = written;
    const check = await forge.getComment(written.id);
    const state = decodeState(check?.body);
    if (check && write.held(state)) return { comment: check, state, verified: true };
  }
  return target ? { comment: target, state: last, verified: false } : { comment: null, state: last };
}

/** An own summary created before `created`, when an overlapping run made one first. */
async function olderSummary(
  forge: ForgeClient,
  self: Identity | null,
  created: IssueComment,
): Promise<IssueComment | null> {
  if (!self) return null;
  const [first] = ownSummaries(await forge.listComments(), self);
  return first && first.id < created.id ? first : null;
}

/** A placeholder summary that only records spend: shown until the first review finishes. */
export function placeholderBody(state: ReviewState): string {
  return `${SUMMARY_MARKER}\n_No review yet: this comment records the tokens spent on this pull request._\n${encodeState(state)}`;
}

/** `state` without the reservation of run `runId`. */
export function withoutPending(state: ReviewState, runId: string): ReviewState {
  return { ...state, pending: (state.pending ?? []).filter((p) => p.id !== runId) };
}
