/**
 * Figures 2 and 3 of the benchmark (issue 14): the real bundle spawned as a runner would
 * (__tests__/e2e/harness.ts) against the fake GitHub and the fake Anthropic API, each behind
 * a latency proxy. Measures spawn → first `POST /v1/messages`, the sequential depth of the
 * requests before it, spawn → first forge request, and the exit of a skipped comment run.
 * A run is stopped (SIGKILL to its own child) as soon as what it is measured for has arrived.
 */
import { spawn } from 'node:child_process';
import { startFakeAnthropic, type FakeAnthropic } from '../__tests__/fakes/anthropic-server.js';
import { startFakeGitHub, type FakeGitHub } from '../__tests__/fakes/github-server.js';
import { startAction } from '../__tests__/e2e/harness.js';
import { githubPayload } from '../__tests__/e2e/payloads.js';
import { editedFile } from '../__tests__/support/diffs.js';
import { nowMs, startLatencyProxy, type LatencyProxy, type TimedRequest } from '../__tests__/support/latency-proxy.js';
import { longestChain } from '../__tests__/support/request-depth.js';

export const MODEL_LATENCY_MS = 250;
export const FORGE_LATENCY_MS = 150;
const KEY = 'sk-ant-api03-bench-key-0000000000000000000';
const TOKEN = 'ghs_benchFirstCallToken00000000000000';
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PR = 2;
// The SHAs the webhook example carries, so the fake's pull request agrees with the event.
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A small repository (so the context step runs as it would) whose `src/app.ts` the pull request edits. */
function repoFiles(changed: boolean): Record<string, string> {
  const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}${changed && i >= 9 && i < 14 ? ' changed' : ''}`);
  const files: Record<string, string> = { 'src/app.ts': `${lines.join('\n')}\n` };
  for (let i = 0; i < 30; i++)
    files[`src/lib/util${i}.ts`] = `export function util${i}(x: number) {\n  return x + ${i};\n}\n`;
  return files;
}

export type World = {
  github: FakeGitHub;
  anthropic: FakeAnthropic;
  forge: LatencyProxy;
  model: LatencyProxy;
  close(): Promise<void>;
};

/** The fakes and their proxies, shared by every run of figures 2 and 3. */
export async function startWorld(): Promise<World> {
  const github = await startFakeGitHub({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    pulls: [{ number: PR, diff: editedFile('src/app.ts', 60, 10, 14), headSha: HEAD, baseSha: BASE, commits: [HEAD] }],
    files: { [HEAD]: repoFiles(true), [BASE]: repoFiles(false) },
  });
  const anthropic = await startFakeAnthropic({ credentials: { key: KEY } });
  const forge = await startLatencyProxy(github.url, FORGE_LATENCY_MS);
  const model = await startLatencyProxy(anthropic.url, MODEL_LATENCY_MS);
  return {
    github,
    anthropic,
    forge,
    model,
    close: async () => {
      await Promise.all([forge.close(), model.close()]);
      await Promise.all([github.close(), anthropic.close()]);
    },
  };
}

function commentPayload(id: number, body: string): Record<string, unknown> {
  const p = githubPayload('issue_comment', 'created');
  const html = `https://github.com/${OWNER}/${REPO}/pull/${PR}`;
  p.issue.number = PR;
  p.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR}`, html_url: html };
  p.comment.id = id;
  p.comment.body = body;
  p.comment.user.login = 'Codertocat';
  p.comment.user.type = 'User';
  p.comment.author_association = 'OWNER';
  p.sender = structuredClone(p.comment.user);
  return p;
}

export type Kind = 'pull_request' | 'review-command' | 'skipped-comment';

/** The event of a run; a comment is also added to the fake's conversation, as GitHub would have it. */
function eventOf(world: World, kind: Kind): { eventName: string; payload: unknown } {
  if (kind === 'pull_request') return { eventName: 'pull_request', payload: githubPayload('pull_request', 'opened') };
  const body = kind === 'review-command' ? '/review' : 'Thanks, looks good to me. I will merge after lunch.';
  const id = world.github.state.nextId++;
  const at = new Date().toISOString();
  world.github.state.issueComments.push({
    id,
    issueNumber: PR,
    body,
    user: 'Codertocat',
    createdAt: at,
    updatedAt: at,
  });
  return { eventName: 'issue_comment', payload: commentPayload(id, body) };
}

export type RunTiming = {
  /** ms from spawn to the first forge request's arrival, to the first Messages call's, and to exit (NaN if none). */
  firstForge: number;
  firstMessages: number;
  exit: number;
  /** Requests that arrived before the first Messages call, both servers, in arrival order. */
  before: Array<TimedRequest & { server: 'forge' | 'model' }>;
  /** The longest chain among them (see request-depth.ts). */
  chain: Array<TimedRequest & { server: 'forge' | 'model' }>;
  code: number | null;
  /** Requests of the whole run (it may have been stopped), forge and model API. */
  requests: number;
  /** The run's log (stdout and stderr), to show why a run made no model call. */
  log: string;
};

/**
 * One run of the bundle on fresh fakes (a run stopped early leaves its reservation behind, and
 * the next run for the same head would stand down); stopped at its first Messages call unless `toExit`.
 */
export async function timeRun(kind: Kind, toExit = false): Promise<RunTiming> {
  const world = await startWorld();
  try {
    return await timeRunIn(world, kind, toExit);
  } finally {
    await world.close();
  }
}

async function timeRunIn(world: World, kind: Kind, toExit: boolean): Promise<RunTiming> {
  const event = eventOf(world, kind);
  let messagesAt = NaN;
  let stop = () => {};
  world.model.onRequest((r) => {
    if (
      Number.isNaN(messagesAt) &&
      r.method === 'POST' &&
      r.url.startsWith('/v1/messages') &&
      !r.url.includes('count_tokens')
    ) {
      messagesAt = r.start;
      if (!toExit) stop();
    }
  });
  const t0 = nowMs();
  const { child, done } = startAction({
    ...event,
    inputs: {
      'anthropic-api-key': KEY,
      'anthropic-base-url': world.model.url,
      'github-token': TOKEN,
    },
    apiUrl: world.forge.url,
    repository: `${OWNER}/${REPO}`,
  });
  stop = () => child.kill('SIGKILL');
  const run = await done;
  const exit = nowMs() - t0;
  world.model.onRequest(null);
  const tag = (server: 'forge' | 'model') => (r: TimedRequest) => ({ ...r, server });
  const all = [...world.forge.log.map(tag('forge')), ...world.model.log.map(tag('model'))].sort(
    (a, b) => a.start - b.start,
  );
  const before = Number.isNaN(messagesAt) ? [] : all.filter((r) => r.start < messagesAt);
  return {
    firstForge: world.forge.log.length ? world.forge.log[0]!.start - t0 : NaN,
    firstMessages: messagesAt - t0,
    exit,
    before,
    chain: longestChain(before),
    code: run.code,
    requests: all.length,
    log: run.stdout + run.stderr,
  };
}

/** Spawn → exit of `node -e 0`, the floor of any start. */
export async function bareNode(): Promise<number> {
  const t0 = nowMs();
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
    p.on('error', reject);
    p.on('close', () => resolve());
  });
  return nowMs() - t0;
}

/** Median of `n` runs of `fn`, one after another (runs must not share the two cores). */
export async function medianOf(n: number, fn: () => Promise<number>): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < n; i++) all.push(await fn());
  return { median: median(all), all };
}

/** One round trip through a proxy to its fake, as a client in this process sees it. */
export async function roundTrip(url: string, headers: Record<string, string>): Promise<number> {
  const t0 = nowMs();
  await fetch(url, { headers }).then((r) => r.arrayBuffer());
  return nowMs() - t0;
}

export const FORGE_PROBE = (w: World) =>
  roundTrip(`${w.forge.url}/repos/${OWNER}/${REPO}/pulls/${PR}`, { authorization: `token ${TOKEN}` });
export const MODEL_PROBE = (w: World) =>
  roundTrip(`${w.model.url}/v1/models?limit=20`, { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
