/**
 * A deterministic, realistic unified diff for the benchmark: mostly modified source files with
 * several hunks, some added files, a few renames, deletions, binaries and files the default
 * filters drop (lock files, minified bundles). Changed lines (+/-) add up exactly to `lines`.
 */

/** mulberry32: a small seeded PRNG, so every run benches the same text. */
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

const IDENTS = [
  'user',
  'order',
  'config',
  'items',
  'result',
  'value',
  'request',
  'response',
  'cache',
  'index',
  'count',
  'buffer',
  'token',
  'session',
  'options',
  'entry',
  'node',
  'payload',
  'retries',
  'handler',
];
const CALLS = [
  'compute',
  'resolve',
  'validate',
  'fetchAll',
  'normalize',
  'merge',
  'parseInput',
  'emit',
  'flush',
  'lookup',
];
const WORDS = ['keep', 'the', 'order', 'stable', 'when', 'retrying', 'after', 'a', 'timeout', 'so', 'callers', 'see'];

type Rand = () => number;

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** One line of plausible TypeScript, 20–80 characters. */
function codeLine(r: Rand): string {
  const indent = '  '.repeat(1 + Math.floor(r() * 3));
  const a = pick(r, IDENTS);
  const b = pick(r, IDENTS);
  const f = pick(r, CALLS);
  const n = Math.floor(r() * 1000);
  switch (Math.floor(r() * 9)) {
    case 0:
      return `${indent}const ${a}${n} = ${f}(${b}, ${n});`;
    case 1:
      return `${indent}if (${a} === null || ${a}.length > ${n}) {`;
    case 2:
      return `${indent}return ${a}.map((x) => x.${b} * ${n});`;
    case 3:
      return `${indent}}`;
    case 4:
      return `${indent}// ${Array.from({ length: 4 + Math.floor(r() * 6) }, () => pick(r, WORDS)).join(' ')}`;
    case 5:
      return `${indent}await this.${f}(${a}, { ${b}: ${n}, strict: true });`;
    case 6:
      return `${indent}throw new Error(\`${a} failed: \${${b}.id}\`);`;
    case 7:
      return `${indent}for (const ${a} of ${b}s) total += ${a}.${f}();`;
    default:
      return `${indent}${a}.${b} = ${f}(${a}.${b} ?? ${n});`;
  }
}

type Kind = 'modified' | 'added' | 'deleted' | 'renamed' | 'pure-rename' | 'binary' | 'lockfile';

function kindOf(i: number): Kind {
  if (i % 200 === 11) return 'pure-rename';
  if (i % 150 === 17) return 'binary';
  if (i % 100 === 13) return 'lockfile';
  if (i % 50 === 7) return 'deleted';
  if (i % 40 === 3) return 'renamed';
  if (i % 6 === 0) return 'added';
  return 'modified';
}

function pathOf(i: number, kind: Kind): string {
  const dir = `pkg${i % 37}/mod${i % 11}`;
  if (kind === 'binary') return `assets/${dir}/image${i}.png`;
  if (kind === 'lockfile') return i % 2 === 0 ? `web/${dir}/package-lock.json` : `web/${dir}/bundle${i}.min.js`;
  switch (i % 10) {
    case 0:
      return `__tests__/${dir}/file${i}.test.ts`;
    case 1:
      return `docs/${dir}/page${i}.md`;
    case 2:
      return `config/${dir}/settings${i}.yaml`;
    default:
      return `src/${dir}/file${i}.ts`;
  }
}

const hex = (r: Rand): string =>
  Math.floor(r() * 0xfffffff)
    .toString(16)
    .padStart(7, '0');

/** Splits `total` into `parts` positive integers (parts ≤ total). */
function split(r: Rand, total: number, parts: number): number[] {
  const w = Array.from({ length: parts }, () => 0.3 + r());
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.max(1, Math.floor((x / sum) * total)));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; left !== 0; k = (k + 1) % parts) {
    const step = left > 0 ? 1 : out[k]! > 1 ? -1 : 0;
    out[k]! += step;
    left -= step;
  }
  return out;
}

/** Hunks of a modified file with `changed` +/- lines: 3 lines of context around each. */
function modifiedHunks(r: Rand, changed: number, out: string[]): void {
  const hunks = Math.min(changed, 1 + Math.floor(changed / 12) + Math.floor(r() * 2), 8);
  let oldPos = 1 + Math.floor(r() * 40);
  let newPos = oldPos;
  for (const c of split(r, changed, hunks)) {
    const dels = r() < 0.25 ? 0 : Math.floor(c * (0.2 + r() * 0.4));
    const adds = c - dels;
    const body: string[] = [];
    for (let k = 0; k < 3; k++) body.push(` ${codeLine(r)}`);
    for (let k = 0; k < dels; k++) body.push(`-${codeLine(r)}`);
    for (let k = 0; k < adds; k++) body.push(`+${codeLine(r)}`);
    for (let k = 0; k < 3; k++) body.push(` ${codeLine(r)}`);
    const oldLen = 6 + dels;
    const newLen = 6 + adds;
    out.push(`@@ -${oldPos},${oldLen} +${newPos},${newLen} @@ export function ${pick(r, CALLS)}() {`, ...body);
    const gap = 10 + Math.floor(r() * 60);
    oldPos += oldLen + gap;
    newPos += newLen + gap;
  }
}

export type SyntheticDiff = { text: string; files: number; changedLines: number };

/** A diff of exactly `files` file entries and `lines` changed lines. */
export function syntheticDiff(files: number, lines: number, seed = 42): SyntheticDiff {
  const r = prng(seed);
  const kinds = Array.from({ length: files }, (_, i) => kindOf(i));
  // Skewed sizes: most files are small, a few are large, like a real monorepo change.
  const weights = kinds.map((k) => (k === 'pure-rename' || k === 'binary' ? 0 : Math.pow(r(), 3) * 8 + 0.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => (w === 0 ? 0 : Math.max(1, Math.floor((w / sum) * lines))));
  let left = lines - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % files) {
    if (sizes[i] === 0) continue;
    const step = left > 0 ? 1 : sizes[i]! > 1 ? -1 : 0;
    sizes[i]! += step;
    left -= step;
  }

  const out: string[] = [];
  kinds.forEach((kind, i) => {
    const path = pathOf(i, kind);
    const n = sizes[i]!;
    const a = hex(r);
    const b = hex(r);
    switch (kind) {
      case 'added':
        out.push(`diff --git a/${path} b/${path}`, 'new file mode 100644', `index 0000000..${b}`, '--- /dev/null');
        out.push(`+++ b/${path}`, `@@ -0,0 +1,${n} @@`);
        for (let k = 0; k < n; k++) out.push(`+${codeLine(r)}`);
        break;
      case 'deleted':
        out.push(`diff --git a/${path} b/${path}`, 'deleted file mode 100644', `index ${a}..0000000`);
        out.push(`--- a/${path}`, '+++ /dev/null', `@@ -1,${n} +0,0 @@`);
        for (let k = 0; k < n; k++) out.push(`-${codeLine(r)}`);
        break;
      case 'pure-rename': {
        const from = path.replace('/file', '/old-file');
        out.push(`diff --git a/${from} b/${path}`, 'similarity index 100%', `rename from ${from}`, `rename to ${path}`);
        break;
      }
      case 'renamed': {
        const from = path.replace('/file', '/old-file');
        out.push(`diff --git a/${from} b/${path}`, `similarity index ${70 + Math.floor(r() * 29)}%`);
        out.push(
          `rename from ${from}`,
          `rename to ${path}`,
          `index ${a}..${b} 100644`,
          `--- a/${from}`,
          `+++ b/${path}`,
        );
        modifiedHunks(r, n, out);
        break;
      }
      case 'binary':
        out.push(`diff --git a/${path} b/${path}`, `index ${a}..${b} 100644`);
        out.push(`Binary files a/${path} and b/${path} differ`);
        break;
      default:
        out.push(`diff --git a/${path} b/${path}`, `index ${a}..${b} 100644`, `--- a/${path}`, `+++ b/${path}`);
        modifiedHunks(r, n, out);
    }
  });
  out.push('');
  return { text: out.join('\n'), files, changedLines: lines };
}
