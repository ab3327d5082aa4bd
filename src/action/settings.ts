import * as core from '@actions/core';
import { ConfigError, readConfig, type Config } from '../config/config.js';
import type { InputName } from '../config/inputs.js';
import { loadRepoConfig } from '../config/repo-config.js';
import { prefetchContextBase } from '../context/for-run.js';
import { checkCredentials } from '../llm/credentials.js';
import type { ForgeClient, Logger } from '../ports.js';
import { FORK_ADVICE, GITHUB_FORK_ADVICE } from '../trigger/fork.js';

const getInput = (name: InputName) => core.getInput(name);

/** A runner variable, trimmed ('' when unset). */
export function env(name: string): string {
  return process.env[name]?.trim() ?? '';
}

/** The workflow's inputs alone (enough to reach the forge), with every secret masked in the log. */
export function readWorkflowInputs(): Config {
  const inputs = readConfig(getInput, {}, undefined, 'workflow');
  for (const secret of [inputs.credentials.apiKey, inputs.credentials.authToken, inputs.githubToken]) {
    if (secret) core.setSecret(secret);
  }
  return inputs;
}

/**
 * Why a fork's run must stand down: secrets are withheld from pull requests from forks, so
 * the run ends with a notice that says how to enable reviews there, not a red failure.
 */
export function forkWithoutSecret(fork: boolean, inputs: Config, onGitea: boolean): string | null {
  const { provider } = inputs.platform;
  const missing = provider === 'anthropic' && !inputs.credentials.apiKey && !inputs.credentials.authToken;
  if (!fork || !missing || inputs.dryRun) return null;
  return `the Anthropic key is not available to this run. ${onGitea ? FORK_ADVICE : GITHUB_FORK_ADVICE}`;
}

/**
 * The whole configuration: the repository config file, read at the pull request's base commit
 * (the API's: an event's payload may be older), merged under the workflow's inputs. What
 * every review reads first is asked for meanwhile, in parallel (the forge client keeps each
 * answer), and so are the base files context will want (the snapshot reader keeps those).
 */
export async function readSettings(forge: ForgeClient, inputs: Config, log: Logger): Promise<Config> {
  const early = Promise.all([forge.getDiff(), forge.identity()]);
  early.catch(() => {}); // a failure is reported where the pipeline asks again
  const { baseSha } = await forge.getPullRequest();
  const { snapshot } = forge;
  if (snapshot && inputs.contextTokens > 0) {
    void early.then(
      ([diff]) => prefetchContextBase(snapshot, diff, baseSha, inputs),
      () => {},
    );
  }
  const repoConfig = await loadRepoConfig(forge, baseSha, inputs.configFile, log);
  return readConfig(getInput, repoConfig.values, repoConfig.path ?? undefined, 'workflow');
}

/**
 * A credential the workflow gives but that must never be sent (a subscription OAuth token) is
 * refused before the forge is asked for anything. A missing one is reported later, once the
 * config file had its say (it may ask for a dry run, or another provider).
 */
export function refuseBadCredential(inputs: Config): void {
  if (!inputs.credentials.apiKey && !inputs.credentials.authToken) return;
  const checked = checkCredentials(inputs.credentials);
  if (!checked.ok) throw new ConfigError(checked.error);
}
