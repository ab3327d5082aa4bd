import { spawn } from 'node:child_process';
import type { ReadAllOptions, SnapshotFile, SnapshotReader } from '../context/snapshot-port.js';
import { ForgeError } from './forge-error.js';
import { decodeText, DEFAULT_MAX_FILE_BYTES } from './untar.js';

/**
 * A commit's files in a local git repository, read with plumbing only: `git ls-tree` for the
 * listing and `git cat-file --batch-check` then `--batch` for texts, two processes however
 * many files. Nothing of the repository runs: no checkout, no filters, no hooks, no textconv.
 */
export type LocalSnapshotOptions = {
  /** Any folder inside the repository. */
  cwd: string;
  /** Larger files are not read (default 512 KiB). */
  maxFileBytes?: number;
};

type Operation = 'listFiles' | 'readFiles' | 'readAll';
type Blob = { oid: string; size: number };

const SYMLINK_MODE = '120000';

/** A SnapshotReader over local git; a commit git does not have is a ForgeError saying to fetch it. */
export function createLocalSnapshot(opts: LocalSnapshotOptions): SnapshotReader {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  const listFiles = async (ref: string) => {
    checkRef('listFiles', ref);
    let out: Buffer;
    try {
      // --full-tree: from the root whatever the folder; -z: paths verbatim, never quoted.
      out = await runGit(opts.cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', ref]);
    } catch (error) {
      throw new ForgeError(
        `local listFiles at ${ref} failed (${(error as Error).message}) — \`${ref}\` is not a commit of the ` +
          `repository at ${opts.cwd}; fetch it first (e.g. \`git fetch origin ${ref}\`)`,
        'listFiles',
        null,
      );
    }
    const files: SnapshotFile[] = [];
    for (const record of out.toString('utf8').split('\0')) {
      // `<mode> <type> <object> <size, right-aligned>\t<path>`; submodules are `commit`, size `-`.
      const m = /^(\d+) (\w+) [0-9a-f]+ +(\d+)\t(.+)$/s.exec(record);
      if (m && m[2] === 'blob' && m[1] !== SYMLINK_MODE) files.push({ path: m[4] as string, size: Number(m[3]) });
    }
    return { files, truncated: false };
  };

  const readFiles = async (paths: string[], ref: string) => {
    checkRef('readFiles', ref);
    // `--batch-check` reads one name a line, so a path with a newline cannot be asked for.
    const wanted = [...new Set(paths)].filter((p) => p !== '' && !p.includes('\n'));
    const texts = new Map<string, string>();
    if (wanted.length === 0) return texts;
    const blobs = await git(
      'readFiles',
      ref,
      ['cat-file', '--batch-check'],
      wanted.map((p) => `${ref}:${p}\n`).join(''),
    );
    const found = new Map<string, Blob>();
    blobs
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        // `<oid> <type> <size>`, or `<name> missing` (no such commit or path).
        const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(line);
        if (m && m[2] === 'blob' && Number(m[3]) <= maxFileBytes && i < wanted.length) {
          found.set(wanted[i] as string, { oid: m[1] as string, size: Number(m[3]) });
        }
      });
    const oids = [...new Set([...found.values()].map((b) => b.oid))];
    if (oids.length === 0) return texts;
    const contents = parseBatch(await git('readFiles', ref, ['cat-file', '--batch'], `${oids.join('\n')}\n`));
    for (const path of wanted) {
      const blob = found.get(path);
      const bytes = blob ? contents.get(blob.oid) : undefined;
      const text = bytes ? decodeText(bytes) : null;
      if (text !== null) texts.set(path, text);
    }
    return texts;
  };

  return {
    listFiles,
    readFiles,
    async readAll(ref: string, { maxBytes, keep }: ReadAllOptions) {
      // The sizes are known up front, so nothing is read when the kept files would not fit.
      const { files } = await listFiles(ref);
      const kept = files.filter((f) => f.size <= maxFileBytes && keep(f.path));
      if (kept.reduce((sum, f) => sum + f.size, 0) > maxBytes) return null;
      return readFiles(
        kept.map((f) => f.path),
        ref,
      );
    },
  };

  async function git(operation: Operation, ref: string, args: string[], input: string): Promise<Buffer> {
    try {
      return await runGit(opts.cwd, args, input);
    } catch (error) {
      throw new ForgeError(`local ${operation} at ${ref} failed (${(error as Error).message})`, operation, null);
    }
  }
}

/** A ref that git would read as an option is refused, whatever it names. */
function checkRef(operation: Operation, ref: string): void {
  if (ref === '' || ref.startsWith('-')) {
    throw new ForgeError(`local ${operation} failed — \`${ref}\` is not a commit name`, operation, null);
  }
}

/** `--batch` output: `<oid> <type> <size>\n<bytes>\n` per object, `<oid> missing\n` for none. */
function parseBatch(out: Buffer): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(out.toString('utf8', at, eol));
    at = eol + 1;
    if (!m) continue;
    const size = Number(m[3]);
    contents.set(m[1] as string, out.subarray(at, at + size));
    at += size + 1;
  }
  return contents;
}

/** Runs git with `input` on stdin; rejects with git's first error line when it fails. */
function runGit(cwd: string, args: string[], input = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? 'git was not found: install git, or put it on PATH' : error.message)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const message = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
      reject(new Error(`git ${args[0]}: ${message || `exit code ${code}`}`));
    });
    // git may exit before reading everything (a bad ref); that is reported by `close`.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}
