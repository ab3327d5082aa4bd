/**
 * Figure 1 of the benchmark (issue 11): snapshot fetch + index + selection for a 5,000-file
 * repository, through the real GitHub adapter against the fake GitHub behind a 150 ms proxy,
 * and through local git. The work runs in a child (context-child.ts); this side serves.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contextBudget } from '../src/context/for-run.js';
import { renderFileForPrompt } from '../src/diff/render.js';
import { estimateTokens } from '../src/plan/estimate.js';
import { syntheticRepo } from '../__tests__/context/synthetic-repo.js';
import { startFakeGitHub } from '../__tests__/fakes/github-server.js';
import { startLatencyProxy } from '../__tests__/support/latency-proxy.js';
import { sequentialDepth } from '../__tests__/support/request-depth.js';
import { BENCH_OWNER, BENCH_REPO, BENCH_TOKEN, type ContextFigure } from './context-child.js';

export const CONTEXT_FILES = 5000;
export const FORGE_LATENCY_MS = 150;
const HEAD = 'c'.repeat(40);
const BASE = 'd'.repeat(40);
// What run.ts leaves for the rest of one call, and the default answer reserve (max-output-tokens).
const PROMPT_ALLOWANCE = 6000;
const OUTPUT_RESERVE = 8192;

export type ContextBudgets = { budget: number; ceiling: number }[];

export type ContextResult = {
  github: ContextFigure & { requests: number; depth: number; kinds: string; mb: number };
  local: ContextFigure;
  changedFiles: number;
  diffTokens: number;
  budgets: ContextBudgets;
};

/** Runs `node script args…` without blocking this process (its fakes must keep answering); the last stdout line as JSON. */
function child<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string) as T);
    });
  });
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.test', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();

/** A temp git repository whose two commits are the synthetic base and head; their SHAs. */
function writeGitRepo(
  dir: string,
  base: Map<string, string>,
  head: Map<string, string>,
): { base: string; head: string } {
  const write = (files: Map<string, string>) => {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  write(base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  write(head);
  git(dir, 'commit', '-q', '-am', 'head');
  return { base: baseSha, head: git(dir, 'rev-parse', 'HEAD') };
}

/** Measures both ways; `compiled` is the launcher's output directory. */
export async function measureContext(compiled: string): Promise<ContextResult> {
  const repo = syntheticRepo(CONTEXT_FILES);
  const tmp = mkdtempSync(join(tmpdir(), 'cpr-bench-context-'));
  const diffFile = join(tmp, 'diff.json');
  writeFileSync(diffFile, JSON.stringify(repo.diff));
  const diffTokens = repo.diff.reduce((n, f) => n + estimateTokens(renderFileForPrompt(f)), 0);
  // The budget gatherContext gets in a run: context-tokens 20,000 at the default 100k ceiling, and under a 30k ceiling.
  const budgets = [100_000, 30_000].map((ceiling) => ({
    ceiling,
    budget: contextBudget(20_000, ceiling, ceiling - OUTPUT_RESERVE, diffTokens, PROMPT_ALLOWANCE),
  }));
  const script = join(compiled, 'bench', 'context-child.js');
  const github = await startFakeGitHub({
    owner: BENCH_OWNER,
    repo: BENCH_REPO,
    token: BENCH_TOKEN,
    files: { [HEAD]: Object.fromEntries(repo.head), [BASE]: Object.fromEntries(repo.base) },
  });
  const proxy = await startLatencyProxy(github.url, FORGE_LATENCY_MS);
  try {
    // The fake builds each tarball once, on first request; building it is not the client's time.
    await fetch(`${github.url}/repos/${BENCH_OWNER}/${BENCH_REPO}/tarball/${HEAD}`, {
      headers: { authorization: `token ${BENCH_TOKEN}` },
    }).then((r) => r.arrayBuffer());
    const args = (where: string, head: string, base: string) => [
      where,
      diffFile,
      head,
      base,
      ...budgets.map((b) => String(b.budget)),
    ];
    proxy.reset();
    const fromGitHub = await child<ContextFigure>(script, ['github', ...args(proxy.url, HEAD, BASE)]);
    // The timed (first) selection's requests; the bytes are of all budgets' runs.
    const timed = proxy.log.filter((r) => r.start >= fromGitHub.from && r.start <= fromGitHub.to);
    const counts = new Map<string, number>();
    for (const r of timed) {
      const what = `${r.method} ${
        r.url
          .split('?')[0]!
          .replace(/^\/repos\/[^/]+\/[^/]+/, '')
          .replace(/\/[0-9a-f]{40}$/, '/{sha}') || '/repo'
      }`;
      counts.set(what, (counts.get(what) ?? 0) + 1);
    }
    const kinds = [...counts].map(([what, n]) => `${n}× ${what}`).join(', ');
    const mb = proxy.bytes / 1e6;
    const shas = writeGitRepo(join(tmp, 'repo'), repo.base, repo.head);
    const fromGit = await child<ContextFigure>(script, ['local', ...args(join(tmp, 'repo'), shas.head, shas.base)]);
    return {
      github: { ...fromGitHub, requests: timed.length, depth: sequentialDepth(timed), kinds, mb },
      local: fromGit,
      changedFiles: repo.diff.length,
      diffTokens,
      budgets,
    };
  } finally {
    await proxy.close();
    await github.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
