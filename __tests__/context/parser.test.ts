import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from '@jest/globals';
import { GRAMMAR_FILES, LANGUAGE_IDS } from '../../src/context/languages.js';
import {
  grammarFailures,
  locateWasm,
  setWasmDirectory,
  wasmDirCandidates,
  withTree,
} from '../../src/context/parser.js';
import { enclosingScopes } from '../../src/context/scopes.js';
import { FIXTURES } from './support.js';

/**
 * The wasm files as the bundle finds them: copied by scripts/copy-wasm.mjs into `<out>/wasm/`
 * under a `"type": "module"` package (as ncc writes dist/), the runtime renamed `.cjs`. This
 * file's module state is its own, so pinning the directory here affects no other test.
 */

type CopyScript = { WASM_FILES: [string, string][]; copyWasm: (out: string) => { target: string; written: string[] } };
const script = (await import(pathToFileURL(join(FIXTURES, '../../../scripts/copy-wasm.mjs')).href)) as CopyScript;

const out = mkdtempSync(join(tmpdir(), 'ctx-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('the copy script ships every grammar the languages table names, and the runtime', () => {
  const shipped = script.WASM_FILES.map(([, to]) => to);
  for (const id of LANGUAGE_IDS) expect(shipped).toContain(GRAMMAR_FILES[id]);
  expect(shipped).toEqual(expect.arrayContaining(['tree-sitter.wasm', 'tree-sitter.cjs']));
  expect(new Set(shipped).size).toBe(shipped.length);
});

test('candidates: beside the module first, then node_modules up the tree', () => {
  const dirs = wasmDirCandidates('file:///opt/app/dist/index.js');
  expect(dirs.slice(0, 3)).toEqual([
    '/opt/app/dist/wasm',
    '/opt/app/dist/node_modules/@vscode/tree-sitter-wasm/wasm',
    '/opt/app/node_modules/@vscode/tree-sitter-wasm/wasm',
  ]);
  expect(dirs.at(-1)).toBe('/node_modules/@vscode/tree-sitter-wasm/wasm');
  expect(locateWasm(pathToFileURL(join(out, 'index.js')).href)).toBeNull(); // nothing copied yet
});

test('a bundle layout (dist/wasm, runtime as .cjs under "type": "module") parses', async () => {
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const { target } = script.copyWasm(out);
  expect(locateWasm(pathToFileURL(join(out, 'index.js')).href)).toEqual({
    dir: target,
    runtimeFile: 'tree-sitter.cjs',
  });
  // A broken grammar must not break the others: it only sends its language to the fallback.
  const broken = join(out, 'broken');
  mkdirSync(broken);
  for (const f of ['tree-sitter.cjs', 'tree-sitter.wasm', GRAMMAR_FILES.typescript])
    copyFileSync(join(target, f), join(broken, f));
  writeFileSync(join(broken, GRAMMAR_FILES.python), 'not wasm');
  setWasmDirectory(broken);
  expect(locateWasm()?.dir).toBe(broken);
  const ts = await withTree('function f() { return 1 }\n', 'typescript', (root) => root.firstNamedChild?.type);
  expect(ts).toBe('function_declaration');
  const py = 'def f(x):\n    y = x + 1\n    return y\n\n\ndef g():\n    pass\n';
  expect(await withTree(py, 'python', () => 'parsed')).toBeNull();
  expect([...grammarFailures().keys()]).toEqual(['python']);
  // The indentation fallback still finds the function around line 2.
  const [scope] = await enclosingScopes(py, 'python', [2]);
  expect(scope).toMatchObject({ startLine: 1, endLine: 3, kind: 'function', name: 'f' });
});
