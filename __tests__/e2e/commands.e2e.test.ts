import { afterEach, describe, expect, test } from '@jest/globals';
import { decodeState, SUMMARY_MARKER } from '../../src/state/marker.js';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';
import { startFakeGitea, type FakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';
import { addedFile, codeLines, editedFile } from '../support/diffs.js';
import { GITEA_OWNER, GITEA_REPO, GITEA_ROOT_URL, giteaPayload } from './gitea-payloads.js';
import { runAction, type ActionRun } from './harness.js';
import { githubPayload } from './payloads.js';

/**
 * Issue 5 end to end: comment commands, the write-access gate, reactions, incremental
 * reviews, no duplicates and conversations, with the bundled `dist/index.js` spawned as a
 * runner would, against the fake GitHub, Gitea/Forgejo and Anthropic APIs on 127.0.0.1.
 */

const KEY = 'sk-ant-api03-commands-e2e-key-00000000000';
const TOKEN = 'commands-e2e-forge-token-0123456789abcdef';

// Commits of the pull request's head branch.
const BASE = '0f'.repeat(20);
const H1 = 'a1'.repeat(20);
const H2 = 'b2'.repeat(20);
const H3 = 'c3'.repeat(20);
const short = (sha: string) => sha.slice(0, 7);

/** The pull request changes two files. */
const FILE_DIFFS: Record<string, string> = {
  'src/app.ts': editedFile('src/app.ts', 60, 10, 14),
  'src/util.ts': addedFile('src/util.ts', codeLines(6)),
};
const ALL_FILES = Object.keys(FILE_DIFFS).sort();
const DIFF = ALL_FILES.map((f) => FILE_DIFFS[f]).join('');

/** One finding in each file, both on changed lines, so both are posted inline. */
const FINDINGS = [
  {
    path: 'src/app.ts',
    line: 12,
    side: 'RIGHT',
    severity: 'high',
    title: 'Unchecked result',
    body: 'The result of `compute` is ignored.',
  },
  { path: 'src/util.ts', line: 3, side: 'RIGHT', severity: 'low', title: 'Magic number', body: 'Name this constant.' },
];
const ANSWER = 'Because `compute` can fail, and the failure is silently dropped here.';

const isAsk = (body: FakeMessagesBody) =>
  JSON.stringify(body.output_config?.format?.schema ?? body.tools?.[0]?.input_schema ?? {}).includes('"answer"') &&
  !JSON.stringify(body.output_config?.format?.schema ?? body.tools?.[0]?.input_schema ?? {}).includes('"findings"');

function respond(body: FakeMessagesBody) {
  if (isAsk(body)) return { toolInput: { answer: ANSWER } };
  return { toolInput: { summary: 'Config is parsed once now.', findings: FINDINGS } };
}

/** Every text the request shows the model. */
function promptText(body: unknown): string {
  const b = body as FakeMessagesBody;
  const blocks = (b.messages ?? []).flatMap((m) =>
    typeof m.content === 'string' ? [m.content] : m.content.map((c) => String(c.text ?? '')),
  );
  return blocks.join('\n');
}

/** The files whose diff a review request shows (`## path` headers inside its diff element). */
function filesShown(body: unknown): string[] {
  const block = /<untrusted-diff-([0-9a-f]+)>\n([\s\S]*?)\n<\/untrusted-diff-\1>/.exec(promptText(body));
  return [...(block?.[2] ?? '').matchAll(/^## (\S+)/gm)].map((m) => m[1]!);
}

/** What the review calls of a run showed the model, over all its parts. */
function reviewedFiles(anthropic: FakeAnthropic): string[] {
  const calls = anthropic.requestsTo('messages').filter((r) => !isAsk(r.body as FakeMessagesBody));
  return [...new Set(calls.flatMap((r) => filesShown(r.body)))].sort();
}

let servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fakeAnthropic(): Promise<FakeAnthropic> {
  const anthropic = await startFakeAnthropic({ respond, credentials: { key: KEY } });
  servers.push(anthropic);
  return anthropic;
}

function inputs(anthropic: FakeAnthropic): Record<string, string> {
  return {
    'anthropic-api-key': KEY,
    'anthropic-base-url': anthropic.url,
    'github-token': TOKEN,
    'max-tokens-per-run': '60000',
  };
}

type Who = {
  login?: string;
  /** Write access: GitHub `author_association: OWNER`, Gitea `repository.permissions.push`. */
  authorised?: boolean;
  /** GitHub only: overrides the association. */
  association?: string;
  /** GitHub only: `user.type`. */
  type?: string;
};

type ForgeComment = { id: number; body: string; user: string };

/** One forge behind the same handful of operations, so every path runs on each. */
type Kit = {
  name: string;
  anthropic: FakeAnthropic;
  /** Posts `body` as a PR comment by `who` and runs the action on its `issue_comment` event. */
  command(
    body: string,
    who?: Who,
    extraInputs?: Record<string, string>,
  ): Promise<{ run: ActionRun; commentId: number }>;
  /** Reactions on a comment, in the order they were added. */
  reactionsOn(commentId: number): string[];
  /** The PR conversation comments written by the action's token. */
  botComments(): ForgeComment[];
  /** The inline comments of the action's reviews. */
  botInline(): Array<{ path: string; body: string }>;
  botReviews(): number;
  /** Requests that change something on the forge. */
  writes(): number;
  requests(): number;
  /** The forge's writes in order: reactions (with their content), reviews and others. */
  writeLog(): Array<{ kind: string; reaction?: string }>;
  violations(): string[];
  /** A push of `head` on top of the current head that changes `files`. */
  push(head: string, files: string[]): void;
  /**
   * The head replaced by `head`, which does not descend from the reviewed one: `diverged`
   * (both commits known) or `gone` (the reviewed commit no longer exists).
   */
  forcePush(head: string, how: 'diverged' | 'gone'): void;
};

type KitOptions = { draft?: boolean; github?: FakeGitHubInit };

/** A request that changes something: not a read, nor a GraphQL query (a POST that only reads). */
const isWrite = (r: { method: string; path: string }) =>
  r.method !== 'GET' && r.method !== 'HEAD' && !/\/graphql$/.test(r.path);

// ---------------------------------------------------------------- GitHub

const GH_OWNER = 'Codertocat';
const GH_REPO = 'Hello-World';
const GH_PR = 2;

function githubCommentPayload(id: number, body: string, who: Who): Record<string, any> {
  const p = githubPayload('issue_comment', 'created');
  const api = `https://api.github.com/repos/${GH_OWNER}/${GH_REPO}`;
  const html = `https://github.com/${GH_OWNER}/${GH_REPO}/pull/${GH_PR}`;
  p.issue.number = GH_PR;
  p.issue.html_url = html;
  p.issue.pull_request = {
    url: `${api}/pulls/${GH_PR}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    merged_at: null,
  };
  p.comment.id = id;
  p.comment.body = body;
  p.comment.html_url = `${html}#issuecomment-${id}`;
  p.comment.user.login = who.login ?? 'Codertocat';
  p.comment.user.type = who.type ?? 'User';
  p.comment.author_association = who.association ?? (who.authorised === false ? 'NONE' : 'OWNER');
  p.sender = structuredClone(p.comment.user);
  return p;
}

async function githubKit(opts: KitOptions = {}): Promise<Kit & { github: FakeGitHub }> {
  const anthropic = await fakeAnthropic();
  const github = await startFakeGitHub({
    owner: GH_OWNER,
    repo: GH_REPO,
    token: TOKEN,
    pulls: [
      {
        number: GH_PR,
        diff: DIFF,
        headSha: H1,
        baseSha: BASE,
        commits: [H1],
        draft: opts.draft ?? false,
        title: 'Parse config once',
        body: 'Moves config parsing out of the loop.',
      },
    ],
    ...opts.github,
  });
  servers.push(github);
  const pull = github.state.pulls[0]!;
  const bot = github.state.botLogin;
  return {
    name: 'GitHub',
    github,
    anthropic,
    async command(body, who = {}, extraInputs = {}) {
      const id = github.state.nextId++;
      const login = who.login ?? 'Codertocat';
      github.state.issueComments.push({
        id,
        issueNumber: GH_PR,
        body,
        user: login,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      const run = await runAction({
        eventName: 'issue_comment',
        payload: githubCommentPayload(id, body, { ...who, login }),
        inputs: { ...inputs(anthropic), ...extraInputs },
        apiUrl: github.url,
        repository: `${GH_OWNER}/${GH_REPO}`,
      });
      return { run, commentId: id };
    },
    reactionsOn: (id) =>
      github.state.reactions
        .filter((r) => r.commentId === id)
        .sort((a, b) => a.id - b.id)
        .map((r) => r.content),
    botComments: () => github.state.issueComments.filter((c) => c.user === bot),
    botInline: () => github.state.reviews.filter((r) => r.user === bot).flatMap((r) => r.comments),
    botReviews: () => github.state.reviews.filter((r) => r.user === bot).length,
    writes: () => github.requests.filter(isWrite).length,
    requests: () => github.requests.length,
    writeLog: () =>
      github.requests.filter(isWrite).map((r) => {
        const content = (r.body as { content?: string } | undefined)?.content;
        if (r.path.endsWith('/reactions')) return { kind: 'reaction', reaction: String(content) };
        return { kind: /\/pulls\/\d+\/reviews$/.test(r.path) ? 'review' : `${r.method} ${r.path}` };
      }),
    violations: () => github.violations,
    push(head, files) {
      const previous = pull.headSha;
      pull.headSha = head;
      pull.commits.push(head);
      github.state.compares[`${previous}...${head}`] = {
        status: 'ahead',
        diff: files.map((f) => FILE_DIFFS[f] ?? addedFile(f, ['{}'])).join(''),
        files,
      };
    },
    forcePush(head, how) {
      const previous = pull.headSha;
      pull.headSha = head;
      if (how === 'gone') {
        // Nothing knows the old commit any more: the compare answers 404.
        pull.commits = [head];
      } else {
        pull.commits.push(head);
        github.state.compares[`${previous}...${head}`] = { status: 'diverged', diff: '', files: ALL_FILES };
      }
    },
  };
}

// ---------------------------------------------------------------- Gitea / Forgejo

const GITEA_PR = 7;

function giteaCommentPayload(id: number, body: string, who: Who): Record<string, any> {
  const p = giteaPayload('commentOnPull');
  const login = who.login ?? 'bob';
  p.comment.id = id;
  p.comment.body = body;
  p.comment.html_url = `${GITEA_ROOT_URL}/${GITEA_OWNER}/${GITEA_REPO}/pulls/${GITEA_PR}#issuecomment-${id}`;
  p.comment.user.login = login;
  p.comment.user.username = login;
  p.sender = structuredClone(p.comment.user);
  // The commenter's permission, as services/actions/notifier.go fills it.
  p.repository.permissions = { admin: false, push: who.authorised !== false, pull: true };
  return p;
}

/** What act_runner sets for an `issue_comment` run (no pull request in the event); forgejo-runner copies it to FORGEJO_*. */
function runnerEnv(gitea: FakeGitea, payload: Record<string, any>, forgejo: boolean) {
  const env: Record<string, string> = {
    GITHUB_SERVER_URL: gitea.url.replace(/\/api\/v1$/, ''),
    GITHUB_GRAPHQL_URL: '',
    GITHUB_REPOSITORY_OWNER: GITEA_OWNER,
    GITHUB_SHA: BASE,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_ACTOR: payload.sender.login,
    GITHUB_TRIGGERING_ACTOR: payload.sender.login,
    GITHUB_WORKFLOW: 'Claude review',
    GITHUB_RUN_ID: '4711',
    GITHUB_JOB: 'review',
    RUNNER_OS: 'Linux',
    GITEA_ACTIONS: 'true',
  };
  if (!forgejo) return { env: { ...env, GITEA_ACTIONS_RUNNER_VERSION: 'v0.2.13' } };
  const adjustEnv = (all: Record<string, string>) => {
    for (const [name, value] of Object.entries({ ...all })) {
      if (name.startsWith('GITHUB_')) all[`FORGEJO_${name.slice('GITHUB_'.length)}`] = value;
    }
  };
  return { env, adjustEnv };
}

async function giteaKit(flavor: 'gitea' | 'forgejo', opts: KitOptions = {}): Promise<Kit & { gitea: FakeGitea }> {
  const anthropic = await fakeAnthropic();
  const gitea = await startFakeGitea({
    flavor,
    owner: GITEA_OWNER,
    repo: GITEA_REPO,
    rootUrl: GITEA_ROOT_URL,
    token: TOKEN,
    pulls: [
      {
        number: GITEA_PR,
        title: 'Parse config once',
        body: 'Moves config parsing out of the loop.',
        user: 'alice',
        draft: opts.draft ?? false,
        headSha: H1,
        baseSha: BASE,
        mergeBase: BASE,
        diff: DIFF,
      },
    ],
    commits: [
      { sha: BASE, parents: [], files: [] },
      { sha: H1, parents: [BASE], files: ALL_FILES },
    ],
  });
  servers.push(gitea);
  const pull = gitea.state.pulls[0]!;
  const bot = () => gitea.state.bot.login;
  return {
    name: flavor === 'gitea' ? 'Gitea' : 'Forgejo',
    gitea,
    anthropic,
    async command(body, who = {}, extraInputs = {}) {
      const id = gitea.state.nextId++;
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      gitea.state.issueComments.push({
        id,
        issueNumber: GITEA_PR,
        body,
        user: who.login ?? 'bob',
        createdAt: at,
        updatedAt: at,
      });
      const payload = giteaCommentPayload(id, body, who);
      if (opts.draft) payload.issue.pull_request.draft = true;
      const runner = runnerEnv(gitea, payload, flavor === 'forgejo');
      const run = await runAction({
        eventName: 'issue_comment',
        payload,
        inputs: { ...inputs(anthropic), ...extraInputs },
        apiUrl: gitea.url,
        repository: `${GITEA_OWNER}/${GITEA_REPO}`,
        env: runner.env,
        ...(runner.adjustEnv ? { adjustEnv: runner.adjustEnv } : {}),
      });
      return { run, commentId: id };
    },
    reactionsOn: (id) =>
      gitea.state.reactions
        .filter((r) => r.commentId === id)
        .sort((a, b) => a.id - b.id)
        .map((r) => r.content),
    botComments: () => gitea.state.issueComments.filter((c) => c.user === bot()),
    botInline: () => gitea.state.reviews.filter((r) => r.user === bot()).flatMap((r) => r.comments),
    botReviews: () => gitea.state.reviews.filter((r) => r.user === bot()).length,
    writes: () => gitea.requests.filter(isWrite).length,
    requests: () => gitea.requests.length,
    writeLog: () =>
      gitea.requests.filter(isWrite).map((r) => {
        const content = (r.body as { content?: string } | undefined)?.content;
        if (r.path.endsWith('/reactions')) return { kind: 'reaction', reaction: String(content) };
        return { kind: /\/pulls\/\d+\/reviews$/.test(r.path) ? 'review' : `${r.method} ${r.path}` };
      }),
    violations: () => [...gitea.violations, ...gitea.quirks],
    push(head, files) {
      gitea.state.commits.push({ sha: head, parents: [pull.headSha], files });
      pull.headSha = head;
    },
    forcePush(head, how) {
      const previous = pull.headSha;
      // The rewritten branch starts again from the base.
      gitea.state.commits.push({ sha: head, parents: [BASE], files: ALL_FILES });
      pull.headSha = head;
      if (how === 'gone') gitea.state.commits = gitea.state.commits.filter((c) => c.sha !== previous);
    },
  };
}

// ---------------------------------------------------------------- helpers

const summaryOf = (kit: Kit) => kit.botComments().filter((c) => c.body.includes(SUMMARY_MARKER));
const repliesOf = (kit: Kit) => kit.botComments().filter((c) => c.body.includes('<!-- claude-pr-review:reply -->'));
const noErrorCommand = (run: ActionRun) => expect(run.stdout).not.toMatch(/^::error::/m);

/** A first full review on H1 through a command, as later paths need one. */
async function firstReview(kit: Kit) {
  const { run } = await kit.command('/review full');
  noErrorCommand(run);
  expect(run.code).toBe(0);
  expect(summaryOf(kit)).toHaveLength(1);
  expect(decodeState(summaryOf(kit)[0]!.body).reviewedSha).toBe(H1);
  expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
  kit.anthropic.reset();
}

const FORGES: Array<[string, (opts?: KitOptions) => Promise<Kit>]> = [
  ['GitHub', (opts) => githubKit(opts)],
  ['Gitea', (opts) => giteaKit('gitea', opts)],
];

describe.each(FORGES)('comment commands on %s', (forge, makeKit) => {
  test('an unauthorised commenter gets one polite reply, no 👀, and the model is never asked', async () => {
    const kit = await makeKit();
    const { run, commentId } = await kit.command('/review', { login: 'mallory', authorised: false });
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.anthropic.requests).toEqual([]);
    const replies = kit.botComments();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/@mallory/);
    expect(replies[0]!.body).toMatch(/write access/);
    expect(kit.reactionsOn(commentId)).toEqual([]);
    expect(kit.botReviews()).toBe(0);
    expect(kit.writes()).toBe(1);
    expect(run.stdout).toMatch(/does not have write access/);
    expect(run.outputs['total-tokens']).toBe('0');
    expect(kit.violations()).toEqual([]);
  });

  test('`/review` after a push reviews only the changed file and says so; `/review full` reviews all', async () => {
    const kit = await makeKit();
    await firstReview(kit);

    kit.push(H2, ['src/app.ts']);
    const incremental = await kit.command('/review');
    noErrorCommand(incremental.run);
    expect(incremental.run.code).toBe(0);
    expect(kit.anthropic.requestsTo('messages').length).toBeGreaterThanOrEqual(1);
    expect(reviewedFiles(kit.anthropic)).toEqual(['src/app.ts']);
    // The rest of the PR is named as context, without its diff.
    const prompt = promptText(kit.anthropic.requestsTo('messages')[0]!.body);
    expect(prompt).toMatch(/Other files changed in this pull request[\s\S]*src\/util\.ts/);
    const summary = summaryOf(kit);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body).toContain(`changes since ${short(H1)}`);
    expect(decodeState(summary[0]!.body).reviewedSha).toBe(H2);
    expect(kit.reactionsOn(incremental.commentId)).toEqual(['eyes', '+1']);

    kit.anthropic.reset();
    const full = await kit.command('/review full');
    noErrorCommand(full.run);
    expect(full.run.code).toBe(0);
    expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
    expect(summaryOf(kit)[0]!.body).not.toContain('changes since');
    expect(kit.violations()).toEqual([]);
  });

  test.each([['diverged' as const], ['gone' as const]])(
    'force push (reviewed commit %s): `/review` falls back to a full review and says why',
    async (how) => {
      const kit = await makeKit();
      await firstReview(kit);

      kit.forcePush(H3, how);
      const { run } = await kit.command('/review');
      noErrorCommand(run);
      expect(run.code).toBe(0);
      expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
      const summary = summaryOf(kit);
      expect(summary).toHaveLength(1);
      expect(summary[0]!.body).toMatch(/no longer an ancestor/);
      expect(summary[0]!.body).toMatch(/force push or rebase/);
      expect(summary[0]!.body).not.toContain('changes since');
      expect(decodeState(summary[0]!.body).reviewedSha).toBe(H3);
      expect(kit.violations()).toEqual([]);
    },
  );

  test('a second full review of the same head with the same answer posts no finding twice', async () => {
    const kit = await makeKit();
    await firstReview(kit);
    const inlineBefore = kit.botInline().length;
    expect(inlineBefore).toBe(FINDINGS.length);
    const summaryId = summaryOf(kit)[0]!.id;

    const { run } = await kit.command('/review full');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.anthropic.requestsTo('messages').length).toBeGreaterThanOrEqual(1);
    // No new inline comment: at most an extra review without any.
    expect(kit.botInline()).toHaveLength(inlineBefore);
    const summary = summaryOf(kit);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.id).toBe(summaryId);
    expect(summary[0]!.body).toMatch(
      /2 finding\(s\) already posted in an earlier review, and still open, were not repeated/,
    );
    expect(summary[0]!.body).toContain('Still open from earlier reviews (2)');
    for (const f of FINDINGS) expect(summary[0]!.body).toContain(f.title);
    expect(kit.violations()).toEqual([]);
  });

  test('bots and the action’s own comments are ignored: a notice, no model call, nothing written', async () => {
    const kit = await makeKit();
    const botLogin = forge === 'GitHub' ? 'dependabot[bot]' : 'gitea-actions';
    const cases: Who[] = [
      { login: botLogin, type: forge === 'GitHub' ? 'Bot' : 'User' },
      // A bot account GitHub marks only by its login.
      { login: 'renovate[bot]' },
    ];
    for (const who of cases) {
      const { run } = await kit.command('/review full', who);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::notice::Skipped: comments by bots and by this action do not start a review/m);
      expect(run.summary).toMatch(/skipped/);
    }
    // An authorised user's comment that carries the action's marker (a quoted reply, an echo).
    const echo = await kit.command('/review full\n<!-- claude-pr-review:reply -->');
    expect(echo.run.code).toBe(0);
    expect(echo.run.stdout).toMatch(/^::notice::Skipped: .*this action/m);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.requests()).toBe(0);
    expect(kit.writes()).toBe(0);
  });

  test('`/review` with nothing new since the last review spends nothing, still 👍', async () => {
    const kit = await makeKit();
    await firstReview(kit);
    const summaryBefore = summaryOf(kit)[0]!;
    const { run, commentId } = await kit.command('/review');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.anthropic.requestsTo('messages')).toEqual([]);
    const summary = summaryOf(kit);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.id).toBe(summaryBefore.id);
    expect(summary[0]!.body).toMatch(new RegExp(`Nothing new since ${short(H1)}`));
    expect(kit.botInline()).toHaveLength(FINDINGS.length);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
  });

  test('`/review` after a push that only changed an excluded file spends nothing', async () => {
    const kit = await makeKit();
    await firstReview(kit);
    kit.push(H2, ['package-lock.json']);
    const { run, commentId } = await kit.command('/review');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.anthropic.requestsTo('messages')).toEqual([]);
    const summary = summaryOf(kit)[0]!.body;
    expect(summary).toContain(`changes since ${short(H1)}: nothing to review`);
    expect(decodeState(summary).reviewedSha).toBe(H2);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
  });

  test('`/review large` chooses the tier, never a larger ceiling', async () => {
    const kit = await makeKit();
    const { run } = await kit.command('/review large');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    const calls = kit.anthropic.requestsTo('messages');
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const c of calls) expect((c.body as FakeMessagesBody).model).toBe('claude-opus-5-5');
    expect(run.outputs.tier).toBe('large');
    expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
    expect(Number(run.outputs['total-tokens'])).toBeLessThanOrEqual(60000);
    for (const c of calls) expect((c.body as FakeMessagesBody).max_tokens).toBeLessThanOrEqual(60000);
  });

  test('👍 also when the model finds nothing', async () => {
    const kit = await makeKit();
    kit.anthropic.setRespond(() => ({ toolInput: { summary: 'Looks fine.', findings: [] } }));
    const { run, commentId } = await kit.command('/review full');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.botInline()).toEqual([]);
    expect(summaryOf(kit)).toHaveLength(1);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
  });

  test('reactions: 👀 when work starts, then 👍 when done', async () => {
    const kit = await makeKit();
    const { run, commentId } = await kit.command('/review');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
    expect(kit.botInline()).toHaveLength(FINDINGS.length);
    // 👀 before the review and the summary are written, 👍 after.
    const order = kit.writeLog().map((w) => (w.reaction ? `react:${w.reaction}` : w.kind));
    expect(order[0]).toBe('react:eyes');
    expect(order.at(-1)).toBe('react:+1');
    expect(order).toContain('review');
    expect(order.filter((w) => w.startsWith('react:'))).toHaveLength(2);
    expect(kit.violations()).toEqual([]);
  });

  test.each([
    ['401', { status: 401, times: 100 }],
    ['500, again and again', { status: 500, times: 100 }],
  ])('a model failure (%s): 😕, the step fails, and the summary says why', async (_what, fault) => {
    const kit = await makeKit();
    await firstReview(kit);
    kit.push(H2, ['src/app.ts']);
    kit.anthropic.failNext(fault);
    const { run, commentId } = await kit.command('/review');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::/m);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', 'confused']);
    const summary = summaryOf(kit);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body).toContain('The last review request failed');
    // The failure note sits at the top, the earlier review's summary stays below it.
    expect(summary[0]!.body.split('\n')[1]).toMatch(/^> ⚠️ The last review request failed: /);
    expect(summary[0]!.body).toContain(`Claude review of ${short(H1)}`);
    expect(kit.violations()).toEqual([]);
  });

  test('after a failed request, a successful full review removes the failure note', async () => {
    const kit = await makeKit();
    await firstReview(kit);
    kit.anthropic.failNext({ status: 401, times: 100 });
    expect((await kit.command('/review full')).run.code).toBe(1);
    expect(summaryOf(kit)[0]!.body).toContain('The last review request failed');
    kit.anthropic.reset();
    const { run, commentId } = await kit.command('/review full');
    expect(run.code).toBe(0);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
    expect(summaryOf(kit)[0]!.body).not.toContain('The last review request failed');
  });

  // BUG (src/run.ts + src/review/render-summary.ts refreshSummary): when nothing is new since
  // the reviewed head, the summary is refreshed from the previous body, which keeps the
  // "⚠️ The last review request failed" line that handle.ts noteFailure wrote for an earlier
  // request, although this request succeeded (👍); only `> ℹ️ ` lines are replaced.
  test('after a failed request, a successful `/review` with nothing new drops the stale failure note', async () => {
    const kit = await makeKit();
    await firstReview(kit);
    kit.anthropic.failNext({ status: 401, times: 100 });
    expect((await kit.command('/review full')).run.code).toBe(1);
    kit.anthropic.reset();
    const { run, commentId } = await kit.command('/review');
    expect(run.code).toBe(0);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
    expect(kit.anthropic.requestsTo('messages')).toEqual([]);
    const summary = summaryOf(kit)[0]!.body;
    expect(summary).toMatch(new RegExp(`Nothing new since ${short(H1)}`));
    expect(summary).not.toContain('The last review request failed');
  });

  test('a model failure before any review: the summary comment is created with the reason', async () => {
    const kit = await makeKit();
    kit.anthropic.failNext({ status: 401, times: 100 });
    const { run, commentId } = await kit.command('/review full');
    expect(run.code).toBe(1);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', 'confused']);
    const summary = summaryOf(kit);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body).toContain('The last review request failed');
  });

  test('`/review help` lists the commands; `/review bogus` gets the help naming `bogus`; no model call', async () => {
    const kit = await makeKit();
    const help = await kit.command('/review help');
    noErrorCommand(help.run);
    expect(help.run.code).toBe(0);
    let replies = repliesOf(kit);
    expect(replies).toHaveLength(1);
    for (const command of ['`/review`', '`/review full`', '`/review small`', '`/review ask <question>`']) {
      expect(replies[0]!.body).toContain(command);
    }
    expect(replies[0]!.body).not.toContain("I don't know");
    expect(kit.reactionsOn(help.commentId)).toEqual(['eyes', '+1']);

    const bogus = await kit.command('/review bogus');
    expect(bogus.run.code).toBe(0);
    replies = repliesOf(kit);
    expect(replies).toHaveLength(2);
    expect(replies[1]!.body).toContain("I don't know `bogus`");
    expect(replies[1]!.body).toContain('`/review full`');
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.botReviews()).toBe(0);
    expect(summaryOf(kit)).toEqual([]);
  });

  test('`trigger-phrase` replaces `/review` (`@claude-review` stays) in commands and in the help', async () => {
    const kit = await makeKit();
    const phrase = { 'trigger-phrase': '/claude-review' };
    const old = await kit.command('/review full', {}, phrase);
    expect(old.run.code).toBe(0);
    expect(old.run.stdout).toMatch(/^::notice::Skipped: the comment has no command/m);
    // The quick path, too, tells later steps what happened.
    expect([old.run.outputs.status, old.run.outputs['skip-reason']]).toEqual(['skipped', 'not-triggered']);
    expect(kit.requests()).toBe(0);

    const help = await kit.command('/claude-review help', {}, phrase);
    expect(help.run.code).toBe(0);
    const replies = repliesOf(kit);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain('`/claude-review full`');
    expect(replies[0]!.body).not.toContain('`/review full`');

    const mention = await kit.command('@claude-review full', {}, phrase);
    noErrorCommand(mention.run);
    expect(mention.run.code).toBe(0);
    expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
    expect(kit.reactionsOn(mention.commentId)).toEqual(['eyes', '+1']);
  });

  test('a command on a draft pull request reviews it anyway', async () => {
    const kit = await makeKit({ draft: true });
    const { run, commentId } = await kit.command('/review');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(reviewedFiles(kit.anthropic)).toEqual(ALL_FILES);
    expect(kit.botInline()).toHaveLength(FINDINGS.length);
    expect(summaryOf(kit)).toHaveLength(1);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
  });

  test('`/review ask <question>` answers in a PR comment, with the diff as context', async () => {
    const kit = await makeKit();
    const { run, commentId } = await kit.command('/review ask why must the result of compute be checked?');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    const calls = kit.anthropic.requestsTo('messages');
    expect(calls).toHaveLength(1);
    expect(isAsk(calls[0]!.body as FakeMessagesBody)).toBe(true);
    expect(promptText(calls[0]!.body)).toContain('why must the result of compute be checked?');
    expect(filesShown(calls[0]!.body).sort()).toEqual(ALL_FILES);
    const answers = kit.botComments().filter((c) => c.body.includes('<!-- claude-pr-review:answer -->'));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toContain(ANSWER);
    expect(answers[0]!.body).toMatch(/asked: why must the result of compute be checked\?/);
    expect(kit.botReviews()).toBe(0);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
    expect(Number(run.outputs['total-tokens'])).toBeGreaterThan(0);
    expect(kit.violations()).toEqual([]);
  });

  test('a failed `/review ask` gets 😕 and fails the step, posting no answer', async () => {
    const kit = await makeKit();
    kit.anthropic.failNext({ status: 401, times: 100 });
    const { run, commentId } = await kit.command('/review ask is this safe?');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*401/m);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', 'confused']);
    expect(kit.botComments().filter((c) => c.body.includes('<!-- claude-pr-review:answer -->'))).toEqual([]);
  });
});

describe('the write-access gate on GitHub', () => {
  test('a CONTRIBUTOR whose collaborator permission is `read` is refused without spending', async () => {
    const kit = await githubKit({ github: { permissions: { carol: 'read' } } });
    const { run, commentId } = await kit.command('/review full', { login: 'carol', association: 'CONTRIBUTOR' });
    expect(run.code).toBe(0);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.botComments()).toHaveLength(1);
    expect(kit.botComments()[0]!.body).toMatch(/@carol.*write access/s);
    expect(kit.reactionsOn(commentId)).toEqual([]);
    expect(kit.github.requests.some((r) => r.path.endsWith('/collaborators/carol/permission'))).toBe(true);
  });

  test('a COLLABORATOR with `write` permission may start a review', async () => {
    const kit = await githubKit({ github: { permissions: { dave: 'write' } } });
    const { run, commentId } = await kit.command('/review full', { login: 'dave', association: 'COLLABORATOR' });
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(kit.botInline()).toHaveLength(FINDINGS.length);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
  });
});

describe('answers in review threads (GitHub)', () => {
  function replyPayload(rootId: number, body: string, who: { login: string; association: string }) {
    const p = githubPayload('pull_request_review_comment', 'created');
    p.pull_request.number = GH_PR;
    p.pull_request.head.sha = H1;
    p.comment.id = 987654;
    p.comment.in_reply_to_id = rootId;
    p.comment.path = 'src/app.ts';
    p.comment.line = 12;
    p.comment.diff_hunk = FILE_DIFFS['src/app.ts']!.split('\n').slice(4).join('\n');
    p.comment.body = body;
    p.comment.user.login = who.login;
    p.comment.author_association = who.association;
    p.sender = structuredClone(p.comment.user);
    return p;
  }

  async function replyRun(kit: Kit & { github: FakeGitHub }, payload: Record<string, any>) {
    return runAction({
      eventName: 'pull_request_review_comment',
      payload,
      inputs: inputs(kit.anthropic),
      apiUrl: kit.github.url,
      repository: `${GH_OWNER}/${GH_REPO}`,
    });
  }

  test('a reply mentioning /review in one of the action’s threads is answered in that thread', async () => {
    const kit = await githubKit();
    await firstReview(kit);
    const root = kit.github.state.reviews.flatMap((r) => r.comments).find((c) => c.path === 'src/app.ts')!;
    expect(root.body).toMatch(/<!-- claude-pr-review:fp=[0-9a-f]{16} -->/);
    const question = 'why is ignoring the result a problem here?';
    // The reply itself, as GitHub stores it before the event fires.
    kit.github.state.reviews.push({
      id: kit.github.state.nextId++,
      pullNumber: GH_PR,
      commitId: H1,
      body: '',
      event: 'COMMENT',
      state: 'COMMENTED',
      user: 'Codertocat',
      comments: [
        {
          id: kit.github.state.nextId++,
          path: root.path,
          line: root.line!,
          body: `/review ${question}`,
          in_reply_to_id: root.id,
          user: 'Codertocat',
        },
      ],
    });
    const issueCommentsBefore = kit.github.state.issueComments.length;

    const run = await replyRun(
      kit,
      replyPayload(root.id, `/review ${question}`, { login: 'Codertocat', association: 'OWNER' }),
    );
    noErrorCommand(run);
    expect(run.code).toBe(0);
    const calls = kit.anthropic.requestsTo('messages');
    expect(calls).toHaveLength(1);
    expect(isAsk(calls[0]!.body as FakeMessagesBody)).toBe(true);
    const prompt = promptText(calls[0]!.body);
    expect(prompt).toContain(question);
    expect(prompt).toContain('Unchecked result');

    const answers = kit.github.state.reviews
      .filter((r) => r.user === kit.github.state.botLogin)
      .flatMap((r) => r.comments)
      .filter((c) => c.in_reply_to_id === root.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toContain(ANSWER);
    expect(answers[0]!.body).toContain('<!-- claude-pr-review:answer -->');
    expect(
      kit.github.requests.some((r) => r.method === 'POST' && r.path.endsWith(`/comments/${root.id}/replies`)),
    ).toBe(true);
    // Only the run's bookkeeping touches the conversation: no answer there.
    const added = kit.github.state.issueComments.slice(issueCommentsBefore);
    expect(added).toEqual([]);
    expect(kit.github.violations).toEqual([]);
  });

  test('a reply in a thread that is not the action’s spends nothing and posts nothing', async () => {
    const kit = await githubKit({
      github: { reviewComments: [{ path: 'src/app.ts', line: 12, body: 'Why not a constant?', user: 'octocat' }] },
    });
    const human = kit.github.state.reviews[0]!.comments[0]!;
    const run = await replyRun(
      kit,
      replyPayload(human.id, '/review what do you think?', { login: 'Codertocat', association: 'OWNER' }),
    );
    expect(run.code).toBe(0);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.github.requests.filter(isWrite)).toEqual([]);
  });

  test('an unauthorised reply in the action’s thread gets the polite reply there, and no model call', async () => {
    const kit = await githubKit();
    await firstReview(kit);
    const root = kit.github.state.reviews.flatMap((r) => r.comments)[0]!;
    const inlineBefore = kit.botInline().length;
    const run = await replyRun(
      kit,
      replyPayload(root.id, '@claude-review explain', { login: 'mallory', association: 'NONE' }),
    );
    expect(run.code).toBe(0);
    expect(kit.anthropic.requests).toEqual([]);
    const replies = kit.botInline().slice(inlineBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/@mallory.*write access/s);
  });

  test('the action’s own answer in a thread (github-actions[bot]) never triggers another', async () => {
    const kit = await githubKit();
    const payload = replyPayload(1, '<!-- claude-pr-review:answer -->\nAs asked: `/review` covers it.', {
      login: 'github-actions[bot]',
      association: 'NONE',
    });
    payload.comment.user.type = 'Bot';
    const run = await replyRun(kit, payload);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice::Skipped: comments by bots and by this action/m);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.github.requests).toEqual([]);
  });

  test('a reply that does not mention the trigger is ignored with a notice', async () => {
    const kit = await githubKit();
    await firstReview(kit);
    const root = kit.github.state.reviews.flatMap((r) => r.comments)[0]!;
    const before = kit.github.requests.length;
    const run = await replyRun(
      kit,
      replyPayload(root.id, 'Thanks, fixed.', { login: 'Codertocat', association: 'OWNER' }),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice::Skipped: the reply does not mention the trigger phrase/m);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.github.requests.length).toBe(before);
  });
});

describe('review events on Gitea', () => {
  test('`pull_request_review_comment` (a whole review, no comment object) is ignored with a notice', async () => {
    const kit = await giteaKit('gitea');
    // Gitea fires this event name for a submitted review: a PullRequestPayload with `review`.
    const payload = giteaPayload('opened');
    payload.action = 'reviewed';
    payload.review = { type: 'pull_request_review_comment', content: '/review why is this needed?' };
    const runner = runnerEnv(kit.gitea, payload, false);
    const run = await runAction({
      eventName: 'pull_request_review_comment',
      payload,
      inputs: inputs(kit.anthropic),
      apiUrl: kit.gitea.url,
      repository: `${GITEA_OWNER}/${GITEA_REPO}`,
      env: runner.env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice::Skipped: the review event carries no comment/m);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.requests()).toBe(0);
  });
});

describe('comment commands under forgejo-runner', () => {
  test('unauthorised (push=false): one polite reply, no reaction, no model call', async () => {
    const kit = await giteaKit('forgejo');
    const { run, commentId } = await kit.command('/review full', { login: 'mallory', authorised: false });
    expect(run.code).toBe(0);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.botComments()).toHaveLength(1);
    expect(kit.botComments()[0]!.body).toMatch(/@mallory.*write access/s);
    expect(kit.botComments()[0]!.user).toBe('forgejo-actions');
    expect(kit.reactionsOn(commentId)).toEqual([]);
  });

  test('authorised `/review` after a push: only the changed file, 👀 then 👍; forgejo-actions is ignored', async () => {
    const kit = await giteaKit('forgejo');
    await firstReview(kit);
    kit.push(H2, ['src/util.ts']);
    const { run, commentId } = await kit.command('/review');
    noErrorCommand(run);
    expect(run.code).toBe(0);
    expect(reviewedFiles(kit.anthropic)).toEqual(['src/util.ts']);
    expect(summaryOf(kit)[0]!.body).toContain(`changes since ${short(H1)}`);
    expect(kit.reactionsOn(commentId)).toEqual(['eyes', '+1']);
    expect(kit.violations()).toEqual([]);

    kit.anthropic.reset();
    const writes = kit.writes();
    const bot = await kit.command('/review full', { login: 'forgejo-actions' });
    expect(bot.run.code).toBe(0);
    expect(bot.run.stdout).toMatch(/^::notice::Skipped: comments by bots/m);
    expect(kit.anthropic.requests).toEqual([]);
    expect(kit.writes()).toBe(writes);
  });
});
