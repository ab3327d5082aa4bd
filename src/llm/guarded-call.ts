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
