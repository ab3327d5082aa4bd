import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { billedTokens, UsageLedger, type Reservation } from '../../src/llm/ledger.js';
import type { TokenUsage } from '../../src/ports.js';

const usage = (input: number, output: number, cacheWrite = 0, cacheRead = 0): TokenUsage => ({
  input,
  output,
  cacheWrite,
  cacheRead,
});

describe('UsageLedger', () => {
  test('a fresh ledger has spent nothing and has the whole ceiling left', () => {
    const l = new UsageLedger(10_000);
    expect(l.spent).toBe(0);
    expect(l.remaining).toBe(10_000);
    expect(l.total()).toEqual(usage(0, 0));
  });

  test('a reservation holds the input bound plus max_tokens, and never more than remains', () => {
    const l = new UsageLedger(10_000);
    const r = l.reserve(1000, 4000);
    expect(r).not.toBeNull();
    expect(r!.maxOutput).toBe(4000);
    expect(r!.tokens).toBe(l.inputBound(1000) + 4000);
    expect(l.inputBound(1000)).toBeGreaterThanOrEqual(1100);
    expect(l.remaining).toBe(10_000 - r!.tokens);
  });

  test('max_tokens is clamped to what remains after the input', () => {
    const l = new UsageLedger(5000);
    const r = l.reserve(2000, 64_000);
    expect(r!.maxOutput).toBe(5000 - l.inputBound(2000));
    expect(l.remaining).toBe(0);
  });

  test('reserve returns null when less than minOutput would be left for the answer', () => {
    const l = new UsageLedger(3000);
    const room = 3000 - l.inputBound(1500);
    expect(l.reserve(1500, 8000, room + 1)).toBeNull();
    expect(l.remaining).toBe(3000); // a refused reservation holds nothing
    expect(l.reserve(1500, 8000, room)?.maxOutput).toBe(room);
  });

  test('an input larger than the ceiling cannot be reserved', () => {
    const l = new UsageLedger(1000);
    expect(l.reserve(5000, 100)).toBeNull();
    expect(l.outputRoom(5000, 100)).toBe(0);
  });

  test('settling with usage replaces the reservation by what was billed', () => {
    const l = new UsageLedger(20_000);
    const r = l.reserve(4000, 8000)!;
    l.settle(r, usage(3900, 1200, 100, 50));
    expect(l.spent).toBe(3900 + 1200 + 100 + 50);
    expect(l.remaining).toBe(20_000 - 5250);
    expect(l.total()).toEqual(usage(3900, 1200, 100, 50));
  });

  test('settling with unknown usage (a cut stream) charges the whole reservation', () => {
    const l = new UsageLedger(20_000);
    const r = l.reserve(4000, 8000)!;
    l.settle(r, null);
    expect(l.spent).toBe(r.tokens);
    expect(l.remaining).toBe(20_000 - r.tokens);
    expect(l.total()).toEqual(usage(0, 0)); // nothing was reported, so the usage totals stay honest
  });

  test('settling the same reservation twice charges it once', () => {
    const l = new UsageLedger(20_000);
    const r = l.reserve(100, 1000)!;
    l.settle(r, usage(100, 10));
    l.settle(r, usage(100, 10));
    l.settle(r, null);
    expect(l.spent).toBe(110);
    expect(l.total()).toEqual(usage(100, 10));
  });

  test('a reservation from another ledger is ignored', () => {
    const a = new UsageLedger(10_000);
    const b = new UsageLedger(10_000);
    const r = a.reserve(100, 1000)!;
    const foreign: Reservation = { id: r.id + 100, tokens: r.tokens, cost: 0, maxOutput: r.maxOutput };
    a.settle(foreign, usage(100, 100));
    expect(a.spent).toBe(0);
    b.settle({ id: 99, tokens: 5, cost: 0, maxOutput: 1 }, null);
    expect(b.spent).toBe(0);
  });

  test('concurrent reservations share the ceiling', () => {
    const l = new UsageLedger(10_000);
    const a = l.reserve(1000, 3000)!;
    const b = l.reserve(1000, 3000)!;
    // 10,000 - 2 × (1,108 + 3,000) leaves 1,784: room for 676 answer tokens after a 1,000-token input.
    expect(l.reserve(1000, 3000, 1024)).toBeNull();
    const c = l.reserve(1000, 3000, 1)!;
    expect(c.maxOutput).toBe(10_000 - a.tokens - b.tokens - l.inputBound(1000));
    expect(a.tokens + b.tokens + c.tokens).toBe(10_000);
    expect(l.reserve(0, 10, 1)).toBeNull();
    l.settle(a, usage(900, 100));
    expect(l.remaining).toBe(10_000 - 1000 - b.tokens - c.tokens);
  });

  test('total sums the usage of every settled call', () => {
    const l = new UsageLedger(100_000);
    for (const u of [usage(10, 20, 30, 40), usage(1, 2, 3, 4)]) l.settle(l.reserve(50, 1000)!, u);
    expect(l.total()).toEqual(usage(11, 22, 33, 44));
    expect(billedTokens(l.total())).toBe(l.spent);
  });

  // BUG (ledger.ts, reserve): with minOutput 0 the check `room < minOutput` never fails, and
  // outputRoom clamps a negative room to 0, so an input that does not fit is reserved anyway.
  test('reserve with minOutput 0 still refuses an input that does not fit', () => {
    const l = new UsageLedger(1000);
    const r = l.reserve(5000, 100, 0);
    expect(r === null || r.tokens <= 1000).toBe(true);
  });

  test('property: spent + reserved never exceeds the ceiling while calls bill no more than they reserved', () => {
    type Op =
      | { kind: 'reserve'; input: number; maxOut: number; minOut: number }
      | { kind: 'settle'; pick: number; frac: number; lost: boolean };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('reserve' as const),
        input: fc.integer({ min: 0, max: 50_000 }),
        maxOut: fc.integer({ min: 0, max: 40_000 }),
        minOut: fc.integer({ min: 1, max: 4096 }),
      }),
      fc.record({
        kind: fc.constant('settle' as const),
        pick: fc.nat(),
        frac: fc.double({ min: 0, max: 1, noNaN: true }),
        lost: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.array(op, { maxLength: 60 }), (ceiling, ops) => {
        const l = new UsageLedger(ceiling);
        const open: { r: Reservation; input: number }[] = [];
        const reservedSum = () => open.reduce((s, o) => s + o.r.tokens, 0);
        for (const o of ops) {
          if (o.kind === 'reserve') {
            const r = l.reserve(o.input, o.maxOut, o.minOut);
            if (r) {
              expect(r.maxOutput).toBeLessThanOrEqual(o.maxOut);
              expect(r.maxOutput).toBeGreaterThanOrEqual(o.minOut);
              open.push({ r, input: o.input });
            }
          } else if (open.length > 0) {
            const [{ r, input }] = open.splice(o.pick % open.length, 1) as [{ r: Reservation; input: number }];
            // The API bills at most the counted input plus the margin, and at most max_tokens of output.
            const billedIn = Math.min(l.inputBound(input), Math.round(input * (1 + o.frac * 0.1)));
            l.settle(r, o.lost ? null : usage(billedIn, Math.floor(r.maxOutput * o.frac)));
          }
          expect(l.spent + reservedSum()).toBeLessThanOrEqual(ceiling);
          expect(l.remaining).toBe(ceiling - l.spent - reservedSum());
        }
        for (const { r } of open.splice(0)) l.settle(r, null);
        expect(l.spent).toBeLessThanOrEqual(ceiling);
      }),
      { numRuns: 300 },
    );
  });
});
