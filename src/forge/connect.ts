import type { ForgeClient } from '../ports.js';
import { detectForge, forgeToken } from './detect.js';
import { createGiteaForge, isActionsToken, resolveForgeKind } from './gitea.js';
import { createGitHubForge } from './github.js';
import type { WrapFetch } from '../early/early-responses.js';

export type Connection = {
  forge: ForgeClient;
  /** The token is the runner's automatic one and the PR is from a fork: it cannot post (Gitea/Forgejo). */
  readOnlyFork: boolean;
};

/**
 * The forge this run is on (GitHub, Gitea or Forgejo, from the runner's environment and, when
 * the environment cannot tell Gitea from an old Forgejo runner, the server's version) and a
 * client for the pull request.
 */
export async function connectForge(opts: {
  env: Record<string, string | undefined>;
  tokenInput: string;
  repository: string;
  pullNumber: number;
  fork: boolean;
  /** The `bot-login` input, or null. */
  botLogin?: string | null;
  /** Serves the reads sent while the bundle loaded (src/early/). */
  wrapFetch?: WrapFetch;
  log: (msg: string) => void;
}): Promise<Connection> {
  const token = forgeToken(opts.tokenInput, opts.env);
  if (!token)
    throw new Error('Missing input `github-token`: pass `github-token: ${{ github.token }}` (or a bot token).');
  const [owner = '', repo = ''] = opts.repository.split('/');
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must be \`owner/repo\`; got "${opts.repository}"`);
  const detected = detectForge(opts.env);
  const apiUrl = opts.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
  const kind = await resolveForgeKind(detected, apiUrl, token, opts.log, opts.wrapFetch);
  const common = {
    token,
    apiUrl,
    owner,
    repo,
    pullNumber: opts.pullNumber,
    log: opts.log,
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
  };
  if (kind === 'github') {
    // A run makes two or three writes, so GitHub's one-write-a-second pacing would only add waiting.
    const forge = createGitHubForge({
      ...common,
      retry: { retries: 2, spaceWrites: false },
      wrapFetch: opts.wrapFetch,
    });
    return { forge, readOnlyFork: false };
  }
  const forge = createGiteaForge({ kind, ...common, wrapFetch: opts.wrapFetch });
  return { forge, readOnlyFork: opts.fork && (await isActionsToken(apiUrl, token, opts.log, opts.wrapFetch)) };
}
