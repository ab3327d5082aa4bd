// Runs the benchmark on plain `node`: transpiles src/ and bench/ with the TypeScript compiler
// API (pure JavaScript, no native binaries) into a temporary directory, with the tests' in-memory
// fakes, then runs bench/run.js.
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
  const run = spawnSync(process.execPath, [join(out, 'bench', 'run.js')], {
    stdio: 'inherit',
    env: { ...process.env, CPR_BENCH_COMPILED: out },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
