#!/usr/bin/env node
// One bundle serves the action and the local CLI. Each side loads only what it needs. A runner
// passes no arguments and always sets GITHUB_ACTIONS and GITHUB_EVENT_PATH; someone who types
// `claude-pr-review` alone, outside a runner, gets the CLI's usage instead of a failed action.
const underRunner = Boolean(process.env.GITHUB_ACTIONS || process.env.GITHUB_EVENT_PATH);
/** Stack traces name the source files (the bundle ships its source maps); off for a quick skip, which never needs them. */
const withSourceMaps = () => process.setSourceMapsEnabled(true);
if (process.argv.length > 2 || !underRunner) {
  withSourceMaps();
  const { cli } = await import('./cli/cli.js');
  process.exitCode = await cli(process.argv.slice(2));
} else {
  // `@actions/github` parses GITHUB_EVENT_PATH as soon as it loads: the file is checked first,
  // so a bad one ends in one clear error instead of a stack trace.
  const { readEventPayload } = await import('./event-file.js');
  let payload: unknown = null;
  try {
    payload = readEventPayload(process.env.GITHUB_EVENT_PATH?.trim() ?? '');
  } catch (error) {
    process.stdout.write(`::error::${(error as Error).message}\n`);
    process.exitCode = 1;
    const { appendOutputs } = await import('./quick-skip.js');
    const { statusOutputs } = await import('./action-outputs.js');
    appendOutputs(process.env.GITHUB_OUTPUT, statusOutputs('failed'));
  }
  if (process.exitCode !== 1 && !(await import('./quick-skip.js')).skipQuickly(process.env, payload)) {
    withSourceMaps();
    await (await import('./main.js')).main();
  }
}

export {};
