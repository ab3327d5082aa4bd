import type { DiffFile, DiffLine, Hunk } from './types.js';
import { parseGitHeaderPaths, parseMarkerPath, unquotePath } from './paths.js';

/** Everything learnt from one file's headers before its path and status can be decided. */
type Draft = {
  gitOld: string | null;
  gitNew: string | null;
  /** undefined: no `---` line seen; null: `/dev/null`. */
  minus: string | null | undefined;
  plus: string | null | undefined;
  renameFrom: string | null;
  renameTo: string | null;
  copyFrom: string | null;
  copyTo: string | null;
  newFile: boolean;
  deletedFile: boolean;
  oldMode: string | null;
  newMode: string | null;
  binary: boolean;
  submodule: boolean;
  hunks: Hunk[];
};

const GITLINK_MODE = '160000';
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses unified `git diff` output (GitHub's `.diff` media type, Gitea's `/pulls/N.diff`)
 * into files, hunks and numbered lines. Never throws: lines it does not understand are
 * skipped, and a hunk cut short keeps the lines it has.
 */
export function parseDiff(text: string): DiffFile[] {
  const lines = text.split('\n');
  const files: DiffFile[] = [];
  let draft: Draft | null = null;
  const flush = (): void => {
    if (draft) files.push(finish(draft));
    draft = null;
  };

  let i = 0;
  while (i < lines.length) {
    const line = stripCr(lines[i] as string);
    if (line.startsWith('diff --git ')) {
      flush();
      draft = emptyDraft(parseGitHeaderPaths(line.slice('diff --git '.length)));
      i++;
      continue;
    }
    if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      // Merge diffs have no single old side to anchor to; skip to the next file.
      flush();
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith('diff ')) i++;
      continue;
    }
    // A plain `diff -u` file starts with `---` then `+++`, without a `diff --git` line.
    const startsPlainFile =
      line.startsWith('--- ') &&
      stripCr(lines[i + 1] ?? '').startsWith('+++ ') &&
      (draft === null || draft.minus !== undefined || draft.hunks.length > 0);
    if (startsPlainFile) {
      flush();
      draft = emptyDraft(null);
    }
    if (draft === null) {
      i++;
      continue;
    }
    if (line.startsWith('@@ ')) {
      const parsed = readHunk(lines, i);
      if (parsed) {
        draft.hunks.push(parsed.hunk);
        i = parsed.next;
        continue;
      }
    } else if (line.startsWith('GIT binary patch')) {
      draft.binary = true;
      // The base85 payload has no spaces, so it cannot contain the next `diff --git ` line.
      while (i + 1 < lines.length && !(lines[i + 1] as string).startsWith('diff --git ')) i++;
    } else {
      readHeaderLine(draft, line);
    }
    i++;
  }
  flush();
  return files;
}

function emptyDraft(paths: { oldPath: string; newPath: string } | null): Draft {
  return {
    gitOld: paths?.oldPath ?? null,
    gitNew: paths?.newPath ?? null,
    minus: undefined,
    plus: undefined,
    renameFrom: null,
    renameTo: null,
    copyFrom: null,
    copyTo: null,
    newFile: false,
    deletedFile: false,
    oldMode: null,
    newMode: null,
    binary: false,
    submodule: false,
    hunks: [],
  };
}

/** Removes the `\r` of a CRLF-terminated diff line. */
function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function readHeaderLine(d: Draft, line: string): void {
  const value = (prefix: string): string | null => (line.startsWith(prefix) ? line.slice(prefix.length) : null);
  let v: string | null;
  if ((v = value('--- ')) !== null) d.minus = parseMarkerPath(v, 'a/');
  else if ((v = value('+++ ')) !== null) d.plus = parseMarkerPath(v, 'b/');
  else if ((v = value('rename from ')) !== null) d.renameFrom = unquotePath(v);
  else if ((v = value('rename to ')) !== null) d.renameTo = unquotePath(v);
  else if ((v = value('copy from ')) !== null) d.copyFrom = unquotePath(v);
  else if ((v = value('copy to ')) !== null) d.copyTo = unquotePath(v);
  else if ((v = value('new file mode ')) !== null) {
    d.newFile = true;
    markMode(d, v);
  } else if ((v = value('deleted file mode ')) !== null) {
    d.deletedFile = true;
    markMode(d, v);
  } else if ((v = value('old mode ')) !== null) d.oldMode = markMode(d, v);
  else if ((v = value('new mode ')) !== null) d.newMode = markMode(d, v);
  else if ((v = value('index ')) !== null) {
    const mode = v.split(' ')[1];
    if (mode !== undefined) markMode(d, mode);
  } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) d.binary = true;
}

function markMode(d: Draft, mode: string): string {
  const m = mode.trim();
  if (m === GITLINK_MODE) d.submodule = true;
  return m;
}

/** Reads the hunk whose header is `lines[start]`, using its counts to know where it ends. */
function readHunk(lines: string[], start: number): { hunk: Hunk; next: number } | null {
  const m = HUNK_HEADER.exec(stripCr(lines[start] as string));
  if (!m) return null;
  const oldStart = Number(m[1]);
  const newStart = Number(m[3]);
  // An omitted count means 1 (`@@ -1 +1 @@`).
  let oldLeft = m[2] === undefined ? 1 : Number(m[2]);
  let newLeft = m[4] === undefined ? 1 : Number(m[4]);
  const hunk: Hunk = {
    oldStart,
    oldLines: oldLeft,
    newStart,
    newLines: newLeft,
    section: m[5] ?? '',
    lines: [],
    oldNoNewlineAtEnd: false,
    newNoNewlineAtEnd: false,
  };
  let oldNo = oldStart;
  let newNo = newStart;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const raw = lines[i] as string;
    const op = raw[0];
    if (op === '\\') {
      markNoNewline(hunk);
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) break;
    // Content may itself end in CR (a CRLF file), on top of the CR of a CRLF diff.
    const text = raw.slice(1).replace(/\r\r?$/, '');
    if (op === '+' && newLeft > 0) {
      hunk.lines.push({ kind: 'add', oldLine: null, newLine: newNo++, text });
      newLeft--;
    } else if (op === '-' && oldLeft > 0) {
      hunk.lines.push({ kind: 'del', oldLine: oldNo++, newLine: null, text });
      oldLeft--;
    } else if ((op === ' ' || raw === '' || raw === '\r') && oldLeft > 0 && newLeft > 0) {
      // An empty line is a context line whose leading space was trimmed by some tool.
      hunk.lines.push({ kind: 'context', oldLine: oldNo++, newLine: newNo++, text });
      oldLeft--;
      newLeft--;
    } else {
      break;
    }
  }
  // A truncated hunk keeps counts that match the lines it really has.
  hunk.oldLines -= Math.max(0, oldLeft);
  hunk.newLines -= Math.max(0, newLeft);
  return { hunk, next: i };
}

function markNoNewline(hunk: Hunk): void {
  const last: DiffLine | undefined = hunk.lines[hunk.lines.length - 1];
  if (!last) return;
  if (last.kind !== 'add') hunk.oldNoNewlineAtEnd = true;
  if (last.kind !== 'del') hunk.newNoNewlineAtEnd = true;
}

function finish(d: Draft): DiffFile {
  const oldName = d.renameFrom ?? d.copyFrom ?? d.minus ?? d.gitOld;
  const newName = d.renameTo ?? d.copyTo ?? d.plus ?? d.gitNew;
  const added = d.newFile || (d.minus === null && d.plus !== null);
  const deleted = d.deletedFile || (d.plus === null && d.minus !== null);
  let status: DiffFile['status'] = 'modified';
  if (added) status = 'added';
  else if (deleted) status = 'deleted';
  else if (d.renameFrom !== null || d.renameTo !== null) status = 'renamed';
  else if (d.copyFrom !== null || d.copyTo !== null) status = 'copied';

  const path = (deleted ? (oldName ?? newName) : (newName ?? oldName)) ?? '';
  const movedFrom = status === 'renamed' || status === 'copied' ? oldName : null;
  let additions = 0;
  let deletions = 0;
  for (const h of d.hunks) {
    for (const l of h.lines) {
      if (l.kind === 'add') additions++;
      else if (l.kind === 'del') deletions++;
    }
  }
  return {
    path,
    oldPath: movedFrom !== null && movedFrom !== path ? movedFrom : null,
    status,
    binary: d.binary,
    modeChange: d.oldMode !== null && d.newMode !== null ? { old: d.oldMode, new: d.newMode } : null,
    submodule: d.submodule,
    hunks: d.hunks,
    additions,
    deletions,
  };
}
