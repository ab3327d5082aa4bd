import type { ChangedDefinition, Want } from './gather.js';
import { languageForPath, sameFamily, type LanguageId } from './languages.js';
import { withTree } from './parser.js';
import { definitionRanges, describeLines, type LineRange } from './ranges.js';
import { dirOf, resolveModule, stemOf, type PathIndex } from './resolve.js';
import { fallbackScopes, scopesInTree } from './scopes.js';
import type { Snapshot } from './snapshot.js';
import { fallbackDefinitions, fallbackReferences } from './fallback.js';
import { outlineTree, referencesInTree, type Definition, type Outline } from './symbols.js';
import { wordOccurrences } from './text.js';
import type { Candidate, ContextLimits } from './types.js';
import { readImports, type FileImports, type ImportBinding } from './imports.js';

/** What cross-file lookups share: the snapshot, caches, counters. One per selection. */
export type LookupContext = {
  snapshot: Snapshot;
  index: PathIndex;
  limits: ContextLimits;
  /** Paths the pull request changes: their call sites are in the diff, not looked up. */
  changedPaths: ReadonlySet<string>;
  excluded: (path: string) => boolean;
  /** Head texts read so far (null: absent). */
  texts: Map<string, string | null>;
  outlines: Map<string, Outline | null>;
  /** The imports of each changed file: hints for where its unresolved names live. */
  fromImports: Map<string, FileImports>;
  counts: { parsed: number; unparsed: number };
};

async function headText(ctx: LookupContext, path: string): Promise<string | null> {
  if (!ctx.texts.has(path)) ctx.texts.set(path, await ctx.snapshot.readHead(path));
  return ctx.texts.get(path) ?? null;
}

async function outlineOf(ctx: LookupContext, path: string): Promise<Outline | null> {
  if (ctx.outlines.has(path)) return ctx.outlines.get(path) ?? null;
  const text = await headText(ctx, path);
  const language = languageForPath(path);
  let result: Outline | null = null;
  if (text !== null) {
    const parsed = language ? await withTree(text, language, (root) => outlineTree(root, text, language)) : null;
    if (parsed) ctx.counts.parsed++;
    else ctx.counts.unparsed++;
    result = parsed ?? { definitions: fallbackDefinitions(text), imports: { bindings: [], modules: [] } };
  }
  ctx.outlines.set(path, result);
  return result;
}

/** Modules no snapshot holds: standard libraries and bare package names. */
function isExternal(module: string, language: LanguageId | null): boolean {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return !module.startsWith('.') && !/^[@~#]\//.test(module) && !module.startsWith('src/');
    case 'go':
      return !module.split('/')[0]?.includes('.');
    case 'java':
      return /^(java|javax|jdk|sun|kotlin|android)\./.test(module);
    case 'rust':
      return /^(std|core|alloc)(::|$)/.test(module);
    case 'c':
    case 'cpp':
      return module.startsWith('<');
    default:
      return false;
  }
}

function pickDefinition(defs: readonly Definition[], name: string, container: string | null): Definition[] {
  const named = defs.filter((d) => d.name === name && d.kind !== 'impl' && d.kind !== 'statement');
  if (container) {
    const inside = named.filter((d) => d.container === container);
    if (inside.length > 0) return inside;
  }
  return named;
}

/**
 * Follows an import to its definition, through at most two re-exporting (barrel) files.
 * `imported` is what the import names (a module itself, in Python's `from pkg import mod`).
 */
async function followImport(
  ctx: LookupContext,
  fromPath: string,
  module: string,
  imported: string,
  name: string,
  container: string | null,
  depth: number,
): Promise<{ path: string; def: Definition; all: Definition[] } | null> {
  const language = languageForPath(fromPath);
  if (!language) return null;
  for (const path of resolveModule(fromPath, module, language, ctx.index, imported).slice(0, 3)) {
    if (ctx.excluded(path)) continue;
    const found = await outlineOf(ctx, path);
    if (!found) continue;
    const defs = name === 'default' ? found.definitions.filter((d) => /^export\s+default\b/.test(d.signature)) : [];
    const hit = defs[0] ?? pickDefinition(found.definitions, name, container)[0];
    if (hit) return { path, def: hit, all: found.definitions };
    if (depth >= 2) continue;
    for (const re of found.imports.bindings.filter((b) => b.reexport && (b.local === name || b.local === '*'))) {
      const target = re.imported === '*' ? name : re.imported;
      const next = await followImport(ctx, path, re.module, target, target, container, depth + 1);
      if (next) return next;
    }
  }
  return null;
}

/** False for a file of another language family: a Python `total` is no call site of a TypeScript `total`. */
function couldShare(path: string, language: LanguageId | null): boolean {
  const other = languageForPath(path);
  return other === null || language === null || sameFamily(other, language);
}

/** Most files read per name: the search may match hundreds; reading is the costly part for a remote snapshot. */
const MAX_READS_PER_NAME = 40;

const TEST_PATH = /(^|\/)(tests?|spec|__tests__|testdata)\/|[._-](test|spec)\.[^/]+$|_test\.go$/;

/** Orders candidate files for a name: resolved modules first, then the same language, then nearness. */
function rankPaths(
  paths: readonly string[],
  from: string,
  language: LanguageId | null,
  hinted: ReadonlySet<string>,
): string[] {
  const fromDirs = dirOf(from).split('/');
  const scoreOf = (p: string): number => {
    const dirs = dirOf(p).split('/');
    let common = 0;
    while (common < dirs.length && common < fromDirs.length && dirs[common] === fromDirs[common]) common++;
    const lang = languageForPath(p);
    let s = common * 5;
    if (hinted.has(p)) s += 100;
    if (lang && language && sameFamily(lang, language)) s += 30;
    else if (!lang) s -= 30;
    if (TEST_PATH.test(p)) s -= 20;
    return s;
  };
  // Scored once each: a common name can match thousands of paths.
  const scored = paths.map((p) => ({ p, s: scoreOf(p) }));
  scored.sort((a, b) => b.s - a.s || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return scored.map((x) => x.p);
}

/** A cheap test before parsing: does some line look like it defines `name` (a keyword before it, or a declaration shape)? */
export function mayDefine(text: string, name: string): boolean {
  for (const index of wordOccurrences(text, name)) {
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const before = text.slice(Math.max(lineStart, index - 120), index);
    const after = text.slice(index + name.length, index + name.length + 3);
    if (
      /(^|[\s(])(def|function|func|fn|class|interface|type|struct|enum|trait|const|let|var|val|module|macro|record|object|impl|union|namespace|typedef|define|protocol|static|final)\s+(self\.|\*+|&)?\s*$/.test(
        before,
      )
    )
      return true;
    if (/^func\s*\([^)]*\)\s*$/.test(before)) return true;
    if (/^[\s\w<>[\],.*&:?@$]*$/.test(before) && /^\s*[(=:<{]/.test(after)) return true;
  }
  return false;
}

/**
 * Definitions in other files of what changed lines use: through their import where one
 * resolves in the snapshot, else by a whole-word search over it, parsing only the best few
 * candidate files that seem to define the name.
 */
export async function findDefinitions(ctx: LookupContext, wants: readonly Want[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const searched: Want[] = [];
  for (const want of wants) {
    const b = want.binding;
    if (b) {
      const viaReceiver = want.receiver !== null;
      const name = viaReceiver ? want.name : b.imported === '*' ? want.name : b.imported;
      const container = viaReceiver && b.imported !== '*' ? b.imported : null;
      const hit = await followImport(ctx, want.fromPath, b.module, b.imported, name, container, 0);
      if (hit) {
        out.push(definitionCandidate(ctx, want, hit.path, hit.def, hit.all, `imported from '${b.module}'`, 75));
        continue;
      }
      if (isExternal(b.module, want.language)) continue;
    }
    searched.push(want);
  }
  const words = [...new Set(searched.map((w) => w.name))].slice(0, ctx.limits.maxSearchWords);
  if (words.length === 0) return out;
  const found = await ctx.snapshot.filesContaining(words);
  for (const want of searched) {
    const paths = (found.get(want.name) ?? []).filter(
      (p) => p !== want.fromPath && !ctx.excluded(p) && couldShare(p, want.language),
    );
    const hinted = new Set<string>();
    const lang = want.language;
    const from = ctx.fromImports.get(want.fromPath);
    if (lang)
      for (const m of from?.modules ?? [])
        for (const p of resolveModule(want.fromPath, m, lang, ctx.index)) hinted.add(p);
    const hits: { path: string; def: Definition; all: Definition[] }[] = [];
    let parsed = 0;
    const ranked = rankPaths(paths, want.fromPath, want.language, hinted).slice(0, MAX_READS_PER_NAME);
    for (const path of ranked) {
      if (parsed >= ctx.limits.maxFilesPerName) break;
      const text = await headText(ctx, path);
      if (text === null || !mayDefine(text, want.name)) continue;
      parsed++;
      const o = await outlineOf(ctx, path);
      const receiverType = want.receiver && /^[A-Z]/.test(want.receiver) ? want.receiver : null;
      for (const def of pickDefinition(o?.definitions ?? [], want.name, receiverType))
        hits.push({ path, def, all: o?.definitions ?? [] });
    }
    const single = hits.length === 1;
    const weak = want.receiver !== null && !/^(this|self|Self|\$this|cls)$/.test(want.receiver);
    for (const hit of hits.slice(0, 2)) {
      const score = weak ? 45 : single ? 60 : 50;
      out.push(definitionCandidate(ctx, want, hit.path, hit.def, hit.all, 'found by name', score));
    }
  }
  return out;
}

function definitionCandidate(
  ctx: LookupContext,
  want: Want,
  path: string,
  def: Definition,
  all: Definition[],
  how: string,
  score: number,
): Candidate {
  const what = def.container ? `${def.container}.${def.name}` : def.name;
  const use = `${want.call ? 'called' : 'used'} on ${want.fromPath}:${describeLines(want.lines)}`;
  return {
    path,
    side: 'head',
    ranges: definitionRanges(def, all, ctx.limits.definitionMaxLines, ctx.limits.definitionBodyLines),
    kind: 'definition',
    reason: `${def.kind} ${what}, ${use}, ${how}`,
    score: score + (want.call ? 5 : 0),
    bears: want.lines.length,
  };
}

/** True when `path` binds `name` by an import that resolves to a file other than `defPath`. */
function importsOtherSymbol(
  ctx: LookupContext,
  path: string,
  bindings: readonly ImportBinding[],
  name: string,
  defPath: string,
): boolean {
  const language = languageForPath(path);
  const b = bindings.find((x) => x.local === name && !x.reexport);
  if (!b || !language) return false;
  const targets = resolveModule(path, b.module, language, ctx.index, b.imported);
  return targets.length > 0 && !targets.includes(defPath);
}

/**
 * Call sites and other references, in files the pull request does not change, of every
 * definition it changes or removes; each shown inside its (small, cut) enclosing scope.
 */
export async function findCallSites(ctx: LookupContext, changed: readonly ChangedDefinition[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const byName = new Map<string, ChangedDefinition>();
  for (const c of changed) {
    const known = byName.get(c.name);
    if (!known || (c.removed && !known.removed) || (c.signatureChanged && !known.signatureChanged))
      byName.set(c.name, c);
  }
  const words = [...byName.keys()].slice(0, ctx.limits.maxSearchWords);
  if (words.length === 0) return out;
  const found = await ctx.snapshot.filesContaining(words);
  const options = { maxLines: ctx.limits.referenceMaxLines, radius: ctx.limits.referenceRadius };
  for (const [name, def] of byName) {
    const defLanguage = languageForPath(def.path);
    const paths = (found.get(name) ?? []).filter(
      (p) => !ctx.changedPaths.has(p) && !ctx.excluded(p) && couldShare(p, defLanguage),
    );
    const stem = stemOf(def.path);
    const hinted = new Set<string>();
    // Read only the likeliest files to find those that seem to import the changed one (name its file).
    const likely = rankPaths(paths, def.path, languageForPath(def.path), hinted).slice(0, MAX_READS_PER_NAME);
    for (const p of likely) if ((await headText(ctx, p))?.includes(stem)) hinted.add(p);
    const generic = paths.length > 25;
    const base = def.removed ? 70 : def.signatureChanged ? 68 : 50;
    const what = def.removed ? 'removed' : def.signatureChanged ? 'signature changed' : 'changed';
    let kept = 0;
    let files = 0;
    for (const path of rankPaths(likely, def.path, languageForPath(def.path), hinted)) {
      if (kept >= ctx.limits.maxReferencesPerName || files >= ctx.limits.maxFilesPerName) break;
      const text = await headText(ctx, path);
      if (text === null) continue;
      files++;
      const language = languageForPath(path);
      const scopes = language
        ? await withTree(text, language, (root) => {
            if (importsOtherSymbol(ctx, path, readImports(root, language).bindings, name, def.path)) return [];
            const lines = referencesInTree(root, text, language, name).slice(0, ctx.limits.maxReferencesPerFile);
            return scopesInTree(root, text, language, lines, options);
          })
        : null;
      if (scopes) ctx.counts.parsed++;
      else ctx.counts.unparsed++;
      const found =
        scopes ??
        fallbackScopes(text, fallbackReferences(text, name).slice(0, ctx.limits.maxReferencesPerFile), options);
      for (const scope of found) {
        if (kept >= ctx.limits.maxReferencesPerName) break;
        kept++;
        const where = scope.kind === 'statement' ? '' : ` in ${scope.kind} ${scope.name}`;
        out.push({
          path,
          side: 'head',
          ranges: scope.kept as LineRange[],
          kind: 'reference',
          reason: `uses ${name}${where}, ${what} in ${def.path}`,
          score: base + (hinted.has(path) ? 5 : 0) - (generic ? 15 : 0),
          bears: scope.lines.length,
        });
      }
    }
  }
  return out;
}
