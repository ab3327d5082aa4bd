import { statusOutputs } from './action-outputs.js';
import type { EarlyResponses } from './early/early-responses.js';
import { startEarlyReads } from './early/start.js';
import { readEventPayload } from './event-file.js';
import { appendOutputs, commentTrigger, skipQuickly } from './quick-skip.js';

/** How the action's CommonJS entry (launch.ts) hands its early reads to the bundle's main chunk. */
export const HANDOFF = Symbol.for('claude-pr-review.early-reads');
export type Handoff = { early: EarlyResponses | null };

/**
 * What every action run does first, before the rest of the bundle is loaded: check the event
 * file (`@actions/github` parses GITHUB_EVENT_PATH as soon as it loads, so a bad one ends in
 * one clear error here instead of a stack trace), skip a comment that says nothing to the
 * action, and send the first reads; then `rest` runs the review with them.
 */
export async function startAction(rest: (early: EarlyResponses | null) => Promise<void>): Promise<void> {
  let payload: unknown;
  try {
    payload = readEventPayload(process.env.GITHUB_EVENT_PATH?.trim() ?? '');
  } catch (error) {
    process.stdout.write(`::error::${(error as Error).message}\n`);
    process.exitCode = 1;
    appendOutputs(process.env.GITHUB_OUTPUT, statusOutputs('failed'));
    return;
  }
  const trigger = commentTrigger(process.env, payload);
  if (skipQuickly(process.env, trigger)) return;
  // The first reads go out now: loading the rest of the bundle takes longer than a round trip.
  const early = startEarlyReads(process.env, payload, trigger);
  // The first request goes onto the wire before compiling the rest of the bundle blocks the loop.
  await early?.started;
  // Stack traces name the source files through the shipped source maps; reading every chunk's
  // map costs tens of milliseconds, so only with debug logging on, when a failure logs its stack.
  if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true);
  await rest(early);
}
