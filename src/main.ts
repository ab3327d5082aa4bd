import * as core from '@actions/core';
import { statusOutputs } from './action-outputs.js';
import { recordSpendOnCancel, onCancel } from './action/cancel.js';
import { report, setOutputs, skip } from './action/deliver.js';
import { env, forkWithoutSecret, readSettings, readWorkflowInputs, refuseBadCredential } from './action/settings.js';
import type { EarlyResponses } from './early/early-responses.js';
import { readEventPayload } from './event-file.js';
import { connectForge } from './forge/connect.js';
import { detectForge } from './forge/detect.js';
import { handle } from './handle.js';
import { FORK_ADVICE, isForkPullRequest } from './trigger/fork.js';
import { readTrigger } from './trigger/trigger.js';

/** The composition root: with src/action/, all that reads the environment; `early` holds the first reads. */
export async function main(early: EarlyResponses | null = null): Promise<void> {
  recordSpendOnCancel();
  try {
    // The workflow's inputs alone say how to reach the forge; the config file is merged under them.
    const inputs = readWorkflowInputs();
    const payload = readEventPayload(env('GITHUB_EVENT_PATH'));
    // Drafts pass this first look: the config file may set `review-drafts` (decided below).
    const first = readTrigger(env('GITHUB_EVENT_NAME'), payload, { ...inputs, reviewDrafts: true });
    if (first.kind === 'ignore') return await skip(`${first.reason}.`, 'not-triggered');
    refuseBadCredential(inputs);
    const fork = isForkPullRequest(payload);
    const onGitea = detectForge(process.env) !== 'github';
    const noSecret = forkWithoutSecret(fork, inputs, onGitea);
    if (noSecret) return await skip(noSecret, 'fork');

    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
    const { forge, readOnlyFork } = await connectForge({
      env: process.env,
      tokenInput: inputs.githubToken,
      repository: env('GITHUB_REPOSITORY'),
      pullNumber: first.prNumber,
      fork,
      botLogin: inputs.botLogin,
      wrapFetch: early?.wrap,
      log: log.info,
    });
    if (readOnlyFork)
      return await skip(`this pull request comes from a fork and the token cannot post. ${FORK_ADVICE}`, 'fork');
    // The model SDKs load while the forge answers: they are not needed before the first model call.
    const models = import('./action/model-client.js');
    const config = await readSettings(forge, inputs, log);
    const trigger = readTrigger(env('GITHUB_EVENT_NAME'), payload, config);
    if (trigger.kind === 'ignore') return await skip(`${trigger.reason}.`, 'not-triggered');
    const model = (await models).modelClient(config, onGitea, early?.wrap);
    await report(await handle(trigger, { config, forge, model, log, onCancel }), trigger.prNumber);
  } catch (error) {
    setOutputs(statusOutputs('failed'));
    if (error instanceof Error && error.stack) core.debug(error.stack); // shown with debug logging, mapped to src/
    core.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    early?.dispose();
  }
}
