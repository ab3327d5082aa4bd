import { describe, expect, test } from '@jest/globals';
import { packCandidates } from '../../src/context/pack.js';
import { CONTEXT_NOTE, describeContext, renderContext, renderPieceBody } from '../../src/context/render.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import type { Candidate, ContextStats } from '../../src/context/types.js';
import { estimateTokens } from '../../src/plan/estimate.js';

const stats = (byKind: Partial<ContextStats['byKind']>, files: number, tokens: number): ContextStats => ({
  byKind: { scope: 0, 'whole-file': 0, 'same-file': 0, definition: 0, reference: 0, ...byKind },
  pieces: 0,
  files,
  tokens,
  candidates: 0,
  dropped: 0,
  parsed: 0,
  unparsed: 0,
});

describe('the summary line', () => {
  test('as the summary prints it', () => {
    expect(describeContext(stats({ definition: 14, reference: 6 }, 9, 3100))).toBe(
      'context: 14 definitions and 6 call sites from 9 files, 3,100 tokens',
    );
    expect(describeContext(stats({ scope: 1, 'same-file': 2, definition: 1, reference: 1 }, 1, 12))).toBe(
      'context: 1 enclosing scope, 2 same-file definitions, 1 definition and 1 call site from 1 file, 12 tokens',
    );
    expect(describeContext(stats({}, 0, 0))).toBe('context: none');
  });
});

describe('blocks', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `code ${i + 1}`);

  test('numbered lines; gaps marked as elided or as in the diff', () => {
    const body = renderPieceBody(
      lines,
      [
        [8, 9],
        [12, 12],
        [20, 20],
      ],
      [[10, 11]],
      [5, 25],
    );
    expect(body.split('\n')).toEqual([
      ' 8 | code 8',
      ' 9 | code 9',
      '   | … lines 10-11 are in the diff …',
      '12 | code 12',
      '   | … 7 lines elided …',
      '20 | code 20',
    ]);
    // The scope it was cut from runs on into the diff before the first line shown.
    expect(renderPieceBody(lines, [[8, 9]], [[5, 7]], [5, 9]).split('\n')[0]).toBe('  | … lines 5-7 are in the diff …');
  });

  test('the context section starts with the read-only note', () => {
    expect(renderContext([])).toBe('');
    const text = renderContext([
      {
        path: 'a',
        side: 'head',
        startLine: 1,
        endLine: 1,
        kind: 'scope',
        reason: 'r',
        text: '### a:1 (r)\n1 | x',
        tokens: 1,
        score: 1,
        ranges: [[1, 1]],
      },
    ]);
    expect(text.startsWith(`${CONTEXT_NOTE}\n\n### a:1 (r)`)).toBe(true);
    expect(CONTEXT_NOTE).toMatch(/read-only: comment only on lines of the diff/);
  });
});

describe('packing', () => {
  const file = Array.from({ length: 100 }, (_, i) => `line ${i + 1} of the file`);
  const linesOf = (): readonly string[] => file;
  const cand = (start: number, end: number, score: number, kind: Candidate['kind'] = 'definition'): Candidate => ({
    path: 'f.ts',
    side: 'head',
    ranges: [[start, end]],
    kind,
    reason: `r${score}`,
    score,
    bears: 1,
  });

  test('overlapping and near pieces of a file become one block; no line twice', () => {
    const { pieces, byKind } = packCandidates(
      [cand(10, 20, 90, 'scope'), cand(15, 30, 80), cand(33, 35, 70)],
      linesOf,
      () => [],
      10_000,
      estimateTokens,
    );
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatchObject({
      kind: 'scope',
      startLine: 10,
      endLine: 35,
      ranges: [[10, 35]],
      reason: 'r90; r80; r70',
    });
    expect(byKind).toMatchObject({ scope: 1, definition: 2 });
  });

  test('lines the diff shows are cut out; a piece wholly inside the diff is dropped', () => {
    const shown = (): [number, number][] => [[10, 20]];
    const { pieces } = packCandidates([cand(12, 18, 90), cand(5, 25, 80)], linesOf, shown, 10_000, estimateTokens);
    expect(pieces.map((p) => p.ranges)).toEqual([
      [
        [5, 9],
        [21, 25],
      ],
    ]);
    expect(pieces[0]!.text).toContain('… lines 10-20 are in the diff …');
  });

  test('best first; one that does not fit is skipped and a smaller one after it may still fit', () => {
    const big = cand(1, 60, 80);
    const small = { ...cand(90, 91, 50), path: 'g.ts' };
    const best = { ...cand(70, 72, 95), path: 'h.ts' };
    const full = packCandidates([big, small, best], linesOf, () => [], 10_000, estimateTokens);
    const room = full.pieces
      .filter((p) => p.path !== 'f.ts')
      .reduce((n, p) => n + p.tokens + 3, estimateTokens(CONTEXT_NOTE) + 3);
    const tight = packCandidates([big, small, best], linesOf, () => [], room, estimateTokens);
    expect(tight.pieces.map((p) => p.path)).toEqual(['h.ts', 'g.ts']);
    expect(tight.dropped).toBe(1);
    expect(estimateTokens(renderContext(tight.pieces))).toBeLessThanOrEqual(room);
  });
});

test('snapshot search: whole words only, in path order', async () => {
  const snap = snapshotFromMaps(
    new Map([
      ['b.ts', 'convertAll(x)'],
      ['a.ts', 'const y = convert(x);'],
      ['c.ts', '// $convert is not it either'],
      ['d.ts', 'convert'],
    ]),
  );
  const found = await snap.filesContaining(['convert', 'missing']);
  expect(found.get('convert')).toEqual(['a.ts', 'd.ts']);
  expect(found.get('missing')).toEqual([]);
  expect(await snap.readBase('a.ts')).toBe('const y = convert(x);');
  expect(await snap.readHead('nope')).toBeNull();
});
