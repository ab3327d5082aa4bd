import type { DiffFile } from '../diff/types.js';
import { fallbackDefinitions, fallbackUsages } from './fallback.js';
import type { DefinitionKind } from './grammar.js';
import { readImports, type FileImports, type ImportBinding } from './imports.js';
import { languageForPath, type LanguageId } from './languages.js';
import { withTree } from './parser.js';
import { definitionRanges, describeLines, inRanges, type LineRange } from './ranges.js';
import { fallbackScopes, scopesInTree, type Scope } from './scopes.js';
import { declaredNamesIn, definitionsInTree, usagesInTree, type Definition, type Usage } from './symbols.js';
import { splitLines } from './text.js';
import type { Candidate, ContextLimits } from './types.js';

/** A changed file as the selection reads it: both versions and which of their lines the diff shows. */
export type ChangedFile = {
  path: string;
  oldPath: string;
  language: LanguageId | null;
  head: string | null;
  base: string | null;
  /** New-side numbers of added lines; old-side numbers of deleted lines. */
  added: number[];
  deleted: number[];
  /** Head lines of hunks that add nothing (a pure deletion), so their scope is still shown. */
  anchors: number[];
  /** Lines the diff already shows, per side. */
  shownHead: LineRange[];
  shownBase: LineRange[];
};

/** A name a changed line uses that is not defined in its file: to look up elsewhere. */
export type Want = {
  name: string;
  receiver: string | null;
  call: boolean;
  fromPath: string;
  language: LanguageId | null;
  lines: number[];
  /** The import that brings the name (or its receiver) in, when there is one. */
  binding: ImportBinding | null;
};

/** A definition the pull request changes or removes: its callers may need to change too. */
export type ChangedDefinition = {
  path: string;
  name: string;
  kind: DefinitionKind;
  container: string | null;
  removed: boolean;
  signatureChanged: boolean;
};

export type FileAnalysis = {
  candidates: Candidate[];
  wants: Want[];
  changed: ChangedDefinition[];
  imports: FileImports;
  parsed: number;
  unparsed: number;
};

/** Reads what a diff file adds, deletes and shows, with the two versions of its text. */
export function describeChange(file: DiffFile, head: string | null, base: string | null): ChangedFile {
  const added: number[] = [];
  const deleted: number[] = [];
  const anchors: number[] = [];
  const shownHead: LineRange[] = [];
  const shownBase: LineRange[] = [];
  for (const hunk of file.hunks) {
    if (hunk.newLines > 0) shownHead.push([hunk.newStart, hunk.newStart + hunk.newLines - 1]);
    if (hunk.oldLines > 0) shownBase.push([hunk.oldStart, hunk.oldStart + hunk.oldLines - 1]);
    let adds = 0;
    for (const line of hunk.lines) {
      if (line.kind === 'add') {
        added.push(line.newLine);
        adds++;
      } else if (line.kind === 'del') deleted.push(line.oldLine);
    }
    if (adds === 0 && hunk.newLines > 0) anchors.push(hunk.newStart + Math.floor(hunk.newLines / 2));
  }
  return {
    path: file.path,
    oldPath: file.oldPath ?? file.path,
    language: languageForPath(file.path),
    head,
    base,
    added,
    deleted,
    anchors,
    shownHead,
    shownBase,
  };
}

/** Names no project defines: looking them up would only cost a search. */
const BUILTINS = new Set(
  (
    'console Math JSON Object Array Promise String Number Boolean Error Map Set Date RegExp Symbol BigInt ' +
    'parseInt parseFloat require module exports window document process Buffer undefined NaN Infinity ' +
    'print len range str int float dict list set tuple isinstance super open enumerate zip sorted min max sum ' +
    'any all getattr setattr hasattr type bool bytes repr iter next map filter Exception ValueError TypeError ' +
    'make append panic cap copy delete new nil error string byte rune fmt errors ' +
    'puts require_relative raise attr_reader attr_accessor ' +
    'println format vec Some None Ok Err Vec Box Option Result Self self this cls ' +
    'var val let const void null true false'
  ).split(' '),
);

const SELF_RECEIVERS = new Set(['this', 'self', 'Self', '$this', 'cls', 'super', 'static', 'parent']);

/** The members a same-file helper may be reached through: none, or `this`/`self`. */
function isSelfish(receiver: string | null): boolean {
  return receiver === null || SELF_RECEIVERS.has(receiver) || receiver.startsWith('@');
}

const TRACKED = new Set<DefinitionKind>([
  'function',
  'method',
  'class',
  'struct',
  'interface',
  'type',
  'enum',
  'constant',
  'variable',
  'macro',
]);
const UNTRACKED_NAMES = new Set([
  'constructor',
  '__init__',
  'initialize',
  'init',
  'main',
  'new',
  'default',
  'toString',
]);

function headerEnd(def: Definition): number {
  return def.headerEnd;
}

/** Definitions whose lines the change touches: callers of these are worth showing. */
function touched(defs: Definition[], lines: number[], exclude?: Definition[]): Definition[] {
  return defs.filter((d) => {
    if (!TRACKED.has(d.kind) || d.name.length < 3 || UNTRACKED_NAMES.has(d.name)) return false;
    if (exclude?.some((e) => e.name === d.name && e.container === d.container)) return false;
    return lines.some((l) => l >= d.startLine && l <= d.endLine);
  });
}

type HeadFacts = { usages: Usage[]; scopes: Scope[]; defs: Definition[]; imports: FileImports; locals: Set<string>[] };

function headFacts(file: ChangedFile, head: string, limits: ContextLimits): Promise<HeadFacts | null> {
  const targets = [...file.added, ...file.anchors];
  if (!file.language) return Promise.resolve(null);
  const language = file.language;
  return withTree(head, language, (root) => {
    const usages = usagesInTree(root, language, file.added);
    const keepNames = usages.filter((u) => !u.declared).map((u) => u.name);
    const options = { maxLines: limits.scopeMaxLines, radius: limits.scopeRadius, keepNames };
    const scopes = scopesInTree(root, head, language, targets, options);
    return {
      usages,
      scopes,
      defs: definitionsInTree(root, head, language),
      imports: readImports(root, language),
      locals: scopes.map((s) => declaredNamesIn(root, language, s.startLine, s.endLine)),
    };
  });
}

function textFacts(file: ChangedFile, head: string, limits: ContextLimits): HeadFacts {
  const usages = fallbackUsages(head, file.added);
  const scopes = fallbackScopes(head, [...file.added, ...file.anchors], {
    maxLines: limits.scopeMaxLines,
    radius: limits.scopeRadius,
  });
  const locals = scopes.map((s) => {
    const lines = Array.from({ length: s.endLine - s.startLine + 1 }, (_, i) => s.startLine + i);
    return new Set(
      fallbackUsages(head, lines)
        .filter((u) => u.declared)
        .map((u) => u.name),
    );
  });
  return { usages, scopes, defs: fallbackDefinitions(head), imports: { bindings: [], modules: [] }, locals };
}

/**
 * What one changed file contributes: its enclosing scopes (or the whole file when small), the
 * same-file definitions its changed lines use, the names to look up elsewhere, and the
 * definitions it changes or removes.
 */
export async function analyzeChangedFile(file: ChangedFile, limits: ContextLimits): Promise<FileAnalysis> {
  const out: FileAnalysis = {
    candidates: [],
    wants: [],
    changed: [],
    imports: { bindings: [], modules: [] },
    parsed: 0,
    unparsed: 0,
  };
  const head = file.head;
  let headDefs: Definition[] = [];
  if (head !== null) {
    const parsed = await headFacts(file, head, limits);
    if (parsed) out.parsed++;
    else out.unparsed++;
    const facts = parsed ?? textFacts(file, head, limits);
    headDefs = facts.defs;
    out.imports = facts.imports;
    addScopes(file, head, facts, out, limits);
    addUsages(file, facts, out, limits);
    for (const def of touched(facts.defs, file.added)) {
      const signatureChanged = file.added.some((l) => l >= def.startLine && l <= headerEnd(def));
      if (!signatureChanged && /^(class|struct|interface|enum|module|impl)$/.test(def.kind)) continue;
      out.changed.push({ ...pick(file.path, def), removed: false, signatureChanged });
    }
  }
  if (file.base !== null && file.deleted.length > 0) {
    const base = file.base;
    const language = languageForPath(file.oldPath);
    const parsed = language ? await withTree(base, language, (root) => definitionsInTree(root, base, language)) : null;
    if (parsed) out.parsed++;
    else out.unparsed++;
    for (const def of touched(parsed ?? fallbackDefinitions(base), file.deleted)) {
      const still = headDefs.find((d) => d.name === def.name && d.container === def.container);
      const signatureChanged = file.deleted.some((l) => l >= def.startLine && l <= headerEnd(def));
      const known = out.changed.find((c) => c.name === def.name && c.container === def.container);
      if (known) known.signatureChanged ||= signatureChanged;
      else if (!still || signatureChanged || !/^(class|struct|interface|enum)$/.test(def.kind))
        out.changed.push({ ...pick(file.oldPath, def), removed: !still, signatureChanged });
    }
  }
  return out;
}

function pick(path: string, def: Definition): Omit<ChangedDefinition, 'removed' | 'signatureChanged'> {
  return { path, name: def.name, kind: def.kind, container: def.container };
}

function addScopes(file: ChangedFile, head: string, facts: HeadFacts, out: FileAnalysis, limits: ContextLimits): void {
  for (const scope of facts.scopes) {
    const what = scope.kind === 'statement' ? 'top-level statement' : `${scope.kind} ${scope.name}`;
    out.candidates.push({
      path: file.path,
      side: 'head',
      ranges: scope.kept,
      kind: 'scope',
      reason: `enclosing ${what} of changed line${scope.lines.length === 1 ? '' : 's'} ${describeLines(scope.lines)}`,
      score: 100,
      bears: scope.lines.length,
    });
  }
  const count = splitLines(head).length;
  if (count > 0 && count <= limits.wholeFileMaxLines && file.added.length > 0) {
    out.candidates.push({
      path: file.path,
      side: 'head',
      ranges: [[1, count]],
      kind: 'whole-file',
      reason: 'the changed file, whole',
      score: 65,
      bears: file.added.length,
    });
  }
}

function addUsages(file: ChangedFile, facts: HeadFacts, out: FileAnalysis, limits: ContextLimits): void {
  const wants = new Map<string, Want>();
  const sameFile = new Map<Definition, number[]>();
  for (const use of facts.usages) {
    if (use.declared || BUILTINS.has(use.name) || use.name.length < 2) continue;
    const at = facts.scopes.findIndex((s) => use.line >= s.startLine && use.line <= s.endLine);
    if (isSelfish(use.receiver)) {
      if (use.receiver === null && at >= 0 && facts.locals[at]?.has(use.name)) continue; // a local or parameter
      const defs = facts.defs.filter(
        (d) => d.name === use.name && !(use.line >= d.startLine && use.line <= d.endLine) && d.kind !== 'impl',
      );
      if (defs.length > 0) {
        for (const d of defs.slice(0, 2)) sameFile.set(d, [...(sameFile.get(d) ?? []), use.line]);
        continue;
      }
    }
    const bindings = facts.imports.bindings;
    const root = use.receiver?.split(/\.|::|->/)[0] ?? null;
    const binding =
      use.receiver === null
        ? (bindings.find((b) => b.local === use.name) ?? null)
        : (bindings.find((b) => b.local === use.receiver) ?? bindings.find((b) => b.local === root) ?? null);
    // A member of an unknown receiver (`line.qty`) is only worth a search when it is called.
    if (use.receiver !== null && !isSelfish(use.receiver) && !binding && !use.call) continue;
    if (use.receiver !== null && !isSelfish(use.receiver) && !binding && use.name.length < 4) continue;
    const key = `${use.name}\0${binding?.module ?? ''}\0${binding ? '' : (use.receiver ?? '')}`;
    const want = wants.get(key);
    if (want) {
      want.lines.push(use.line);
      want.call ||= use.call;
    } else {
      wants.set(key, {
        name: use.name,
        receiver: use.receiver,
        call: use.call,
        fromPath: file.path,
        language: file.language,
        lines: [use.line],
        binding,
      });
    }
  }
  for (const [def, lines] of sameFile) {
    if (inRanges(def.startLine, file.shownHead) && inRanges(def.endLine, file.shownHead)) continue;
    out.candidates.push({
      path: file.path,
      side: 'head',
      ranges: definitionRanges(def, facts.defs, limits.definitionMaxLines, limits.definitionBodyLines),
      kind: 'same-file',
      reason: `${def.kind} ${def.name}, used on line${lines.length === 1 ? '' : 's'} ${describeLines(lines)}`,
      score: /function|method|macro/.test(def.kind) ? 85 : 80,
      bears: lines.length,
    });
  }
  out.wants.push(...wants.values());
}
