import { describe, expect, test } from '@jest/globals';
import { estimateCost, PRICE_TABLE, priceFor, type Price } from '../../src/plan/prices.js';

const ZERO = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

describe('priceFor', () => {
  test('the longest matching prefix wins', () => {
    expect(priceFor('claude-sonnet-5-5').price).toEqual(PRICE_TABLE['claude-sonnet-5-5']);
    expect(priceFor('claude-sonnet-5-20260301').price).toEqual(PRICE_TABLE['claude-sonnet-5']);
    // sonnet-5-5 and sonnet-5 differ in cache-read price, so the wrong prefix would show.
    expect(priceFor('claude-sonnet-5-5-20260801').price.cacheRead).toBe(PRICE_TABLE['claude-sonnet-5-5']!.cacheRead);
    expect(priceFor('claude-opus-5-5').price.input).toBe(4);
    expect(priceFor('claude-opus-5-1').price.input).toBe(5);
  });

  test('a known id is marked known', () => {
    expect(priceFor('claude-haiku-4-5').known).toBe(true);
  });

  test('an unknown id is priced at least as high as every listed rate, so the estimate never understates', () => {
    const { price, known } = priceFor('some-gateway/custom-model');
    expect(known).toBe(false);
    for (const p of Object.values(PRICE_TABLE)) {
      for (const k of Object.keys(p) as (keyof Price)[]) expect(price[k]).toBeGreaterThanOrEqual(p[k]);
    }
  });

  test('an overriding table is used instead of the built-in one', () => {
    const table = { 'my-model': { input: 1, output: 2, cacheWrite: 3, cacheRead: 4 } };
    expect(priceFor('my-model-v2', table)).toEqual({ price: table['my-model'], known: true });
    expect(priceFor('claude-sonnet-5-5', table).known).toBe(false);
  });
});

describe('estimateCost', () => {
  test('adds each kind of token at its rate per million', () => {
    // sonnet 5.5: $2 in, $10 out, $2.5 cache write, $0.1 cache read
    const cost = estimateCost('claude-sonnet-5-5', {
      input: 100_000,
      output: 10_000,
      cacheWrite: 20_000,
      cacheRead: 50_000,
    });
    expect(cost).toBeCloseTo(0.2 + 0.1 + 0.05 + 0.005, 10);
  });

  test('no usage costs nothing', () => {
    expect(estimateCost('claude-opus-5-5', ZERO)).toBe(0);
  });

  test('one million output tokens of an unknown model costs the fallback output rate', () => {
    expect(estimateCost('unknown-model', { ...ZERO, output: 1_000_000 })).toBe(50);
  });

  test('the result is rounded to a millionth of a dollar', () => {
    const cost = estimateCost('claude-haiku-5-5', { ...ZERO, input: 1 }); // $0.0000001
    expect(cost).toBe(0);
    expect(estimateCost('claude-haiku-5-5', { ...ZERO, input: 7 })).toBe(0.000001);
  });
});
