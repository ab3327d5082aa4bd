import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile } from '../../src/diff/types.js';
import { diffOf, makeRepo } from './git-repo.js';

/** Lines that look like diff headers are over-represented on purpose. */
const lineArb = fc.constantFrom(
  'a',
  'b',
  'c',
  'd',
  '',
  ' ',
  '-',
  '+',
  '--- a/x',
  '+++ b/x',
  '-- y',
  '++ z',
  '@@ -1 +1 @@',
  '\\ hi',
);
const contentArb = fc
  .record({ lines: fc.array(lineArb, { maxLength: 25 }), finalNewline: fc.boolean() })
  .map(({ lines, finalNewline }) => (lines.length === 0 ? '' : lines.join('\n') + (finalNewline ? '\n' : '')));

function splitContent(content: string): { lines: string[]; finalNewline: boolean } {
  if (content === '') return { lines: [], finalNewline: true };
  const finalNewline = content.endsWith('\n');
  return { lines: (finalNewline ? content.slice(0, -1) : content).split('\n'), finalNewline };
}

/** Rebuilds the new file from the old one and the parsed hunks, checking every number on the way. */
function apply(oldContent: string, file: DiffFile): string {
  const old = splitContent(oldContent);
  const out: string[] = [];
  let next = 1; // next old line not yet copied
  let finalNewline = old.finalNewline;
  for (const hunk of file.hunks) {
    const copyUpTo = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    while (next <= copyUpTo) out.push(old.lines[next++ - 1] as string);
    for (const line of hunk.lines) {
      if (line.kind !== 'add') {
        expect(line.oldLine).toBe(next);
        expect(old.lines[line.oldLine - 1]).toBe(line.text);
        next++;
      }
      if (line.kind !== 'del') {
        expect(line.newLine).toBe(out.length + 1);
        out.push(line.text);
      }
    }
    if (next > old.lines.length) finalNewline = !hunk.newNoNewlineAtEnd;
  }
  while (next <= old.lines.length) out.push(old.lines[next++ - 1] as string);
  return out.length === 0 ? '' : out.join('\n') + (finalNewline ? '\n' : '');
}

describe('parseDiff properties', () => {
  test('applying the parsed hunks to the old content yields the new content', () => {
    const repo = makeRepo();
    try {
      repo.write('f.txt', '');
      repo.commit('init');
      fc.assert(
        fc.property(contentArb, contentArb, (before, after) => {
          repo.write('f.txt', before);
          const base = repo.commit('base');
          repo.write('f.txt', after);
          const head = repo.commit('head');
          const files = parseDiff(repo.git('diff', base, head));
          if (before === after) {
            expect(files).toEqual([]);
            return;
          }
          expect(files).toHaveLength(1);
          const file = files[0] as DiffFile;
          expect(file.path).toBe('f.txt');
          expect(apply(before, file)).toBe(after);
          const counted = file.hunks.flatMap((h) => h.lines);
          expect(file.additions).toBe(counted.filter((l) => l.kind === 'add').length);
          expect(file.deletions).toBe(counted.filter((l) => l.kind === 'del').length);
        }),
        { numRuns: 30 },
      );
    } finally {
      repo.cleanup();
    }
  });

  const realDiff = diffOf(
    (r) => {
      r.write('a b.txt', 'one\ntwo\nthree\n');
      r.write('café.txt', 'x\n');
    },
    (r) => {
      r.write('a b.txt', 'one\n2\nthree\nfour');
      r.remove('café.txt');
      r.write('bin.dat', Buffer.from([0, 1, 2]));
    },
    ['-M', '--binary'],
  );

  test('never throws on garbage, and hunks stay self-consistent', () => {
    const fragments = fc.constantFrom(
      'diff --git a/x b/x',
      'diff --git "a/\\303',
      '--- a/x',
      '+++ b/x',
      '--- /dev/null',
      '@@ -1,2 +1,3 @@',
      '@@ -0,0 +1 @@ f',
      '@@ -x +y @@',
      '+added',
      '-removed',
      ' ctx',
      '\\ No newline at end of file',
      'rename from "unterminated',
      'GIT binary patch',
      'Binary files a/x and b/x differ',
      'new file mode 160000',
      '\r',
      '',
    );
    const garbage = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(fragments, fc.string()), { maxLength: 30 }).map((a) => a.join('\n')),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        for (const file of parseDiff(text)) {
          for (const hunk of file.hunks) {
            expect(hunk.lines.filter((l) => l.kind !== 'add')).toHaveLength(hunk.oldLines);
            expect(hunk.lines.filter((l) => l.kind !== 'del')).toHaveLength(hunk.newLines);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('every prefix of a real diff parses without throwing', () => {
    for (let n = 0; n <= realDiff.length; n++) expect(() => parseDiff(realDiff.slice(0, n))).not.toThrow();
    expect(parseDiff(realDiff).map((f) => [f.path, f.status])).toEqual([
      ['a b.txt', 'modified'],
      ['bin.dat', 'added'],
      ['café.txt', 'deleted'],
    ]);
  });
});
