import { afterEach, describe, expect, test } from '@jest/globals';
import { encodeState, SUMMARY_MARKER, type RunRecord } from '../../src/state/marker.js';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { addedFile, codeLines } from '../support/diffs.js';
import { githubPayload } from './payloads.js';
import { runAction } from './harness.js';

const KEY = 'sk-ant-api03-budget-e2e-0000';
const TOKEN = 'ghs_budgetE2E000000000000000';
const REPO = 'Codertocat/Hello-World';

let servers: Array<FakeAnthropic | FakeGitHub> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Answers each part with one finding on the first added line of the first file it was shown. */
function findingPerPart(body: FakeMessagesBody) {
  const text = JSON.stringify(body.messages);
  const path = /## (\S+?)(?: |\\n)/.exec(text)?.[1];
  const line = /\\n\s*(\d+) \+ /.exec(text)?.[1];
  const isSummary =
    JSON.stringify(body.output_config?.format?.schema ?? body.tools?.[0]?.input_schema ?? {}).includes('findings') ===
    false;
  if (isSummary) return { toolInput: { summary: 'Adds three hundred generated modules.' } };
  return {
    toolInput: {
      summary: 'A part.',
      findings:
        path && line
          ? [
              {
                path,
                line: Number(line),
                side: 'RIGHT',
                severity: 'medium',
                title: `Check ${path}`,
                body: 'Unchecked value.',
              },
            ]
          : [],
    },
  };
}

function state(runs: Partial<RunRecord>[]): string {
  const full = runs.map((r) => ({
    at: new Date().toISOString(),
    sha: 'a'.repeat(40),
    model: 'claude-sonnet-5-5',
    tokens: 0,
    cost: 0,
    ...r,
  }));
  return `${SUMMARY_MARKER}\nearlier review\n${encodeState({ v: 1, reviewedSha: 'a'.repeat(40), runs: full })}`;
}

async function start(diff: string, issueComments: { issueNumber: number; body: string }[] = [], delayMs = 0) {
  const anthropic = await startFakeAnthropic({ respond: findingPerPart, credentials: { key: KEY }, delayMs });
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: TOKEN,
    pulls: [{ number: 2, diff }],
    // Earlier summaries, written by the action itself (the token's bot user).
    issueComments: issueComments.map((c) => ({ user: 'github-actions[bot]', ...c })),
  });
  servers.push(anthropic, github);
  return { anthropic, github };
}

function act(anthropic: FakeAnthropic, github: FakeGitHub, inputs: Record<string, string>) {
  return runAction({
    eventName: 'pull_request',
    payload: githubPayload('pull_request', 'opened'),
    apiUrl: github.url,
    repository: REPO,
    inputs: { 'anthropic-api-key': KEY, 'anthropic-base-url': anthropic.url, 'github-token': TOKEN, ...inputs },
  });
}

const bigDiff = () =>
  Array.from({ length: 300 }, (_, i) => addedFile(`src/mod${i}.ts`, codeLines(67, `m${i}_`))).join('');

describe('budget engine, end to end on the bundle', () => {
  test('a 300-file / 20k-line PR under a small ceiling: concurrent parts, one review, left-out files listed, within the ceiling', async () => {
    const { anthropic, github } = await start(bigDiff(), [], 150);
    // max-concurrency is 4 by default (a config file setting).
    const run = await act(anthropic, github, { 'max-tokens-per-run': '120000' });

    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    const calls = anthropic.requestsTo('messages');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(anthropic.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(github.state.reviews).toHaveLength(1);
    expect(github.state.reviews[0]!.comments.length).toBeGreaterThanOrEqual(2);
    expect(github.violations).toEqual([]);

    const total = Number(run.outputs['total-tokens']);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(120_000);
    const skipped = JSON.parse(run.outputs['skipped-files']!) as { path: string; reason: string }[];
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((s) => /token ceiling/.test(s.reason))).toBe(true);

    const summary = github.state.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body;
    expect(summary).toMatch(/\| \d{1,2}(\.\d)?% \|/); // coverage below 100 %
    expect(summary).toContain('token ceiling reached');
    // The summary is composed from the parts' own: no closing model call waits at the end.
    expect(summary).toMatch(/\*\*Part 1:\*\* A part\.\n\n\*\*Part 2:\*\* A part\./);
    expect(summary).not.toContain('Adds three hundred generated modules.');
    const summaryCalls = calls.filter(
      (c) => !/findings|verdicts/.test(JSON.stringify((c.body as FakeMessagesBody).output_config ?? {})),
    );
    expect(summaryCalls).toHaveLength(0);
  });

  test('the per-PR budget is read back from the summary of earlier runs: lowered ceiling, then a skip', async () => {
    const diff = addedFile('src/app.ts', codeLines(40));
    const { anthropic, github } = await start(diff, [
      { issueNumber: 2, body: state([{ tokens: 60_000 }, { tokens: 34_000 }]) },
    ]);
    const first = await act(anthropic, github, { 'max-tokens-per-pr': '100000' });
    expect(first.code).toBe(0);
    expect(Number(first.outputs['total-tokens'])).toBeLessThanOrEqual(6_000);
    const summary = github.state.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body;
    expect(summary).toContain('Ceiling lowered to 6,000 tokens');

    github.state.issueComments[0]!.body = state([{ tokens: 99_000 }]);
    anthropic.reset();
    const second = await act(anthropic, github, { 'max-tokens-per-pr': '100000' });
    expect(second.code).toBe(0);
    expect(anthropic.requestsTo('messages')).toHaveLength(0);
    expect(github.state.issueComments[0]!.body).toContain('not run, the budget is used up');
    expect(github.state.issueComments[0]!.body).toContain(
      'per-PR budget is used up: 99,000 of `max-tokens-per-pr` (100,000)',
    );
  });

  test('the monthly budget adds up this month’s runs on every PR: hard skips, soft steps down to the small tier', async () => {
    const diff = Array.from({ length: 30 }, (_, i) => addedFile(`src/big${i}.ts`, codeLines(60, `b${i}_`))).join('');
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0)).toISOString();
    const { anthropic, github } = await start(diff, [
      { issueNumber: 5, body: state([{ tokens: 30_000 }, { at: lastMonth, tokens: 500_000 }]) },
      { issueNumber: 6, body: state([{ tokens: 25_000 }]) },
      { issueNumber: 7, body: 'an ordinary comment' },
    ]);
    const hard = await act(anthropic, github, { 'max-tokens-per-month': '50000', 'budget-mode': 'hard' });
    expect(hard.code).toBe(0);
    expect(anthropic.requestsTo('messages')).toHaveLength(0);
    const skipped = github.state.issueComments.find((c) => c.issueNumber === 2)!.body;
    expect(skipped).toContain('monthly budget is used up: 55,000 of `max-tokens-per-month` (50,000)');
    expect(
      github.requests.some(
        (r) => r.method === 'GET' && r.path.endsWith('/issues/comments') && typeof r.query.since === 'string',
      ),
    ).toBe(true);

    const soft = await act(anthropic, github, { 'max-tokens-per-month': '50000', 'budget-mode': 'soft' });
    expect(soft.code).toBe(0);
    expect(soft.outputs.tier).toBe('small');
    expect(soft.outputs.model).toBe('claude-haiku-5-5');
    expect(anthropic.requestsTo('messages').length).toBeGreaterThan(0);
    const warned = github.state.issueComments.find((c) => c.issueNumber === 2)!.body;
    expect(warned).toContain('budget-mode: soft');
  });

  test('max-cost-usd caps the estimated spend and the cost is reported', async () => {
    const { anthropic, github } = await start(bigDiff().slice(0, 300_000));
    const run = await act(anthropic, github, {
      'max-cost-usd': '0.05',
      model: 'opus',
      'max-tokens-per-run': '1000000',
    });
    expect(run.code).toBe(0);
    expect(Number(run.outputs['cost-usd'])).toBeGreaterThan(0);
    expect(Number(run.outputs['cost-usd'])).toBeLessThanOrEqual(0.05);
    expect(run.summary).toMatch(/\$0\.0\d/);
  });
});
