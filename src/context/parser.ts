import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import type { Language, Node, Parser } from '@vscode/tree-sitter-wasm';
import { GRAMMAR_FILES, type LanguageId } from './languages.js';

/**
 * Lazy tree-sitter. Nothing is loaded until the first file of a language is parsed: the
 * runtime (tree-sitter.js + tree-sitter.wasm) once, then each grammar once, cached.
 *
 * The runtime is a UMD/CommonJS file that finds its own wasm through `__filename`, so it must
 * run as CommonJS from a real file, never inlined into the ESM bundle (where `__filename`
 * does not exist). We therefore load it with a native `import()` that the bundler is told to
 * leave alone (`webpackIgnore`), and hand it the wasm bytes ourselves (`wasmBinary`) so its
 * own lookup is never used. In the bundle the files sit in `dist/wasm/` (copied there by
 * scripts/copy-wasm.mjs, the runtime renamed `.cjs` because dist/ inherits `"type": "module"`);
 * from source they come from node_modules.
 */

type TreeSitterModule = typeof TreeSitter;

/** Files bigger than this are not parsed (a generated or vendored file); callers fall back to text. */
export const MAX_PARSE_CHARS = 512 * 1024;

const RUNTIME_FILES = ['tree-sitter.cjs', 'tree-sitter.js'];
const PACKAGE_WASM_DIR = join('node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');

let overrideDir: string | null = null;
/** The loaded runtime, its one shared parser, and the directory its grammars come from. */
type Runtime = { ts: TreeSitterModule; parser: Parser; dir: string };

let runtime: Promise<Runtime> | null = null;
const languages = new Map<LanguageId, Promise<Language | null>>();
const failures = new Map<string, string>();

/**
 * Where to look for the wasm files, best first: an explicit directory (see
 * {@link setWasmDirectory}), `./wasm/` beside this module (the bundle's `dist/wasm/`), then
 * `node_modules/@vscode/tree-sitter-wasm/wasm/` in this folder or any folder above it, as
 * Node's own resolution would walk.
 */
export function wasmDirCandidates(moduleUrl: string = import.meta.url): string[] {
  const out: string[] = [];
  if (overrideDir !== null) out.push(overrideDir);
  let here: string;
  try {
    here = dirname(fileURLToPath(moduleUrl));
  } catch {
    return out; // not a file: URL (a bundler rewrote it): only the override can work
  }
  out.push(join(here, 'wasm'));
  for (let dir = here; ; dir = dirname(dir)) {
    out.push(join(dir, PACKAGE_WASM_DIR));
    if (dirname(dir) === dir) break;
  }
  return out;
}

/** The first candidate directory that holds the runtime, with the runtime's file name. */
export function locateWasm(moduleUrl?: string): { dir: string; runtimeFile: string } | null {
  for (const dir of wasmDirCandidates(moduleUrl)) {
    if (!existsSync(join(dir, 'tree-sitter.wasm'))) continue;
    const runtimeFile = RUNTIME_FILES.find((f) => existsSync(join(dir, f)));
    if (runtimeFile) return { dir, runtimeFile };
  }
  return null;
}

/**
 * Pins the directory of the wasm files (the composition root may know better than the search),
 * or clears it with null. Only parsers loaded after the call see it.
 */
export function setWasmDirectory(dir: string | null): void {
  overrideDir = dir;
}

/** Why the runtime or a grammar could not be loaded, by language id (or `runtime`), for a log line. */
export function grammarFailures(): ReadonlyMap<string, string> {
  return new Map(failures);
}

function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const found = locateWasm();
    if (!found) {
      const message = `tree-sitter wasm files not found in ${wasmDirCandidates().join(', ')}`;
      failures.set('runtime', message);
      throw new Error(message);
    }
    const href = pathToFileURL(join(found.dir, found.runtimeFile)).href;
    // A native import: the bundler must not inline the runtime (see the module comment).
    const mod = (await import(/* webpackIgnore: true */ href)) as { default?: TreeSitterModule } & TreeSitterModule;
    const ts = mod.default ?? mod;
    const wasmBinary = await readFile(join(found.dir, 'tree-sitter.wasm'));
    // `wasmBinary` is an Emscripten module option the typings leave out; `locateFile` covers the rest.
    const options = { wasmBinary, locateFile: (file: string) => join(found.dir, file) };
    await ts.Parser.init(options as Parameters<typeof ts.Parser.init>[0]);
    return { ts, parser: new ts.Parser(), dir: found.dir };
  })();
  return runtime;
}

/**
 * The grammar of a language, loaded once; null when it cannot be loaded (the reason is kept
 * in {@link grammarFailures}), so callers fall back to the indentation heuristics.
 */
export function loadLanguage(id: LanguageId): Promise<Language | null> {
  let pending = languages.get(id);
  if (!pending) {
    pending = (async () => {
      try {
        // Grammars come from the runtime's own directory: one copy of the files, one version.
        const { ts, dir } = await loadRuntime();
        const bytes = await readFile(join(dir, GRAMMAR_FILES[id]));
        return await ts.Language.load(new Uint8Array(bytes));
      } catch (e) {
        failures.set(id, e instanceof Error ? e.message : String(e));
        return null;
      }
    })();
    languages.set(id, pending);
  }
  return pending;
}

/**
 * Parses `source` and hands the root node to `use`, then frees the tree (trees live in wasm
 * memory, which the garbage collector does not see). Resolves to null when the language
 * cannot be parsed here (no grammar, a file too big, a failed parse). An error thrown by `use`
 * on a tree it did not expect also resolves to null, recorded in {@link grammarFailures} as
 * `parse:<language>`: one odd file must not cost the review its context.
 * `use` runs synchronously, so no other parse can reuse the shared parser in between.
 */
export async function withTree<T>(source: string, language: LanguageId, use: (root: Node) => T): Promise<T | null> {
  if (source.length > MAX_PARSE_CHARS) return null;
  const lang = await loadLanguage(language);
  if (!lang) return null;
  const { parser } = await loadRuntime();
  parser.setLanguage(lang);
  const tree = parser.parse(source);
  if (!tree) return null;
  try {
    return use(tree.rootNode);
  } catch (e) {
    failures.set(`parse:${language}`, e instanceof Error ? e.message : String(e));
    return null;
  } finally {
    tree.delete();
  }
}
