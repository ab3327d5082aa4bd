import { execFileSync } from 'node:child_process';
import type { ForgeClient, IssueComment, PullRequest, ReviewToPost } from '../ports.js';

/** Files read for settings and guidelines are text; larger ones are not read (as on GitHub). */
const MAX_FILE_BYTES = 1024 * 1024;

/** git's id for the empty tree: the base of a repository's first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

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

/**
 * A forge over a local git repository: the "pull request" is `base..head`, and posting
 * prints to `print` instead. Only git plumbing runs; nothing from the repository executes.
 */
export function createLocalForge(opts: {
  cwd: string;
  base?: string;
  head?: string;
  print: (text: string) => void;
  /** How a review comment is shown; default: its location, then its text. */
  formatComment?: (where: string, body: string) => string;
}): ForgeClient {
  const head = opts.head ?? 'HEAD';
  const resolve = (rev: string) => git(opts.cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
  let baseSha: string;
  try {
    baseSha = resolve(opts.base ?? `${head}~1`);
  } catch {
    if (opts.base) throw new Error(`--base \`${opts.base}\` is not a commit in ${opts.cwd}`);
    baseSha = EMPTY_TREE;
  }
  let headSha: string;
  try {
    headSha = resolve(head);
  } catch {
    throw new Error(`--head \`${head}\` is not a commit in ${opts.cwd} (is this a git repository with a commit?)`);
  }
  let nextId = 1;
  const comment = (body: string): IssueComment => {
    opts.print(visible(body));
    return { id: nextId++, body, url: '' };
  };
  return {
    kind: 'local',
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
        baseSha,
        baseRef: opts.base ?? `${head}~1`,
        htmlUrl: '',
      };
    },
    async getDiff(): Promise<string> {
      return git(opts.cwd, ['diff', '--no-color', '--no-ext-diff', '-M', baseSha, headSha]);
    },
    async createReview(review: ReviewToPost) {
      for (const c of review.comments) {
        const where = c.startLine ? `${c.path}:${c.startLine}-${c.line}` : `${c.path}:${c.line}`;
        const label = `${where}${c.side === 'LEFT' ? ' (removed line)' : ''}`;
        opts.print(opts.formatComment ? opts.formatComment(label, c.body) : `── ${label}\n${visible(c.body)}\n`);
      }
      return { url: '' };
    },
    async findComment() {
      return null;
    },
    async createComment(body: string) {
      return comment(body);
    },
    async updateComment(_id: number, body: string) {
      return comment(body);
    },
    async listRepositoryComments() {
      return { comments: [], truncated: false };
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
  };
}
