/**
 * The eval's plumbing: each seeded-bug case goes through the real pipeline (`run()` of
 * src/run.ts) once per tier, with an in-memory forge and the model client it is given, and the
 * findings it would post are matched to the seeded bugs. Recall: seeded bugs found. Precision:
 * findings that are a seeded bug. Numbers, not a test: a prompt change is judged by them.
 */
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import type { Tier } from '../src/plan/tier.js';
import type { Logger, ModelClient } from '../src/ports.js';
import type { Finding } from '../src/review/findings.js';
import { run } from '../src/run.js';
import { memoryForge } from '../__tests__/support/memory-forge.js';
import { bugLines, caseDiff, type EvalCase } from './cases.js';

/** Lines around a seeded bug that still count as finding it (a model may point at the line above). */
export const MATCH_SLACK = 2;

export type CaseResult = { name: string; bugs: number; found: number; findings: number; truePositives: number };

export type TierResult = {
  tier: Tier;
  /** The model(s) the tier resolved to. */
  models: string[];
  cases: CaseResult[];
  bugs: number;
  found: number;
  findings: number;
  truePositives: number;
  /** found / bugs, 0..1. */
  recall: number;
  /** truePositives / findings, 0..1 (1 when nothing was reported). */
  precision: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
};

const silent: Logger = { info: () => {}, warning: () => {} };

/** Whether `f` points at the seeded bug (same path, its line within the finding's range ± MATCH_SLACK). */
export function matches(
  f: Pick<Finding, 'path' | 'line' | 'start_line'>,
  bug: { path: string; line: number },
): boolean {
  const start = Math.min(f.start_line ?? f.line, f.line) - MATCH_SLACK;
  return f.path === bug.path && bug.line >= start && bug.line <= f.line + MATCH_SLACK;
}

/** Scores one case's reported findings against its seeded bugs. */
export function scoreCase(c: EvalCase, reported: Finding[]): CaseResult {
  const bugs = bugLines(c);
  const found = bugs.filter((b) => reported.some((f) => matches(f, b))).length;
  const truePositives = reported.filter((f) => bugs.some((b) => matches(f, b))).length;
  return { name: c.name, bugs: bugs.length, found, findings: reported.length, truePositives };
}

/**
 * Runs every case at every tier through `run()`. `inputs` are action inputs on top of the
 * defaults (e.g. a larger `max-tokens-per-run`); the tier is forced as a `/review <tier>`
 * command would force it, and every review is a full one.
 */
export async function runEval(args: {
  client: ModelClient;
  cases: EvalCase[];
  tiers: Tier[];
  inputs?: Partial<Record<InputName, string>>;
  onCase?: (tier: Tier, result: CaseResult) => void;
}): Promise<TierResult[]> {
  const inputs: Partial<Record<InputName, string>> = {
    'max-tokens-per-run': '200000',
    'min-severity': 'nit',
    ...args.inputs,
  };
  const config = readConfig((name) => inputs[name] ?? '');
  const results: TierResult[] = [];
  for (const tier of args.tiers) {
    const t: TierResult = {
      tier,
      models: [],
      cases: [],
      bugs: 0,
      found: 0,
      findings: 0,
      truePositives: 0,
      recall: 0,
      precision: 1,
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
      costUsd: 0,
    };
    for (const c of args.cases) {
      const forge = memoryForge(caseDiff(c), { title: c.title, body: c.body, number: 1 });
      for (const f of c.files) forge.files[f.path] = f.text;
      const result = await run({ config, forge, model: args.client, log: silent, request: { mode: 'full', tier } });
      // What the review reports: inline comments, and findings moved to the summary.
      const placed = result.placement;
      const reported = placed
        ? [...placed.inline.map((p) => p.finding), ...placed.unplaced.map((u) => u.finding)]
        : (result.findings?.findings ?? []);
      const scored = scoreCase(c, reported);
      t.cases.push(scored);
      args.onCase?.(tier, scored);
      const u = result.report.usage;
      const model = result.report.model?.id;
      if (model && !t.models.includes(model)) t.models.push(model);
      t.inputTokens += u.input + u.cacheWrite + u.cacheRead;
      t.outputTokens += u.output;
      t.costUsd += result.report.costUsd;
    }
    t.bugs = sum(t.cases, 'bugs');
    t.found = sum(t.cases, 'found');
    t.findings = sum(t.cases, 'findings');
    t.truePositives = sum(t.cases, 'truePositives');
    t.recall = t.bugs === 0 ? 0 : t.found / t.bugs;
    t.precision = t.findings === 0 ? 1 : t.truePositives / t.findings;
    t.totalTokens = t.inputTokens + t.outputTokens;
    results.push(t);
  }
  return results;
}

function sum(cases: CaseResult[], key: 'bugs' | 'found' | 'findings' | 'truePositives'): number {
  return cases.reduce((n, c) => n + c[key], 0);
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The table `npm run eval` prints: one row per tier. */
export function renderTable(results: TierResult[]): string {
  const header = [
    'tier',
    'model',
    'recall',
    'precision',
    'found/bugs',
    'true/findings',
    'input tok',
    'output tok',
    'total tok',
    'cost USD',
  ];
  const rows = results.map((r) => [
    r.tier,
    r.models.join(', ') || '-',
    pct(r.recall),
    pct(r.precision),
    `${r.found}/${r.bugs}`,
    `${r.truePositives}/${r.findings}`,
    String(r.inputTokens),
    String(r.outputTokens),
    String(r.totalTokens),
    r.costUsd.toFixed(4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
