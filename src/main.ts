import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { actionOutputs, statusOutputs, type SkipReason } from './action-outputs.js';
import { ConfigError, readConfig, type Config } from './config/config.js';
import type { InputName } from './config/inputs.js';
import { loadRepoConfig } from './config/repo-config.js';
import { connectForge } from './forge/connect.js';
import { detectForge } from './forge/detect.js';
import { handle, type Handled } from './handle.js';
import { createAnthropicModelClient } from './llm/anthropic.js';
import { checkCredentials } from './llm/credentials.js';
import { checkPlatform, createPlatformClient } from './llm/provider.js';
import { annotationsFor } from './review/annotations.js';
import { toSarif } from './review/sarif.js';
import { VERSION } from './version.js';
import type { RunResult } from './run.js';
import { FORK_ADVICE, GITHUB_FORK_ADVICE, isForkPullRequest } from './trigger/fork.js';
import { readEventPayload } from './event-file.js';
import { readTrigger } from './trigger/trigger.js';

function env(name: string): string {
  return process.env[name]?.trim() ?? '';
}

/** The model client, or null for a dry run; refuses bad credentials before any request. */
function modelClient(config: Config, onGitea: boolean) {
  if (config.platform.provider !== 'anthropic') {
    // Amazon Bedrock or Vertex AI: region and project from the inputs, else the environment.
    const platform = checkPlatform(config, process.env);
    if (!platform.ok) throw new ConfigError(platform.error);
    for (const secret of platform.secrets) core.setSecret(secret);
    for (const note of platform.notes) core.info(note);
    return config.dryRun ? null : createPlatformClient(platform.settings, { timeoutMs: config.timeoutSeconds * 1000 });
  }
  if (config.dryRun && !config.credentials.apiKey && !config.credentials.authToken) return null;
  const checked = checkCredentials(config.credentials);
  // On Gitea/Forgejo a missing key is also what a pull request from a fork looks like.
  if (!checked.ok) throw new ConfigError(onGitea ? `${checked.error}\n${FORK_ADVICE}` : checked.error);
  for (const note of checked.notes) core.info(note);
  return createAnthropicModelClient({ ...checked.credentials, timeoutMs: config.timeoutSeconds * 1000 });
}

/**
 * A credential the workflow gives but that must never be sent (a subscription OAuth token) is
 * refused before the forge is asked for anything. A missing one is reported later, once the
 * config file had its say (it may ask for a dry run, or another provider).
 */
function refuseBadCredential(inputs: Config): void {
  if (!inputs.credentials.apiKey && !inputs.credentials.authToken) return;
  const checked = checkCredentials(inputs.credentials);
  if (!checked.ok) throw new ConfigError(checked.error);
}

function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

async function skip(reason: string, why: SkipReason): Promise<void> {
  setOutputs(statusOutputs('skipped', why));
  core.notice(`Skipped: ${reason}`);
  await core.summary.addRaw(`Claude review skipped: ${reason}\n`).write();
}

/** Outputs, findings file, annotations and job summary: the review wherever a person or a later step looks. */
async function deliver(result: RunResult, prNumber: number): Promise<void> {
  const findingsFile = join(env('RUNNER_TEMP') || tmpdir(), `claude-pr-review-findings-${prNumber}.json`);
  writeFileSync(findingsFile, `${JSON.stringify(result.findings ?? { summary: '', findings: [] }, null, 2)}\n`);
  const sarifFile = findingsFile.replace(/\.json$/, '.sarif');
  writeFileSync(sarifFile, `${JSON.stringify(toSarif(result.findings, VERSION), null, 2)}\n`);
  setOutputs(actionOutputs(result, findingsFile, sarifFile));
  for (const a of annotationsFor(result.placement)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  await core.summary.addRaw(result.summaryMarkdown).write();
  if (result.report.status === 'declined')
    core.warning('The model declined to review this change: nothing was reviewed.');
  if (result.postingError) {
    core.warning(
      `The review could not be posted (${result.postingError}). Its findings are in the job summary, the annotations and the \`findings-file\` output.`,
    );
  }
}

/** What a run that did not review leaves in the log and job summary; a review is delivered in full. */
async function report(handled: Handled, prNumber: number): Promise<void> {
  if (handled.kind === 'reviewed') return deliver(handled.result, prNumber);
  const line =
    handled.kind === 'refused'
      ? `Not started: ${handled.reason}. A polite reply was posted; no tokens were spent.`
      : handled.kind === 'helped'
        ? 'Posted the command help.'
        : `Question ${handled.result.answered ? 'answered' : 'not answered'} (${handled.result.tokens} tokens).`;
  core.info(line);
  setOutputs(handled.kind === 'refused' ? statusOutputs('skipped', 'not-allowed') : statusOutputs('answered'));
  core.setOutput('total-tokens', String(handled.kind === 'answered' ? handled.result.tokens : 0));
  await core.summary.addRaw(`Claude review: ${line}\n`).write();
}

/** What must still happen if the runner cancels the job: each records what its run was billed. */
const cancellation: Array<() => Promise<void>> = [];
/** How long a cancelled run may take to record its spend: the runner kills it soon after its signal. */
const CANCEL_GRACE_MS = 5000;

/**
 * A cancelled job (`cancel-in-progress`, a newer push, the Cancel button) gets SIGINT, then
 * SIGTERM, then is killed. Before exiting, the run records what it was billed so far, so the
 * PR's and the month's budgets still count it.
 */
function recordSpendOnCancel(): void {
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

/** The action's composition root: the only place that reads the environment and `@actions/core`. */
export async function main(): Promise<void> {
  recordSpendOnCancel();
  try {
    // The config is read twice. The workflow's inputs alone say how to reach the forge (token,
    // pull request, credentials); only then can the repository config file be read, from the
    // pull request's base commit, and merged under them (`config` below).
    const getInput = (name: InputName) => core.getInput(name);
    const inputs = readConfig(getInput, {}, undefined, 'workflow');
    for (const secret of [inputs.credentials.apiKey, inputs.credentials.authToken, inputs.githubToken]) {
      if (secret) core.setSecret(secret);
    }
    const payload = readEventPayload(env('GITHUB_EVENT_PATH'));
    // Drafts pass this first look: the config file may set `review-drafts` (decided below).
    const first = readTrigger(env('GITHUB_EVENT_NAME'), payload, { ...inputs, reviewDrafts: true });
    if (first.kind === 'ignore') return await skip(`${first.reason}.`, 'not-triggered');
    refuseBadCredential(inputs);

    const fork = isForkPullRequest(payload);
    const onGitea = detectForge(process.env) !== 'github';
    const noCredential =
      inputs.platform.provider === 'anthropic' &&
      !inputs.credentials.apiKey &&
      !inputs.credentials.authToken &&
      !inputs.dryRun;
    // Secrets are withheld from fork pull requests: a notice that says how to enable them, not a red run.
    if (fork && noCredential)
      return await skip(
        `the Anthropic key is not available to this run. ${onGitea ? FORK_ADVICE : GITHUB_FORK_ADVICE}`,
        'fork',
      );
    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
    const { forge, readOnlyFork } = await connectForge({
      env: process.env,
      tokenInput: inputs.githubToken,
      repository: env('GITHUB_REPOSITORY'),
      pullNumber: first.prNumber,
      fork,
      botLogin: inputs.botLogin,
      log: log.info,
    });
    if (readOnlyFork)
      return await skip(`this pull request comes from a fork and the token cannot post. ${FORK_ADVICE}`, 'fork');

    // What every review reads first is asked for now, in parallel, while the config file is read
    // (each answer is kept by the forge client). The file is read at the base commit the API
    // names (an event's payload may be older than the pull request).
    const early = Promise.all([forge.getDiff(), forge.identity()]);
    early.catch(() => {}); // a failure is reported where the pipeline asks again
    const repoConfig = await loadRepoConfig(forge, (await forge.getPullRequest()).baseSha, inputs.configFile, log);
    const config = readConfig(getInput, repoConfig.values, repoConfig.path ?? undefined, 'workflow');
    const trigger = readTrigger(env('GITHUB_EVENT_NAME'), payload, config);
    if (trigger.kind === 'ignore') return await skip(`${trigger.reason}.`, 'not-triggered');
    const model = modelClient(config, onGitea);

    const onCancel = (flush: () => Promise<void>) => cancellation.push(flush);
    await report(await handle(trigger, { config, forge, model, log, onCancel }), trigger.prNumber);
  } catch (error) {
    setOutputs(statusOutputs('failed'));
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
