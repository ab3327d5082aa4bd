import * as core from '@actions/core';
import { ConfigError, type Config } from '../config/config.js';
import { createAnthropicModelClient } from '../llm/anthropic.js';
import { checkCredentials } from '../llm/credentials.js';
import { checkPlatform, createPlatformClient } from '../llm/provider.js';
import { FORK_ADVICE } from '../trigger/fork.js';
import type { WrapFetch } from '../early/early-responses.js';

/** The model client, or null for a dry run; refuses bad credentials before any request. */
export function modelClient(config: Config, onGitea: boolean, wrapFetch?: WrapFetch) {
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
  return createAnthropicModelClient({ ...checked.credentials, timeoutMs: config.timeoutSeconds * 1000, wrapFetch });
}
