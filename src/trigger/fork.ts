type Repo = { full_name?: string } | null | undefined;
type Payload = { pull_request?: { head?: { repo?: Repo }; base?: { repo?: Repo } } };

/** Whether the event's pull request comes from another repository (a fork, or a deleted one). */
export function isForkPullRequest(payload: unknown): boolean {
  const pr = (payload as Payload | null)?.pull_request;
  if (!pr?.head || !pr.base?.repo?.full_name) return false;
  const head = pr.head.repo?.full_name;
  return head === undefined || head.toLowerCase() !== pr.base.repo.full_name.toLowerCase();
}

/** What a Gitea/Forgejo user must change to review pull requests from forks. */
export const FORK_ADVICE =
  'On Gitea and Forgejo, runs for pull requests from forks get a read-only automatic token and no secrets. ' +
  'To review them, trigger on `pull_request_target` (it runs the workflow of the base branch; this action never checks out or runs PR code) ' +
  'and pass a bot user’s token with write access as `github-token`. See the README section “Pull requests from forks”.';

/** What a GitHub user must change to review pull requests from forks (secrets are withheld from them). */
export const GITHUB_FORK_ADVICE =
  'GitHub gives runs for pull requests from forks no secrets and a read-only token. ' +
  'To review them, trigger on `pull_request_target` (it runs the workflow of the base branch; this action never checks out or runs PR code), ' +
  'or have a maintainer comment `/review`. See the README section “Pull requests from forks”.';
