import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createLocalSnapshot } from './local-snapshot.js';
import type { ForgeClient, Identity, IssueComment, PullRequest, ReviewToPost } from '../ports.js';

/** Files read for settings and guidelines are text; larger ones are not read (as on GitHub). */
const MAX_FILE_BYTES = 1024 * 1024;

/** git's id for the empty tree: the base of a repository's first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * The user's git configuration can change `git diff`'s output (`diff.noprefix`,
 * `diff.mnemonicPrefix`, `diff.relative`, `color.ui=always`, textconv drivers, an external
 * diff tool), so every option the parser depends on is given explicitly.
 */
const DIFF_FORMAT = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '-M',
];

/** Who "posts" locally: the comments of this run are its own, and there are no others. */
const LOCAL_IDENTITY: Identity = { id: 1, login: 'claude-pr-review (local)', source: 'local run' };

/** A problem with the repository or the revisions asked for, in words that say what to do. */
export class LocalRepoError extends Error {
  override readonly name = 'LocalRepoError';
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Strips hidden markers so a terminal shows what a person would see on the forge. */
function visible(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
}

/** The revisions under review: `base...head` as a pull request shows it (from their merge base). */
export type LocalRange = {
  /** How the user named it: `main...HEAD`, or `HEAD~1...HEAD` for the last commit. */
  label: string;
  /** The commit the diff starts from: the merge base of base and head (or the empty tree). */
  mergeBase: string;
  headSha: string;
};

/** The range as the CLI's header names it: `main...HEAD (abc1234..def5678)`. */
export function describeRange(range: LocalRange): string {
  const head = range.headSha.slice(0, 7);
  return range.mergeBase === EMPTY_TREE
    ? `${range.label}, the first commit (${head})`
    : `${range.label} (${range.mergeBase.slice(0, 7)}..${head})`;
}

/** The repository's top folder, or a LocalRepoError saying why `dir` cannot be reviewed. */
function checkRepository(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LocalRepoError(`\`${dir}\` is not a directory: pass --repo DIR with a clone of the repository.`);
  }
  try {
    git(dir, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalRepoError('git was not found: install git, or put it on PATH.');
    }
    throw new LocalRepoError(
      `\`${dir}\` is not a git repository: run claude-pr-review inside a clone, or pass --repo DIR.`,
    );
  }
}

/** The commit `rev` names, or null; a rev that looks like an option is never passed to git. */
function commitOf(dir: string, rev: string): string | null {
  if (rev.startsWith('-')) return null;
  try {
    return git(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
  } catch {
    return null;
  }
}

/** The commit `rev` names, or a LocalRepoError with a hint (`origin/main` for a missing `main`). */
function resolveCommit(dir: string, rev: string, flag: string): string {
  const sha = commitOf(dir, rev);
  if (sha) return sha;
  const hint = commitOf(dir, `origin/${rev}`)
    ? `did you mean \`${flag} origin/${rev}\`?`
    : 'give a branch, tag or commit id (`git branch -a` lists the branches)';
  throw new LocalRepoError(`${flag} \`${rev}\` is not a commit in ${dir}: ${hint}`);
}

/**
 * Resolves what `--base`/`--head` name. With a base, the diff starts at the merge base of base
 * and head, as a pull request's does (`git diff base...head`): commits that landed on the base
 * since the branch forked are not the branch's changes. Without one, it is the last commit.
 */
export function resolveRange(dir: string, base: string | undefined, head = 'HEAD'): LocalRange {
  checkRepository(dir);
  if (head === 'HEAD' && commitOf(dir, 'HEAD') === null) {
    throw new LocalRepoError(`${dir} has no commit yet: commit your changes, then run again.`);
  }
  const headSha = resolveCommit(dir, head, '--head');
  if (base === undefined) {
    const parent = commitOf(dir, `${headSha}~1`);
    // The first commit of the repository has no parent: everything in it is new.
    return parent
      ? { label: `${head}~1...${head}`, mergeBase: parent, headSha }
      : { label: head, mergeBase: EMPTY_TREE, headSha };
  }
  const baseSha = resolveCommit(dir, base, '--base');
  try {
    const mergeBase = git(dir, ['merge-base', baseSha, headSha]).trim();
    return { label: `${base}...${head}`, mergeBase, headSha };
  } catch {
    throw new LocalRepoError(
      `\`${base}\` and \`${head}\` have no common ancestor, so there is no pull request between them: ` +
        'check --base (in a shallow clone, run `git fetch --unshallow` first).',
    );
  }
}

/** Whether tracked files have changes that are not committed (they are not part of the review). */
export function hasUncommittedChanges(dir: string): boolean {
  try {
    return git(dir, ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * A forge over a local git repository: the "pull request" is `base...head` (from the merge
 * base), and posting prints to `print` instead. Only git plumbing runs; nothing from the
 * repository executes.
 */
export function createLocalForge(opts: {
  cwd: string;
  base?: string;
  head?: string;
  print: (text: string) => void;
  /** How a review comment is shown; default: its location, then its text. */
  formatComment?: (where: string, body: string) => string;
  /** Whether summary comments are printed as posted; the CLI renders the summary itself. */
  printSummary?: boolean;
}): ForgeClient & { range: LocalRange } {
  const range = resolveRange(opts.cwd, opts.base, opts.head);
  const { headSha, mergeBase } = range;
  let nextId = 1;
  // This run's conversation comments: the pipeline reads back what it wrote (its summary).
  const comments = new Map<number, IssueComment>();
  const show = (body: string) => {
    if (opts.printSummary !== false) opts.print(visible(body));
  };
  return {
    kind: 'local',
    snapshot: createLocalSnapshot({ cwd: opts.cwd }),
    range,
    async getPullRequest(): Promise<PullRequest> {
      const [subject = '', ...rest] = git(opts.cwd, ['log', '-1', '--format=%s%n%b', headSha]).split('\n');
      const author = git(opts.cwd, ['log', '-1', '--format=%an', headSha]).trim();
      return {
        number: 0,
        title: subject,
        body: rest.join('\n').trim(),
        author,
        draft: false,
        headSha,
        baseSha: mergeBase,
        baseRef: opts.base ?? `${opts.head ?? 'HEAD'}~1`,
        htmlUrl: '',
      };
    },
    async getDiff(): Promise<string> {
      return git(opts.cwd, ['diff', ...DIFF_FORMAT, mergeBase, headSha, '--']);
    },
    async createReview(review: ReviewToPost) {
      for (const c of review.comments) {
        const where = c.startLine ? `${c.path}:${c.startLine}-${c.line}` : `${c.path}:${c.line}`;
        const label = `${where}${c.side === 'LEFT' ? ' (removed line)' : ''}`;
        opts.print(opts.formatComment ? opts.formatComment(label, c.body) : `── ${label}\n${visible(c.body)}\n`);
      }
      return { url: '' };
    },
    async identity() {
      return LOCAL_IDENTITY;
    },
    async listComments() {
      return [...comments.values()];
    },
    async getComment(id: number) {
      return comments.get(id) ?? null;
    },
    async createComment(body: string) {
      show(body);
      const c: IssueComment = {
        id: nextId++,
        body,
        url: '',
        author: { id: LOCAL_IDENTITY.id, login: LOCAL_IDENTITY.login },
      };
      comments.set(c.id, c);
      return c;
    },
    async updateComment(id: number, body: string) {
      show(body);
      const c: IssueComment = { ...(comments.get(id) ?? { id, url: '', author: null }), body };
      comments.set(id, c);
      return c;
    },
    async deleteComment(id: number) {
      comments.delete(id);
    },
    async listRepositoryComments() {
      // Budgets across runs read earlier summaries; a local run has none.
      return { comments: [], complete: true, read: 0 };
    },
    async react() {},
    async permissionOf() {
      return 'admin' as const;
    },
    async compare() {
      return { status: 'unknown' as const, diff: null, files: [] };
    },
    async listReviewComments() {
      return [];
    },
    async probeAnchor() {
      return true;
    },
    async readFile(path: string, ref: string) {
      // Only a blob is a file (`ref:dir` names a tree); a missing path or commit is simply absent.
      const spec = `${ref}:${path}`;
      try {
        if (git(opts.cwd, ['cat-file', '-t', spec]).trim() !== 'blob') return null;
        if (Number(git(opts.cwd, ['cat-file', '-s', spec])) > MAX_FILE_BYTES) return null;
        return git(opts.cwd, ['cat-file', 'blob', spec]);
      } catch {
        return null;
      }
    },
    async replyToReviewComment(_id: number, body: string) {
      opts.print(visible(body));
      return { id: nextId++, url: '' };
    },
    // A local run posts no review, so it has no threads to resolve.
    async resolveThread() {
      return 'unsupported' as const;
    },
  };
}
