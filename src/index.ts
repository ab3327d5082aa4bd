#!/usr/bin/env node
// One bundle serves the action and the local CLI. Each side loads only what it needs. A runner
// passes no arguments and always sets GITHUB_ACTIONS and GITHUB_EVENT_PATH; someone who types
// `claude-pr-review` alone, outside a runner, gets the CLI's usage instead of a failed action.
// What every action run needs first (the event file, the quick skip) is in this file's chunk:
// each further chunk is a file read and a compile before anything can happen.
import { statusOutputs } from './action-outputs.js';
import { startEarlyReads } from './early/start.js';
import { readEventPayload } from './event-file.js';
import { appendOutputs, skipQuickly } from './quick-skip.js';

const underRunner = Boolean(process.env.GITHUB_ACTIONS || process.env.GITHUB_EVENT_PATH);
/**
 * Stack traces name the source files (the bundle ships its source maps). Reading the maps of
 * every chunk costs tens of milliseconds, so an action run reads them only when the step's
 * debug logging is on (`RUNNER_DEBUG=1`, "Re-run with debug logging"): that is when it logs a
 * failure's stack.
 */
const withSourceMaps = () => process.setSourceMapsEnabled(true);
if (process.argv.length > 2 || !underRunner) {
  withSourceMaps();
  const { cli } = await import('./cli/cli.js');
  process.exitCode = await cli(process.argv.slice(2));
} else {
  // `@actions/github` parses GITHUB_EVENT_PATH as soon as it loads: the file is checked first,
  // so a bad one ends in one clear error instead of a stack trace.
  let payload: unknown = null;
  try {
    payload = readEventPayload(process.env.GITHUB_EVENT_PATH?.trim() ?? '');
  } catch (error) {
    process.stdout.write(`::error::${(error as Error).message}\n`);
    process.exitCode = 1;
    appendOutputs(process.env.GITHUB_OUTPUT, statusOutputs('failed'));
  }
  if (process.exitCode !== 1 && !skipQuickly(process.env, payload)) {
    // The first reads go out now: loading the rest of the bundle takes longer than a round trip.
    const early = startEarlyReads(process.env, payload);
    // The first request goes onto the wire before compiling the rest of the bundle blocks the loop.
    await early?.started;
    if (process.env.RUNNER_DEBUG === '1') withSourceMaps();
    await (await import('./main.js')).main(early);
  }
}
