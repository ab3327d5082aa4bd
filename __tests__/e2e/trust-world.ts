import type { ChildProcess } from 'node:child_process';
import { startFakeAnthropic, type FakeAnthropic, type RespondHook } from '../fakes/anthropic-server.js';
import { startFakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub } from '../fakes/github-server.js';
import { editedFile } from '../support/diffs.js';
import { GITEA_OWNER, GITEA_REPO, GITEA_ROOT_URL, giteaPayload } from './gitea-payloads.js';
import { startAction, type ActionRun } from './harness.js';
import { githubPayload } from './payloads.js';

/**
 * One pull request on either forge, as the trust tests need it: the fake forge and model, who
 * the bot is, how to seed comments by anyone, and how to run the bundled action on it.
 */
export type ForgeKindUnderTest = 'github' | 'gitea';

export type SeenComment = { id: number; issueNumber: number; body: string; user: string };

export type World = {
  kind: ForgeKindUnderTest;
  anthropic: FakeAnthropic;
  /** The login the action posts as on this forge. */
  bot: string;
  pr: number;
  head: () => string;
  comments: () => SeenComment[];
  /** The fake's own comment records, to edit in place as a person editing a comment would. */
  raw: () => SeenComment[];
  /** A conversation comment by `user` on issue `issueNumber`. */
  addComment: (issueNumber: number, body: string, user: string, updatedAt?: string) => void;
  /** Reviews the action posted (not seeded ones), with their inline comment bodies. */
  postedReviews: () => Array<{ body: string; comments: string[] }>;
  /** A new head commit whose changes touch the same lines again. */
  push: (sha: string) => void;
  /** Starts the action on the pull request's `pull_request` event (a push). */
  start: (inputs?: Record<string, string>) => { child: ChildProcess; done: Promise<ActionRun> };
  run: (inputs?: Record<string, string>) => Promise<ActionRun>;
  /** The next edit of a conversation comment is refused with `status`, as a forge refuses a body it will not take. */
  refuseNextEdit: (status: number) => void;
  /** Contract violations of the requests the action sent. */
  violations: () => string[];
  close: () => Promise<void>;
};

export const KEY = 'sk-ant-api03-trust-e2e-000000000000000000';
const TOKEN = 'forge-trust-e2e-token-0123456789abcdef';
/** Lines 10–14 of src/app.ts rewritten. */
export const DIFF = editedFile('src/app.ts', 60, 10, 14);

/** A finding on a changed line (line 12), as the model reports it. */
export const FINDING = {
  path: 'src/app.ts',
  line: 12,
  side: 'RIGHT',
  severity: 'high',
  title: 'Unchecked result',
  body: 'The result of `compute` is ignored.',
};

export const oneFinding: RespondHook = () => ({
  toolInput: { summary: 'Rewrites lines 10-14.', findings: [FINDING] },
});

const isoNow = () => new Date().toISOString();

type Seed = {
  /** An inline review comment on src/app.ts:12 by someone else, present from the start. */
  forgedReviewComment?: { body: string; user: string };
  /** The pull request's description. */
  description?: string;
  /** The verifier's answers (default: the fake confirms every candidate). */
  verify?: RespondHook;
  /** The pull request's diff (default: lines 10–14 of src/app.ts rewritten). */
  diff?: string;
};

/** A world on `kind` whose model answers with `respond`. */
export async function world(kind: ForgeKindUnderTest, respond: RespondHook = oneFinding, seed: Seed = {}) {
  const anthropic = await startFakeAnthropic({
    respond,
    credentials: { key: KEY },
    ...(seed.verify ? { verify: seed.verify } : {}),
  });
  const inputs = (extra: Record<string, string>) => ({
    'anthropic-api-key': KEY,
    'anthropic-base-url': anthropic.url,
    'github-token': TOKEN,
    'max-tokens-per-run': '60000',
    ...extra,
  });
  const w = kind === 'github' ? await githubWorld(anthropic, inputs, seed) : await giteaWorld(anthropic, inputs, seed);
  return { ...w, run: (extra: Record<string, string> = {}) => w.start(extra).done } satisfies World;
}

type Inputs = (extra: Record<string, string>) => Record<string, string>;

async function githubWorld(anthropic: FakeAnthropic, inputs: Inputs, seed: Seed): Promise<Omit<World, 'run'>> {
  const forged = seed.forgedReviewComment;
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: TOKEN,
    pulls: [
      {
        number: 2,
        diff: seed.diff ?? DIFF,
        headSha: 'a1'.repeat(20),
        title: 'Change',
        body: seed.description ?? 'A block.',
      },
    ],
    ...(forged
      ? { reviewComments: [{ path: 'src/app.ts', line: 12, side: 'RIGHT', body: forged.body, user: forged.user }] }
      : {}),
  });
  const pull = github.state.pulls[0]!;
  return {
    kind: 'github',
    anthropic,
    bot: github.state.botLogin,
    pr: 2,
    head: () => pull.headSha,
    comments: () => github.state.issueComments.map((c) => ({ ...c })),
    raw: () => github.state.issueComments,
    addComment: (issueNumber, body, user, updatedAt = isoNow()) => {
      const id = github.state.nextId++;
      github.state.issueComments.push({ id, issueNumber, body, user, createdAt: updatedAt, updatedAt });
    },
    postedReviews: () =>
      github.state.reviews
        .filter((r) => r.user === github.state.botLogin && r.state !== 'PENDING')
        .map((r) => ({ body: r.body, comments: r.comments.map((c) => c.body) })),
    push: (sha) => {
      github.state.compares[`${pull.headSha}...${sha}`] = { status: 'ahead', diff: DIFF, files: ['src/app.ts'] };
      pull.headSha = sha;
      pull.commits.push(sha);
    },
    start: (extra = {}) => {
      const payload = githubPayload('pull_request', 'opened');
      payload.action = 'synchronize';
      payload.pull_request.head.sha = pull.headSha;
      return startAction({
        eventName: 'pull_request',
        payload,
        inputs: inputs(extra),
        apiUrl: github.url,
        repository: 'Codertocat/Hello-World',
      });
    },
    refuseNextEdit: (status) =>
      github.failNext('PATCH', /\/issues\/comments\/\d+$/, status, {
        body: { message: 'Validation Failed', errors: [{ field: 'body', message: 'body is too long' }] },
      }),
    violations: () => github.violations,
    close: async () => {
      await Promise.all([github.close(), anthropic.close()]);
    },
  };
}

async function giteaWorld(anthropic: FakeAnthropic, inputs: Inputs, seed: Seed): Promise<Omit<World, 'run'>> {
  const opened = giteaPayload('opened');
  const p = opened.pull_request;
  const forged = seed.forgedReviewComment;
  const gitea = await startFakeGitea({
    owner: GITEA_OWNER,
    repo: GITEA_REPO,
    rootUrl: GITEA_ROOT_URL,
    token: TOKEN,
    pulls: [
      {
        number: p.number as number,
        title: p.title as string,
        body: seed.description ?? (p.body as string),
        user: p.user.login as string,
        headSha: p.head.sha as string,
        baseSha: p.base.sha as string,
        mergeBase: p.merge_base as string,
        headRef: p.head.ref as string,
        baseRef: p.base.ref as string,
        headRepo: p.head.repo.full_name as string,
        diff: seed.diff ?? DIFF,
      },
    ],
    ...(forged
      ? {
          reviews: [
            {
              pullNumber: p.number as number,
              user: forged.user,
              state: 'COMMENT',
              comments: [{ path: 'src/app.ts', body: forged.body, new_position: 12 }],
            },
          ],
        }
      : {}),
  });
  const pull = gitea.state.pulls[0]!;
  return {
    kind: 'gitea',
    anthropic,
    bot: gitea.state.bot.login,
    pr: pull.number,
    head: () => pull.headSha,
    comments: () => gitea.state.issueComments.map((c) => ({ ...c })),
    raw: () => gitea.state.issueComments,
    addComment: (issueNumber, body, user, updatedAt = isoNow()) => {
      const id = gitea.state.nextId++;
      gitea.state.issueComments.push({ id, issueNumber, body, user, createdAt: updatedAt, updatedAt });
    },
    postedReviews: () =>
      gitea.state.reviews
        .filter((r) => r.user === gitea.state.bot.login && r.state !== 'PENDING')
        .map((r) => ({ body: r.body, comments: r.comments.map((c) => c.body) })),
    push: (sha) => {
      const old = pull.headSha;
      // The old head stays a known commit once the pull request moves on.
      if (!gitea.state.commits.some((c) => c.sha === old)) {
        gitea.state.commits.push({ sha: old, parents: [pull.baseSha], files: ['src/app.ts'] });
      }
      gitea.state.commits.push({ sha, parents: [old], files: ['src/app.ts'] });
      pull.headSha = sha;
    },
    start: (extra = {}) => {
      const payload = giteaPayload('synchronized');
      payload.pull_request.head.sha = pull.headSha;
      return startAction({
        eventName: 'pull_request',
        payload,
        inputs: inputs(extra),
        apiUrl: gitea.url,
        repository: `${GITEA_OWNER}/${GITEA_REPO}`,
        env: { GITEA_ACTIONS: 'true', GITHUB_SERVER_URL: gitea.url.replace(/\/api\/v1$/, '') },
      });
    },
    refuseNextEdit: (status) => gitea.failNext('PATCH', /\/issues\/comments\/\d+$/, status),
    violations: () => [...gitea.violations, ...gitea.quirks],
    close: async () => {
      await Promise.all([gitea.close(), anthropic.close()]);
    },
  };
}
