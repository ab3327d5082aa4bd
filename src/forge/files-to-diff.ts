/**
 * One entry of GitHub's "list pull request files" answer, reduced to what a diff needs.
 * `patch` is absent for binary files and for files whose diff is too large to show.
 */
export type PullFile = {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string;
  changes?: number;
};

const DEV_NULL = '/dev/null';

/**
 * Rebuilds unified `git diff` text from a pull request's file list, so the one diff parser
 * serves both GitHub's `.diff` answer and the file-list fallback used when the diff is too
 * large (HTTP 406). Files without a `patch` get a `Binary files … differ` line: their lines
 * cannot be commented on either way, and the parser then reports them as skipped.
 */
export function filesToDiff(files: readonly PullFile[]): string {
  return files.map(fileToDiff).join('');
}

function fileToDiff(file: PullFile): string {
  const newPath = file.filename;
  const oldPath = file.previous_filename ?? file.filename;
  const added = file.status === 'added';
  const removed = file.status === 'removed';
  const moved = (file.status === 'renamed' || file.status === 'copied') && oldPath !== newPath;
  const changes = file.changes ?? 0;

  const out = [`diff --git ${quote(`a/${oldPath}`)} ${quote(`b/${newPath}`)}`];
  // GitHub does not report file modes; 100644 is what a regular file has, and the mode is
  // never reviewed, only used by parsers to recognise additions and deletions.
  if (added) out.push('new file mode 100644');
  if (removed) out.push('deleted file mode 100644');
  if (moved) {
    const verb = file.status === 'renamed' ? 'rename' : 'copy';
    // GitHub does not report similarity either: 100% for an untouched move, else git's
    // default detection threshold (50%), a lower bound of the true value.
    out.push(`similarity index ${changes === 0 ? 100 : 50}%`);
    out.push(`${verb} from ${quote(oldPath)}`, `${verb} to ${quote(newPath)}`);
  }

  const minus = added ? DEV_NULL : `a/${oldPath}`;
  const plus = removed ? DEV_NULL : `b/${newPath}`;
  if (file.patch !== undefined && file.patch !== '') {
    out.push(`--- ${marker(minus)}`, `+++ ${marker(plus)}`);
    out.push(file.patch.endsWith('\n') ? file.patch.slice(0, -1) : file.patch);
  } else if (!(changes === 0 && (moved || file.status === 'changed'))) {
    // No patch: a binary file, or a text file too large for GitHub to show.
    out.push(`Binary files ${quote(minus)} and ${quote(plus)} differ`);
  }
  return out.join('\n') + '\n';
}

/** A `---`/`+++` path: git adds a tab after names containing a space (quoted or not). */
function marker(path: string): string {
  return path !== DEV_NULL && path.includes(' ') ? `${quote(path)}\t` : quote(path);
}

const needsQuote = (ch: string): boolean => ch === '"' || ch === '\\' || ch < ' ' || ch >= '\x7f';

/** Quotes a path the way git does (core.quotePath): C escapes, octal for non-ASCII bytes. */
function quote(path: string): string {
  if (path === DEV_NULL || ![...path].some(needsQuote)) return path;
  const named: Record<number, string> = {
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    34: '"',
    92: '\\',
  };
  let out = '"';
  for (const byte of Buffer.from(path, 'utf8')) {
    const name = named[byte];
    if (name !== undefined) out += `\\${name}`;
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}
