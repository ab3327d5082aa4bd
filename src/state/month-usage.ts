import type { Config } from '../config/config.js';
import type { MonthUsage } from '../plan/budget.js';
import type { ForgeClient, IssueComment } from '../ports.js';
import { decodeState, SUMMARY_MARKER } from './marker.js';

/** The first instant of `now`'s calendar month, UTC. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Tokens that this action's runs recorded this month, read back from the hidden state of
 * every summary comment it updated since the month began (each run records its own usage,
 * so a comment edited across months is counted only for this month's runs).
 */
export function monthToDateTokens(comments: IssueComment[], now: Date): number {
  const start = monthStart(now).getTime();
  let total = 0;
  for (const c of comments) {
    if (!c.body.includes(SUMMARY_MARKER)) continue;
    for (const run of decodeState(c.body).runs) if (Date.parse(run.at) >= start) total += run.tokens;
  }
  return total;
}

/** Summary comments updated this month are read back for the monthly budget: at most this many. */
export const MONTH_SCAN_LIMIT = 1000;

/** Month-to-date usage from the forge, read only when a monthly budget is set. */
export async function readMonthUsage(forge: ForgeClient, config: Config, now: Date): Promise<MonthUsage | null> {
  if (config.maxTokensPerMonth === null) return null;
  const { comments, truncated } = await forge.listRepositoryComments(monthStart(now).toISOString(), MONTH_SCAN_LIMIT);
  return { tokens: monthToDateTokens(comments, now), truncated };
}
