import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { ConfigError, readConfig, type Config } from './config/config.js';
import { createGitHubForge } from './forge/github.js';
import { createAnthropicModelClient } from './llm/anthropic.js';
import { checkCredentials } from './llm/credentials.js';
import { actionOutputs } from './action-outputs.js';
import { run } from './run.js';
import { readTrigger } from './trigger/trigger.js';

function env(name: string): string {
  return process.env[name]?.trim() ?? '';
}

/** The model client, or null for a dry run; refuses bad credentials before any request. */
function modelClient(config: Config) {
  for (const secret of [config.credentials.apiKey, config.credentials.authToken]) if (secret) core.setSecret(secret);
  if (config.dryRun && !config.credentials.apiKey && !config.credentials.authToken) return null;
  const checked = checkCredentials(config.credentials);
  if (!checked.ok) throw new ConfigError(checked.error);
  for (const note of checked.notes) core.info(note);
  return createAnthropicModelClient(checked.credentials);
}

/** The action's composition root: the only place that reads the environment and `@actions/core`. */
export async function main(): Promise<void> {
  try {
    const config = readConfig((name) => core.getInput(name));
    const model = modelClient(config);
    const eventPath = env('GITHUB_EVENT_PATH');
    const payload: unknown = eventPath ? JSON.parse(readFileSync(eventPath, 'utf8')) : {};
    const trigger = readTrigger(env('GITHUB_EVENT_NAME'), payload, config);
    if (trigger.kind === 'ignore') {
      core.notice(`Skipped: ${trigger.reason}.`);
      await core.summary.addRaw(`Claude review skipped: ${trigger.reason}.`).write();
      return;
    }
    const token = config.githubToken || env('GITHUB_TOKEN');
    if (!token) throw new ConfigError('Missing input `github-token`: pass `github-token: ${{ github.token }}`.');
    core.setSecret(token);
    const [owner = '', repo = ''] = env('GITHUB_REPOSITORY').split('/');
    const forge = createGitHubForge({
      token,
      owner,
      repo,
      pullNumber: trigger.prNumber,
      apiUrl: env('GITHUB_API_URL') || 'https://api.github.com',
      log: (m) => core.info(m),
      // A run makes two or three writes, so GitHub's one-write-a-second pacing would only add waiting.
      retry: { retries: 2, spaceWrites: false },
    });
    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
    const result = await run({ config, forge, model, log });

    const findingsFile = join(env('RUNNER_TEMP') || tmpdir(), `claude-pr-review-findings-${trigger.prNumber}.json`);
    writeFileSync(findingsFile, `${JSON.stringify(result.findings ?? { summary: '', findings: [] }, null, 2)}\n`);
    for (const [name, value] of Object.entries(actionOutputs(result, findingsFile))) core.setOutput(name, value);
    await core.summary.addRaw(result.summaryMarkdown).write();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
