import { estimateTokens } from '../plan/estimate.js';
import type { ModelClient, ModelReply, ModelRequest } from '../ports.js';
import { requestText } from '../review/prompt.js';
import type { UsageLedger } from './ledger.js';

/** Below this many answer tokens a review is not worth paying for. */
export const MIN_USEFUL_OUTPUT = 1024;

export type InputCount = { tokens: number; exact: boolean };

/** Counts a request's input with the API (free) or, where the endpoint cannot, estimates it conservatively. */
export async function countInput(client: ModelClient | null, request: ModelRequest): Promise<InputCount> {
  const counted = client ? await client.countTokens(request) : null;
  return counted === null
    ? { tokens: estimateTokens(requestText(request)), exact: false }
    : { tokens: counted, exact: true };
}

/**
 * The input size to reserve for calls about to be reserved together: one call, or a wave of
 * parts started at once. `count_tokens` is a full round trip before the call can start, so it
 * is skipped when it could change nothing: if reservations with the conservative estimate as
 * input (the ledger adds its margin) still leave every call its whole `maxOutput`, the
 * estimates are used (`exact: false`). Otherwise each input is counted exactly, the counts
 * running concurrently. One promise per request, so a failed count fails only its own call.
 *
 * Safe because the estimate over-counts ordinary text (see estimate.ts) and the product already
 * relies on it where the endpoint cannot count. `exact: false` here says only that no count
 * was made, not that the endpoint cannot count; the planner's calibration asks `countInput`.
 */
export function sizeInputs(
  client: ModelClient | null,
  ledger: UsageLedger,
  requests: readonly ModelRequest[],
  maxOutput: number,
): Promise<InputCount>[] {
  const estimates = requests.map((r) => estimateTokens(requestText(r)));
  const input = estimates.reduce((n, e) => n + ledger.inputBound(e), 0);
  // inputRoom nets out the answers (tokens and dollars): for one call, the same test as
  // `outputRoom(estimate, maxOutput) >= maxOutput`.
  const fits = requests.length > 0 && ledger.inputRoom(maxOutput * requests.length) >= input;
  return requests.map((r, i) =>
    fits ? Promise.resolve({ tokens: estimates[i]!, exact: false }) : countInput(client, r),
  );
}

/** `sizeInputs` for one call. */
export function sizeInput(
  client: ModelClient | null,
  ledger: UsageLedger,
  request: ModelRequest,
  maxOutput: number,
): Promise<InputCount> {
  return sizeInputs(client, ledger, [request], maxOutput)[0]!;
}

export type GuardedResult =
  | { kind: 'answered'; reply: ModelReply; maxTokens: number }
  | { kind: 'does-not-fit'; inputTokens: number; remaining: number };

/**
 * Makes one model call only if the ledger can reserve its input and at least `minOutput`
 * answer tokens; `max_tokens` is clamped to what remains. A failed call is settled with the
 * whole reservation, since what it billed is unknown.
 */
export async function callWithinCeiling(
  client: ModelClient,
  ledger: UsageLedger,
  request: ModelRequest,
  input: InputCount,
  opts: { maxOutput: number; minOutput?: number },
): Promise<GuardedResult> {
  const reservation = ledger.reserve(input.tokens, opts.maxOutput, opts.minOutput ?? MIN_USEFUL_OUTPUT);
  if (!reservation) return { kind: 'does-not-fit', inputTokens: input.tokens, remaining: ledger.remaining };
  try {
    const reply = await client.complete(request, reservation.maxOutput);
    ledger.settle(reservation, reply.usage);
    return { kind: 'answered', reply, maxTokens: reservation.maxOutput };
  } catch (error) {
    // An error answer (HTTP 4xx/5xx, after the SDK's retries) bills nothing. A reply cut
    // midway may have billed anything up to the reservation, so it is charged all of it.
    const e = error as { status?: unknown; kind?: unknown };
    const answeredWithError = typeof e.status === 'number' && e.kind !== 'stream-cut';
    ledger.settle(reservation, answeredWithError ? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 } : null);
    throw error;
  }
}
