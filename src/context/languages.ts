/**
 * Languages that targeted context parses with tree-sitter, keyed by file extension.
 *
 * C has no grammar of its own in `@vscode/tree-sitter-wasm`, so `.c` and `.h` files use the
 * C++ grammar: C++ parses nearly all of C (function definitions, structs, typedefs, macros,
 * includes), and what it cannot parse ends up in an ERROR node that the rest of the code skips.
 */

/** A language we know how to parse. `c` shares the C++ grammar (see above). */
export type LanguageId =
  'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java' | 'ruby' | 'rust' | 'csharp' | 'php' | 'c' | 'cpp';

/** Every language id, in a stable order (tests and the copy script walk it). */
export const LANGUAGE_IDS: readonly LanguageId[] = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'ruby',
  'rust',
  'csharp',
  'php',
  'c',
  'cpp',
];

/** The grammar file of each language, as shipped in `@vscode/tree-sitter-wasm/wasm/`. */
export const GRAMMAR_FILES: Readonly<Record<LanguageId, string>> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  rust: 'tree-sitter-rust.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  php: 'tree-sitter-php.wasm',
  c: 'tree-sitter-cpp.wasm',
  cpp: 'tree-sitter-cpp.wasm',
};

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  // The JavaScript grammar parses JSX too, so .jsx needs no grammar of its own.
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  py: 'python',
  pyi: 'python',
  go: 'go',
  java: 'java',
  rb: 'ruby',
  rake: 'ruby',
  gemspec: 'ruby',
  rs: 'rust',
  cs: 'csharp',
  php: 'php',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  'c++': 'cpp',
  hh: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
  'h++': 'cpp',
  ipp: 'cpp',
};

/** Extension-less Ruby files that are common enough to recognise by name. */
const BY_BASENAME: Readonly<Record<string, LanguageId>> = {
  Rakefile: 'ruby',
  Gemfile: 'ruby',
};

/** The language of a path from its extension (case-insensitive), or null when we have no grammar for it. */
export function languageForPath(path: string): LanguageId | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const named = BY_BASENAME[base];
  if (named) return named;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? null;
}

/** Languages whose imports and names resolve across one another (a TS file may import a JS one). */
export function sameFamily(a: LanguageId, b: LanguageId): boolean {
  return family(a) === family(b);
}

function family(id: LanguageId): string {
  if (id === 'typescript' || id === 'tsx' || id === 'javascript') return 'js';
  if (id === 'c' || id === 'cpp') return 'c';
  return id;
}
