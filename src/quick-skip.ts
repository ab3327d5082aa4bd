import { appendFileSync, writeSync } from 'node:fs';
import { statusOutputs } from './action-outputs.js';
import { inputOf } from './early/runner-env.js';
import { readTrigger, type Trigger } from './trigger/trigger.js';

/** Trigger phrases the quick path understands; anything else goes through the full config check. */
const PLAIN_PHRASE = /^[\w@/.-]{1,40}$/;

/**
 * Step outputs in the runner's file format, as `core.setOutput` writes them (`name<<delimiter`,
 * the value, the delimiter), so later steps' `if:` sees the same `status` as on the full path.
 * The values are the action's own words (a status, a reason), never a line of input, so the
 * delimiter need not be unguessable: `node:crypto` stays unloaded on the quickest path.
 */
export function appendOutputs(file: string | undefined, outputs: Record<string, string>): void {
  if (!file) return;
  const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const text = Object.entries(outputs)
    .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    .join('');
  appendFileSync(file, text);
}

/**
 * What a comment asks of the action, as the full path will read it; null for an event that is
 * not a comment, or a trigger phrase only the full config check understands.
 */
export function commentTrigger(env: NodeJS.ProcessEnv, payload: unknown): Trigger | null {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (event !== 'issue_comment' && event !== 'pull_request_review_comment') return null;
  const phrase = inputOf(env, 'trigger-phrase') || '/review';
  if (!PLAIN_PHRASE.test(phrase)) return null;
  return readTrigger(event, payload, { reviewDrafts: true, triggerPhrases: [phrase, '@claude-review'] });
}

/**
 * Most runs of a workflow with an `issue_comment` trigger are comments that say nothing to the
 * action ("thanks!", comments on issues). They are recognised here, before the SDK, the YAML
 * parser and the forge client are even loaded, and end with the same notice the full path
 * gives (`trigger` is `commentTrigger`'s). Returns true when the run was skipped.
 */
export function skipQuickly(env: NodeJS.ProcessEnv, trigger: Trigger | null): boolean {
  if (trigger?.kind !== 'ignore') return false;
  appendOutputs(env.GITHUB_OUTPUT, statusOutputs('skipped', 'not-triggered'));
  // Straight to the descriptor: creating `process.stdout` costs more than the rest of this path.
  writeSync(1, `::notice::Skipped: ${trigger.reason}.\n`);
  const summary = env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, `Claude review skipped: ${trigger.reason}.\n`);
  return true;
}
