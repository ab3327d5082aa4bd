#!/usr/bin/env node
/**
 * Copies the tree-sitter runtime and the grammars that targeted context uses (src/context/)
 * from @vscode/tree-sitter-wasm into `<out>/wasm/`, beside the ncc bundle, where
 * src/context/parser.ts looks first.
 *
 *   node scripts/copy-wasm.mjs [out-dir]      (default: dist)
 *
 * The runtime `tree-sitter.js` is CommonJS and finds itself through `__filename`; it is copied
 * as `tree-sitter.cjs` because dist/ lies under the package's `"type": "module"`, where a `.js`
 * file would load as ESM and break. Deterministic: same input, same files, same bytes; it never
 * deletes anything.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Source file name → name in `<out>/wasm/`. Keep the grammars in step with GRAMMAR_FILES in src/context/languages.ts. */
export const WASM_FILES = [
  ['tree-sitter.js', 'tree-sitter.cjs'],
  ['tree-sitter.wasm', 'tree-sitter.wasm'],
  ['tree-sitter-c-sharp.wasm', 'tree-sitter-c-sharp.wasm'],
  ['tree-sitter-cpp.wasm', 'tree-sitter-cpp.wasm'],
  ['tree-sitter-go.wasm', 'tree-sitter-go.wasm'],
  ['tree-sitter-java.wasm', 'tree-sitter-java.wasm'],
  ['tree-sitter-javascript.wasm', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-php.wasm', 'tree-sitter-php.wasm'],
  ['tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ['tree-sitter-ruby.wasm', 'tree-sitter-ruby.wasm'],
  ['tree-sitter-rust.wasm', 'tree-sitter-rust.wasm'],
  ['tree-sitter-tsx.wasm', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-typescript.wasm', 'tree-sitter-typescript.wasm'],
];

/** Copies the files into `<outDir>/wasm/` and returns the paths written. */
export function copyWasm(outDir) {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@vscode/tree-sitter-wasm/package.json'));
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const target = join(resolve(outDir), 'wasm');
  mkdirSync(target, { recursive: true });
  const written = [];
  for (const [from, to] of WASM_FILES) {
    copyFileSync(join(pkgDir, 'wasm', from), join(target, to));
    written.push(join(target, to));
  }
  // The grammars and runtime are MIT: their notice travels with them.
  copyFileSync(join(pkgDir, 'LICENSE'), join(target, 'LICENSE'));
  written.push(join(target, 'LICENSE'));
  return { target, version, written };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { target, version, written } = copyWasm(outDir);
  console.log(`copy-wasm: ${written.length} files of @vscode/tree-sitter-wasm ${version} → ${target}`);
}
