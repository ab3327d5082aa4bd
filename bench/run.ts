/**
 * Performance figures of claude-pr-review (`npm run bench`). Prints numbers, asserts nothing.
 *
 * 1. parse + filter + plan time and peak RSS on large synthetic diffs (each size in its own
 *    child process, so its peak RSS is its own);
 * 2. wall time of a large review with simulated model latency, max-concurrency 4 vs 1;
 * 3. fixed prompt overhead of one review call;
 * 4. share of the token ceiling spent on diff content when the diff is far above it;
 * 5. context: snapshot fetch + index + selection of a 5,000-file repository (GitHub behind a
 *    latency proxy, and local git), in a child process, and the context tokens per PR;
 * 6. the bundle (CPR_DIST) spawned as a runner would, under simulated network latency: time to
 *    the first model call and the sequential depth of the requests before it;
 * 7. start-up of the bundle against a bare node start;
 * 8. the model phase of a large review against its slowest call, with a token-timed model.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { filterFiles } from '../src/diff/filter.js';
import { parseDiff } from '../src/diff/parse.js';
import { renderFileForPrompt } from '../src/diff/render.js';
import { estimateTokens } from '../src/plan/estimate.js';
import type { Logger } from '../src/ports.js';
import { ANSWER_SCHEMA, buildReviewRequest, requestText } from '../src/review/prompt.js';
import { run } from '../src/run.js';
import { compileToTemp } from './compile.js';
import { bundleSections, contextSection, modelPhaseSection } from './latency-sections.js';
import { benchForge, benchModel, BENCH_PR, charsOver4, MODEL_ID, type BenchCall } from './fakes.js';
import type { PlanFigure } from './plan-child.js';
import { syntheticDiff } from './synthetic-diff.js';

const quiet: Logger = { info: () => {}, warning: () => {} };
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function config(inputs: Record<string, string>) {
  return readConfig((name: InputName) => inputs[name] ?? '');
}

// ---------------------------------------------------------------- 1. parse + filter + plan

/** Figure 1 for one size, measured in a bare-node child so that its peak RSS is its own. */
function planFigure(dir: string, files: number, lines: number): PlanFigure {
  const out = execFileSync(process.execPath, [join(dir, 'bench', 'plan-child.js'), String(files), String(lines)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as PlanFigure;
}

// ---------------------------------------------------------------- 2 & 4. the pipeline

async function pipeline(
  diff: string,
  inputs: Record<string, string>,
  latencyMs: (input: number) => number,
  serial = false,
) {
  const model = benchModel(latencyMs, serial);
  const t0 = performance.now();
  const result = await run({ config: config(inputs), forge: benchForge(diff), model: model.client, log: quiet });
  return { ms: performance.now() - t0, result, calls: model.calls };
}

// ---------------------------------------------------------------- main

/** `npm run bench -- 6 7` runs only those sections (1–4 run together, as 1); no argument runs all. */
const only = new Set(process.argv.slice(2).map(Number));
const want = (section: number) => only.size === 0 || only.has(section);

async function main(): Promise<void> {
  const rows: [string, string, string][] = [];
  console.log('claude-pr-review benchmark');
  console.log(`Node ${process.version} on ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  console.log('');

  if (want(1)) await pipelineSections(rows);
  if (want(5)) await contextSection(compileToTemp().dir, rows);
  if (want(6) || want(7)) await bundleSections(process.env.CPR_DIST ?? 'dist/index.js', rows);
  if (want(8)) await modelPhaseSection(rows);

  console.log('');
  console.log(`| Figure (Node ${process.version}) | Result | Goal |`);
  console.log('| --- | --- | --- |');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

/** Sections 1–4: parsing and planning, and the pipeline against in-memory fakes. */
async function pipelineSections(rows: [string, string, string][]): Promise<void> {
  // 1.
  const sizes = [
    [3000, 100_000],
    [1000, 33_000],
    [300, 10_000],
  ] as const;
  const compiled = compileToTemp();
  let figs: PlanFigure[];
  try {
    figs = sizes.map(([f, l]) => planFigure(compiled.dir, f, l));
  } finally {
    compiled.dispose();
  }
  const big = figs[0]!;
  console.log(
    `1. parse+filter+plan, ${fmt(big.files)} files / ${fmt(big.lines)} changed lines: ${fmt(big.medianMs)} ms median of 5 ` +
      `(goal ≤ 1,000 ms); peak RSS ${fmt(big.peakRssMb)} MB (goal ≤ 300 MB; ${fmt(big.baseRssMb)} MB before the diff was built; bare node, no TS loader)`,
  );
  console.log(
    `   plan under a 100k ceiling: diff budget ${fmt(big.budgetTokens)} estimated tokens, ${big.kept} files kept, ` +
      `${big.skipped} skipped, ${big.chunks} chunk(s), ${fmt(big.coveragePct, 1)} % of lines planned; parsed ${fmt(big.parsedLines)} changed lines`,
  );
  console.log(
    `   phases (median ms, parse / filter / plan): ` +
      figs.map((f) => `${fmt(f.files)} files ${fmt(f.parseMs)} / ${fmt(f.filterMs)} / ${fmt(f.planMs)}`).join('; '),
  );
  const perK = figs.map(
    (f) =>
      `${fmt(f.files)} files/${fmt(f.lines / 1000)}k lines: ${fmt(f.medianMs / (f.lines / 1000), 2)} ms per 1k lines`,
  );
  console.log(`   linearity (goal: about constant): ${perK.join('; ')}`);
  rows.push([
    `Parse + filter + plan, ${fmt(big.files)} files / ${fmt(big.lines)} lines`,
    `${fmt(big.medianMs)} ms, peak RSS ${fmt(big.peakRssMb)} MB`,
    '≤ 1 s, ≤ 300 MB',
  ]);
  rows.push([
    'Time per 1k changed lines (300 / 1,000 / 3,000 files)',
    [...figs]
      .reverse()
      .map((f) => `${fmt(f.medianMs / (f.lines / 1000), 2)}`)
      .join(' / ') + ' ms',
    'linear',
  ]);

  // 2.
  const latency = (input: number) => 400 + 2 * (input / 1000);
  const pr2 = syntheticDiff(300, 20_000, 7).text;
  const inputs2 = { 'max-tokens-per-run': '1000000', model: 'sonnet' };
  const c4 = await pipeline(pr2, { ...inputs2, 'max-concurrency': '4' }, latency);
  const c1 = await pipeline(pr2, { ...inputs2, 'max-concurrency': '1' }, latency);
  // The same parts, answered one at a time: the cost of not running them concurrently.
  const s4 = await pipeline(pr2, { ...inputs2, 'max-concurrency': '4' }, latency, true);
  const ratio = c4.ms / s4.ms;
  console.log(
    `2. review wall time, 300 files / 20k lines, ceiling 1M, latency 400 ms + 2 ms per 1k input tokens: ` +
      `max-concurrency 4 ${fmt(c4.ms)} ms (${c4.calls.length} calls, coverage ${c4.result.report.coverage} %), ` +
      `the same parts one at a time ${fmt(s4.ms)} ms; ratio ${fmt(ratio, 2)}× (goal ≤ 0.4×); ` +
      `for reference max-concurrency 1 (fewer, larger parts) ${fmt(c1.ms)} ms (${c1.calls.length} calls) = ${fmt(c4.ms / c1.ms, 2)}×`,
  );
  const inputsK = (calls: BenchCall[]) => calls.map((c) => `${fmt(c.usage.input / 1000)}k`).join(', ');
  console.log(
    `   input tokens per call, in finishing order: concurrency 4: ${inputsK(c4.calls)}; concurrency 1: ${inputsK(c1.calls)}`,
  );
  rows.push([
    'Review wall time, 300 files / 20k lines: 4 parts concurrently vs one at a time',
    `${fmt(c4.ms / 1000, 1)} s vs ${fmt(s4.ms / 1000, 1)} s = ${fmt(ratio, 2)}× (vs max-concurrency 1: ${fmt(c4.ms / c1.ms, 2)}×)`,
    '≤ 0.4×',
  ]);

  // 3.
  const empty = buildReviewRequest({ model: MODEL_ID, pr: BENCH_PR, files: [] });
  const estimated = estimateTokens(requestText(empty));
  const closer = charsOver4(empty);
  console.log(
    `3. fixed prompt overhead (empty diff: system prompt + description wrapper + tool schema): ` +
      `${fmt(estimated)} tokens by estimateTokens, ~${fmt(closer)} by chars/4 (${fmt(requestText(empty).length)} chars) (goal ≤ 1,500)`,
  );
  rows.push([
    'Fixed prompt overhead per call',
    `${fmt(estimated)} tokens (estimate), ~${fmt(closer)} (chars/4)`,
    '≤ 1,500',
  ]);

  // 4.
  const ceiling = 100_000;
  const pr4 = syntheticDiff(700, 25_000, 11).text;
  const r4 = await pipeline(
    pr4,
    { 'max-tokens-per-run': String(ceiling), model: 'sonnet', 'max-concurrency': '4' },
    () => 0,
  );
  const kept4 = filterFiles(parseDiff(pr4), config({})).kept;
  const diffSize = kept4.reduce((n, f) => n + Math.ceil(renderFileForPrompt(f).length / 4), 0);
  const reviews = r4.calls.filter((c) => c.request.outputSchema === ANSWER_SCHEMA);
  const diffSent = reviews.reduce((n, c) => {
    const block = c.request.user.find((b) => b.text.includes('<untrusted-diff-'));
    return n + (block ? Math.ceil(block.text.length / 4) : 0);
  }, 0);
  const billed = r4.calls.reduce(
    (n, c) => n + c.usage.input + c.usage.output + c.usage.cacheWrite + c.usage.cacheRead,
    0,
  );
  const share = (100 * diffSent) / ceiling;
  console.log(
    `4. ceiling ${fmt(ceiling)}, diff ${fmt(diffSize)} tokens (chars/4) = ${fmt(diffSize / ceiling, 1)}× the ceiling: ` +
      `diff tokens sent ${fmt(diffSent)} = ${fmt(share, 1)} % of the ceiling (goal ≥ 90 %); billed ${fmt(billed)} = ` +
      `${fmt((100 * billed) / ceiling, 1)} %; ${r4.calls.length} calls (${reviews.length} review + ${r4.calls.length - reviews.length} summary); ` +
      `coverage ${r4.result.report.coverage} %`,
  );
  console.log(
    `   per review call: input ${reviews.map((c) => fmt(c.usage.input)).join(', ')}; diff block ${reviews.map((c) => fmt(Math.ceil((c.request.user.find((b) => b.text.includes('<untrusted-diff-'))?.text.length ?? 0) / 4))).join(', ')} tokens; ` +
      `max_tokens ${reviews.map((c) => fmt(c.maxTokens)).join(', ')}`,
  );
  rows.push([
    `Diff share of a ${fmt(ceiling / 1000)}k ceiling, diff ${fmt(diffSize / ceiling, 1)}× the ceiling`,
    `${fmt(share, 1)} % (billed ${fmt((100 * billed) / ceiling, 1)} %, ${r4.calls.length} calls, coverage ${r4.result.report.coverage} %)`,
    '≥ 90 %',
  ]);
}

await main();
