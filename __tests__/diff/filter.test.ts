import { describe, expect, test } from '@jest/globals';
import { changedLines, filterFiles, validateGlobs, type FilterOptions } from '../../src/diff/filter.js';
import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile, Hunk } from '../../src/diff/types.js';
import { diffOf } from './git-repo.js';

const hunk: Hunk = {
  oldStart: 1,
  oldLines: 1,
  newStart: 1,
  newLines: 1,
  section: '',
  lines: [
    { kind: 'del', oldLine: 1, newLine: null, text: 'a' },
    { kind: 'add', oldLine: null, newLine: 1, text: 'b' },
  ],
  oldNoNewlineAtEnd: false,
  newNoNewlineAtEnd: false,
};

function file(path: string, over: Partial<DiffFile> = {}): DiffFile {
  return {
    path,
    oldPath: null,
    status: 'modified',
    binary: false,
    modeChange: null,
    submodule: false,
    hunks: [hunk],
    additions: 1,
    deletions: 1,
    ...over,
  };
}

const none: FilterOptions = { include: [], exclude: [] };

/** path → reason, or 'kept'. */
function verdicts(files: DiffFile[], opts: FilterOptions = none): Record<string, string> {
  const { kept, skipped } = filterFiles(files, opts);
  const out: Record<string, string> = {};
  for (const f of kept) out[f.path] = 'kept';
  for (const s of skipped) out[s.path] = s.reason;
  return out;
}

describe('filterFiles defaults', () => {
  test('lock, minified, generated, vendored and binary-extension files are skipped with reasons', () => {
    const paths = [
      'package-lock.json',
      'web/yarn.lock',
      'pnpm-lock.yaml',
      'Cargo.lock',
      'go.sum',
      'py/poetry.lock',
      'Gemfile.lock',
      'flake.lock',
      'bun.lockb',
      'static/app.min.js',
      'static/app.min.css',
      'static/app.js.map',
      'dist/index.js',
      'packages/x/dist/index.js',
      'build/out.txt',
      'api/v1/api.pb.go',
      'proto/msg_pb2.py',
      'src/types.generated.ts',
      'src/__generated__/q.ts',
      'src/__snapshots__/a.test.ts.snap',
      'vendor/github.com/x/y.go',
      'web/node_modules/left-pad/index.js',
      'deep/third_party/lib.c',
      'assets/Logo.PNG',
      'fonts/a.woff2',
      'release.tar.gz',
      'src/app.ts',
      'docs/README.md',
    ];
    expect(verdicts(paths.map((p) => file(p)))).toEqual({
      'package-lock.json': 'lock file',
      'web/yarn.lock': 'lock file',
      'pnpm-lock.yaml': 'lock file',
      'Cargo.lock': 'lock file',
      'go.sum': 'lock file',
      'py/poetry.lock': 'lock file',
      'Gemfile.lock': 'lock file',
      'flake.lock': 'lock file',
      'bun.lockb': 'lock file',
      'static/app.min.js': 'minified',
      'static/app.min.css': 'minified',
      'static/app.js.map': 'minified',
      'dist/index.js': 'generated',
      'packages/x/dist/index.js': 'generated',
      'build/out.txt': 'generated',
      'api/v1/api.pb.go': 'generated',
      'proto/msg_pb2.py': 'generated',
      'src/types.generated.ts': 'generated',
      'src/__generated__/q.ts': 'generated',
      'src/__snapshots__/a.test.ts.snap': 'generated',
      'vendor/github.com/x/y.go': 'vendored',
      'web/node_modules/left-pad/index.js': 'vendored',
      'deep/third_party/lib.c': 'vendored',
      'assets/Logo.PNG': 'binary',
      'fonts/a.woff2': 'binary',
      'release.tar.gz': 'binary',
      'src/app.ts': 'kept',
      'docs/README.md': 'kept',
    });
  });

  test('structural skips: binary content, submodules, zero-hunk files; deletions are kept', () => {
    const files = [
      file('data.bin', { binary: true, hunks: [] }),
      file('libs/sub', { submodule: true }),
      file('new/place.ts', { oldPath: 'old/place.ts', status: 'renamed', hunks: [], additions: 0, deletions: 0 }),
      file('run.sh', { modeChange: { old: '100644', new: '100755' }, hunks: [] }),
      file('empty.txt', { status: 'added', hunks: [] }),
      file('removed.ts', { status: 'deleted', additions: 0 }),
    ];
    expect(verdicts(files)).toEqual({
      'data.bin': 'binary',
      'libs/sub': 'submodule pointer',
      'new/place.ts': 'no content change',
      'run.sh': 'no content change',
      'empty.txt': 'empty file',
      'removed.ts': 'kept',
    });
  });

  test('a bundle that .gitattributes marks -diff is "generated", not "binary"; a real binary stays "binary"', () => {
    // What an action's repository (this one included) has: `dist/** -diff`, so git prints
    // "Binary files differ" for the bundle although it is text.
    const diff = diffOf(
      (repo) => {
        repo.write('.gitattributes', 'dist/** -diff linguist-generated=true\n');
        repo.write('dist/index.js', 'export const a = 1;\n');
        repo.write('logo.bin', Buffer.from([0, 1, 2, 3]));
      },
      (repo) => {
        repo.write('dist/index.js', 'export const a = 2;\n');
        repo.write('logo.bin', Buffer.from([0, 1, 2, 4]));
      },
    );
    const files = parseDiff(diff);
    expect(files.find((f) => f.path === 'dist/index.js')?.binary).toBe(true);
    expect(verdicts(files)).toEqual({ 'dist/index.js': 'generated', 'logo.bin': 'binary' });
  });

  test('skipped files keep their input order', () => {
    const { kept, skipped } = filterFiles([file('b.lock'), file('a.ts'), file('a.lock')], none);
    expect(kept.map((f) => f.path)).toEqual(['a.ts']);
    expect(skipped.map((s) => s.path)).toEqual(['b.lock', 'a.lock']);
  });
});

describe('filterFiles with user patterns', () => {
  const files = ['src/a.ts', 'src/a.test.ts', 'docs/guide.md', 'README.md', 'dist/bundle.js', 'yarn.lock'].map((p) =>
    file(p),
  );

  test('user excludes add reasons naming the pattern; a slash-less pattern matches the basename at any depth', () => {
    expect(verdicts(files, { include: [], exclude: ['*.md', 'src/**/*.test.ts'] })).toEqual({
      'src/a.ts': 'kept',
      'src/a.test.ts': 'excluded by pattern `src/**/*.test.ts`',
      'docs/guide.md': 'excluded by pattern `*.md`',
      'README.md': 'excluded by pattern `*.md`',
      'dist/bundle.js': 'generated',
      'yarn.lock': 'lock file',
    });
  });

  test('include keeps only matches and overrides default excludes, but not user excludes', () => {
    expect(verdicts(files, { include: ['src/**', 'dist/**', '*.lock'], exclude: ['*.test.ts'] })).toEqual({
      'src/a.ts': 'kept',
      'src/a.test.ts': 'excluded by pattern `*.test.ts`',
      'docs/guide.md': 'not matched by include',
      'README.md': 'not matched by include',
      'dist/bundle.js': 'kept',
      'yarn.lock': 'kept',
    });
  });

  test('include does not resurrect binary content', () => {
    expect(verdicts([file('img.png', { binary: true, hunks: [] })], { include: ['*.png'], exclude: [] })).toEqual({
      'img.png': 'binary',
    });
  });

  test('dotfiles match, leading slash anchors, trailing slash means a directory', () => {
    const paths = [
      '.github/workflows/ci.yml',
      'a/.env',
      'docs/x.md',
      'sub/docs/y.md',
      'gen/z.ts',
      'sub/gen/w.ts',
      'out/a',
      'x/out/b',
    ];
    const exclude = ['.env', '.github/**', '/docs/*.md', 'gen/', '/out/'];
    expect(
      verdicts(
        paths.map((p) => file(p)),
        { include: [], exclude },
      ),
    ).toEqual({
      '.github/workflows/ci.yml': 'excluded by pattern `.github/**`',
      'a/.env': 'excluded by pattern `.env`',
      'docs/x.md': 'excluded by pattern `/docs/*.md`',
      'sub/docs/y.md': 'kept',
      'gen/z.ts': 'excluded by pattern `gen/`',
      'sub/gen/w.ts': 'excluded by pattern `gen/`',
      'out/a': 'excluded by pattern `/out/`',
      'x/out/b': 'kept',
    });
  });
});

describe('validateGlobs', () => {
  test('accepts ordinary patterns', () => {
    expect(validateGlobs(['*.md', 'src/**/*.{ts,tsx}', 'a/[abc].txt', '\\[literal'])).toBeNull();
    expect(validateGlobs([])).toBeNull();
  });

  test('names the bad pattern', () => {
    expect(validateGlobs(['ok', '  '])).toMatch(/empty/i);
    expect(validateGlobs(['src/[ab.ts'])).toContain('`src/[ab.ts`');
    expect(validateGlobs(['*.{ts,js'])).toContain('`*.{ts,js`');
    expect(validateGlobs(['a)b'])).toContain('unbalanced');
  });
});

describe('changedLines', () => {
  test('sums additions and deletions', () => {
    expect(changedLines([file('a', { additions: 3, deletions: 2 }), file('b', { additions: 0, deletions: 7 })])).toBe(
      12,
    );
    expect(changedLines([])).toBe(0);
  });
});
