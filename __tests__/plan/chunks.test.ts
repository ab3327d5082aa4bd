import { describe, expect, test } from '@jest/globals';
import { renderFileForPrompt } from '../../src/diff/render.js';
import type { DiffFile, DiffLine, Hunk } from '../../src/diff/types.js';
import { coverage, planChunks, type ChunkPlan, type FileSlice } from '../../src/plan/chunks.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { indexHunk, sliceHunk } from '../../src/plan/slice.js';

/** A hunk from ops (`+` add, `-` del, ` ` context) starting at old line `oldFrom`, new line `newFrom`. */
function hunk(ops: string, oldFrom = 1, newFrom = 1, text: (i: number) => string = (i) => `line ${i}`): Hunk {
  let oldNo = oldFrom;
  let newNo = newFrom;
  const lines: DiffLine[] = [...ops].map((op, i) => {
    if (op === '+') return { kind: 'add', oldLine: null, newLine: newNo++, text: text(i) };
    if (op === '-') return { kind: 'del', oldLine: oldNo++, newLine: null, text: text(i) };
    return { kind: 'context', oldLine: oldNo++, newLine: newNo++, text: text(i) };
  });
  const oldLines = oldNo - oldFrom;
  const newLines = newNo - newFrom;
  return {
    // Git writes the line before as the start of an empty side.
    oldStart: oldLines === 0 ? oldFrom - 1 : oldFrom,
    oldLines,
    newStart: newLines === 0 ? newFrom - 1 : newFrom,
    newLines,
    section: '',
    lines,
    oldNoNewlineAtEnd: false,
    newNoNewlineAtEnd: false,
  };
}

function file(path: string, hunks: Hunk[], status: DiffFile['status'] = 'modified'): DiffFile {
  let additions = 0;
  let deletions = 0;
  for (const h of hunks) {
    for (const l of h.lines) {
      if (l.kind === 'add') additions++;
      else if (l.kind === 'del') deletions++;
    }
  }
  return {
    path,
    oldPath: null,
    status,
    binary: false,
    modeChange: null,
    submodule: false,
    hunks,
    additions,
    deletions,
  };
}

/** `count` hunks of `size` added lines each, 10 lines apart. */
function addHunks(count: number, size: number): Hunk[] {
  return Array.from({ length: count }, (_, i) => hunk('+'.repeat(size), i * 10 + 1, i * (10 + size) + 1));
}

/** A simple additive measure: 10 for the header, 1 per `@@`, 1 per line. */
const simple = (_file: DiffFile, hunks: Hunk[]): number => 10 + hunks.reduce((s, h) => s + 1 + h.lines.length, 0);

function paths(plan: ChunkPlan): string[][] {
  return plan.chunks.map((c) => c.slices.map((s) => s.file.path));
}

function slicesOf(plan: ChunkPlan, path: string): FileSlice[] {
  return plan.chunks.flatMap((c) => c.slices).filter((s) => s.file.path === path);
}

function checkTotals(plan: ChunkPlan, budget: number, max: number): void {
  expect(plan.chunks.reduce((s, c) => s + c.tokens, 0)).toBeLessThanOrEqual(budget);
  for (const c of plan.chunks) {
    expect(c.tokens).toBeLessThanOrEqual(max);
    expect(c.tokens).toBe(c.slices.reduce((s, x) => s + x.tokens, 0));
    expect(c.lines).toBe(c.slices.reduce((s, x) => s + x.lines, 0));
  }
  expect(plan.reviewedLines + plan.leftOut.reduce((s, l) => s + l.lines, 0)).toBe(plan.totalLines);
}

describe('planChunks when everything fits', () => {
  test('small files share one chunk, whole, in path order', () => {
    const files = [file('src/b.ts', [hunk('-+')]), file('src/a.ts', [hunk(' + ')]), file('README.md', [hunk('+')])];
    const plan = planChunks(files, { budgetTokens: 10_000, maxChunkTokens: 5_000, targetChunkTokens: 5_000 });
    expect(paths(plan)).toEqual([['README.md', 'src/a.ts', 'src/b.ts']]);
    for (const s of plan.chunks[0]?.slices ?? []) expect(s.hunks).toEqual(s.file.hunks);
    expect(plan.leftOut).toEqual([]);
    expect(plan).toMatchObject({ reviewedLines: 4, totalLines: 4 });
    expect(coverage(plan)).toBe(100);
  });

  test('files are spread over several chunks of at most the target, whole', () => {
    // Each file: 10 + (1 + 39) = 50 tokens with the simple measure.
    const files = ['a/1.ts', 'a/2.ts', 'b/1.ts', 'b/2.ts', 'c/1.ts'].map((p) => file(p, [hunk('+'.repeat(39))]));
    const plan = planChunks(files, {
      budgetTokens: 1_000,
      maxChunkTokens: 500,
      targetChunkTokens: 120,
      tokensOf: simple,
    });
    expect(paths(plan)).toEqual([['a/1.ts', 'a/2.ts'], ['b/1.ts', 'b/2.ts'], ['c/1.ts']]);
    expect(plan.chunks.map((c) => c.tokens)).toEqual([100, 100, 50]);
    checkTotals(plan, 1_000, 120);
  });

  test('a file bigger than the target is split at hunk boundaries, in order', () => {
    // Five hunks of 30 lines: 31 tokens each, 10 for the header: two hunks per 80-token slice.
    const big = file('src/big.ts', addHunks(5, 30));
    const plan = planChunks([big], {
      budgetTokens: 1_000,
      maxChunkTokens: 500,
      targetChunkTokens: 80,
      tokensOf: simple,
    });
    const slices = slicesOf(plan, 'src/big.ts');
    expect(slices.map((s) => s.hunks.length)).toEqual([2, 2, 1]);
    expect(slices.flatMap((s) => s.hunks)).toEqual(big.hunks);
    for (const s of slices) {
      expect(s.tokens).toBeLessThanOrEqual(80);
      for (const h of s.hunks) expect(big.hunks).toContain(h); // whole hunks, not re-cut
    }
    expect(plan.leftOut).toEqual([]);
    checkTotals(plan, 1_000, 80);
  });

  test('a 5,000-line added file is cut into consistent pieces (default measure)', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  const value${i} = compute(${i}); // step ${i}`);
    const big = file('src/generated-by-hand.ts', [hunk('+'.repeat(5000), 1, 1, (i) => lines[i] ?? '')], 'added');
    const target = 8_000;
    const plan = planChunks([big], { budgetTokens: 1_000_000, maxChunkTokens: 20_000, targetChunkTokens: target });
    const slices = slicesOf(plan, big.path);
    expect(slices.length).toBeGreaterThan(5);
    const pieces = slices.flatMap((s) => s.hunks);
    let next = 1;
    for (const p of pieces) {
      expect(p.oldStart).toBe(0);
      expect(p.oldLines).toBe(0);
      expect(p.newStart).toBe(next);
      expect(p.newLines).toBe(p.lines.length);
      expect(p.lines.length).toBeGreaterThan(0);
      expect(p.lines[0]?.newLine).toBe(p.newStart);
      next += p.newLines;
    }
    expect(next).toBe(5001);
    // The pieces share the original line objects and give them back in order.
    const original = big.hunks[0]?.lines ?? [];
    const joined = pieces.flatMap((p) => p.lines);
    expect(joined.length).toBe(original.length);
    expect(joined.every((l, i) => l === original[i])).toBe(true);
    for (const s of slices) {
      expect(s.tokens).toBeLessThanOrEqual(target);
      // The planned size never under-counts the rendering.
      expect(s.tokens).toBeGreaterThanOrEqual(estimateTokens(renderFileForPrompt({ ...s.file, hunks: s.hunks })));
      // …and does not over-count it much either.
      expect(s.tokens).toBeLessThan(estimateTokens(renderFileForPrompt({ ...s.file, hunks: s.hunks })) * 1.1);
    }
    expect(plan.reviewedLines).toBe(5000);
    checkTotals(plan, 1_000_000, target);
  });

  test('the planned size bounds the rendering for multi-hunk slices with different number widths', () => {
    const f = file('src/wide.ts', [hunk(' -+ ', 1, 1), hunk(' -+ ', 9_990, 9_990), hunk('++', 50_000, 50_000)]);
    const plan = planChunks([f], { budgetTokens: 100_000, maxChunkTokens: 10_000, targetChunkTokens: 10_000 });
    const [s] = slicesOf(plan, f.path);
    expect(s?.hunks).toEqual(f.hunks);
    expect(s?.tokens).toBeGreaterThanOrEqual(estimateTokens(renderFileForPrompt(f)));
  });

  test('pieces at the top of a short file are priced with the wider number column render gives them', () => {
    // Cutting `+0` off leaves a piece whose old side is empty at line 0 ("-0,0"), which render
    // numbers one column wider than the file itself.
    const f = file('src/a.ts', [hunk('++++ ', 1, 1, (i) => (i === 1 ? 'x'.repeat(200) : `v${i}`))]);
    const plan = planChunks([f], { budgetTokens: 44, maxChunkTokens: 44, targetChunkTokens: 44 });
    for (const s of slicesOf(plan, f.path)) {
      expect(s.tokens).toBeGreaterThanOrEqual(estimateTokens(renderFileForPrompt({ ...s.file, hunks: s.hunks })));
    }
    expect(plan.reviewedLines).toBe(3);
  });

  test('targetChunkTokens above maxChunkTokens is held to the max', () => {
    const files = ['a.ts', 'b.ts', 'c.ts'].map((p) => file(p, [hunk('+'.repeat(39))]));
    const plan = planChunks(files, {
      budgetTokens: 1_000,
      maxChunkTokens: 100,
      targetChunkTokens: 10_000,
      tokensOf: simple,
    });
    expect(paths(plan)).toEqual([['a.ts', 'b.ts'], ['c.ts']]);
    checkTotals(plan, 1_000, 100);
  });

  test('the same input, in any order, gives the same plan', () => {
    const files = ['x/b.ts', 'x/a.ts', 'y/c.py', 'README.md', 'x/a.test.ts'].map((p, i) =>
      file(p, addHunks(1 + (i % 3), 20 + i)),
    );
    const opts = { budgetTokens: 150, maxChunkTokens: 100, targetChunkTokens: 60, tokensOf: simple };
    const a = planChunks(files, opts);
    const b = planChunks([...files].reverse(), opts);
    expect(b).toEqual(a);
  });
});

describe('planChunks over the budget', () => {
  test('code before tests, docs and config', () => {
    // 50 tokens each; room for two.
    const files = ['package.json', 'README.md', 'src/a.test.ts', 'src/a.ts'].map((p) =>
      file(p, [hunk('+'.repeat(39))]),
    );
    const plan = planChunks(files, {
      budgetTokens: 100,
      maxChunkTokens: 500,
      targetChunkTokens: 500,
      tokensOf: simple,
    });
    expect(paths(plan)).toEqual([['src/a.test.ts', 'src/a.ts']]);
    expect(plan.leftOut).toEqual([
      { path: 'README.md', reason: 'token ceiling reached (docs file, lower priority)', lines: 39, partial: false },
      {
        path: 'package.json',
        reason: 'token ceiling reached (config file, lower priority)',
        lines: 39,
        partial: false,
      },
    ]);
    checkTotals(plan, 100, 500);
  });

  test('deletion-only hunks of code go after additions of every kind', () => {
    const removed = file('src/old.ts', [hunk('-'.repeat(39))], 'deleted');
    const config = file('config.yml', [hunk('+'.repeat(39))]);
    const plan = planChunks([removed, config], {
      budgetTokens: 60,
      maxChunkTokens: 500,
      targetChunkTokens: 500,
      tokensOf: simple,
    });
    expect(paths(plan)).toEqual([['config.yml']]);
    expect(plan.leftOut).toEqual([
      { path: 'src/old.ts', reason: 'deletion-only change, lowest priority', lines: 39, partial: false },
    ]);
  });

  test("within a file, its deletion-only hunks wait for other files' additions", () => {
    const code = file('src/a.ts', [hunk('-'.repeat(20), 1, 1), hunk('+'.repeat(20), 40, 20)]);
    const test_ = file('src/a.test.ts', [hunk('+'.repeat(20))]);
    // a.ts additions 10 + 21, a.test.ts 10 + 21: 62; the deletion hunk would need 21 more.
    const plan = planChunks([code, test_], {
      budgetTokens: 62,
      maxChunkTokens: 500,
      targetChunkTokens: 500,
      tokensOf: simple,
    });
    expect(slicesOf(plan, 'src/a.ts').flatMap((s) => s.hunks)).toEqual([code.hunks[1]]);
    expect(slicesOf(plan, 'src/a.test.ts')).toHaveLength(1);
    expect(plan.leftOut).toEqual([
      { path: 'src/a.ts', reason: 'token ceiling reached: 20 of 40 changed lines reviewed', lines: 20, partial: true },
    ]);
  });

  test('coverage is spread: ten equal files each get about half, not five files whole', () => {
    const files = Array.from({ length: 10 }, (_, i) => file(`src/f${i}.ts`, [hunk('+'.repeat(100))]));
    // 111 tokens a file: budget for five.
    const plan = planChunks(files, {
      budgetTokens: 555,
      maxChunkTokens: 2_000,
      targetChunkTokens: 300,
      tokensOf: simple,
    });
    for (const f of files) {
      const slices = slicesOf(plan, f.path);
      expect(slices.length).toBeGreaterThanOrEqual(1);
      const lines = slices.reduce((s, x) => s + x.lines, 0);
      expect(lines).toBeGreaterThanOrEqual(40);
      expect(lines).toBeLessThanOrEqual(60);
    }
    expect(plan.leftOut).toHaveLength(10);
    for (const l of plan.leftOut) {
      expect(l.partial).toBe(true);
      expect(l.reason).toMatch(/^token ceiling reached: \d+ of 100 changed lines reviewed$/);
    }
    expect(coverage(plan)).toBeGreaterThan(40);
    checkTotals(plan, 555, 300);
  });

  test('coverage is spread over files of many hunks: whole hunks, first ones first', () => {
    const files = Array.from({ length: 10 }, (_, i) => file(`src/f${i}.ts`, addHunks(10, 9)));
    // 10 + 10 × 10 = 110 tokens a file: budget for half.
    const plan = planChunks(files, {
      budgetTokens: 550,
      maxChunkTokens: 2_000,
      targetChunkTokens: 300,
      tokensOf: simple,
    });
    for (const f of files) {
      const hunks = slicesOf(plan, f.path).flatMap((s) => s.hunks);
      expect(hunks.length).toBeGreaterThanOrEqual(4);
      expect(hunks.length).toBeLessThanOrEqual(5);
      expect(hunks).toEqual(f.hunks.slice(0, hunks.length));
    }
    checkTotals(plan, 550, 300);
  });

  test('one huge file does not crowd out the small ones of the same rank', () => {
    const huge = file('src/huge.ts', [hunk('+'.repeat(5_000))]);
    const small = ['src/a.ts', 'src/b.ts', 'src/c.ts'].map((p) => file(p, [hunk('+'.repeat(20))]));
    const plan = planChunks([huge, ...small], {
      budgetTokens: 500,
      maxChunkTokens: 2_000,
      targetChunkTokens: 1_000,
      tokensOf: simple,
    });
    for (const f of small) expect(slicesOf(plan, f.path).reduce((s, x) => s + x.lines, 0)).toBe(20);
    const hugeLines = slicesOf(plan, huge.path).reduce((s, x) => s + x.lines, 0);
    expect(hugeLines).toBeGreaterThan(300);
    expect(plan.leftOut).toEqual([
      {
        path: 'src/huge.ts',
        reason: `token ceiling reached: ${hugeLines} of 5000 changed lines reviewed`,
        lines: 5_000 - hugeLines,
        partial: true,
      },
    ]);
    checkTotals(plan, 500, 1_000);
  });

  test('no budget: everything is left out with its reason', () => {
    const files = [file('src/a.ts', [hunk('+')]), file('docs/x.md', [hunk('+-')]), file('src/gone.ts', [hunk('--')])];
    const plan = planChunks(files, { budgetTokens: 0, maxChunkTokens: 500, targetChunkTokens: 500, tokensOf: simple });
    expect(plan.chunks).toEqual([]);
    expect(plan.leftOut).toEqual([
      { path: 'docs/x.md', reason: 'token ceiling reached (docs file, lower priority)', lines: 2, partial: false },
      { path: 'src/a.ts', reason: 'token ceiling reached', lines: 1, partial: false },
      { path: 'src/gone.ts', reason: 'deletion-only change, lowest priority', lines: 2, partial: false },
    ]);
    expect(coverage(plan)).toBe(0);
  });

  test('a line too long for any chunk is left out with that reason', () => {
    const long = 'x'.repeat(3_000);
    const f = file('src/min.ts', [hunk('+++', 1, 1, (i) => (i === 1 ? long : 'short'))]);
    const plan = planChunks([f], { budgetTokens: 100_000, maxChunkTokens: 500, targetChunkTokens: 500 });
    expect(slicesOf(plan, f.path).reduce((s, x) => s + x.lines, 0)).toBe(2);
    expect(plan.leftOut).toEqual([
      {
        path: 'src/min.ts',
        reason: 'lines too long for one model call: 2 of 3 changed lines reviewed',
        lines: 1,
        partial: true,
      },
    ]);
  });

  test('per-chunk overhead is charged against the budget', () => {
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((p) => file(p, [hunk('+'.repeat(39))]));
    const opts = { budgetTokens: 300, maxChunkTokens: 500, targetChunkTokens: 100, tokensOf: simple };
    expect(planChunks(files, opts).reviewedLines).toBe(156);
    const plan = planChunks(files, { ...opts, chunkOverheadTokens: 60 });
    const spent = plan.chunks.reduce((s, c) => s + c.tokens, 0) + 60 * plan.chunks.length;
    expect(spent).toBeLessThanOrEqual(300);
    expect(plan.chunks.length).toBeGreaterThan(0);
    expect(plan.reviewedLines).toBeLessThan(156);
  });

  test('NaN and infinite options neither hang nor break the ceiling', () => {
    const files = ['a.ts', 'b.ts'].map((p) => file(p, [hunk('+'.repeat(39))]));
    const nan = planChunks(files, { budgetTokens: NaN, maxChunkTokens: NaN, targetChunkTokens: NaN, tokensOf: simple });
    expect(nan.chunks).toEqual([]);
    const wide = planChunks(files, {
      budgetTokens: Infinity,
      maxChunkTokens: Infinity,
      targetChunkTokens: Infinity,
      chunkOverheadTokens: NaN,
      tokensOf: simple,
    });
    expect(paths(wide)).toEqual([['a.ts', 'b.ts']]);
  });

  test('chunks holding code come before chunks holding only tests', () => {
    const files = ['a.test.ts', 'z.ts'].map((p) => file(p, [hunk('+'.repeat(39))]));
    const plan = planChunks(files, {
      budgetTokens: 1_000,
      maxChunkTokens: 60,
      targetChunkTokens: 60,
      tokensOf: simple,
    });
    expect(paths(plan)).toEqual([['z.ts'], ['a.test.ts']]);
  });
});

describe('sliceHunk', () => {
  test('re-cut pieces keep valid headers and no-newline flags', () => {
    const h: Hunk = { ...hunk(' --++ +', 10, 10), oldNoNewlineAtEnd: true, newNoNewlineAtEnd: true };
    const index = indexHunk(h);
    const cuts = [0, 2, 4, 7];
    const pieces = cuts.slice(1).map((to, i) => sliceHunk(h, cuts[i] ?? 0, to, index));
    expect(pieces.map((p) => [p.oldStart, p.oldLines, p.newStart, p.newLines])).toEqual([
      [10, 2, 10, 1], // context 10, del 11
      [12, 1, 11, 1], // del 12, add 11
      [13, 1, 12, 3], // add 12, context 13/13, add 14
    ]);
    expect(pieces.map((p) => [p.oldNoNewlineAtEnd, p.newNoNewlineAtEnd])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    expect(pieces.flatMap((p) => p.lines)).toEqual(h.lines);
  });

  test('a side with no line in the piece starts at the line before, as git writes it', () => {
    const h = hunk('--++', 5, 5);
    expect(sliceHunk(h, 2, 4)).toMatchObject({ oldStart: 6, oldLines: 0, newStart: 5, newLines: 2 });
    expect(sliceHunk(h, 0, 2)).toMatchObject({ oldStart: 5, oldLines: 2, newStart: 4, newLines: 0 });
    const inserted = hunk('+++', 8, 8); // @@ -7,0 +8,3 @@
    expect(sliceHunk(inserted, 1, 3)).toMatchObject({ oldStart: 7, oldLines: 0, newStart: 9, newLines: 2 });
  });

  test('the whole range is the hunk itself; an empty range is refused', () => {
    const h = hunk('+-');
    expect(sliceHunk(h, 0, 2)).toBe(h);
    expect(() => sliceHunk(h, 1, 1)).toThrow(RangeError);
  });
});

describe('coverage', () => {
  test('one decimal, rounded down, 100 when nothing changed', () => {
    expect(coverage({ reviewedLines: 0, totalLines: 0 })).toBe(100);
    expect(coverage({ reviewedLines: 1, totalLines: 3 })).toBe(33.3);
    expect(coverage({ reviewedLines: 2, totalLines: 3 })).toBe(66.6);
    expect(coverage({ reviewedLines: 29, totalLines: 100 })).toBe(29);
    expect(coverage({ reviewedLines: 9_999, totalLines: 10_000 })).toBe(99.9);
    expect(coverage({ reviewedLines: 7, totalLines: 7 })).toBe(100);
    expect(coverage({ reviewedLines: 0, totalLines: 7 })).toBe(0);
  });
});

describe('planChunks at scale', () => {
  test('3,000 files / 100k changed lines plan under a small budget', () => {
    const files: DiffFile[] = [];
    for (let i = 0; i < 3_000; i++) {
      const hunks = Array.from({ length: 4 }, (_, k) =>
        hunk(
          '  ' + '-'.repeat(3) + '+'.repeat(5 + (i % 2)) + '  ',
          k * 100 + 1,
          k * 100 + 1,
          (j) => `  let v${j} = f(${i}, ${k});`,
        ),
      );
      files.push(file(`src/m${i % 50}/f${i}.ts`, hunks));
    }
    const plan = planChunks(files, { budgetTokens: 50_000, maxChunkTokens: 150_000, targetChunkTokens: 20_000 });
    expect(plan.totalLines).toBe(3_000 * 4 * 8 + 1_500 * 4);
    expect(plan.chunks.reduce((s, c) => s + c.tokens, 0)).toBeLessThanOrEqual(50_000);
    expect(plan.reviewedLines).toBeGreaterThan(0);
    const full = planChunks(files, { budgetTokens: 10_000_000, maxChunkTokens: 150_000, targetChunkTokens: 20_000 });
    expect(full.reviewedLines).toBe(full.totalLines);
  });
});
