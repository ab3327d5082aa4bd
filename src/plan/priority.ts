import type { DiffFile, Hunk } from '../diff/types.js';

/** What a changed file mostly is, for deciding what to review first when the ceiling is tight. */
export type FileKind = 'code' | 'test' | 'docs' | 'config';

/** Kinds in review order: earlier kinds are reviewed first. */
export const FILE_KINDS: readonly FileKind[] = ['code', 'test', 'docs', 'config'];

const KIND_RANK: Readonly<Record<FileKind, number>> = { code: 0, test: 1, docs: 2, config: 3 };

/**
 * The order the planner follows when the diff does not fit the token ceiling, as Markdown
 * that the README and the summary quote verbatim. Keep it in step with {@link hunkRank}.
 */
export const PRIORITY_ORDER_TEXT = [
  '1. Code first, then tests, then docs, then config (CI workflows, manifests, settings).',
  '2. Hunks that only delete lines come after every hunk that adds lines, in the same kind order.',
  '3. Within one kind, coverage is spread: every file gets a share before any file gets more, and a hunk too large for its share is cut.',
  '4. Pure renames, mode changes and binary files have no lines to review and are listed as skipped.',
  '5. Everything left out is named in the summary with its reason; coverage is the share of changed lines reviewed.',
].join('\n');

const DOC_EXTS = new Set(['md', 'markdown', 'mdx', 'rst', 'txt', 'adoc', 'asciidoc', 'rdoc', 'org', 'textile']);
const DOC_NAMES = new Set([
  'readme',
  'changelog',
  'changes',
  'history',
  'license',
  'licence',
  'copying',
  'notice',
  'authors',
  'contributors',
  'contributing',
  'code_of_conduct',
  'security',
]);
const DOC_DIRS = new Set(['docs', 'doc', 'documentation']);

// Directories whose every file tests or feeds tests (fixtures, mocks, recorded data).
const TEST_DIRS = new Set([
  '__tests__',
  '__test__',
  'test',
  'tests',
  'spec',
  'specs',
  '__mocks__',
  '__fixtures__',
  'fixtures',
  'testdata',
  'test-data',
  'e2e',
]);
const TEST_NAME_PATTERNS: readonly RegExp[] = [
  /\.(test|spec|e2e|cy)\.[^.]+$/i, // foo.test.ts, foo.spec.js, foo.e2e.ts
  /_(test|spec)\.[^.]+$/i, // foo_test.go, foo_test.py, foo_spec.rb
  /^test_.+\.py$/i, // test_foo.py
  /^conftest\.py$/i,
  /[a-z0-9](Test|Tests|Spec|IT)\.(java|kt|kts|scala|groovy|cs|swift|php|m|mm)$/, // FooTest.java; case matters: "Contest.java" is code
];

const CONFIG_EXTS = new Set([
  'json',
  'jsonc',
  'json5',
  'yml',
  'yaml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'properties',
  'xml',
  'plist',
  'env',
  'lock',
  'dockerfile',
]);
const CONFIG_NAMES = new Set(['dockerfile', 'containerfile', 'codeowners', 'procfile', 'jenkinsfile', 'vagrantfile']);
const CONFIG_DIRS = new Set([
  '.github',
  '.gitea',
  '.forgejo',
  '.gitlab',
  '.circleci',
  '.buildkite',
  '.vscode',
  '.idea',
  '.devcontainer',
  '.husky',
  '.changeset',
]);
// jest.config.ts, vite.config.mjs, karma.conf.js: configuration written as code.
const CONFIG_NAME_PATTERNS: readonly RegExp[] = [
  /\.(config|conf)\.[cm]?[jt]s$/i,
  /^docker-compose\b/i,
  /^dockerfile\./i,
];

/**
 * Classifies a path as code, test, docs or config by its directories, name and extension.
 *
 * Checked in this order, first match wins: a documentation extension (`.md`, `.rst`, `.txt`…);
 * a CI/editor directory (`.github/`, `.gitea/`, `.vscode/`…) → config; a test directory
 * (`__tests__/`, `test/`, `tests/`, `spec/`, `fixtures/`…) or test file name (`*.test.*`,
 * `*.spec.*`, `*_test.go`, `test_*.py`, `FooTest.java`…) → test; a docs directory (`docs/`,
 * `doc/`) or README/LICENSE/CHANGELOG → docs; a config extension or name (`.json`, `.yml`,
 * `.toml`, `.ini`, `Dockerfile`, `*.config.js`, dotfiles such as `.eslintrc`) → config;
 * anything else is code. Lock files and generated files are filtered out before planning.
 */
export function classifyFile(path: string): FileKind {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1).map((d) => d.toLowerCase());
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  // A leading dot starts a dotfile's name, not an extension (".gitignore").
  const ext = dot > 0 ? lower.slice(dot + 1) : '';
  const stem = dot > 0 ? lower.slice(0, dot) : lower;

  if (DOC_EXTS.has(ext)) return 'docs';
  if (dirs.some((d) => CONFIG_DIRS.has(d))) return 'config';
  if (dirs.some((d) => TEST_DIRS.has(d))) return 'test';
  if (TEST_NAME_PATTERNS.some((re) => re.test(name))) return 'test';
  if ((stem === 'test' || stem === 'tests') && !CONFIG_EXTS.has(ext)) return 'test';
  if (dirs.some((d) => DOC_DIRS.has(d))) return 'docs';
  if (ext === '' && DOC_NAMES.has(lower)) return 'docs';
  if (CONFIG_EXTS.has(ext) || CONFIG_NAMES.has(lower) || lower.startsWith('.')) return 'config';
  if (CONFIG_NAME_PATTERNS.some((re) => re.test(name))) return 'config';
  return 'code';
}

/** True when the hunk adds no line: it only removes code (or, degenerately, only has context). */
export function isDeletionOnly(hunk: Hunk): boolean {
  for (const line of hunk.lines) if (line.kind === 'add') return false;
  return true;
}

/**
 * {@link hunkRank} from a file kind already computed, so the planner classifies each file once.
 */
export function rankOf(kind: FileKind, deletionOnly: boolean): number {
  return KIND_RANK[kind] + (deletionOnly ? FILE_KINDS.length : 0);
}

/**
 * Review priority of one hunk; lower ranks are reviewed first:
 *
 * | rank | hunk |
 * |---|---|
 * | 0 | code, adds lines |
 * | 1 | test, adds lines |
 * | 2 | docs, adds lines |
 * | 3 | config, adds lines |
 * | 4–7 | deletion-only (no added line): code, test, docs, config |
 *
 * Deleted code cannot contain a new bug the way added code can, so every hunk that adds
 * lines, of any kind, is reviewed before any deletion-only hunk. A pure rename has no hunks;
 * an edited rename's hunks are ranked like any other. See {@link PRIORITY_ORDER_TEXT}.
 */
export function hunkRank(file: DiffFile, hunk: Hunk): number {
  return rankOf(classifyFile(file.path), isDeletionOnly(hunk));
}
