import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { renderFileForPrompt } from '../../src/diff/render.js';
import type { DiffFile, DiffLine, Hunk } from '../../src/diff/types.js';
import { planChunks, type ChunkPlan, type FileSlice, type PlanOptions } from '../../src/plan/chunks.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { hunkRank } from '../../src/plan/priority.js';
import { sliceHunk } from '../../src/plan/slice.js';

type HunkSpec = { gap: number; ops: { op: '+' | '-' | ' '; len: number; fill: string }[]; section: string };
type FileSpec = { path: string; hunks: HunkSpec[]; noEol: boolean };

const PATHS = [
  'src/a.ts',
  'src/b.py',
  'lib/c.go',
  'src/a.test.ts',
  'tests/test_x.py',
  'README.md',
  'docs/guide.rst',
  'package.json',
  '.github/workflows/ci.yml',
  'src/deep/d.ts',
];

// Mostly short lines, now and then one long enough to overflow a small chunk on its own.
const lineLen = fc.oneof(
  { weight: 9, arbitrary: fc.nat(60) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 2000 }) },
);
const opArb = fc.record({
  op: fc.constantFrom<'+' | '-' | ' '>('+', '-', ' ', '+', '-'),
  len: lineLen,
  // Non-ASCII text weighs more per character in the estimate (and emoji are surrogate pairs).
  fill: fc.constantFrom('x', 'x', 'x', 'é', '中', '😀'),
});
const hunkArb: fc.Arbitrary<HunkSpec> = fc.record({
  gap: fc.nat(30),
  ops: fc.array(opArb, { minLength: 1, maxLength: 40 }),
  section: fc.constantFrom('', 'function f()'),
});
const filesArb = fc
  .uniqueArray(
    fc.record({ path: fc.constantFrom(...PATHS), hunks: fc.array(hunkArb, { maxLength: 4 }), noEol: fc.boolean() }),
    { selector: (f) => f.path, maxLength: 8 },
  )
  .map((specs) => specs.map(buildFile));

/** Builds a file whose hunks number their lines consistently, as the parser would. */
function buildFile(spec: FileSpec): DiffFile {
  let oldNo = 1;
  let newNo = 1;
  let additions = 0;
  let deletions = 0;
  const hunks = spec.hunks.map((h, hi): Hunk => {
    oldNo += h.gap;
    newNo += h.gap;
    const oldFrom = oldNo;
    const newFrom = newNo;
    const lines: DiffLine[] = h.ops.map(({ op, len, fill }, i) => {
      const text = `${op}${i}`.padEnd(len, fill);
      if (op === '+') {
        additions++;
        return { kind: 'add', oldLine: null, newLine: newNo++, text };
      }
      if (op === '-') {
        deletions++;
        return { kind: 'del', oldLine: oldNo++, newLine: null, text };
      }
      return { kind: 'context', oldLine: oldNo++, newLine: newNo++, text };
    });
    const oldLines = oldNo - oldFrom;
    const newLines = newNo - newFrom;
    const last = hi === spec.hunks.length - 1 && spec.noEol;
    return {
      oldStart: oldLines === 0 ? oldFrom - 1 : oldFrom,
      oldLines,
      newStart: newLines === 0 ? newFrom - 1 : newFrom,
      newLines,
      section: h.section,
      lines,
      oldNoNewlineAtEnd: last && oldLines > 0,
      newNoNewlineAtEnd: last && newLines > 0,
    };
  });
  return {
    path: spec.path,
    oldPath: null,
    status: 'modified',
    binary: false,
    modeChange: null,
    submodule: false,
    hunks,
    additions,
    deletions,
  };
}

/** Additive measures of different shapes, or the default one. */
const measureArb: fc.Arbitrary<PlanOptions['tokensOf']> = fc.constantFrom<PlanOptions['tokensOf']>(
  undefined,
  (_f, hunks) => 8 + hunks.reduce((s, h) => s + 1 + h.lines.length, 0),
  (f, hunks) =>
    Math.ceil(f.path.length / 4) +
    hunks.reduce((s, h) => s + 2 + h.lines.reduce((t, l) => t + 1 + Math.ceil(l.text.length / 4), 0), 0),
);

const optsArb = fc.record({
  budgetTokens: fc.oneof(fc.nat(400), fc.nat(6000), fc.constant(1_000_000)),
  maxChunkTokens: fc.integer({ min: 1, max: 3000 }),
  targetChunkTokens: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constant(0)),
  chunkOverheadTokens: fc.oneof(fc.constant(0), fc.nat(300)),
  tokensOf: measureArb,
});

function changed(l: DiffLine): boolean {
  return l.kind !== 'context';
}

describe('planChunks (property)', () => {
  test('stays under the budget, never splits a line twice, accounts for every changed line', () => {
    fc.assert(
      fc.property(filesArb, optsArb, (files, opts) => {
        const plan = planChunks(files, opts);
        const overhead = opts.chunkOverheadTokens;

        // The ceiling: every chunk, with its overhead, within the budget; each chunk within the max.
        const spent = plan.chunks.reduce((s, c) => s + c.tokens + overhead, 0);
        expect(spent).toBeLessThanOrEqual(Math.max(0, opts.budgetTokens));
        for (const c of plan.chunks) {
          expect(c.slices.length).toBeGreaterThan(0);
          expect(c.tokens).toBeLessThanOrEqual(opts.maxChunkTokens);
          expect(c.tokens).toBe(c.slices.reduce((s, x) => s + x.tokens, 0));
          expect(c.lines).toBe(c.slices.reduce((s, x) => s + x.lines, 0));
        }

        // Where each original line lives, to check pieces against the file they came from.
        const home = new Map<DiffLine, { file: DiffFile; hunk: Hunk; at: number; order: number }>();
        for (const file of files) {
          let order = 0;
          for (const hunk of file.hunks) hunk.lines.forEach((l, at) => home.set(l, { file, hunk, at, order: order++ }));
        }

        // Plain checks collected per line: thousands of `expect` calls a run would make this slow.
        const problems: string[] = [];
        const seen = new Set<DiffLine>();
        const reviewedBy = new Map<string, number>();
        for (const slice of plan.chunks.flatMap((c) => c.slices)) {
          if (slice.hunks.length === 0) problems.push(`${slice.file.path}: empty slice`);
          let lines = 0;
          let lastOrder = -1;
          for (const h of slice.hunks) {
            const first = home.get(h.lines[0] as DiffLine);
            if (!first || first.file !== slice.file) problems.push(`${slice.file.path}: line from another file`);
            if (!h.lines.some(changed)) problems.push(`${slice.file.path}: piece without a changed line`);
            h.lines.forEach((l, i) => {
              const where = home.get(l);
              // Consecutive lines of one original hunk, hunks in file order.
              if (where?.hunk !== first?.hunk || where?.at !== (first?.at ?? 0) + i) problems.push('not consecutive');
              if ((where?.order ?? -1) <= lastOrder) problems.push('out of order');
              lastOrder = where?.order ?? lastOrder;
              if (changed(l)) {
                if (seen.has(l)) problems.push(`${slice.file.path}: line ${i} in two slices`);
                seen.add(l);
                lines++;
              }
            });
            const bad = first ? headerProblem(h, first.hunk, first.at) : null;
            if (bad) problems.push(`${slice.file.path}: ${bad}`);
          }
          if (slice.lines !== lines) problems.push(`${slice.file.path}: slice.lines ${slice.lines} ≠ ${lines}`);
          reviewedBy.set(slice.file.path, (reviewedBy.get(slice.file.path) ?? 0) + lines);
          if (opts.tokensOf === undefined) {
            const rendered = estimateTokens(renderFileForPrompt({ ...slice.file, hunks: slice.hunks }));
            if (slice.tokens < rendered)
              problems.push(`${slice.file.path}: planned ${slice.tokens} < rendered ${rendered}`);
          }
        }
        expect(problems).toEqual([]);

        // Accounting: reviewed + left out = total, per file and overall.
        let total = 0;
        for (const file of files) {
          const fileLines = file.hunks.reduce((s, h) => s + h.lines.filter(changed).length, 0);
          total += fileLines;
          const reviewed = reviewedBy.get(file.path) ?? 0;
          const out = plan.leftOut.filter((l) => l.path === file.path);
          if (reviewed === fileLines) {
            expect(out).toEqual([]);
          } else {
            expect(out).toHaveLength(1);
            expect(out[0]?.lines).toBe(fileLines - reviewed);
            expect(out[0]?.partial).toBe(reviewed > 0);
            expect(out[0]?.reason).not.toBe('');
          }
        }
        expect(plan.totalLines).toBe(total);
        expect(plan.reviewedLines).toBe(seen.size);
        expect(plan.reviewedLines + plan.leftOut.reduce((s, l) => s + l.lines, 0)).toBe(plan.totalLines);

        // Priority: a line of some rank is reviewed only when every line of the ranks before it is,
        // lines that (nearly) overflow a chunk on their own aside.
        const measure =
          opts.tokensOf ?? ((f: DiffFile, hunks: Hunk[]) => estimateTokens(renderFileForPrompt({ ...f, hunks })));
        let best = Infinity;
        let worstReviewed = -1;
        for (const file of files) {
          for (const hunk of file.hunks) {
            const rank = hunkRank(file, hunk);
            hunk.lines.forEach((l, i) => {
              if (!changed(l)) return;
              if (seen.has(l)) worstReviewed = Math.max(worstReviewed, rank);
              else if (measure(file, [sliceHunk(hunk, i, i + 1)]) + 3 <= opts.maxChunkTokens)
                best = Math.min(best, rank);
            });
          }
        }
        expect(worstReviewed).toBeLessThanOrEqual(best);

        // Deterministic (compared by shape: a deep compare of the shared files is slow).
        expect(signature(planChunks(files, opts))).toBe(signature(plan));
      }),
      { numRuns: 400 },
    );
  });

  test('with room for everything, every line that fits a chunk is reviewed', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const plan = planChunks(files, { budgetTokens: 10_000_000, maxChunkTokens: 100_000, targetChunkTokens: 2_000 });
        expect(plan.leftOut).toEqual([]);
        expect(plan.reviewedLines).toBe(plan.totalLines);
        // Whole pieces: a file's slices, put in file order, give back its changed lines in order.
        // (Chunks go most important first, so a file's slices may come out of order.)
        for (const file of files) {
          const all = file.hunks.flatMap((h) => h.lines);
          const position = new Map(all.map((l, i) => [l, i]));
          const firstAt = (s: FileSlice): number => position.get(s.hunks[0]?.lines[0] as DiffLine) ?? -1;
          const mine = plan.chunks
            .flatMap((c) => c.slices)
            .filter((s) => s.file === file)
            .sort((a, b) => firstAt(a) - firstAt(b));
          const got = mine.flatMap((s) => s.hunks.flatMap((h) => h.lines)).filter(changed);
          const want = all.filter(changed);
          expect(got.length === want.length && got.every((l, i) => l === want[i])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function signature(plan: ChunkPlan): string {
  const chunks = plan.chunks.map((c) => [
    c.tokens,
    c.slices.map((x) => [x.file.path, x.tokens, x.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])]),
  ]);
  return JSON.stringify([chunks, plan.leftOut, plan.reviewedLines, plan.totalLines]);
}

/** Why a (re-cut) hunk's header disagrees with its lines or with where they sit in the original, or null. */
function headerProblem(h: Hunk, original: Hunk, at: number): string | null {
  const olds = h.lines.filter((l) => l.kind !== 'add');
  const news = h.lines.filter((l) => l.kind !== 'del');
  const before = original.lines.slice(0, at);
  const prevOld = before.filter((l) => l.kind !== 'add').pop();
  const prevNew = before.filter((l) => l.kind !== 'del').pop();
  const firstOld = original.lines.find((l) => l.kind !== 'add')?.oldLine ?? original.oldStart + 1;
  const firstNew = original.lines.find((l) => l.kind !== 'del')?.newLine ?? original.newStart + 1;
  const want = {
    oldStart: olds[0]?.oldLine ?? prevOld?.oldLine ?? firstOld - 1,
    oldLines: olds.length,
    newStart: news[0]?.newLine ?? prevNew?.newLine ?? firstNew - 1,
    newLines: news.length,
  };
  const got = { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines };
  return JSON.stringify(got) === JSON.stringify(want)
    ? null
    : `header ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
}
