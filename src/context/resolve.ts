import type { LanguageId } from './languages.js';

/**
 * From an import's module specifier to the snapshot files it may name, by each language's
 * usual layout. No configuration is read (no tsconfig paths, no go.mod, no PSR-4 map): a
 * specifier we cannot place falls back to a suffix match on the path, and a miss there to
 * the symbol search of the caller.
 */

/** The snapshot's paths, indexed for suffix lookups. Build once per selection. */
export type PathIndex = {
  has(path: string): boolean;
  /** Paths whose file name without extension is `stem`. */
  byStem(stem: string): readonly string[];
  /** Paths directly inside `dir` ('' for the root). */
  inDir(dir: string): readonly string[];
  /** Directories whose last element is `name`. */
  dirsNamed(name: string): readonly string[];
};

/** Indexes `paths` in one pass. */
export function indexPaths(paths: readonly string[]): PathIndex {
  const all = new Set(paths);
  const stems = new Map<string, string[]>();
  const dirs = new Map<string, string[]>();
  const named = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const path of paths) {
    push(stems, stemOf(path), path);
    const dir = dirOf(path);
    if (!dirs.has(dir)) push(named, dir.slice(dir.lastIndexOf('/') + 1), dir);
    push(dirs, dir, path);
  }
  return {
    has: (p) => all.has(p),
    byStem: (s) => stems.get(s) ?? [],
    inDir: (d) => dirs.get(d) ?? [],
    dirsNamed: (n) => named.get(n) ?? [],
  };
}

/** The directory part of a path ('' at the root). */
export function dirOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** The file name without its last extension (`index` for `a/index.test.ts` is `index.test`). */
export function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Joins and normalises a relative path (`a/b` + `../c` = `a/c`); null when it climbs above the root. */
export function joinPath(dir: string, relative: string): string | null {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const JS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** Existing paths among `base` + each extension, then `base/index` + each. */
function withExtensions(base: string, exts: readonly string[], index: PathIndex, indexName = 'index'): string[] {
  const out: string[] = [];
  if (index.has(base)) out.push(base);
  for (const ext of exts) if (index.has(base + ext)) out.push(base + ext);
  if (out.length > 0) return out;
  for (const ext of exts) if (index.has(`${base}/${indexName}${ext}`)) out.push(`${base}/${indexName}${ext}`);
  return out;
}

/** Paths that end with `/suffix` (or are `suffix`), found through the stem index. */
function bySuffix(suffix: string, index: PathIndex): string[] {
  const stem = stemOf(suffix);
  return index.byStem(stem).filter((p) => p === suffix || p.endsWith(`/${suffix}`));
}

/** Paths whose extension-less form ends with `/suffix`, any of `exts`. */
function bySuffixAnyExt(suffix: string, exts: readonly string[], index: PathIndex): string[] {
  const out: string[] = [];
  for (const ext of exts) out.push(...bySuffix(suffix + ext, index));
  return out;
}

/**
 * Candidate files for `module` imported from `fromPath`, best first. `imported` is the name
 * imported, for languages where it can itself be a module (Python `from pkg import mod`).
 */
export function resolveModule(
  fromPath: string,
  module: string,
  language: LanguageId,
  index: PathIndex,
  imported?: string,
): string[] {
  const dir = dirOf(fromPath);
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript': {
      if (module.startsWith('.')) {
        const base = joinPath(dir, module.replace(/\.(m|c)?js$|\.jsx$/, ''));
        return base === null ? [] : withExtensions(base, JS_EXTENSIONS, index);
      }
      // Path aliases (`@/lib/x`, `~/x`, `src/x`): a suffix match; bare packages rarely live in the snapshot.
      const bare = module.replace(/^[@~#]\//, '');
      if (!bare.includes('/')) return [];
      return [
        ...new Set([
          ...bySuffixAnyExt(bare, JS_EXTENSIONS, index),
          ...bySuffixAnyExt(`${bare}/index`, JS_EXTENSIONS, index),
        ]),
      ];
    }
    case 'python': {
      const dots = /^\.*/.exec(module)?.[0].length ?? 0;
      const rest = module.slice(dots).split('.').filter(Boolean).join('/');
      const targets: string[] = [];
      if (dots > 0) {
        let base: string | null = dir;
        for (let i = 1; i < dots && base !== null; i++) base = base === '' ? null : dirOf(base);
        if (base === null) return [];
        const path = rest === '' ? base : base === '' ? rest : `${base}/${rest}`;
        const prefix = path === '' ? '' : `${path}/`;
        if (imported && imported !== '*') targets.push(`${prefix}${imported}.py`, `${prefix}${imported}/__init__.py`);
        if (rest !== '') targets.push(`${path}.py`);
        targets.push(`${prefix}__init__.py`);
        return targets.filter((t) => index.has(t));
      }
      const out = [...bySuffix(`${rest}.py`, index), ...bySuffix(`${rest}/__init__.py`, index)];
      if (imported && imported !== '*') out.unshift(...bySuffix(`${rest}/${imported}.py`, index));
      return [...new Set(out)];
    }
    case 'go': {
      // The directory whose path the import path ends with (the module prefix is unknown); longest wins.
      const last = module.slice(module.lastIndexOf('/') + 1);
      const dirs = index
        .dirsNamed(last)
        .filter((d) => module === d || module.endsWith(`/${d}`))
        .sort((a, b) => b.length - a.length);
      const best = dirs[0];
      if (best === undefined) return [];
      return index.inDir(best).filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'));
    }
    case 'java': {
      const path = module.replace(/\./g, '/');
      return bySuffix(`${path}.java`, index);
    }
    case 'ruby': {
      if (module.startsWith('.')) {
        const base = joinPath(dir, module.replace(/\.rb$/, ''));
        return base !== null && index.has(`${base}.rb`) ? [`${base}.rb`] : [];
      }
      return bySuffix(`${module.replace(/\.rb$/, '')}.rb`, index);
    }
    case 'rust': {
      const parts = module.split('::').filter(Boolean);
      let base: string[] = [];
      if (parts[0] === 'self' || parts[0] === 'super') {
        base = dir === '' ? [] : dir.split('/');
        if (parts[0] === 'super') base.pop();
        parts.shift();
      } else if (parts[0] === 'crate') parts.shift();
      const rel = [...base, ...parts].join('/');
      if (rel === '') return [];
      return [...new Set([...bySuffix(`${rel}.rs`, index), ...bySuffix(`${rel}/mod.rs`, index)])];
    }
    case 'php': {
      const parts = module.replace(/^\\/, '').split('\\');
      for (let k = parts.length; k >= 1; k--) {
        const found = bySuffix(`${parts.slice(parts.length - k).join('/')}.php`, index);
        if (found.length > 0) return found;
      }
      return [];
    }
    case 'c':
    case 'cpp': {
      const name = module.replace(/^<|>$/g, '');
      const local = joinPath(dir, name);
      if (!module.startsWith('<') && local !== null && index.has(local)) return [local];
      return bySuffix(name, index);
    }
    case 'csharp':
      return []; // a namespace names no file
  }
}
