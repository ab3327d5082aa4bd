// Runs the benchmark on plain `node`: transpiles src/ and bench/ with the TypeScript compiler
// API (pure JavaScript, no native binaries) into a temporary directory, with the tests' fakes
// (in-memory and HTTP), the synthetic repository and the e2e harness, then runs bench/run.js.
// The bundle the start-up figures spawn is CPR_DIST (default dist/index.js), as for the e2e tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });

const out = mkdtempSync(join(tmpdir(), 'claude-pr-review-bench-'));
try {
  for (const file of [
    ...tsFiles(join(root, 'src')),
    ...tsFiles(join(root, 'bench')),
    ...tsFiles(join(root, '__tests__', 'support')),
    ...tsFiles(join(root, '__tests__', 'fakes')),
    ...tsFiles(join(root, '__tests__', 'context')),
    join(root, '__tests__', 'e2e', 'harness.ts'),
    join(root, '__tests__', 'e2e', 'payloads.ts'),
  ]) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  // The fakes check requests against the API descriptions in __tests__/fixtures.
  symlinkSync(join(root, '__tests__', 'fixtures'), join(out, '__tests__', 'fixtures'), 'dir');
  const run = spawnSync(process.execPath, [join(out, 'bench', 'run.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CPR_BENCH_COMPILED: out,
      CPR_DIST: process.env.CPR_DIST ? resolve(process.env.CPR_DIST) : join(root, 'dist', 'index.js'),
    },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
