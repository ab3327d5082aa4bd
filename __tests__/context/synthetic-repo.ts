import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile } from '../../src/diff/types.js';
import { describeContext } from '../../src/context/render.js';
import { selectContext } from '../../src/context/select.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import { estimateTokens } from '../../src/plan/estimate.js';

/**
 * A synthetic repository for measuring the context selection at scale: `files` source files
 * (70% TypeScript, 20% Python, 10% Go) in 100 modules that import one another's helpers, and
 * a pull request that edits `changed` of them (bodies, and some signatures). Deterministic:
 * the same arguments give the same repository.
 */
export type SyntheticRepo = { head: Map<string, string>; base: Map<string, string>; diff: DiffFile[] };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Spec = { path: string; lang: 'ts' | 'py' | 'go'; id: string; deps: string[] };

function tsFile(spec: Spec, specs: Spec[], random: () => number): string {
  const deps = spec.deps.map((d) => specs.find((s) => s.id === d)!).filter((d) => d.lang === 'ts');
  const lines: string[] = [];
  for (const d of deps)
    lines.push(`import { helper_${d.id}, LIMIT_${d.id} } from '${relativeImport(spec.path, d.path)}';`);
  lines.push('', `export const LIMIT_${spec.id} = ${Math.floor(random() * 100)};`, '');
  lines.push(`/** Combines two amounts for module ${spec.id}. */`);
  lines.push(`export function helper_${spec.id}(amount: number, rate: number): number {`);
  lines.push(`  let total = amount * LIMIT_${spec.id};`);
  for (let i = 0; i < 10 + Math.floor(random() * 20); i++)
    lines.push(`  total += Math.round(rate * ${i}) % (LIMIT_${spec.id} + 1);`);
  for (const d of deps) lines.push(`  total += helper_${d.id}(total, rate) + LIMIT_${d.id};`);
  lines.push('  return total;', '}', '');
  lines.push(`export class Service_${spec.id} {`, '  private cache = new Map<string, number>();', '');
  lines.push('  get(key: string): number | undefined {', '    return this.cache.get(key);', '  }', '');
  lines.push('  run(key: string, rate: number): number {', `    const value = helper_${spec.id}(key.length, rate);`);
  lines.push('    this.cache.set(key, value);', '    return value;', '  }', '}', '');
  for (let i = 0; i < 3 + Math.floor(random() * 6); i++) {
    lines.push(`export function filler_${spec.id}_${i}(items: number[]): number {`);
    lines.push(
      '  let n = 0;',
      '  for (const item of items) {',
      `    n += item * ${i + 1};`,
      '  }',
      '  return n;',
      '}',
      '',
    );
  }
  return lines.join('\n');
}

function pyFile(spec: Spec, specs: Spec[], random: () => number): string {
  const deps = spec.deps.map((d) => specs.find((s) => s.id === d)!).filter((d) => d.lang === 'py');
  const lines: string[] = [];
  for (const d of deps) lines.push(`from ${d.path.replace(/\.py$/, '').replace(/\//g, '.')} import helper_${d.id}`);
  lines.push('', `LIMIT_${spec.id} = ${Math.floor(random() * 100)}`, '', '');
  lines.push(`def helper_${spec.id}(amount, rate):`, `    total = amount * LIMIT_${spec.id}`);
  for (let i = 0; i < 10 + Math.floor(random() * 20); i++)
    lines.push(`    total += round(rate * ${i}) % (LIMIT_${spec.id} + 1)`);
  for (const d of deps) lines.push(`    total += helper_${d.id}(total, rate)`);
  lines.push('    return total', '', '');
  lines.push(`class Service_${spec.id}:`, '    def __init__(self):', '        self.cache = {}', '');
  lines.push(
    '    def run(self, key, rate):',
    `        value = helper_${spec.id}(len(key), rate)`,
    '        self.cache[key] = value',
    '        return value',
    '',
  );
  return lines.join('\n');
}

function goFile(spec: Spec, random: () => number): string {
  const lines = [
    `package mod${spec.id.split('_')[0]}`,
    '',
    `const Limit_${spec.id} = ${Math.floor(random() * 100)}`,
    '',
  ];
  lines.push(`func Helper_${spec.id}(amount float64, rate float64) float64 {`, `\ttotal := amount * Limit_${spec.id}`);
  for (let i = 0; i < 10 + Math.floor(random() * 20); i++) lines.push(`\ttotal += rate * ${i}`);
  lines.push('\treturn total', '}', '');
  return lines.join('\n');
}

function relativeImport(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const toParts = to.replace(/\.ts$/, '').split('/');
  let common = 0;
  while (common < fromDir.length && fromDir[common] === toParts[common]) common++;
  const up = fromDir.length - common;
  const rest = toParts.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** Builds the repository and the pull request's diff (real unified diff text, parsed). */
export function syntheticRepo(files: number, changed = 20, seed = 42): SyntheticRepo {
  const random = prng(seed);
  const specs: Spec[] = [];
  for (let i = 0; i < files; i++) {
    const module = i % 100;
    const r = random();
    const lang = r < 0.7 ? 'ts' : r < 0.9 ? 'py' : 'go';
    const id = `${module}_${Math.floor(i / 100)}`;
    const ext = lang === 'ts' ? 'ts' : lang === 'py' ? 'py' : 'go';
    specs.push({ path: `src/mod${module}/file_${id}.${ext}`, lang, id, deps: [] });
  }
  // Each file calls two helpers; a fifth of the calls go to a few popular modules, as real code does.
  for (const spec of specs) {
    for (let k = 0; k < 2; k++) {
      const pool = random() < 0.2 ? specs.slice(0, 50) : specs;
      const dep = pool[Math.floor(random() * pool.length)]!;
      if (dep !== spec && dep.lang === spec.lang) spec.deps.push(dep.id);
    }
  }
  const base = new Map<string, string>();
  for (const spec of specs) {
    base.set(
      spec.path,
      spec.lang === 'ts'
        ? tsFile(spec, specs, random)
        : spec.lang === 'py'
          ? pyFile(spec, specs, random)
          : goFile(spec, random),
    );
  }
  const head = new Map(base);
  const patches: string[] = [];
  const picked = specs.filter((s) => s.lang !== 'go').slice(0, changed);
  picked.forEach((spec, n) => {
    const old = base.get(spec.path)!.split('\n');
    const next = [...old];
    // Edit a line that calls another module's helper when there is one (its definition is then worth showing).
    const call = old.findIndex((l) => /^\s+total \+= helper_/.test(l));
    const at = call >= 0 ? call : old.findIndex((l) => /^\s+total \+= (Math\.)?round/.test(l));
    next[at] = old[at]!.replace('(total, rate)', '(rate, total)').replace(/;?$/, (end) => `${end} // tuned`);
    const sig = old.findIndex((l) => l.includes(`helper_${spec.id}(amount`));
    if (n % 4 === 0) next[sig] = old[sig]!.replace('rate', 'ratePercent');
    head.set(spec.path, next.join('\n'));
    patches.push(unifiedDiff(spec.path, old, next));
  });
  return { head, base, diff: parseDiff(patches.join('')) };
}

/** A one-file unified diff of same-length texts, three lines of context, one hunk per run of changes. */
function unifiedDiff(path: string, a: string[], b: string[]): string {
  const out = [`diff --git a/${path} b/${path}`, 'index 1111111..2222222 100644', `--- a/${path}`, `+++ b/${path}`];
  const changedAt = a.map((l, i) => (l !== b[i] ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changedAt.length) {
    let j = i;
    while (j + 1 < changedAt.length && changedAt[j + 1]! - changedAt[j]! <= 6) j++;
    const from = Math.max(0, changedAt[i]! - 3);
    const to = Math.min(a.length - 1, changedAt[j]! + 3);
    out.push(`@@ -${from + 1},${to - from + 1} +${from + 1},${to - from + 1} @@`);
    for (let k = from; k <= to; k++) {
      if (a[k] === b[k]) out.push(` ${a[k]}`);
      else out.push(`-${a[k]}`, `+${b[k]}`);
    }
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}

/** Times building the snapshot and selecting context for the synthetic pull request. */
export async function measureSelection(files: number, budget = 8_000): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const repo = syntheticRepo(files);
  const t1 = performance.now();
  const snapshot = snapshotFromMaps(repo.head, repo.base);
  const selection = await selectContext({ files: repo.diff, snapshot, budget, estimate: estimateTokens });
  const t2 = performance.now();
  const again = await selectContext({ files: repo.diff, snapshot, budget, estimate: estimateTokens });
  const t3 = performance.now();
  return {
    files,
    changedFiles: repo.diff.length,
    buildMs: Math.round(t1 - t0),
    selectMs: Math.round(t2 - t1),
    warmSelectMs: Math.round(t3 - t2),
    pieces: selection.pieces.length,
    candidates: selection.stats.candidates,
    parsed: selection.stats.parsed,
    summary: describeContext(again.stats),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
