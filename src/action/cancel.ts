import * as core from '@actions/core';
import { statusOutputs } from '../action-outputs.js';
import { setOutputs } from './deliver.js';

/** What must still happen if the runner cancels the job: each records what its run was billed. */
const cancellation: Array<() => Promise<void>> = [];
/** How long a cancelled run may take to record its spend: the runner kills it soon after its signal. */
const CANCEL_GRACE_MS = 5000;

/**
 * A cancelled job (`cancel-in-progress`, a newer push, the Cancel button) gets SIGINT, then
 * SIGTERM, then is killed. Before exiting, the run records what it was billed so far, so the
 * PR's and the month's budgets still count it.
 */
export function recordSpendOnCancel(): void {
  let cancelling = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancelling) return;
    cancelling = true;
    core.warning(`Cancelled (${signal}): recording the tokens spent so far, then stopping.`);
    const grace = new Promise((done) => setTimeout(done, CANCEL_GRACE_MS).unref());
    void Promise.race([Promise.allSettled(cancellation.map((flush) => flush())), grace]).finally(() => {
      setOutputs(statusOutputs('failed'));
      core.setFailed(`The run was cancelled (${signal}).`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Hands a run's spend-recording over to the cancel handler (see RunDeps.onCancel). */
export function onCancel(flush: () => Promise<void>): void {
  cancellation.push(flush);
}
