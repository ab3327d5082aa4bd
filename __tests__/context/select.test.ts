import { describe, expect, test } from '@jest/globals';
import { describeContext, renderContext } from '../../src/context/render.js';
import { selectContext, type SelectContextInput } from '../../src/context/select.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import type { ContextPiece, ContextSelection } from '../../src/context/types.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { loadRepo, lineOf, shows, type FixtureRepo } from './support.js';

/**
 * Two small repositories, each with one planted bug of every kind the context is for. Each
 * test names the evidence a reviewer needs to see the bug, and checks it is among the pieces.
 */

function select(repo: FixtureRepo, extra: Partial<SelectContextInput> = {}): Promise<ContextSelection> {
  return selectContext({
    files: repo.diff,
    snapshot: snapshotFromMaps(repo.head, repo.base),
    budget: 20_000,
    estimate: estimateTokens,
    ...extra,
  });
}

function piecesOf(pieces: readonly ContextPiece[], path: string): ContextPiece[] {
  return pieces.filter((p) => p.path === path);
}

/** Lines of the diff's hunks on the new side, by path. */
function hunkLines(repo: FixtureRepo): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const f of repo.diff) {
    const set = new Set<number>();
    for (const h of f.hunks) for (let l = h.newStart; l < h.newStart + h.newLines; l++) set.add(l);
    out.set(f.path, set);
  }
  return out;
}

function expectWellFormed(repo: FixtureRepo, sel: ContextSelection, budget: number): void {
  const { pieces, stats } = sel;
  expect(stats.tokens).toBe(pieces.length === 0 ? 0 : estimateTokens(renderContext(pieces)));
  expect(stats.tokens).toBeLessThanOrEqual(budget);
  // No line twice, and none that the diff already shows.
  const seen = new Set<string>();
  const hunks = hunkLines(repo);
  for (const p of pieces) {
    for (const [s, e] of p.ranges) {
      for (let l = s; l <= e; l++) {
        const key = `${p.side}:${p.path}:${l}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        if (p.side === 'head') expect(hunks.get(p.path)?.has(l) ?? false).toBe(false);
      }
    }
    expect(p.text.split('\n')[0]).toBe(
      `### ${p.path}:${p.startLine === p.endLine ? p.startLine : `${p.startLine}-${p.endLine}`}${p.side === 'base' ? ' @base' : ''} (${p.reason})`,
    );
    expect(p.tokens).toBe(estimateTokens(p.text));
  }
}

const CASES = [
  {
    name: 'ts-repo',
    callee: { path: 'src/money.ts', line: 'export function convert(amount: number, rate: number): number {' },
    caller: { path: 'src/handlers/profile.ts', lines: ['const user = findUser(id);', 'return user.name;'] },
    constant: { path: 'src/retry.ts', line: 'const BACKOFF_MS = 200;' },
    scope: { path: 'src/report.ts', line: 'const maxRows = 20;', elided: '// duplicates' },
    mentionOnly: 'src/handlers/notes.ts',
  },
  {
    name: 'py-repo',
    callee: { path: 'app/money.py', line: 'def convert(amount, rate):' },
    caller: { path: 'app/handlers/profile.py', lines: ['user = find_user(user_id)', 'return user["name"]'] },
    constant: { path: 'app/retry.py', line: 'BACKOFF_SECONDS = 0.2' },
    scope: { path: 'app/report.py', line: 'max_rows = 20', elided: '# duplicates' },
    mentionOnly: null,
  },
];

describe.each(CASES)('$name', (c) => {
  const repo = loadRepo(c.name);
  const head = (path: string): string => repo.head.get(path)!;

  test('callee in another file: the helper called with swapped arguments shows its signature', async () => {
    const sel = await select(repo);
    expectWellFormed(repo, sel, 20_000);
    const line = lineOf(head(c.callee.path), c.callee.line);
    expect(shows(sel.pieces, c.callee.path, line)).toBe(true);
    expect(piecesOf(sel.pieces, c.callee.path)[0]?.kind).toBe('definition');
    expect(piecesOf(sel.pieces, c.callee.path)[0]?.reason).toMatch(/convert/);
  });

  test('caller in another file: the unchanged call site of a changed function is shown', async () => {
    const sel = await select(repo);
    for (const text of c.caller.lines)
      expect(shows(sel.pieces, c.caller.path, lineOf(head(c.caller.path), text))).toBe(true);
    expect(piecesOf(sel.pieces, c.caller.path).map((p) => p.kind)).toEqual(['reference']);
    if (c.mentionOnly) expect(piecesOf(sel.pieces, c.mentionOnly)).toEqual([]); // a word in a comment is no call site
  });

  test('same-file constant: the constant a changed line misuses is shown', async () => {
    const sel = await select(repo, { limits: { wholeFileMaxLines: 0 } });
    const line = lineOf(head(c.constant.path), c.constant.line);
    expect(shows(sel.pieces, c.constant.path, line)).toBe(true);
    expect(
      sel.pieces.find((p) => p.path === c.constant.path && p.ranges.some(([s, e]) => s <= line && line <= e))?.reason,
    ).toMatch(/constant/);
  });

  test('enclosing scope: a long function is cut but keeps the variable set at its top', async () => {
    const sel = await select(repo, { limits: { wholeFileMaxLines: 0 } });
    expectWellFormed(repo, sel, 20_000);
    const text = head(c.scope.path);
    const [piece, ...others] = piecesOf(sel.pieces, c.scope.path);
    expect(others).toEqual([]);
    expect(piece?.kind).toBe('scope');
    expect(shows(sel.pieces, c.scope.path, lineOf(text, c.scope.line))).toBe(true);
    expect(shows(sel.pieces, c.scope.path, lineOf(text, c.scope.elided))).toBe(false);
    expect(piece?.text).toMatch(/… \d+ lines elided …/);
    expect(piece?.text).toMatch(/… lines \d+-\d+ are in the diff …/);
  });

  test('excluded files are never shown', async () => {
    const sel = await select(repo, { excluded: (p) => p === c.callee.path || p === c.caller.path });
    expect(piecesOf(sel.pieces, c.callee.path)).toEqual([]);
    expect(piecesOf(sel.pieces, c.caller.path)).toEqual([]);
    expect(sel.pieces.length).toBeGreaterThan(0);
  });

  test('the summary line counts what was kept', async () => {
    const sel = await select(repo);
    expect(describeContext(sel.stats)).toMatch(/^context: .*\d+ call sites? from \d+ files?, [\d,]+ tokens$/);
    expect(sel.stats.files).toBe(new Set(sel.pieces.map((p) => p.path)).size);
    expect(sel.stats.unparsed).toBe(0);
    expect(sel.stats.parsed).toBeGreaterThan(0);
  });

  test('a tight budget keeps the highest-ranked pieces, and the result never exceeds it', async () => {
    const full = await select(repo, { limits: { wholeFileMaxLines: 0 } });
    const scores = full.pieces.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a)); // ranked, best first
    for (const budget of [0, 60, 300, 700, 1500]) {
      const tight = await select(repo, { budget, limits: { wholeFileMaxLines: 0 } });
      expectWellFormed(repo, tight, budget);
      expect(tight.stats.tokens).toBeLessThanOrEqual(budget);
      if (budget === 0) expect(tight.pieces).toEqual([]);
    }
    // Just room for the best piece: it is the one kept, and no call site (ranked lower) gets in.
    const best = full.pieces[0]!;
    const room = estimateTokens(renderContext([best])) + 5;
    const one = await select(repo, { budget: room, limits: { wholeFileMaxLines: 0 } });
    expect(one.pieces[0]?.text).toBe(best.text);
    expect(one.pieces.every((p) => p.kind !== 'reference')).toBe(true);
    expect(one.stats.dropped).toBeGreaterThan(0);
  });

  test('the same input gives the same selection', async () => {
    const a = await select(repo);
    const b = await select(repo);
    expect(b).toEqual(a);
  });
});
