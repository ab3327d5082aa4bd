#!/usr/bin/env node
// One bundle serves the action and the local CLI. Each side loads only what it needs. The
// action starts at dist/launch/index.cjs (src/launch.ts), which hands over its first reads; a
// runner that starts this file itself gets the same start here. Someone who types
// `claude-pr-review` alone, outside a runner, gets the CLI's usage instead of a failed action.
import { HANDOFF, startAction, type Handoff } from './action-start.js';

const handoff = (globalThis as Record<symbol, Handoff | undefined>)[HANDOFF];
const underRunner = Boolean(process.env.GITHUB_ACTIONS || process.env.GITHUB_EVENT_PATH);
const review = async (early: Handoff['early']) => (await import('./main.js')).main(early);
if (handoff) {
  await review(handoff.early);
} else if (process.argv.length > 2 || !underRunner) {
  // Stack traces name the source files (the bundle ships its source maps).
  process.setSourceMapsEnabled(true);
  const { cli } = await import('./cli/cli.js');
  process.exitCode = await cli(process.argv.slice(2));
} else {
  await startAction(review);
}
