import picomatch from 'picomatch';

/** A compiled path test that remembers the pattern it came from (for skip reasons). */
export type GlobMatcher = { pattern: string; test: (path: string) => boolean };

/**
 * Compiles a glob with .gitignore-like conventions users already know: a pattern without a
 * slash matches the basename at any depth (`*.md` matches `docs/a.md`), a leading `/`
 * anchors at the root, and a trailing `/` means everything under that directory (`gen/`
 * at any depth, `/gen/` or `a/gen/` from the root).
 * Case-sensitive unless `nocase` (the built-in defaults use it so `IMG.PNG` is caught).
 */
export function compileGlob(pattern: string, opts: { nocase?: boolean } = {}): GlobMatcher {
  let p = pattern.trim();
  const anchored = p.startsWith('/');
  if (anchored) p = p.slice(1);
  if (p.endsWith('/')) {
    // As in .gitignore, `gen/` is a directory name at any depth unless it has an inner slash.
    p = p.slice(0, -1);
    p = anchored || p.includes('/') ? `${p}/**` : `**/${p}/**`;
  }
  const onBasename = !anchored && !p.includes('/');
  const isMatch = picomatch(p, { dot: true, nocase: opts.nocase ?? false });
  return {
    pattern,
    test: (path) => isMatch(onBasename ? basename(path) : path),
  };
}

/**
 * Returns an error message naming the first bad pattern, or null when all are usable.
 * Checks what users get wrong in YAML lists: empty entries and unbalanced brackets.
 */
export function validateGlobs(patterns: string[]): string | null {
  for (const pattern of patterns) {
    if (pattern.trim() === '') return 'Empty glob pattern: remove the blank entry from the list.';
    const problem = bracketProblem(pattern);
    if (problem) return `Invalid glob pattern \`${pattern}\`: ${problem}.`;
    try {
      picomatch.makeRe(pattern.trim(), { dot: true });
    } catch (err) {
      return `Invalid glob pattern \`${pattern}\`: ${err instanceof Error ? err.message : String(err)}.`;
    }
  }
  return null;
}

const CLOSERS: Record<string, string> = { ']': '[', '}': '{', ')': '(' };

function bracketProblem(pattern: string): string | null {
  const stack: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      i++; // escaped character is literal
      continue;
    }
    if (ch === '[' || ch === '{' || ch === '(') {
      stack.push(ch);
    } else if (ch in CLOSERS) {
      if (stack.pop() !== CLOSERS[ch]) return `unbalanced \`${ch}\``;
    }
  }
  const open = stack.pop();
  return open === undefined ? null : `unbalanced \`${open}\``;
}

function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}
