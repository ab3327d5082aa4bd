import type { TokenUsage } from '../ports.js';

/** Billed tokens of one call: everything the API's `usage` charges for. */
export function billedTokens(u: TokenUsage): number {
  return u.input + u.output + u.cacheWrite + u.cacheRead;
}

export type Reservation = { readonly id: number; readonly tokens: number; readonly maxOutput: number };

/**
 * Owns the per-run token ceiling. Every model call first reserves the most it could bill
 * (its input, with a margin for counting error, plus its `max_tokens`); the reservation is
 * replaced by the billed usage when the call ends. Since reservations never exceed what
 * remains, the billed total can only pass the ceiling if the API bills more input than was
 * counted plus the margin — the margin is sized for that.
 */
export class UsageLedger {
  private spentTokens = 0;
  private open = new Map<number, number>();
  private nextId = 1;
  private readonly calls: TokenUsage[] = [];

  /**
   * @param ceiling the most billed tokens this run may spend
   * @param inputMargin fraction added to each counted input, for the gap between a count and the bill
   */
  constructor(
    readonly ceiling: number,
    readonly inputMargin = 0.1,
  ) {}

  get spent(): number {
    return this.spentTokens;
  }

  get remaining(): number {
    let reserved = 0;
    for (const t of this.open.values()) reserved += t;
    return Math.max(0, this.ceiling - this.spentTokens - reserved);
  }

  /** Input tokens to reserve for a counted input of `inputTokens`. */
  inputBound(inputTokens: number): number {
    return Math.ceil(inputTokens * (1 + this.inputMargin)) + 8;
  }

  /** The largest `max_tokens` that still fits after an input of `inputTokens`, never more than `cap`. */
  outputRoom(inputTokens: number, cap: number): number {
    return Math.max(0, Math.min(cap, this.remaining - this.inputBound(inputTokens)));
  }

  /** Reserves room for a call, or returns null when it cannot fit with at least `minOutput` tokens of answer. */
  reserve(inputTokens: number, maxOutput: number, minOutput = 1): Reservation | null {
    const room = this.outputRoom(inputTokens, maxOutput);
    if (room < minOutput) return null;
    const tokens = this.inputBound(inputTokens) + room;
    const r = { id: this.nextId++, tokens, maxOutput: room };
    this.open.set(r.id, tokens);
    return r;
  }

  /** Replaces a reservation by what the API billed. Unknown usage (a cut stream) keeps the whole reservation. */
  settle(r: Reservation, usage: TokenUsage | null): void {
    if (!this.open.delete(r.id)) return;
    const billed = usage ? billedTokens(usage) : r.tokens;
    this.spentTokens += billed;
    if (usage) this.calls.push(usage);
  }

  /** Sum of the usage of every settled call. */
  total(): TokenUsage {
    const t: TokenUsage = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
    for (const u of this.calls) {
      t.input += u.input;
      t.output += u.output;
      t.cacheWrite += u.cacheWrite;
      t.cacheRead += u.cacheRead;
    }
    return t;
  }
}
