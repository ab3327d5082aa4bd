import type { Config } from '../config/config.js';
import type { MonthUsage } from '../plan/budget.js';
import type { ForgeClient, Identity, IssueComment } from '../ports.js';
import { decodeState, stateTokens } from './marker.js';
import { isOwnSummary } from './own.js';

/** The first instant of `now`'s calendar month, UTC. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Tokens that this action's runs recorded this month, read back from the hidden state of its
 * own summary comments (each run records its own usage, so a comment edited across months is
 * counted only for this month's runs). Comments anyone else wrote never count.
 */
export function monthToDateTokens(comments: IssueComment[], now: Date, self: Identity | null): number {
  const start = monthStart(now).getTime();
  let total = 0;
  for (const c of comments) if (isOwnSummary(c, self)) total += stateTokens(decodeState(c.body), start);
  return total;
}

/**
 * Comments updated this month that the scan reads at most (every comment, anyone's, since the
 * forges cannot filter by author): 100 pages on GitHub, 200 on Gitea. A repository busier than
 * that is reported as not fully read, which a hard monthly budget treats as a stop.
 */
export const MONTH_SCAN_LIMIT = 10_000;

/**
 * Month-to-date usage from the forge, read only when a monthly budget is set. Fails closed:
 * when the action cannot tell its own comments, or the scan could not read them all, the
 * result says so instead of passing a partial sum for the whole.
 */
export async function readMonthUsage(
  forge: ForgeClient,
  config: Config,
  now: Date,
  self: Identity | null,
): Promise<MonthUsage | null> {
  if (config.maxTokensPerMonth === null) return null;
  if (!self) {
    return { tokens: 0, complete: false, why: 'the action could not tell which comments are its own' };
  }
  const keep = (c: IssueComment) => isOwnSummary(c, self);
  const { comments, complete, read } = await forge.listRepositoryComments(
    monthStart(now).toISOString(),
    MONTH_SCAN_LIMIT,
    keep,
  );
  const tokens = monthToDateTokens(comments, now, self);
  return complete
    ? { tokens, complete }
    : { tokens, complete, why: `more than ${read.toLocaleString('en-US')} comments were updated this month` };
}
