import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from '@jest/globals';
import { decodeState, SUMMARY_MARKER } from '../../src/state/marker.js';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';
import { indexDiff } from '../fakes/diff-index.js';
import { startFakeGitea, type FakeGitea, type FakeGiteaInit } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { addedFile, codeLines, editedFile } from '../support/diffs.js';
import { GITEA_OWNER, GITEA_REPO, GITEA_ROOT_URL, giteaPayload } from './gitea-payloads.js';
import { runAction, type ActionRun } from './harness.js';
import { githubPayload } from './payloads.js';

/**
 * The bundled action as Gitea's act_runner and forgejo-runner start it (environment built as
 * /work/shared/gitea-forgejo-notes.md §1 describes), against the fake Gitea/Forgejo API and
 * the fake Anthropic API on 127.0.0.1, with Gitea-shaped event payloads.
 */

const KEY = 'sk-ant-api03-gitea-e2e-key-0000000000000';
const TOKEN = 'gitea-e2e-automatic-token-0123456789abcdef';
const PAT = 'gitea-e2e-bot-user-token-fedcba9876543210';
const REPOSITORY = `${GITEA_OWNER}/${GITEA_REPO}`;

const opened = giteaPayload('opened');
const synchronized = giteaPayload('synchronized');
const forkOpened = giteaPayload('forkOpened');
const HEAD1: string = opened.pull_request.head.sha;
const HEAD2: string = synchronized.pull_request.head.sha;

/** Lines 10–14 of src/app.ts rewritten (hunk: old and new lines 7–17), and a new src/util.ts. */
const DIFF = editedFile('src/app.ts', 60, 10, 14) + addedFile('src/util.ts', codeLines(6));
const SUGGESTION = 'const result = compute();\nif (!result) return;';
const STALE = 'Draft comment left in a pending review by a run that failed half-way';

/** The scripted model answer: one finding of each kind the forge must place differently. */
const FINDINGS = [
  {
    path: 'src/app.ts',
    line: 12,
    side: 'RIGHT',
    severity: 'high',
    title: 'Unchecked result',
    body: 'The result of `compute` is ignored.',
    suggestion: SUGGESTION,
  },
  {
    path: 'src/app.ts',
    start_line: 10,
    line: 13,
    side: 'RIGHT',
    severity: 'medium',
    title: 'Repeated computation',
    body: 'These four lines compute the same value.',
  },
  {
    path: 'src/app.ts',
    line: 11,
    side: 'LEFT',
    severity: 'medium',
    title: 'Removed null check',
    body: 'The old line guarded against null.',
  },
  { path: 'src/util.ts', line: 3, side: 'RIGHT', severity: 'low', title: 'Magic number', body: 'Name this constant.' },
  { path: 'src/app.ts', line: 400, side: 'RIGHT', severity: 'low', title: 'Far away', body: 'Not in the change.' },
];
const INLINE_TITLES = ['Unchecked result', 'Repeated computation', 'Removed null check', 'Magic number'];

let servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fakeAnthropic(): Promise<FakeAnthropic> {
  const anthropic = await startFakeAnthropic({
    respond: () => ({ toolInput: { summary: 'Config is parsed once now.', findings: FINDINGS } }),
    credentials: { key: KEY },
  });
  servers.push(anthropic);
  return anthropic;
}

/** PR #7 (and the fork PR #8) as the fake serves them, matching the payload fixtures. */
async function fakeGitea(init: FakeGiteaInit = {}): Promise<FakeGitea> {
  const pr = (p: Record<string, any>) => ({
    number: p.number as number,
    title: p.title as string,
    body: p.body as string,
    user: p.user.login as string,
    headSha: p.head.sha as string,
    baseSha: p.base.sha as string,
    mergeBase: p.merge_base as string,
    headRef: p.head.ref as string,
    baseRef: p.base.ref as string,
    headRepo: p.head.repo.full_name as string,
    diff: DIFF,
  });
  const gitea = await startFakeGitea({
    owner: GITEA_OWNER,
    repo: GITEA_REPO,
    rootUrl: GITEA_ROOT_URL,
    token: TOKEN,
    pulls: [pr(opened.pull_request), pr(forkOpened.pull_request)],
    ...init,
  });
  servers.push(gitea);
  return gitea;
}

/**
 * What Gitea's act_runner sets: the `GITHUB_*` variables, with GITHUB_SERVER_URL the address
 * the runner registered with (here the fake's own, internal address, not ROOT_URL) and
 * GITHUB_API_URL that plus /api/v1 (the harness sets it); an empty GITHUB_GRAPHQL_URL;
 * GITEA_ACTIONS and the runner version; and no GITHUB_TOKEN.
 */
function actRunnerEnv(gitea: FakeGitea, payload: Record<string, any>): Record<string, string> {
  const pr = payload.pull_request;
  return {
    GITHUB_SERVER_URL: gitea.url.replace(/\/api\/v1$/, ''),
    GITHUB_GRAPHQL_URL: '',
    GITHUB_REPOSITORY_OWNER: GITEA_OWNER,
    GITHUB_SHA: pr.head.sha,
    GITHUB_REF: `refs/pull/${pr.number}/head`,
    GITHUB_REF_NAME: `${pr.number}/head`,
    GITHUB_REF_TYPE: '',
    GITHUB_BASE_REF: pr.base.ref,
    GITHUB_HEAD_REF: pr.head.ref,
    GITHUB_ACTOR: payload.sender.login,
    GITHUB_TRIGGERING_ACTOR: payload.sender.login,
    GITHUB_WORKFLOW: 'Claude review',
    GITHUB_RUN_ID: '4711',
    GITHUB_RUN_NUMBER: '12',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'review',
    GITHUB_ACTION: '2',
    GITHUB_WORKSPACE: '/workspace/org/repo',
    GITHUB_RETENTION_DAYS: '0',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    GITEA_ACTIONS: 'true',
    GITEA_ACTIONS_RUNNER_VERSION: 'v0.2.13',
  };
}

/**
 * forgejo-runner: the same variables, each also as FORGEJO_X (GITHUB_TOKEN → FORGEJO_TOKEN,
 * GITHUB_ACTIONS → FORGEJO_ACTIONS), the token in every step's environment. Runners before
 * v7 did not set FORGEJO_ACTIONS and look like Gitea's.
 */
function forgejoRunner(gitea: FakeGitea, payload: Record<string, any>, opts: { v7: boolean }) {
  const env = actRunnerEnv(gitea, payload);
  delete env.GITEA_ACTIONS_RUNNER_VERSION;
  env.GITHUB_TOKEN = TOKEN;
  const adjustEnv = (all: Record<string, string>) => {
    for (const [name, value] of Object.entries({ ...all })) {
      if (name.startsWith('GITHUB_')) all[`FORGEJO_${name.slice('GITHUB_'.length)}`] = value;
    }
    if (!opts.v7) delete all.FORGEJO_ACTIONS;
  };
  return { env, adjustEnv };
}

function inputs(anthropic: FakeAnthropic, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'anthropic-api-key': KEY,
    'anthropic-base-url': anthropic.url,
    'github-token': TOKEN,
    'max-tokens-per-run': '60000',
    ...extra,
  };
}

function runOnGitea(
  gitea: FakeGitea,
  payload: Record<string, any>,
  actionInputs: Record<string, string>,
  runner?: { env: Record<string, string>; adjustEnv?: (env: Record<string, string>) => void },
): Promise<ActionRun> {
  return runAction({
    eventName: 'pull_request',
    payload,
    inputs: actionInputs,
    apiUrl: gitea.url,
    repository: REPOSITORY,
    env: runner?.env ?? actRunnerEnv(gitea, payload),
    ...(runner?.adjustEnv ? { adjustEnv: runner.adjustEnv } : {}),
  });
}

type GiteaCommentBody = { path: string; body: string; new_position?: number; old_position?: number };
type GiteaReviewBody = { event: string; commit_id?: string; body: string; comments: GiteaCommentBody[] };

const reviewPosts = (gitea: FakeGitea) =>
  gitea.requests.filter((r) => r.method === 'POST' && /\/pulls\/\d+\/reviews$/.test(r.path));
const writes = (gitea: FakeGitea) => gitea.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
const summaries = (comments: Array<{ id: number; body: string }>) =>
  comments.filter((c) => c.body.includes(SUMMARY_MARKER));
/** The finding title in a rendered inline comment (`**🟠 High: Title**`). */
const titleOf = (body: string) => /\*\*[^*:\n]+: ([^*\n]+)\*\*/.exec(body)?.[1] ?? '';
const noErrorCommand = (run: ActionRun) => expect(run.stdout).not.toMatch(/^::error::/m);

/** Everything test 1 and the Forgejo runs check about one posted review. */
function expectGiteaReview(gitea: FakeGitea, headSha: string): GiteaReviewBody {
  expect(gitea.violations).toEqual([]);
  expect(gitea.quirks).toEqual([]);
  expect(gitea.state.ambiguousPositions).toEqual([]);
  const posts = reviewPosts(gitea);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.status).toBe(200);
  const sent = posts[0]!.body as GiteaReviewBody;
  expect(sent.event).toBe('COMMENT');
  expect(sent.commit_id).toBe(headSha);
  expect(sent.comments.map((c) => titleOf(c.body)).sort()).toEqual([...INLINE_TITLES].sort());
  for (const c of sent.comments) {
    // Exactly one position, a line number of one side; old_position only for the LEFT finding.
    const keys = Object.keys(c).filter((k) => k === 'new_position' || k === 'old_position');
    expect(keys).toEqual([titleOf(c.body) === 'Removed null check' ? 'old_position' : 'new_position']);
    expect(c.new_position ?? c.old_position).toBeGreaterThan(0);
    expect(c.body).not.toMatch(/`{3,}suggestion/);
  }
  // The range is one comment on its last line that names the range.
  const range = sent.comments.filter((c) => titleOf(c.body) === 'Repeated computation');
  expect(range).toHaveLength(1);
  expect(range[0]).toMatchObject({ path: 'src/app.ts', new_position: 13 });
  expect(range[0]!.body).toMatch(/^Lines 10[–-]13\b/);
  // The suggestion is a plain code block.
  const suggested = sent.comments.find((c) => titleOf(c.body) === 'Unchecked result')!;
  expect(suggested).toMatchObject({ path: 'src/app.ts', new_position: 12 });
  expect(suggested.body).toContain('```\n' + SUGGESTION + '\n```');
  expect(sent.comments.find((c) => titleOf(c.body) === 'Removed null check')).toMatchObject({ old_position: 11 });

  // What Gitea stored: every comment on a line of the diff, on the side it was meant for.
  const stored = gitea.state.reviews.filter((r) => r.user === gitea.state.bot.login && r.commitId === headSha);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.state).toBe('COMMENT');
  const files = new Map(indexDiff(DIFF).map((f) => [f.filename, f]));
  for (const c of stored[0]!.comments) {
    const where = c.line > 0 ? `RIGHT:${c.line}` : `LEFT:${-c.line}`;
    expect([c.path, files.get(c.path)?.lines.has(where)]).toEqual([c.path, true]);
  }
  expect(stored[0]!.comments.map((c) => c.body)).not.toContain(STALE);
  return sent;
}

describe('the bundled action under Gitea act_runner', () => {
  test('pull_request opened: one COMMENT review on diff lines, stale pending review removed, one summary', async () => {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea({
      reviews: [
        {
          pullNumber: 7,
          user: 'gitea-actions',
          state: 'PENDING',
          comments: [{ path: 'src/app.ts', body: STALE, new_position: 12 }],
        },
        { pullNumber: 7, user: 'bob', state: 'COMMENT', body: 'Looks reasonable.' },
      ],
    });
    const staleId = gitea.state.reviews.find((r) => r.state === 'PENDING')!.id;

    const run = await runOnGitea(gitea, opened, inputs(anthropic));
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(anthropic.requestsTo('messages').length).toBeGreaterThanOrEqual(1);
    expectGiteaReview(gitea, HEAD1);

    // The stale pending review was deleted before the review was posted; bob's stays.
    const deletes = gitea.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.path, r.status])).toEqual([
      [`/api/v1/repos/org/repo/pulls/7/reviews/${staleId}`, 204],
    ]);
    expect(gitea.requests.indexOf(deletes[0]!)).toBeLessThan(gitea.requests.indexOf(reviewPosts(gitea)[0]!));
    expect(gitea.state.reviews.find((r) => r.id === staleId)).toBeUndefined();
    expect(gitea.state.reviews.filter((r) => r.user === 'bob')).toHaveLength(1);

    const summary = summaries(gitea.state.issueComments);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body).toContain('<!-- claude-pr-review:summary -->');
    expect(summary[0]!.body).toContain('Far away');
    expect(summary[0]!.body).toContain(`Claude review of ${HEAD1.slice(0, 7)}`);
    expect(decodeState(summary[0]!.body).reviewedSha).toBe(HEAD1);

    // Links for people come from ROOT_URL, never from the runner's internal address.
    expect(run.outputs['review-url']!.startsWith(`${GITEA_ROOT_URL}/org/repo/pulls/7`)).toBe(true);
    for (const c of gitea.state.issueComments) expect(c.body).not.toContain('127.0.0.1');
    expect(Number(run.outputs['findings-count'])).toBe(5);
    expect(run.everything).not.toContain(TOKEN);
    expect(run.everything).not.toContain(KEY);
  });

  test('a second run on `synchronized` edits the summary in place and records the new head', async () => {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea();
    const first = await runOnGitea(gitea, opened, inputs(anthropic));
    expect(first.code).toBe(0);
    const before = summaries(gitea.state.issueComments);
    expect(before).toHaveLength(1);

    gitea.state.pulls[0]!.headSha = HEAD2;
    const second = await runOnGitea(gitea, synchronized, inputs(anthropic));
    noErrorCommand(second);
    expect(second.code).toBe(0);
    expect(gitea.violations).toEqual([]);
    expect(gitea.quirks).toEqual([]);

    const after = summaries(gitea.state.issueComments);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.body).toContain(`Claude review of ${HEAD2.slice(0, 7)}`);
    const state = decodeState(after[0]!.body);
    expect(state.reviewedSha).toBe(HEAD2);
    expect(state.runs.map((r) => r.sha)).toEqual([HEAD1, HEAD2]);
    // Every write (each run's reservation, then its summary and spend) edits the one summary.
    const patches = gitea.requests.filter((r) => r.method === 'PATCH');
    expect(new Set(patches.map((r) => `${r.path} ${r.status}`))).toEqual(
      new Set([`/api/v1/repos/org/repo/issues/comments/${before[0]!.id} 200`]),
    );
    expect(state.pending ?? []).toEqual([]);
    expect(gitea.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments'))).toHaveLength(1);
    // The same findings on the same code are still open from the first review: none is posted twice.
    expect(reviewPosts(gitea)).toHaveLength(1);
    expect(after[0]!.body).toMatch(/already posted in an earlier review, and still open, were not repeated/);
    expect(after[0]!.body).toContain('Still open from earlier reviews');
  });
});

describe('the bundled action under forgejo-runner', () => {
  test.each([
    ['v7 or later (FORGEJO_ACTIONS=true)', true],
    ['before v7 (only GITEA_ACTIONS; /version says +gitea-)', false],
  ])('%s: the same review, with the token from the environment', async (_name, v7) => {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea({ flavor: 'forgejo', version: '11.0.1+gitea-1.22.0' });
    const runner = forgejoRunner(gitea, opened, { v7 });
    // No `github-token` input: the token must come from GITHUB_TOKEN / FORGEJO_TOKEN.
    const run = await runOnGitea(gitea, opened, inputs(anthropic, { 'github-token': '' }), runner);
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(gitea.requests.every((r) => r.status !== 401)).toBe(true);
    expect(gitea.requests.every((r) => /^(token|bearer) /i.test(r.headers.authorization ?? ''))).toBe(true);
    expectGiteaReview(gitea, HEAD1);
    expect(gitea.state.reviews[0]!.user).toBe('forgejo-actions');
    expect(summaries(gitea.state.issueComments)).toHaveLength(1);
    // Only the older runner leaves the server's version to tell Forgejo from Gitea.
    const askedVersion = gitea.requests.some((r) => r.method === 'GET' && r.path === '/api/v1/version');
    expect(askedVersion).toBe(!v7);
    expect(run.everything).not.toContain(TOKEN);
  });
});

describe('fork pull requests on Gitea', () => {
  const FORK_NOTICE = /^::notice::Skipped: .*pull_request_target.*bot user.s token/m;

  test('`pull_request` from a fork with the Anthropic key withheld: a notice, no model call, no writes', async () => {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea({ readOnly: true });
    const run = await runOnGitea(gitea, forkOpened, inputs(anthropic, { 'anthropic-api-key': '' }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(FORK_NOTICE);
    expect(run.stdout).toMatch(/^::notice::.*Anthropic key is not available/m);
    expect(run.summary).toMatch(/pull_request_target/);
    expect(run.summary).toMatch(/bot user.s token/);
    expect(anthropic.requests).toHaveLength(0);
    expect(writes(gitea)).toEqual([]);
    expect(gitea.state.reviews).toEqual([]);
    expect(gitea.state.issueComments).toEqual([]);
  });

  test('`pull_request` from a fork with the key but the automatic token (gitea-actions, id -2): a notice, no model call', async () => {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea({ readOnly: true });
    expect(gitea.state.bot).toMatchObject({ login: 'gitea-actions', id: -2 });
    const run = await runOnGitea(gitea, forkOpened, inputs(anthropic));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(FORK_NOTICE);
    expect(run.stdout).toMatch(/^::notice::.*fork and the token cannot post/m);
    expect(run.summary).toMatch(/pull_request_target/);
    expect(run.summary).toMatch(/bot user.s token/);
    expect(anthropic.requests).toHaveLength(0);
    expect(writes(gitea)).toEqual([]);
    expect(gitea.requests.some((r) => r.path === '/api/v1/user')).toBe(true);
    expect(gitea.violations).toEqual([]);
  });
});

describe('a read-only token on a pull request from the same repository', () => {
  async function readOnlyRun() {
    const anthropic = await fakeAnthropic();
    const gitea = await fakeGitea({ readOnly: true, token: PAT, bot: { login: 'review-bot', id: 12 } });
    const run = await runOnGitea(gitea, opened, inputs(anthropic, { 'github-token': PAT }));
    return { anthropic, gitea, run };
  }

  test('the model is called, posting gets 403, the run exits 0 and hands the findings elsewhere', async () => {
    const { anthropic, gitea, run } = await readOnlyRun();
    expect(run.code).toBe(0);
    noErrorCommand(run);
    expect(anthropic.requestsTo('messages').length).toBeGreaterThanOrEqual(1);
    const refused = writes(gitea);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r.status).toBe(403);
    expect(reviewPosts(gitea).map((r) => r.status)).toEqual([403]);
    expect(gitea.state.reviews).toEqual([]);
    expect(gitea.state.issueComments).toEqual([]);
    expect(gitea.violations).toEqual([]);

    expect(run.stdout).toMatch(
      /^::warning::The review could not be posted .*job summary.*annotations.*`findings-file`/m,
    );
    // Annotations for the new-side findings: errors for high, warnings for medium and low.
    expect(run.stdout).toMatch(/^::error [^\n]*file=src\/app\.ts,line=12,endLine=12[^\n]*::The result of/m);
    expect(run.stdout).toMatch(/^::warning [^\n]*file=src\/app\.ts,line=10,endLine=13[^\n]*::These four lines/m);
    expect(run.stdout).toMatch(/^::warning [^\n]*file=src\/util\.ts,line=3,endLine=3[^\n]*::Name this constant/m);
    expect(run.stdout).toMatch(/^::warning [^\n]*file=src\/app\.ts,line=400[^\n]*::Not in the change/m);

    expect(run.summary).toContain(SUMMARY_MARKER);
    expect(run.summary).toContain('Far away');
    expect(run.summary).toMatch(/could not be posted/);
    const findingsFile = JSON.parse(readFileSync(run.outputs['findings-file']!, 'utf8')) as {
      findings: Array<{ title: string }>;
    };
    expect(findingsFile.findings.map((f) => f.title).sort()).toEqual(FINDINGS.map((f) => f.title).sort());
    expect(run.everything).not.toContain(PAT);
  });

  // BUG (src/review/render-summary.ts findingsSection): only findings that were not placed
  // inline are listed; inline ones are only counted. When posting fails the job summary is
  // where the warning sends people, yet it lacks the four inline findings (and the LEFT-side
  // one is not annotated either, so only the findings file has it).
  test('the job summary lists every finding, the inline ones included, when posting failed', async () => {
    const { run } = await readOnlyRun();
    for (const title of INLINE_TITLES) expect(run.summary).toContain(title);
  });
});

describe('the same workflow inputs on GitHub and on Gitea', () => {
  test('post the same findings inline and in the summary', async () => {
    const anthropic = await fakeAnthropic();
    const sameInputs = inputs(anthropic);
    const github: FakeGitHub = await startFakeGitHub({
      owner: 'Codertocat',
      repo: 'Hello-World',
      token: TOKEN,
      pulls: [{ number: 2, diff: DIFF, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', title: 'T', body: '' }],
    });
    servers.push(github);
    const gh = await runAction({
      eventName: 'pull_request',
      payload: githubPayload('pull_request', 'opened'),
      inputs: sameInputs,
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(gh.code).toBe(0);
    expect(github.violations).toEqual([]);

    const gitea = await fakeGitea();
    const gt = await runOnGitea(gitea, opened, sameInputs);
    expect(gt.code).toBe(0);
    expect(gitea.violations).toEqual([]);

    const onGitHub = github.state.reviews[0]!.comments.map((c) => [c.path, c.side ?? 'RIGHT', c.line, titleOf(c.body)]);
    const onGitea = gitea.state.reviews[0]!.comments.map((c) => [
      c.path,
      c.line < 0 ? 'LEFT' : 'RIGHT',
      Math.abs(c.line),
      titleOf(c.body),
    ]);
    expect(onGitea.sort()).toEqual(onGitHub.sort());
    expect(onGitHub).toHaveLength(INLINE_TITLES.length);
    // GitHub keeps the range as a range; Gitea names it in the body.
    expect(github.state.reviews[0]!.comments.find((c) => c.start_line !== undefined)).toMatchObject({
      start_line: 10,
      line: 13,
    });
    const notInline = (body: string) => /Not posted inline[\s\S]*/.exec(body)?.[0].match(/\*\*[^*]+\*\*/g);
    const ghSummary = summaries(github.state.issueComments)[0]!.body;
    const gtSummary = summaries(gitea.state.issueComments)[0]!.body;
    expect(notInline(gtSummary)).toEqual(notInline(ghSummary));
    expect(notInline(gtSummary)).toEqual(['**Far away**', '**Verification:**']);
  });
});
