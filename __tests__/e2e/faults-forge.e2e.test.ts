/**
 * Issue 6, "Faults" (forge side): the bundled action, spawned on a real `pull_request` opened
 * payload, against a fake GitHub that injects one fault per test. Each test checks what a user
 * sees: exit code, the `::error::` / `::warning::` line (cause and fix), what was posted, the
 * job summary, the `findings-file`, `total-tokens` under the ceiling, and no secret anywhere.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from '@jest/globals';
import { SUMMARY_MARKER } from '../../src/state/marker.js';
import { startFakeAnthropic, type FakeAnthropic, type ScriptedReply } from '../fakes/anthropic-server.js';
import {
  githubLineCheck,
  secondaryRateLimit,
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubInit,
} from '../fakes/github-server.js';
import { editedFile } from '../support/diffs.js';
import { runAction, type ActionRun } from './harness.js';
import { githubPayload } from './payloads.js';

const KEY = 'sk-ant-api03-faults-e2e-forge-key-0000000000';
const GH_TOKEN = 'ghs_faultsForgeE2eToken00000000000';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CEILING = 30_000;
/** Lines 10-14 of src/app.ts changed; the hunk shows lines 7-17. */
const DIFF = editedFile('src/app.ts', 60, 10, 14);
const PR_PATH = /^\/repos\/Codertocat\/Hello-World\/pulls\/2$/;
const REVIEWS_PATH = /^\/repos\/Codertocat\/Hello-World\/pulls\/2\/reviews$/;
const READ_ONLY = { body: { message: 'Resource not accessible by integration' }, times: 5 };

const finding = (line: number, title: string, severity = 'high') => ({
  path: 'src/app.ts',
  line,
  side: 'RIGHT',
  severity,
  title,
  body: `${title}: the result of \`compute\` is ignored.`,
});

/** Two findings on changed lines (12, 13), one outside the diff (which goes to the summary). */
const ANSWER: ScriptedReply = {
  toolInput: {
    summary: 'Reviewed src/app.ts.',
    findings: [finding(12, 'Unchecked result'), finding(13, 'Second look', 'medium'), finding(40, 'Far away', 'low')],
  },
};

let servers: Array<FakeAnthropic | FakeGitHub> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setup(init: Partial<FakeGitHubInit> = {}, pull: { diffTooLarge?: boolean } = {}) {
  const anthropic = await startFakeAnthropic({ respond: () => ANSWER, credentials: { key: KEY } });
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: GH_TOKEN,
    pulls: [{ number: 2, diff: DIFF, headSha: HEAD, title: 'Update the README', body: 'Some change', ...pull }],
    ...init,
  });
  servers.push(anthropic, github);
  return { anthropic, github };
}

function review(
  anthropic: FakeAnthropic,
  github: FakeGitHub,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({
    env,
    eventName: 'pull_request',
    payload: githubPayload('pull_request', 'opened'),
    inputs: {
      'anthropic-api-key': KEY,
      'anthropic-base-url': anthropic.url,
      'github-token': GH_TOKEN,
      'max-tokens-per-run': String(CEILING),
      ...extra,
    },
    apiUrl: github.url,
    repository: 'Codertocat/Hello-World',
  });
}

const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** The log's workflow commands of one level without properties (setFailed, warnings), decoded. */
function commands(run: ActionRun, level: 'error' | 'warning'): string[] {
  return [...run.stdout.matchAll(new RegExp(`^::${level}::(.*)$`, 'gm'))].map((m) => decode(m[1]!));
}

function summaryComments(github: FakeGitHub) {
  return github.state.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER));
}

function findingsFile(run: ActionRun): Array<{ title: string; line: number }> {
  return (
    JSON.parse(readFileSync(run.outputs['findings-file']!, 'utf8')) as {
      findings: Array<{ title: string; line: number }>;
    }
  ).findings;
}

function commonChecks(run: ActionRun, github: FakeGitHub, secrets: string[] = [GH_TOKEN]) {
  for (const secret of [KEY, ...secrets]) {
    expect(run.everything).not.toContain(secret);
    for (const c of github.state.issueComments) expect(c.body).not.toContain(secret);
    for (const r of github.state.reviews) expect(JSON.stringify(r)).not.toContain(secret);
  }
  expect(Number(run.outputs['total-tokens'] ?? '0')).toBeLessThanOrEqual(CEILING);
  expect(github.violations).toEqual([]);
}

/** Failed before the model was asked anything: red, one error, nothing posted, nothing spent. */
function expectFailedEarly(run: ActionRun, github: FakeGitHub, anthropic: FakeAnthropic, cause: RegExp, fix: RegExp) {
  expect(run.code).toBe(1);
  const lines = commands(run, 'error');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(lines[0]).toMatch(fix);
  expect(anthropic.requestsTo('messages')).toHaveLength(0);
  expect(github.state.reviews).toHaveLength(0);
  expect(github.state.issueComments).toHaveLength(0);
}

/** Green, one review with the comments on lines 12 and 13, one summary comment with the rest. */
function expectReviewed(run: ActionRun, github: FakeGitHub) {
  expect(commands(run, 'error')).toEqual([]);
  expect(run.code).toBe(0);
  expect(github.state.reviews).toHaveLength(1);
  expect(github.state.reviews[0]!.comments.map((c) => c.line)).toEqual([12, 13]);
  expect(summaryComments(github)).toHaveLength(1);
  expect(summaryComments(github)[0]!.body).toContain('Far away');
  expect(run.summary).toContain('Claude review of ec26c3e');
  expect(run.outputs['review-url']).toMatch(/pullrequestreview-/);
  expect(findingsFile(run)).toHaveLength(3);
  expect(Number(run.outputs['total-tokens'])).toBeGreaterThan(0);
}

describe('GitHub faults, end to end', () => {
  test('401 on the first request (bad token): fails naming `github-token`, before any model call', async () => {
    const { anthropic, github } = await setup();
    const wrong = 'ghs_wrongTokenForFaults111111111111';
    const run = await review(anthropic, github, { 'github-token': wrong });
    expectFailedEarly(run, github, anthropic, /getPullRequest failed \(HTTP 401/, /`github-token`/);
    // The reads asked for at once all fail alike; nothing else is asked.
    expect(new Set(github.requests.map((r) => r.status))).toEqual(new Set([401]));
    commonChecks(run, github, [GH_TOKEN, wrong]);
  });

  test('403 on posting (read-only token): green with a warning; findings in job summary, file and annotations', async () => {
    const { anthropic, github } = await setup();
    github.failNext('POST', REVIEWS_PATH, 403, READ_ONLY);
    github.failNext('POST', /\/issues\/2\/comments$/, 403, READ_ONLY);
    const run = await review(anthropic, github);
    expect(commands(run, 'error')).toEqual([]);
    expect(run.code).toBe(0);
    expect(github.state.reviews).toHaveLength(0);
    expect(github.state.issueComments).toHaveLength(0);
    const warnings = commands(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be posted.*HTTP 403/);
    expect(warnings[0]).toMatch(/`pull-requests: write`/);
    expect(warnings[0]).toMatch(/job summary.*`findings-file`/);
    // Every finding is in the job summary, marked as not posted.
    for (const title of ['Unchecked result', 'Second look', 'Far away']) expect(run.summary).toContain(title);
    expect(run.summary).toMatch(/Unchecked result.*the review could not be posted/);
    expect(
      findingsFile(run)
        .map((f) => f.title)
        .sort(),
    ).toEqual(['Far away', 'Second look', 'Unchecked result']);
    expect(run.outputs['review-url']).toBe('');
    // Annotations on the changed lines.
    expect(run.stdout).toMatch(/^::error [^:]*file=src\/app\.ts,line=12\b.*::Unchecked result/m);
    expect(run.stdout).toMatch(/^::warning [^:]*file=src\/app\.ts,line=13\b.*::Second look/m);
    commonChecks(run, github);
  });

  test('404 on the pull request: fails naming the PR and the token’s access, before any model call', async () => {
    const { anthropic, github } = await setup();
    github.failNext('GET', PR_PATH, 404, { times: 5, body: { message: 'Not Found' } });
    const run = await review(anthropic, github);
    expectFailedEarly(run, github, anthropic, /HTTP 404.*pull request #2 of Codertocat\/Hello-World/, /token/);
    // Only the pull request's reads went out (identity and diff beside it); no write, nothing posted.
    expect(github.requests.every((r) => r.method === 'GET' || r.path === '/graphql')).toBe(true);
    commonChecks(run, github);
  });

  test('with debug logging on, a failure also logs its stack, mapped to the source files', async () => {
    const { anthropic, github } = await setup();
    github.failNext('GET', PR_PATH, 404, { times: 5, body: { message: 'Not Found' } });
    const run = await review(anthropic, github, {}, { RUNNER_DEBUG: '1' });
    expect(run.code).toBe(1);
    const stack = decode(run.stdout.match(/^::debug::(.*HTTP 404.*)$/m)?.[1] ?? '');
    expect(stack).toMatch(/\bsrc\/forge\/github[\w-]*\.ts:\d+/);
    commonChecks(run, github);
  });

  test('406 diff too large: the diff is rebuilt from the file list and the review is posted', async () => {
    const { anthropic, github } = await setup({}, { diffTooLarge: true });
    const run = await review(anthropic, github);
    expectReviewed(run, github);
    expect(run.stdout).toMatch(/refused the diff as too large/);
    expect(github.requests.some((r) => r.status === 406)).toBe(true);
    expect(github.requests.some((r) => /\/pulls\/2\/files$/.test(r.path) && r.status === 200)).toBe(true);
    commonChecks(run, github);
  });

  test('422 on the review (one anchor refused): ONE review with the good comments, the refused one in the summary', async () => {
    // Line 13 is in the parsed diff, but this forge refuses it: only the forge objects.
    const { anthropic, github } = await setup({
      lineCheck: (pull, c) =>
        c.path === 'src/app.ts' && c.line === 13
          ? 'Pull request review thread line must be part of the diff'
          : githubLineCheck(pull, c),
    });
    const run = await review(anthropic, github);
    expect(commands(run, 'error')).toEqual([]);
    expect(commands(run, 'warning')).toEqual([]);
    expect(run.code).toBe(0);
    // One review, and nothing else left behind: every probe's pending review was deleted again.
    expect(github.state.reviews).toHaveLength(1);
    expect(github.state.reviews[0]!.state).toBe('COMMENTED');
    expect(github.state.reviews[0]!.comments.map((c) => c.line)).toEqual([12]);
    expect(github.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([200]);
    expect(run.outputs['review-url']).toMatch(/pullrequestreview-/);
    // The refused finding is in the summary comment, the job summary and the findings file, with a reason.
    const reason = /Second look\*\* `src\/app\.ts:13` _\(the forge refused this line as an anchor\)_/;
    expect(summaryComments(github)).toHaveLength(1);
    expect(summaryComments(github)[0]!.body).toMatch(reason);
    expect(run.summary).toMatch(reason);
    expect(run.summary).toMatch(/\(1 inline comment\)/);
    expect(findingsFile(run).map((f) => f.title)).toContain('Second look');
    commonChecks(run, github);
  });

  test('5xx on getting the pull request, then success: retried once, review posted', async () => {
    const { anthropic, github } = await setup();
    github.failNext('GET', PR_PATH, 502, { body: { message: 'Bad Gateway' } });
    const run = await review(anthropic, github);
    expectReviewed(run, github);
    const prReads = github.requests.filter((r) => r.method === 'GET' && PR_PATH.test(r.path));
    expect(prReads.slice(0, 2).map((r) => r.status)).toEqual([502, 200]);
    commonChecks(run, github);
  });

  test('secondary rate limit (403, retry-after: 1) on posting, then success: waited out, one review', async () => {
    const { anthropic, github } = await setup();
    github.failNext('POST', REVIEWS_PATH, 403, secondaryRateLimit(1));
    const started = Date.now();
    const run = await review(anthropic, github);
    expectReviewed(run, github);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const posts = github.requests.filter((r) => r.method === 'POST' && REVIEWS_PATH.test(r.path));
    expect(posts.map((r) => r.status)).toEqual([403, 200]);
    expect(run.stdout).toMatch(/secondary rate limit .*retrying in 1s/);
    commonChecks(run, github);
  });
});
