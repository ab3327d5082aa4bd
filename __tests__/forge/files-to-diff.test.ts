import { describe, expect, it } from '@jest/globals';
import { filesToDiff } from '../../src/forge/files-to-diff.js';

describe('filesToDiff', () => {
  it('writes a modified file as git does', () => {
    const patch = '@@ -1,2 +1,2 @@\n one\n-two\n+TWO';
    expect(filesToDiff([{ filename: 'src/a.ts', status: 'modified', changes: 2, patch }])).toBe(
      'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n' + patch + '\n',
    );
  });

  it('uses /dev/null and file modes for added and removed files', () => {
    const diff = filesToDiff([
      { filename: 'new.ts', status: 'added', changes: 1, patch: '@@ -0,0 +1 @@\n+x' },
      { filename: 'old.ts', status: 'removed', changes: 1, patch: '@@ -1 +0,0 @@\n-x' },
    ]);
    expect(diff).toBe(
      [
        'diff --git a/new.ts b/new.ts',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/new.ts',
        '@@ -0,0 +1 @@',
        '+x',
        'diff --git a/old.ts b/old.ts',
        'deleted file mode 100644',
        '--- a/old.ts',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-x',
        '',
      ].join('\n'),
    );
  });

  it('writes a pure rename as headers only, at 100% similarity', () => {
    expect(filesToDiff([{ filename: 'b.md', previous_filename: 'a.md', status: 'renamed', changes: 0 }])).toBe(
      'diff --git a/a.md b/b.md\nsimilarity index 100%\nrename from a.md\nrename to b.md\n',
    );
  });

  it('writes a rename with changes with both names on the markers', () => {
    const diff = filesToDiff([
      { filename: 'b.md', previous_filename: 'a.md', status: 'renamed', changes: 1, patch: '@@ -1 +1,2 @@\n x\n+y' },
    ]);
    expect(diff).toContain('rename from a.md\nrename to b.md\n--- a/a.md\n+++ b/b.md\n@@ -1 +1,2 @@');
    expect(diff).toMatch(/^similarity index \d+%$/m);
  });

  it('writes copies with copy headers', () => {
    const diff = filesToDiff([{ filename: 'c.md', previous_filename: 'a.md', status: 'copied', changes: 0 }]);
    expect(diff).toContain('copy from a.md\ncopy to c.md\n');
  });

  it('marks files without a patch (binary or too large) as binary', () => {
    const diff = filesToDiff([
      { filename: 'logo.png', status: 'modified', changes: 0 },
      { filename: 'icon.png', status: 'added', changes: 0 },
      { filename: 'gone.png', status: 'removed', changes: 0 },
      { filename: 'huge.sql', status: 'modified', changes: 90000 },
      { filename: 'big.csv', previous_filename: 'data.csv', status: 'renamed', changes: 5000 },
    ]);
    expect(diff).toContain('Binary files a/logo.png and b/logo.png differ\n');
    expect(diff).toContain('new file mode 100644\nBinary files /dev/null and b/icon.png differ\n');
    expect(diff).toContain('deleted file mode 100644\nBinary files a/gone.png and /dev/null differ\n');
    expect(diff).toContain('Binary files a/huge.sql and b/huge.sql differ\n');
    expect(diff).toContain('rename to big.csv\nBinary files a/data.csv and b/big.csv differ\n');
    expect(diff).not.toContain('---');
  });

  it('writes a mode-only change as a bare header', () => {
    expect(filesToDiff([{ filename: 'run.sh', status: 'changed', changes: 0 }])).toBe('diff --git a/run.sh b/run.sh\n');
  });

  it('quotes paths as git does and tabs names with spaces', () => {
    const diff = filesToDiff([
      { filename: 'docs/é "q".md', status: 'modified', changes: 1, patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: 'my file.txt', status: 'added', changes: 1, patch: '@@ -0,0 +1 @@\n+a' },
    ]);
    expect(diff).toContain('diff --git "a/docs/\\303\\251 \\"q\\".md" "b/docs/\\303\\251 \\"q\\".md"\n');
    expect(diff).toContain('--- "a/docs/\\303\\251 \\"q\\".md"\t\n');
    expect(diff).toContain('diff --git a/my file.txt b/my file.txt\n');
    expect(diff).toContain('+++ b/my file.txt\t\n');
  });

  it('keeps "no newline" markers and ends every file with one newline', () => {
    const patch = '@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n';
    const diff = filesToDiff([
      { filename: 'x', status: 'modified', changes: 2, patch },
      { filename: 'y', status: 'modified', changes: 0 },
    ]);
    expect(diff).toContain('+b\n\\ No newline at end of file\ndiff --git a/y b/y\n');
  });

  it('gives an empty text for no files', () => {
    expect(filesToDiff([])).toBe('');
  });
});
