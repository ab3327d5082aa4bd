import type { Config } from '../config/config.js';
import { DEFAULT_INPUT_MARGIN, UsageLedger } from '../llm/ledger.js';
import { MIN_USEFUL_OUTPUT } from '../llm/guarded-call.js';
import type { ResolvedModel } from './models.js';
import { priceFor, PRICE_TABLE, type Price } from './prices.js';

/** The built-in price table with the user's `price-table` entries on top. */
export function priceTable(config: Config): Record<string, Price> {
  return { ...PRICE_TABLE, ...config.priceTable };
}

/** The ledger of one run on `model`: the token ceiling, and the dollar cap priced for that model. */
export function createRunLedger(config: Config, ceiling: number, model: ResolvedModel): UsageLedger {
  const cost =
    config.maxCostUsd === null
      ? null
      : { limitUsd: config.maxCostUsd, price: priceFor(model.id, priceTable(config)).price };
  return new UsageLedger(ceiling, DEFAULT_INPUT_MARGIN, cost);
}

/** Smallest diff, in tokens, that is worth a review call. */
const MIN_USEFUL_DIFF_TOKENS = 2000;
/** Prompt, description and schema of one call, generously (the exact count comes later). */
const PROMPT_ALLOWANCE_TOKENS = 2500;

/** Whether `model` could make at least one useful call under this run's ceiling and dollar cap. */
export function canReviewUsefully(config: Config, ceiling: number, model: ResolvedModel, diffTokens: number): boolean {
  const ledger = createRunLedger(config, ceiling, model);
  const input = PROMPT_ALLOWANCE_TOKENS + Math.min(diffTokens, MIN_USEFUL_DIFF_TOKENS);
  return ledger.outputRoom(input, Math.min(config.maxOutputTokens, model.maxOutputTokens)) >= MIN_USEFUL_OUTPUT;
}
