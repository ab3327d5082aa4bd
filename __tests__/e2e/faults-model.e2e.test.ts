/**
 * Issue 6, "Faults" (Anthropic side): the bundled action, spawned on a real `pull_request`
 * opened payload, against a fake Anthropic API that injects one fault per test. Each test
 * checks what a user sees: exit code, the `::error::` line (cause and fix), what was posted,
 * the job summary, the `findings-file`, `total-tokens` under the ceiling, and no secret anywhere.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from '@jest/globals';
import { decodeState, SUMMARY_MARKER } from '../../src/state/marker.js';
import {
  errorBody,
  reviewCalls,
  startFakeAnthropic,
  type FakeAnthropic,
  type ScriptedReply,
} from '../fakes/anthropic-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { editedFile } from '../support/diffs.js';
import { runAction, type ActionRun } from './harness.js';
import { githubPayload } from './payloads.js';

const KEY = 'sk-ant-api03-faults-e2e-model-key-0000000000';
const GH_TOKEN = 'ghs_faultsModelE2eToken00000000000';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CEILING = 30_000;
/** Lines 10-14 of src/app.ts changed; the hunk shows lines 7-17. */
const DIFF = editedFile('src/app.ts', 60, 10, 14);
/** The SDK reads fractional seconds: retries stay fast. */
const SHORT_WAIT = { 'retry-after': '0.01' };

const finding = (line: number, title: string, severity = 'high') => ({
  path: 'src/app.ts',
  line,
  side: 'RIGHT',
  severity,
  title,
  body: `${title}: the result of \`compute\` is ignored.`,
});

/** One finding on a changed line, one outside the diff (which goes to the summary). */
const ANSWER: ScriptedReply = {
  toolInput: {
    summary: 'Reviewed src/app.ts.',
    findings: [finding(12, 'Unchecked result'), finding(40, 'Far away', 'low')],
  },
};

let servers: Array<FakeAnthropic | FakeGitHub> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A config file at the base commit, whether it is taken from the event or from the pull request (the fake's). */
function atBase(text: string): Record<string, Record<string, string>> {
  const file = { '.github/claude-review.yml': text };
  return { ['a'.repeat(40)]: file, [githubPayload('pull_request', 'opened').pull_request.base.sha]: file };
}

/** `settings`: the repository config file at the base commit (the fake's default base). */
async function setup(opts: { rejectUnknownModels?: boolean; settings?: string } = {}) {
  const anthropic = await startFakeAnthropic({
    respond: () => ANSWER,
    credentials: { key: KEY },
    ...(opts.rejectUnknownModels ? { rejectUnknownModels: true } : {}),
  });
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: GH_TOKEN,
    pulls: [{ number: 2, diff: DIFF, headSha: HEAD, title: 'Update the README', body: 'Some change' }],
    ...(opts.settings ? { files: atBase(opts.settings) } : {}),
  });
  servers.push(anthropic, github);
  return { anthropic, github };
}

function review(anthropic: FakeAnthropic, github: FakeGitHub, extra: Record<string, string> = {}) {
  return runAction({
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

/** The `::error::` lines of the log (setFailed and annotation-less errors), decoded. */
function errors(run: ActionRun): string[] {
  const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return [...run.stdout.matchAll(/^::error::(.*)$/gm)].map((m) => decode(m[1]!));
}

function summaryComments(github: FakeGitHub) {
  return github.state.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER));
}

function findingsFile(run: ActionRun): { summary: string; findings: Array<{ title: string; line: number }> } {
  return JSON.parse(readFileSync(run.outputs['findings-file']!, 'utf8')) as {
    summary: string;
    findings: Array<{ title: string; line: number }>;
  };
}

/** Checks that hold for every fault: no secret anywhere, tokens (reported or recorded) within the ceiling. */
function commonChecks(run: ActionRun, github: FakeGitHub, secrets: string[] = [KEY]) {
  for (const secret of [...secrets, GH_TOKEN]) {
    expect(run.everything).not.toContain(secret);
    for (const c of github.state.issueComments) expect(c.body).not.toContain(secret);
    for (const r of github.state.reviews) expect(JSON.stringify(r)).not.toContain(secret);
  }
  expect(Number(run.outputs['total-tokens'] ?? '0')).toBeLessThanOrEqual(CEILING);
  // Tokens recorded on the PR (also by a run that failed midway) are within the ceiling too.
  for (const c of summaryComments(github)) {
    for (const r of decodeState(c.body).runs) expect(r.tokens).toBeLessThanOrEqual(CEILING);
  }
  expect(github.violations).toEqual([]);
}

/** A run that failed: red, one error naming the cause, nothing claimed as reviewed. */
function expectFailed(run: ActionRun, github: FakeGitHub, cause: RegExp, fix: RegExp) {
  expect(run.code).toBe(1);
  expect(run.outputs.status).toBe('failed');
  const lines = errors(run);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(lines[0]).toMatch(fix);
  expect(github.state.reviews).toHaveLength(0);
  expect(run.outputs['review-url'] ?? '').toBe('');
  expect(run.summary).not.toMatch(/No problems found/);
}

/** A run that reviewed: green, one review with the finding on line 12, one summary comment. */
function expectReviewed(run: ActionRun, github: FakeGitHub) {
  expect(errors(run)).toEqual([]);
  expect(run.code).toBe(0);
  expect(github.state.reviews).toHaveLength(1);
  expect(github.state.reviews[0]!.comments.map((c) => [c.path, c.line])).toEqual([['src/app.ts', 12]]);
  expect(summaryComments(github)).toHaveLength(1);
  expect(summaryComments(github)[0]!.body).toContain('Far away');
  expect(run.summary).toContain('Claude review of ec26c3e');
  expect(run.summary).toContain('Far away');
  expect(run.outputs['review-url']).toMatch(/pullrequestreview-/);
  expect(
    findingsFile(run)
      .findings.map((f) => f.title)
      .sort(),
  ).toEqual(['Far away', 'Unchecked result']);
  expect(Number(run.outputs['total-tokens'])).toBeGreaterThan(0);
}

describe('Anthropic faults, end to end', () => {
  test('401 (bad key): fails before any review call, naming `anthropic-api-key`', async () => {
    const { anthropic, github } = await setup();
    const wrong = 'sk-ant-api03-wrong-key-for-faults-111111111111';
    const run = await review(anthropic, github, { 'anthropic-api-key': wrong });
    expectFailed(run, github, /HTTP 401/, /`anthropic-api-key`/);
    expect(anthropic.requestsTo('messages')).toHaveLength(0);
    expect(github.state.issueComments).toHaveLength(0);
    commonChecks(run, github, [KEY, wrong]);
  });

  test('403 on the review call: fails naming the model and `anthropic-api-key`, not retried', async () => {
    const { anthropic, github } = await setup();
    anthropic.failNext({ status: 403, route: 'messages', times: 5 });
    const run = await review(anthropic, github);
    expectFailed(run, github, /HTTP 403.*`claude-haiku-5-5`/, /`anthropic-api-key`/);
    expect(reviewCalls(anthropic)).toHaveLength(1);
    commonChecks(run, github);
  });

  test('404 unknown model: fails naming the model and the `model` input, with nothing billed', async () => {
    const { anthropic, github } = await setup({ rejectUnknownModels: true });
    const run = await review(anthropic, github, { model: 'claude-nonexistent-9' });
    expectFailed(run, github, /`claude-nonexistent-9` not found/, /`model` input/);
    // The call fits without a count, so no count_tokens goes first: the review call itself is
    // refused (not retried), and a refused call bills nothing.
    expect(anthropic.requestsTo('count_tokens')).toHaveLength(0);
    expect(anthropic.requestsTo('messages')).toHaveLength(1);
    expect(Number(run.outputs['total-tokens'] ?? '0')).toBe(0);
    expect(github.state.issueComments).toHaveLength(0);
    commonChecks(run, github);
  });

  test('400 context too long: fails with the API’s reason', async () => {
    const { anthropic, github } = await setup();
    const body = errorBody(400, 'prompt is too long: 250000 tokens > 200000 maximum');
    anthropic.failNext({ status: 400, route: 'messages', body });
    const run = await review(anthropic, github);
    expectFailed(run, github, /HTTP 400.*prompt is too long/, /./);
    expect(reviewCalls(anthropic)).toHaveLength(1);
    commonChecks(run, github);
  });

  // Defect: the message names the cause but no fix (src/llm/anthropic.ts, the generic 4xx branch).
  test('400 context too long: the error also names a fix (`include`/`exclude` or `model`)', async () => {
    const { anthropic, github } = await setup();
    const body = errorBody(400, 'prompt is too long: 250000 tokens > 200000 maximum');
    anthropic.failNext({ status: 400, route: 'messages', body });
    const run = await review(anthropic, github);
    expectFailed(run, github, /prompt is too long/, /`include`|`exclude`|`model`/);
  });

  test('429 with retry-after, then success: the SDK waits, retries once, and the review is posted', async () => {
    const { anthropic, github } = await setup();
    anthropic.failNext({ status: 429, route: 'messages', headers: SHORT_WAIT });
    const run = await review(anthropic, github);
    expectReviewed(run, github);
    const calls = reviewCalls(anthropic);
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    commonChecks(run, github);
  });

  test('500, then success: retried once, review posted', async () => {
    const { anthropic, github } = await setup();
    anthropic.failNext({ status: 500, route: 'messages', headers: SHORT_WAIT });
    const run = await review(anthropic, github);
    expectReviewed(run, github);
    expect(reviewCalls(anthropic).map((r) => r.status)).toEqual([500, 200]);
    commonChecks(run, github);
  });

  test('529 overloaded on every attempt: bounded retries, then an error saying to try later', async () => {
    const { anthropic, github } = await setup();
    anthropic.failNext({ status: 529, route: 'messages', times: 20, headers: SHORT_WAIT });
    const run = await review(anthropic, github);
    expectFailed(run, github, /HTTP 529.*overloaded after 2 retries/, /try again later/);
    expect(anthropic.requestsTo('messages').map((r) => r.status)).toEqual([529, 529, 529]);
    commonChecks(run, github);
  });

  // Defect: an HTTP error bills nothing, yet the failed call is charged its whole reservation
  // (src/llm/guarded-call.ts, `ledger.settle(reservation, null)` in the catch) and src/run.ts
  // records it on the PR in a placeholder comment, against `max-tokens-per-pr` and the month.
  test('529 on every attempt: nothing was billed, so nothing is recorded against the budgets', async () => {
    const { anthropic, github } = await setup();
    anthropic.failNext({ status: 529, route: 'messages', times: 20, headers: SHORT_WAIT });
    const run = await review(anthropic, github);
    expect(run.code).toBe(1);
    const recorded = summaryComments(github).flatMap((c) => decodeState(c.body).runs);
    expect(recorded.reduce((n, r) => n + r.tokens, 0)).toBe(0);
  });

  // `timeout-seconds` (config file) bounds each attempt; without it the SDK's 10-minute default would.
  test('a stuck API: the call times out and the run fails saying so', async () => {
    const { anthropic, github } = await setup({ settings: 'timeout-seconds: 1\n' });
    anthropic.setDelay(1_500);
    const run = await review(anthropic, github);
    expectFailed(run, github, /timed out/, /try again later|`timeout-seconds`/);
    // Advertised to the API by the SDK: far less than its 600 s default.
    const sdk = anthropic.requests.find((r) => r.headers['x-stainless-timeout'] !== undefined);
    expect(Number(sdk!.headers['x-stainless-timeout'])).toBeLessThanOrEqual(1);
  });

  test.each(['destroy', 'error'] as const)(
    'a stream cut midway (%s): the run fails naming the cut; tokens are charged and recorded',
    async (how) => {
      const { anthropic, github } = await setup();
      anthropic.cutStreamAfterEvents(6, how);
      const run = await review(anthropic, github);
      expectFailed(run, github, /stream (ended|failed)/, /./);
      expect(reviewCalls(anthropic)).toHaveLength(1);
      // What the cut call may have billed is recorded on the PR (its whole reservation).
      const recorded = summaryComments(github).flatMap((c) => decodeState(c.body).runs);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.tokens).toBeGreaterThan(0);
      commonChecks(run, github);
    },
  );

  // Defect: after a cut by the connection, the error names no fix (src/llm/anthropic.ts, the
  // last branch of toModelError: "the reply stream ended before it was complete: …").
  test('a stream cut midway (destroy): the error also says to re-run / try again', async () => {
    const { anthropic, github } = await setup();
    anthropic.cutStreamAfterEvents(6, 'destroy');
    const run = await review(anthropic, github);
    expectFailed(run, github, /stream/, /try again|re-?run/i);
  });

  test('a refusal: green, a summary is posted with a note that the model declined', async () => {
    const { anthropic, github } = await setup();
    anthropic.setRespond(() => ({ text: 'I can’t help with reviewing this.', stopReason: 'refusal' }));
    const run = await review(anthropic, github);
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(github.state.reviews).toHaveLength(0);
    const [summary, ...more] = summaryComments(github);
    expect(more).toEqual([]);
    expect(summary!.body).toMatch(/declined to review/);
    expect(run.summary).toMatch(/declined to review/);
    expect(findingsFile(run).findings).toEqual([]);
    commonChecks(run, github);
  });

  // Defect: the summary of a refusal also says "No problems found." (src/review/render-summary.ts,
  // findingsSection, fed an empty placement by src/run.ts), and the head is recorded as reviewed.
  test('a refusal: the summary does not claim that no problems were found', async () => {
    const { anthropic, github } = await setup();
    anthropic.setRespond(() => ({ text: 'I can’t help with reviewing this.', stopReason: 'refusal' }));
    const run = await review(anthropic, github);
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/declined to review/);
    expect(run.summary).not.toMatch(/No problems found/);
    expect(summaryComments(github)[0]!.body).not.toMatch(/No problems found/);
  });

  // Defect: a refusal counts as a review of the head (src/run.ts, `upToDate` is true for any
  // outcome with status 'reviewed'), so the next incremental run finds "nothing new" to review.
  test('a refusal: the head is not recorded as reviewed', async () => {
    const { anthropic, github } = await setup();
    anthropic.setRespond(() => ({ text: 'I can’t help with reviewing this.', stopReason: 'refusal' }));
    const run = await review(anthropic, github);
    expect(run.code).toBe(0);
    expect(decodeState(summaryComments(github)[0]!.body).reviewedSha).toBeNull();
  });

  test('a `max_tokens` stop: the complete findings are posted, with a note that the rest is missing', async () => {
    const { anthropic, github } = await setup({ settings: 'max-output-tokens: 1024\n' });
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...finding(10 + (i % 5), `Finding number ${i}`, 'medium'),
      body: `Finding number ${i}: ${'this needs a closer look. '.repeat(8)}`,
    }));
    anthropic.setRespond(() => ({ toolInput: { summary: 'Many problems.', findings: many } }));
    const run = await review(anthropic, github);
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    const calls = reviewCalls(anthropic);
    expect(calls).toHaveLength(1);
    expect((calls[0]!.body as { max_tokens: number }).max_tokens).toBe(1024);
    expect(github.state.reviews).toHaveLength(1);
    const posted = github.state.reviews[0]!.comments.length;
    expect(posted).toBeGreaterThan(0);
    expect(posted).toBeLessThan(many.length);
    const note = /reached `max_tokens` \(1,024\); findings after that point are missing/;
    expect(summaryComments(github)[0]!.body).toMatch(note);
    expect(run.summary).toMatch(note);
    expect(findingsFile(run).findings.length).toBe(Number(run.outputs['findings-count']));
    // The review's answer stopped at its 1,024; the verification call's answer is billed on top.
    const allowed = anthropic
      .requestsTo('messages')
      .reduce((n, r) => n + (r.body as { max_tokens: number }).max_tokens, 0);
    expect(Number(run.outputs['output-tokens'])).toBeLessThanOrEqual(allowed);
    commonChecks(run, github);
  });

  test('an answer that does not fit the schema: the good finding is posted, the bad ones counted', async () => {
    const { anthropic, github } = await setup();
    anthropic.setRespond(() => ({
      toolInput: {
        summary: 'Reviewed src/app.ts.',
        findings: [
          finding(12, 'Unchecked result'),
          { ...finding(13, 'Line as text'), line: 'thirteen' },
          { ...finding(14, 'Unknown severity'), severity: 'urgent' },
          'not even an object',
        ],
      },
    }));
    const run = await review(anthropic, github);
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(github.state.reviews).toHaveLength(1);
    expect(github.state.reviews[0]!.comments.map((c) => c.line)).toEqual([12]);
    const note = /3 findings did not match the findings format and were dropped/;
    expect(summaryComments(github)[0]!.body).toMatch(note);
    expect(run.summary).toMatch(note);
    expect(findingsFile(run).findings.map((f) => f.title)).toEqual(['Unchecked result']);
    expect(run.outputs['findings-count']).toBe('1');
    commonChecks(run, github);
  });
});
