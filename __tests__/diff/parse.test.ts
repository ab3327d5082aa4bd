import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile, Hunk } from '../../src/diff/types.js';
import { diffOf, withRepo } from './git-repo.js';

/** One string per line: `<kind> <old> <new> <text>`, `.` for a missing number. */
function show(hunk: Hunk): string[] {
  return hunk.lines.map(
    (l) =>
      `${l.kind === 'context' ? ' ' : l.kind === 'add' ? '+' : '-'} ${l.oldLine ?? '.'} ${l.newLine ?? '.'} ${l.text}`,
  );
}

function only(files: DiffFile[]): DiffFile {
  expect(files).toHaveLength(1);
  return files[0] as DiffFile;
}

function byPath(files: DiffFile[], path: string): DiffFile {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in ${files.map((x) => x.path).join(', ')}`);
  return f;
}

const nums = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`).join('\n') + '\n';

describe('parseDiff on real git output', () => {
  test('modified file: two hunks with exact old/new numbers', () => {
    const text = diffOf(
      (r) => r.write('a.txt', nums(1, 30)),
      (r) => r.write('a.txt', nums(1, 30).replace('3\n', 'three\n').replace('25\n', '25\nextra\n').replace('28\n', '')),
    );
    const f = only(parseDiff(text));
    expect(f).toMatchObject({
      path: 'a.txt',
      oldPath: null,
      status: 'modified',
      binary: false,
      additions: 2,
      deletions: 2,
    });
    expect(f.hunks).toHaveLength(2);
    const [h1, h2] = f.hunks as [Hunk, Hunk];
    expect(h1).toMatchObject({ oldStart: 1, oldLines: 6, newStart: 1, newLines: 6 });
    expect(show(h1)).toEqual(['  1 1 1', '  2 2 2', '- 3 . 3', '+ . 3 three', '  4 4 4', '  5 5 5', '  6 6 6']);
    expect(h2).toMatchObject({ oldStart: 23, oldLines: 8, newStart: 23, newLines: 8 });
    expect(show(h2)).toEqual([
      '  23 23 23',
      '  24 24 24',
      '  25 25 25',
      '+ . 26 extra',
      '  26 27 26',
      '  27 28 27',
      '- 28 . 28',
      '  29 29 29',
      '  30 30 30',
    ]);
  });

  test('added and deleted files', () => {
    const text = diffOf(
      (r) => r.write('old.txt', 'x\ny\n'),
      (r) => {
        r.remove('old.txt');
        r.write('new.txt', 'a\nb\nc\n');
      },
    );
    const files = parseDiff(text);
    expect(files).toHaveLength(2);
    const added = byPath(files, 'new.txt');
    expect(added).toMatchObject({ status: 'added', oldPath: null, additions: 3, deletions: 0 });
    expect(added.hunks[0]).toMatchObject({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 3 });
    expect(show(added.hunks[0] as Hunk)).toEqual(['+ . 1 a', '+ . 2 b', '+ . 3 c']);
    const deleted = byPath(files, 'old.txt');
    expect(deleted).toMatchObject({ status: 'deleted', oldPath: null, additions: 0, deletions: 2 });
    expect(show(deleted.hunks[0] as Hunk)).toEqual(['- 1 . x', '- 2 . y']);
  });

  test('empty files added and deleted have no hunks', () => {
    const text = diffOf(
      (r) => r.write('gone', ''),
      (r) => {
        r.remove('gone');
        r.write('empty', '');
        r.write('dir with space/empty file', '');
      },
      ['--no-renames'],
    );
    const files = parseDiff(text);
    expect(files.map((f) => [f.path, f.status, f.hunks.length]).sort()).toEqual([
      ['dir with space/empty file', 'added', 0],
      ['empty', 'added', 0],
      ['gone', 'deleted', 0],
    ]);
  });

  test('pure rename of an empty file into a path with spaces', () => {
    const text = diffOf(
      (r) => r.write('gone', ''),
      (r) => {
        r.remove('gone');
        r.write('dir with space/empty file', '');
      },
    );
    expect(only(parseDiff(text))).toMatchObject({
      path: 'dir with space/empty file',
      oldPath: 'gone',
      status: 'renamed',
      hunks: [],
    });
  });

  test('pure rename has no hunks; rename with edits keeps both names', () => {
    const text = diffOf(
      (r) => {
        r.write('src/pure.ts', nums(1, 20));
        r.write('src/edited.ts', nums(100, 120));
      },
      (r) => {
        r.remove('src/pure.ts');
        r.write('lib/pure.ts', nums(1, 20));
        r.remove('src/edited.ts');
        r.write('lib/edited.ts', nums(100, 120).replace('110\n', 'ten\n'));
      },
    );
    expect(text).toContain('similarity index 100%');
    const files = parseDiff(text);
    expect(byPath(files, 'lib/pure.ts')).toMatchObject({
      oldPath: 'src/pure.ts',
      status: 'renamed',
      hunks: [],
      additions: 0,
      deletions: 0,
    });
    const edited = byPath(files, 'lib/edited.ts');
    expect(edited).toMatchObject({ oldPath: 'src/edited.ts', status: 'renamed', additions: 1, deletions: 1 });
    expect(show(edited.hunks[0] as Hunk)).toContain('+ . 11 ten');
    expect(show(edited.hunks[0] as Hunk)).toContain('- 11 . 110');
  });

  test('copies (-C --find-copies-harder)', () => {
    const text = diffOf(
      (r) => r.write('orig.txt', nums(1, 40)),
      (r) => r.write('copy.txt', nums(1, 40).replace('40\n', 'forty\n')),
      ['-C', '--find-copies-harder'],
    );
    expect(text).toContain('copy from orig.txt');
    const f = only(parseDiff(text));
    expect(f).toMatchObject({ path: 'copy.txt', oldPath: 'orig.txt', status: 'copied', additions: 1, deletions: 1 });
    expect(show(f.hunks[0] as Hunk).slice(-2)).toEqual(['- 40 . 40', '+ . 40 forty']);
  });

  test('binary files, both as "Binary files differ" and as GIT binary patch', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255]);
    const before = (r: { write: (f: string, c: string | Buffer) => void }): void => {
      r.write('img.png', png);
      r.write('z.txt', 'a\n');
    };
    const change = (r: { write: (f: string, c: string | Buffer) => void }): void => {
      r.write('img.png', Buffer.concat([png, Buffer.from([0, 7])]));
      r.write('new.bin', Buffer.from([0, 1, 2, 0]));
      r.write('z.txt', 'b\n');
    };
    for (const args of [['-M'], ['-M', '--binary']]) {
      const files = parseDiff(diffOf(before, change, args));
      expect(files.map((f) => [f.path, f.status, f.binary, f.hunks.length])).toEqual([
        ['img.png', 'modified', true, 0],
        ['new.bin', 'added', true, 0],
        ['z.txt', 'modified', false, 1],
      ]);
      expect(show(byPath(files, 'z.txt').hunks[0] as Hunk)).toEqual(['- 1 . a', '+ . 1 b']);
    }
  });

  test('mode changes, with and without content', () => {
    const text = diffOf(
      (r) => {
        r.write('run.sh', 'echo hi\n');
        r.write('tool.sh', 'echo a\n');
      },
      (r) => {
        r.makeExecutable('run.sh');
        r.write('tool.sh', 'echo b\n');
        r.makeExecutable('tool.sh');
      },
    );
    const files = parseDiff(text);
    expect(byPath(files, 'run.sh')).toMatchObject({
      status: 'modified',
      modeChange: { old: '100644', new: '100755' },
      hunks: [],
    });
    const tool = byPath(files, 'tool.sh');
    expect(tool.modeChange).toEqual({ old: '100644', new: '100755' });
    expect(show(tool.hunks[0] as Hunk)).toEqual(['- 1 . echo a', '+ . 1 echo b']);
  });

  test('no newline at end of file on either side', () => {
    const text = diffOf(
      (r) => {
        r.write('lost.txt', 'a\nb\n');
        r.write('gained.txt', 'a\nb');
        r.write('neither.txt', 'a\nb');
      },
      (r) => {
        r.write('lost.txt', 'a\nb');
        r.write('gained.txt', 'a\nb\n');
        r.write('neither.txt', 'a\nc');
      },
    );
    const files = parseDiff(text);
    const lost = byPath(files, 'lost.txt').hunks[0] as Hunk;
    expect(lost).toMatchObject({ oldNoNewlineAtEnd: false, newNoNewlineAtEnd: true });
    expect(show(lost)).toEqual(['  1 1 a', '- 2 . b', '+ . 2 b']);
    const gained = byPath(files, 'gained.txt').hunks[0] as Hunk;
    expect(gained).toMatchObject({ oldNoNewlineAtEnd: true, newNoNewlineAtEnd: false });
    expect(show(gained)).toEqual(['  1 1 a', '- 2 . b', '+ . 2 b']);
    const neither = byPath(files, 'neither.txt').hunks[0] as Hunk;
    expect(neither).toMatchObject({ oldNoNewlineAtEnd: true, newNoNewlineAtEnd: true });
    expect(show(neither)).toEqual(['  1 1 a', '- 2 . b', '+ . 2 c']);
  });

  test('quoted unicode, tab and quote characters in paths', () => {
    const text = diffOf(
      (r) => r.write('café.txt', 'a\n'),
      (r) => {
        r.write('café.txt', 'b\n');
        r.write('日本/ファイル.md', 'x\n');
        r.write('tab\there.txt', 't\n');
        r.write('say "hi".txt', 'q\n');
      },
    );
    expect(text).toContain('"a/caf\\303\\251.txt"');
    const files = parseDiff(text);
    expect(files.map((f) => f.path).sort()).toEqual(
      ['café.txt', 'say "hi".txt', 'tab\there.txt', '日本/ファイル.md'].sort(),
    );
    expect(show(byPath(files, 'café.txt').hunks[0] as Hunk)).toEqual(['- 1 . a', '+ . 1 b']);
    expect(byPath(files, '日本/ファイル.md').status).toBe('added');
  });

  test('quoted rename keeps both unicode names', () => {
    const text = diffOf(
      (r) => r.write('café.txt', nums(1, 10)),
      (r) => {
        r.remove('café.txt');
        r.write('été/café.txt', nums(1, 10).replace('10\n', 'dix\n'));
      },
    );
    expect(text).toContain('rename to "\\303\\251t\\303\\251/caf\\303\\251.txt"');
    const f = only(parseDiff(text));
    expect(f).toMatchObject({
      path: 'été/café.txt',
      oldPath: 'café.txt',
      status: 'renamed',
      additions: 1,
      deletions: 1,
    });
  });

  test('paths with spaces: modify, add, delete, rename, mode-only', () => {
    const text = diffOf(
      (r) => {
        r.write('my dir/a file.txt', 'one\n');
        r.write('del me.txt', 'bye\n');
        r.write('old name.txt', nums(1, 10));
        r.write('x b/mode only.sh', 'echo\n');
      },
      (r) => {
        r.write('my dir/a file.txt', 'two\n');
        r.write('brand new.txt', 'hi\n');
        r.remove('del me.txt');
        r.remove('old name.txt');
        r.write('new name.txt', nums(1, 10));
        r.makeExecutable('x b/mode only.sh');
      },
    );
    const files = parseDiff(text);
    expect(files.map((f) => [f.path, f.oldPath, f.status]).sort()).toEqual(
      [
        ['brand new.txt', null, 'added'],
        ['del me.txt', null, 'deleted'],
        ['my dir/a file.txt', null, 'modified'],
        ['new name.txt', 'old name.txt', 'renamed'],
        ['x b/mode only.sh', null, 'modified'],
      ].sort(),
    );
    expect(show(byPath(files, 'my dir/a file.txt').hunks[0] as Hunk)).toEqual(['- 1 . one', '+ . 1 two']);
  });

  test('CRLF file content loses the trailing CR; a CRLF diff parses the same as LF', () => {
    const text = diffOf(
      (r) => r.write('win.txt', 'a\r\nb\r\nc\r\n'),
      (r) => r.write('win.txt', 'a\r\nB\r\nc\r\n'),
    );
    const expected = ['  1 1 a', '- 2 . b', '+ . 2 B', '  3 3 c'];
    expect(show(only(parseDiff(text)).hunks[0] as Hunk)).toEqual(expected);
    const crlfDiff = text.replace(/\n/g, '\r\n');
    const f = only(parseDiff(crlfDiff));
    expect(show(f.hunks[0] as Hunk)).toEqual(expected);
    expect(f.path).toBe('win.txt');
  });

  test('a whole LF diff converted to CRLF keeps headers and content', () => {
    const lf = diffOf(
      (r) => r.write('p q.txt', 'x\n'),
      (r) => r.write('p q.txt', 'y\n'),
    );
    expect(parseDiff(lf.replace(/\n/g, '\r\n'))).toEqual(parseDiff(lf));
  });

  test('content lines that look like headers are read by the hunk counts', () => {
    const text = diffOf(
      (r) => {
        r.write('tricky.md', '-- a/x\nkeep\n@@ -1 +1 @@\n');
        r.write('after.txt', '1\n');
      },
      (r) => {
        r.write('tricky.md', 'keep\n@@ -1 +1 @@\n++ b/y\ndiff --git a/q b/q\n');
        r.write('after.txt', '2\n');
      },
    );
    expect(text).toContain('\n--- a/x\n');
    expect(text).toContain('\n+++ b/y\n');
    const files = parseDiff(text);
    expect(files.map((f) => f.path)).toEqual(['after.txt', 'tricky.md']);
    const tricky = byPath(files, 'tricky.md');
    expect(tricky).toMatchObject({ additions: 2, deletions: 1 });
    expect(show(tricky.hunks[0] as Hunk)).toEqual([
      '- 1 . -- a/x',
      '  2 1 keep',
      '  3 2 @@ -1 +1 @@',
      '+ . 3 ++ b/y',
      '+ . 4 diff --git a/q b/q',
    ]);
  });

  test('hunk headers with omitted counts', () => {
    const text = diffOf(
      (r) => r.write('one.txt', 'old\n'),
      (r) => r.write('one.txt', 'new\n'),
    );
    expect(text).toContain('@@ -1 +1 @@');
    const h = only(parseDiff(text)).hunks[0] as Hunk;
    expect(h).toMatchObject({ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, section: '' });
    expect(show(h)).toEqual(['- 1 . old', '+ . 1 new']);
  });

  test('hunk section text is kept', () => {
    const body = ['function foo() {', ...Array.from({ length: 10 }, (_, i) => `  x${i};`), '}', ''].join('\n');
    const text = diffOf(
      (r) => r.write('f.js', body),
      (r) => r.write('f.js', body.replace('x8;', 'y8;')),
    );
    expect((only(parseDiff(text)).hunks[0] as Hunk).section).toBe('function foo() {');
  });

  test('submodule gitlinks: added, moved pointer, removed', () => {
    const sha1 = '1111111111111111111111111111111111111111';
    const sha2 = '2222222222222222222222222222222222222222';
    // Gitlinks have no work-tree directory here, so they are staged by hand, never with `add -A`.
    const text = withRepo((r) => {
      const link = (sha: string, path: string): string =>
        r.git('update-index', '--add', '--cacheinfo', `160000,${sha},${path}`);
      link(sha1, 'sub');
      link(sha1, 'gone');
      r.git('commit', '-q', '-m', 'base');
      const base = r.git('rev-parse', 'HEAD').trim();
      link(sha2, 'sub');
      r.git('update-index', '--force-remove', 'gone');
      link('3333333333333333333333333333333333333333', 'lib/new');
      r.git('commit', '-q', '-m', 'head');
      // Without renames: identical gitlinks would pair up, and a rename header carries no mode.
      return r.git('diff', '--no-renames', base, 'HEAD');
    });
    expect(text).toContain('Subproject commit');
    const files = parseDiff(text);
    expect(files.map((f) => [f.path, f.status, f.submodule]).sort()).toEqual(
      [
        ['gone', 'deleted', true],
        ['lib/new', 'added', true],
        ['sub', 'modified', true],
      ].sort(),
    );
    expect(show(byPath(files, 'sub').hunks[0] as Hunk)).toEqual([
      `- 1 . Subproject commit ${sha1}`,
      `+ . 1 Subproject commit ${sha2}`,
    ]);
  });
});

describe('parseDiff on hand-written input', () => {
  test('plain `diff -u` output with timestamps and no `diff --git` line', () => {
    const text = [
      '--- a/one.txt\t2024-01-01 00:00:00.000000000 +0000',
      '+++ b/one.txt\t2024-01-02 00:00:00.000000000 +0000',
      '@@ -1,2 +1,2 @@',
      ' keep',
      '-old',
      '+new',
      '--- /dev/null',
      '+++ b/two.txt',
      '@@ -0,0 +1 @@',
      '+hi',
      '',
    ].join('\n');
    const files = parseDiff(text);
    expect(files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ['one.txt', 'modified', 1, 1],
      ['two.txt', 'added', 1, 0],
    ]);
    expect(show(files[0]?.hunks[0] as Hunk)).toEqual(['  1 1 keep', '- 2 . old', '+ . 2 new']);
  });

  test('a context line whose leading space was trimmed still counts', () => {
    const text = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '', '-b', '+c', ''].join('\n');
    expect(show(only(parseDiff(text)).hunks[0] as Hunk)).toEqual(['  1 1 a', '  2 2 ', '- 3 . b', '+ . 3 c']);
  });

  test('merge (combined) diffs are skipped, the files around them are kept', () => {
    const text = [
      'diff --cc m.txt',
      'index 1,2..3',
      '--- a/m.txt',
      '+++ b/m.txt',
      '@@@ -1,1 -1,1 +1,1 @@@',
      '- a',
      ' -b',
      '++c',
      'diff --git a/y b/y',
      '--- a/y',
      '+++ b/y',
      '@@ -1 +1 @@',
      '-1',
      '+2',
    ].join('\n');
    expect(parseDiff(text).map((f) => f.path)).toEqual(['y']);
  });

  test('empty and garbage input give no files', () => {
    expect(parseDiff('')).toEqual([]);
    expect(parseDiff('hello\nworld\n@@ -1 +1 @@\n+x')).toEqual([]);
  });
});
