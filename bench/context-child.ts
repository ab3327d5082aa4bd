/**
 * Child process of the context figure: snapshot fetch + index + selection of one pull request,
 * on bare node, so that its peak RSS is that of this work alone (the fake forge and the
 * synthetic repository live in the parent). Prints one JSON line.
 *
 * Usage: node context-child.js github API_URL DIFF_JSON HEAD BASE BUDGET...
 *        node context-child.js local  GIT_DIR DIFF_JSON HEAD BASE BUDGET...
 * The first budget is the timed one (cold: nothing loaded yet, as in a run); the others only
 * report what they select, each through a fresh reader.
 */
import { readFileSync } from 'node:fs';
import { gatherContext } from '../src/context/for-run.js';
import type { SnapshotReader } from '../src/context/snapshot-port.js';
import type { DiffFile } from '../src/diff/types.js';
import { createGitHubForge } from '../src/forge/github.js';
import { createLocalSnapshot } from '../src/forge/local-snapshot.js';

export const BENCH_TOKEN = 'ghs_benchContextToken000000000000';
export const BENCH_OWNER = 'octo';
export const BENCH_REPO = 'repo';

export type ContextFigure = {
  ms: number;
  /** Epoch ms the timed selection began and ended, to pick its requests out of the proxy's log. */
  from: number;
  to: number;
  baseRssMb: number;
  peakRssMb: number;
  how: string;
  /** One entry a budget: what the selection kept. */
  selections: Array<{ budget: number; tokens: number; pieces: number; files: number; line: string }>;
};

function reader(kind: string, where: string): SnapshotReader {
  if (kind === 'local') return createLocalSnapshot({ cwd: where });
  const forge = createGitHubForge({
    token: BENCH_TOKEN,
    apiUrl: where,
    owner: BENCH_OWNER,
    repo: BENCH_REPO,
    pullNumber: 1,
    retry: { retries: 0, spaceWrites: false },
  });
  if (!forge.snapshot) throw new Error('the GitHub adapter has no snapshot reader');
  return forge.snapshot;
}

async function measure(argv: string[]): Promise<ContextFigure> {
  const [kind, where, diffFile, head, base, ...budgets] = argv as [string, string, string, string, string];
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const files = JSON.parse(readFileSync(diffFile, 'utf8')) as DiffFile[];
  const filters = { include: [], exclude: [] };
  const selections: ContextFigure['selections'] = [];
  const clock = () => performance.timeOrigin + performance.now();
  let [ms, from, to] = [0, 0, 0];
  let how = '';
  for (const [i, budget] of budgets.map(Number).entries()) {
    const t0 = clock();
    const got = await gatherContext({ reader: reader(kind, where), files, head, base, budget, filters });
    if (i === 0) {
      [from, to] = [t0, clock()];
      ms = to - from;
      how = got?.how ?? 'none';
    }
    const s = got?.selection.stats;
    selections.push({
      budget,
      tokens: s?.tokens ?? 0,
      pieces: s?.pieces ?? 0,
      files: s?.files ?? 0,
      line: got?.line ?? '(no context)',
    });
  }
  // maxRSS is in kilobytes.
  return { ms, from, to, baseRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, how, selections };
}

if (process.argv.length > 7) console.log(JSON.stringify(await measure(process.argv.slice(2))));
