/**
 * Path recovery from git's diff headers. Git C-quotes a path (`"a/caf\303\251.txt"`) when it
 * holds control characters, `"`, `\` or (with core.quotePath) non-ASCII bytes; spaces alone
 * are not quoted, which makes the `diff --git` line ambiguous, so it is only a fallback.
 */

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * Reads one C-quoted string starting at `start` (which must be a `"`).
 * Returns the decoded value and the index just past the closing quote, or null when the
 * quote is never closed.
 */
export function readQuoted(s: string, start: number): { value: string; end: number } | null {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '"') return { value: decoder.decode(new Uint8Array(bytes)), end: i + 1 };
    if (ch === '\\') {
      const next = s[i + 1];
      if (next === undefined) return null;
      const octal = /^[0-7]{3}/.exec(s.slice(i + 1, i + 4));
      if (octal) {
        // Octal escapes are raw bytes of a UTF-8 sequence, so they are collected as bytes.
        bytes.push(parseInt(octal[0], 8) & 0xff);
        i += 4;
        continue;
      }
      const simple = SIMPLE_ESCAPES[next];
      bytes.push(...(simple === undefined ? encoder.encode(next) : [simple]));
      i += 2;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    const char = String.fromCodePoint(cp);
    bytes.push(...encoder.encode(char));
    i += char.length;
  }
  return null;
}

/** Decodes a whole header value that may or may not be C-quoted. */
export function unquotePath(raw: string): string {
  if (raw.startsWith('"')) {
    const q = readQuoted(raw, 0);
    if (q) return q.value;
  }
  return raw;
}

/** Drops git's `a/` / `b/` prefix; other prefixes are left alone. */
export function stripPrefix(path: string, prefix: 'a/' | 'b/'): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * The path in a `---` / `+++` line, or null for `/dev/null`. Git appends a tab after an
 * unquoted name that contains a space (and other tools append a timestamp after a tab);
 * an unquoted name cannot itself contain a tab, so everything from the first tab goes.
 */
export function parseMarkerPath(value: string, prefix: 'a/' | 'b/'): string | null {
  let raw: string;
  if (value.startsWith('"')) {
    raw = readQuoted(value, 0)?.value ?? value;
  } else {
    const tab = value.indexOf('\t');
    raw = tab >= 0 ? value.slice(0, tab) : value;
  }
  if (raw === '/dev/null') return null;
  return stripPrefix(raw, prefix);
}

/**
 * Best-effort split of the `diff --git <a> <b>` operands. Unquoted names with spaces are
 * recovered when both sides name the same file (every case but renames and copies, which
 * carry `rename from/to` lines anyway).
 */
export function parseGitHeaderPaths(rest: string): { oldPath: string; newPath: string } | null {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first || rest[first.end] !== ' ') return null;
    const second = unquotePath(rest.slice(first.end + 1));
    return { oldPath: stripPrefix(first.value, 'a/'), newPath: stripPrefix(second, 'b/') };
  }
  if (rest.endsWith('"')) {
    // Unquoted old name followed by a quoted new one: find where the quoted token begins.
    for (let i = rest.indexOf(' "'); i >= 0; i = rest.indexOf(' "', i + 1)) {
      const q = readQuoted(rest, i + 1);
      if (q && q.end === rest.length) {
        return { oldPath: stripPrefix(rest.slice(0, i), 'a/'), newPath: stripPrefix(q.value, 'b/') };
      }
    }
    return null;
  }
  // Same name on both sides: "a/" + X + " b/" + X.
  if ((rest.length - 5) % 2 === 0 && rest.startsWith('a/')) {
    const len = (rest.length - 5) / 2;
    const x = rest.slice(2, 2 + len);
    if (rest.slice(2 + len) === ` b/${x}`) return { oldPath: x, newPath: x };
  }
  const sep = rest.indexOf(' b/');
  if (sep >= 0 && sep === rest.lastIndexOf(' b/')) {
    return { oldPath: stripPrefix(rest.slice(0, sep), 'a/'), newPath: rest.slice(sep + 3) };
  }
  return null;
}
