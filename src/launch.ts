import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HANDOFF, startAction, type Handoff } from './action-start.js';

/**
 * The action's entry (action.yml `runs.main`, built to `dist/launch/index.cjs` through
 * launch.cjs). It is CommonJS because node starts a CommonJS file a few milliseconds sooner
 * than an ES module, and most runs (a comment that says nothing to the action) end here; a
 * review hands its first reads to the bundle's ES-module main chunk (`dist/index.js`).
 */
void startAction(async (early) => {
  (globalThis as Record<symbol, Handoff>)[HANDOFF] = { early };
  await import(/* webpackIgnore: true */ pathToFileURL(join(__dirname, '..', 'index.js')).href);
});
