import { usageCost, type Price } from '../plan/prices.js';
import type { TokenUsage } from '../ports.js';

/** Billed tokens of one call: everything the API's `usage` charges for. */
export function billedTokens(u: TokenUsage): number {
  return u.input + u.output + u.cacheWrite + u.cacheRead;
}

export type Reservation = {
  readonly id: number;
  readonly tokens: number;
  readonly cost: number;
  readonly maxOutput: number;
};

/** The default margin: a count within ±10 % of the bill means billed ≤ count / 0.9 ≈ count × 1.112. */
export const DEFAULT_INPUT_MARGIN = 0.12;

/**
 * Owns the per-run ceiling (tokens, and optionally estimated dollars). Every model call first
 * reserves the most it could bill: its counted input plus a margin for counting error, plus
 * its `max_tokens`. Reservations never exceed what remains, and a finished call replaces its
 * reservation with the billed usage, so the billed total cannot pass the ceiling as long as
 * the bill stays within the margin of the count.
 */
export class UsageLedger {
  private spentTokens = 0;
  private spentCost = 0;
  private readonly open = new Map<number, Reservation>();
  private nextId = 1;
  private readonly calls: TokenUsage[] = [];

  /**
   * @param ceiling the most billed tokens this run may spend
   * @param inputMargin fraction added to each counted input, for the gap between a count and the bill
   * @param cost an optional dollar cap, with the price of the model this run uses
   */
  constructor(
    readonly ceiling: number,
    readonly inputMargin = DEFAULT_INPUT_MARGIN,
    readonly cost: { limitUsd: number; price: Price } | null = null,
  ) {}

  get spent(): number {
    return this.spentTokens;
  }

  /** Billed tokens plus what calls still running have reserved: the most the run may have been billed so far. */
  get committed(): number {
    let reserved = 0;
    for (const r of this.open.values()) reserved += r.tokens;
    return this.spentTokens + reserved;
  }

  get spentUsd(): number {
    return this.spentCost;
  }

  get remaining(): number {
    let reserved = 0;
    for (const r of this.open.values()) reserved += r.tokens;
    return Math.max(0, this.ceiling - this.spentTokens - reserved);
  }

  private get remainingUsd(): number {
    if (!this.cost) return Infinity;
    let reserved = 0;
    for (const r of this.open.values()) reserved += r.cost;
    return Math.max(0, this.cost.limitUsd - this.spentCost - reserved);
  }

  /** Input tokens to reserve for a counted input of `inputTokens`. */
  inputBound(inputTokens: number): number {
    return Math.ceil(inputTokens * (1 + this.inputMargin)) + 8;
  }

  /** Dollars that `input` input tokens could cost (priced as cache writes, the dearest input). */
  private inputCost(input: number): number {
    if (!this.cost) return 0;
    return (input * Math.max(this.cost.price.input, this.cost.price.cacheWrite)) / 1e6;
  }

  /** The largest `max_tokens` that still fits after an input of `inputTokens`, never more than `cap`. */
  outputRoom(inputTokens: number, cap: number): number {
    const input = this.inputBound(inputTokens);
    let room = Math.min(cap, this.remaining - input);
    if (this.cost && this.cost.price.output > 0) {
      const dollars = this.remainingUsd - this.inputCost(input);
      room = Math.min(room, Math.floor((dollars * 1e6) / this.cost.price.output));
    }
    return Math.max(0, room);
  }

  /**
   * The most input tokens (margin included) that calls could still send if they also write
   * `outputTokens` in all, under both the token ceiling and the dollar cap. Planning uses it
   * to size how much diff fits.
   */
  inputRoom(outputTokens: number): number {
    let room = this.remaining - outputTokens;
    if (this.cost) {
      const perInput = Math.max(this.cost.price.input, this.cost.price.cacheWrite) / 1e6;
      const dollars = this.remainingUsd - (outputTokens * this.cost.price.output) / 1e6;
      if (perInput > 0) room = Math.min(room, Math.floor(dollars / perInput));
      else if (dollars < 0) room = -1;
    }
    return Math.max(0, room);
  }

  /** Reserves room for a call, or returns null when it cannot fit with at least `minOutput` tokens of answer. */
  reserve(inputTokens: number, maxOutput: number, minOutput = 1): Reservation | null {
    const input = this.inputBound(inputTokens);
    const room = this.outputRoom(inputTokens, maxOutput);
    if (room < minOutput || input + room > this.remaining) return null;
    const cost = this.cost ? this.inputCost(input) + (room * this.cost.price.output) / 1e6 : 0;
    const r: Reservation = { id: this.nextId++, tokens: input + room, cost, maxOutput: room };
    this.open.set(r.id, r);
    return r;
  }

  /**
   * Holds `tokens` back from planning (the verification share, reserved before the review's
   * parts are planned); `release` gives them back just before they are used.
   */
  hold(tokens: number): Reservation | null {
    const held = Math.min(Math.max(0, Math.floor(tokens)), this.remaining);
    if (held === 0) return null;
    const r: Reservation = { id: this.nextId++, tokens: held, cost: 0, maxOutput: 0 };
    this.open.set(r.id, r);
    return r;
  }

  /** Gives back a hold (or any reservation) unspent: nothing was billed against it. */
  release(r: Reservation | null): void {
    if (r) this.open.delete(r.id);
  }

  /** Replaces a reservation by what the API billed. Unknown usage (a cut stream) keeps the whole reservation. */
  settle(r: Reservation, usage: TokenUsage | null): void {
    if (!this.open.delete(r.id)) return;
    this.spentTokens += usage ? billedTokens(usage) : r.tokens;
    this.spentCost += usage && this.cost ? usageCost(usage, this.cost.price) : r.cost;
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
