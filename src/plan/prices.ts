import type { TokenUsage } from '../ports.js';
import { apiModelId } from './models.js';

/** US dollars per million tokens. */
export type Price = { input: number; output: number; cacheWrite: number; cacheRead: number };

/**
 * Published list prices (2026-11), matched by id prefix, longest first. Cache writes are the
 * 5-minute rate (1.25 × input). Haiku 5.5's price rises above 100k prompt tokens; a single
 * review call stays below that by default, so the lower rate is used.
 */
export const PRICE_TABLE: Record<string, Price> = {
  'claude-haiku-5-5': { input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01 },
  'claude-sonnet-5-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1 },
  'claude-opus-5-5': { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 },
  'claude-sonnet-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
  'claude-opus-5': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-opus-4': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-sonnet-4': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-fable': { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 },
  'claude-mythos': { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 },
};

/** Unknown ids are priced at the most expensive listed rate, so an estimate never understates. */
const FALLBACK: Price = { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 };

export function priceFor(
  modelId: string,
  table: Record<string, Price> = PRICE_TABLE,
): { price: Price; known: boolean } {
  // A Bedrock or Vertex AI id is priced as the Claude API model inside it (list prices are the same).
  const apiId = apiModelId(modelId);
  const key = Object.keys(table)
    .filter((k) => modelId.startsWith(k) || apiId.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return key ? { price: table[key]!, known: true } : { price: FALLBACK, known: false };
}

/** US dollars of `u` at `price` (per million tokens). */
export function usageCost(u: TokenUsage, price: Price): number {
  return (
    (u.input * price.input +
      u.output * price.output +
      u.cacheWrite * price.cacheWrite +
      u.cacheRead * price.cacheRead) /
    1e6
  );
}

/** Estimated cost in US dollars of `usage` on `modelId`, rounded to a millionth of a dollar. */
export function estimateCost(modelId: string, usage: TokenUsage, table?: Record<string, Price>): number {
  return Math.round(usageCost(usage, priceFor(modelId, table).price) * 1e6) / 1e6;
}
