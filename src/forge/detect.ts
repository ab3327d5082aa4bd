/**
 * Which forge runs this job, from the runner's environment alone (no I/O). Every runner
 * sets `GITHUB_ACTIONS=true`, so only the forge-specific variables tell them apart.
 */

/** What the environment can tell: Gitea's runner and Forgejo runners before v7 look alike. */
export type DetectedForge = 'github' | 'forgejo' | 'forgejo-or-gitea';

/**
 * `FORGEJO_ACTIONS=true` (forgejo-runner ≥ v7) → 'forgejo'; `GITEA_ACTIONS=true` (Gitea's
 * act_runner, and older Forgejo runners) → 'forgejo-or-gitea', to be settled with
 * `resolveGiteaKind` (GET /version); anything else → 'github'.
 */
export function detectForge(env: Record<string, string | undefined>): DetectedForge {
  if (env.FORGEJO_ACTIONS === 'true') return 'forgejo';
  if (env.GITEA_ACTIONS === 'true') return 'forgejo-or-gitea';
  return 'github';
}

/**
 * The token to call the forge with: the `github-token` input when set, else the first of
 * `GITHUB_TOKEN`, `GITEA_TOKEN`, `FORGEJO_TOKEN` in the environment, else null. Gitea's
 * runner exposes the automatic token only as `${{ github.token }}` (the input's default);
 * Forgejo's runner also puts it in every step's environment.
 */
export function forgeToken(input: string | undefined, env: Record<string, string | undefined>): string | null {
  for (const candidate of [input, env.GITHUB_TOKEN, env.GITEA_TOKEN, env.FORGEJO_TOKEN]) {
    const token = candidate?.trim();
    if (token) return token;
  }
  return null;
}
