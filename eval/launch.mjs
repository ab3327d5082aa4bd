// `npm run eval` on plain `node`, as bench/launch.mjs does for the benchmark: transpiles src/, eval/
// and the in-memory forge of __tests__/support with the TypeScript compiler API into a temporary
// directory, then runs eval/main.js there. The key check happens in main.js, before any request.
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

if (!process.env.ANTHROPIC_API_KEY?.trim()) {
  process.stderr.write(
    'npm run eval needs a real Anthropic API key: set ANTHROPIC_API_KEY (it calls the API and costs money; it never runs in CI).\n',
  );
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'claude-pr-review-eval-'));
try {
  for (const file of [
    ...tsFiles(join(root, 'src')),
    ...tsFiles(join(root, 'eval')),
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
  const run = spawnSync(process.execPath, [join(out, 'eval', 'main.js')], {
    stdio: 'inherit',
    env: { ...process.env, CPR_EVAL_MAIN: '1' },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
