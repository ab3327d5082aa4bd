import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/**
 * A streaming reader of tar archives, in memory, for the repository snapshots that GitHub
 * (codeload) and Gitea/Forgejo serve as `.tar.gz`. Both are `git archive` output: POSIX ustar
 * headers, a pax global header carrying the commit id, and pax `path` records for paths that
 * fit neither the 100-byte name nor the 155-byte prefix field. GNU long names (`L`/`K`) are
 * read too, since GNU tar writes them. Nothing touches the disk; link entries are reported
 * but never followed.
 */

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'other';

/** One member of the archive; `path` has no trailing slash, `size` is in bytes. */
export type TarEntry = { path: string; type: TarEntryType; size: number };

export type TarHandlers = {
  /** Whether to keep a file's bytes (only asked for `file` entries); others are skipped over. */
  want: (entry: TarEntry) => boolean;
  /** Every member in archive order; `data` holds the bytes of a wanted file, else null. */
  onEntry: (entry: TarEntry, data: Buffer | null) => void;
  /** The records of a pax global header (git's `comment` is the commit id). */
  onGlobal?: (records: Record<string, string>) => void;
};

/** Feed it the archive's bytes in any chunking; `end` checks that it ended between members. */
export type TarReader = { write(chunk: Uint8Array): void; end(): void };

const BLOCK = 512;
// Pax records and GNU long names are a few hundred bytes; a huge one means a broken archive.
const MAX_META_BYTES = 1024 * 1024;
// git's test for binary content: a NUL byte among the first 8,000 bytes.
const BINARY_PROBE = 8000;

/** The per-file cap the snapshot adapters apply unless told otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024;

type Meta = 'pax' | 'global' | 'longName' | 'longLink';
type Pending = {
  entry: TarEntry | null;
  meta: Meta | null;
  remaining: number;
  padding: number;
  chunks: Buffer[] | null;
};

/** A reader that calls `handlers` as members complete; errors (a bad checksum) are thrown from `write`. */
export function createTarReader(handlers: TarHandlers): TarReader {
  let buffered: Buffer = Buffer.alloc(0);
  let consumed = 0;
  let current: Pending | null = null;
  let zeroBlocks = 0;
  let done = false;
  // What extended headers said about the next member.
  let pax: Record<string, string> = {};
  let longName: string | null = null;

  const finish = (p: Pending) => {
    const data = p.chunks ? Buffer.concat(p.chunks) : null;
    if (p.meta === 'pax') pax = { ...pax, ...parsePax(data ?? Buffer.alloc(0)) };
    else if (p.meta === 'global') handlers.onGlobal?.(parsePax(data ?? Buffer.alloc(0)));
    else if (p.meta === 'longName') longName = cString(data ?? Buffer.alloc(0), 0, data?.length ?? 0);
    else if (p.entry) handlers.onEntry(p.entry, data);
  };

  const begin = (block: Buffer) => {
    const header = parseHeader(block, consumed - BLOCK);
    const meta = META[header.flag] ?? null;
    let entry: TarEntry | null = null;
    let size = header.size;
    if (meta) {
      if (size > MAX_META_BYTES) throw new Error(`tar: a ${size}-byte extended header at byte ${consumed - BLOCK}`);
    } else {
      if (pax.size !== undefined && /^\d+$/.test(pax.size)) size = Number(pax.size);
      const path = (pax.path ?? longName ?? header.path).replace(/\/+$/, '');
      entry = { path, type: typeOf(header.flag), size };
      pax = {};
      longName = null;
    }
    const keep = meta !== null ? meta !== 'longLink' : entry?.type === 'file' && handlers.want(entry);
    current = { entry, meta, remaining: size, padding: (BLOCK - (size % BLOCK)) % BLOCK, chunks: keep ? [] : null };
  };

  return {
    write(chunk) {
      if (done || chunk.length === 0) return;
      buffered = buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffered, chunk]);
      for (;;) {
        if (current) {
          const p: Pending = current;
          const take = Math.min(p.remaining + p.padding, buffered.length);
          const data = Math.min(p.remaining, take);
          if (data > 0 && p.chunks) p.chunks.push(Buffer.from(buffered.subarray(0, data)));
          p.remaining -= data;
          p.padding -= take - data;
          buffered = buffered.subarray(take);
          consumed += take;
          if (p.remaining > 0 || p.padding > 0) return;
          current = null;
          finish(p);
          continue;
        }
        if (buffered.length < BLOCK) return;
        const block = buffered.subarray(0, BLOCK);
        buffered = buffered.subarray(BLOCK);
        consumed += BLOCK;
        if (block.every((b) => b === 0)) {
          // Two zero blocks end the archive; what follows is padding to a record size.
          if (++zeroBlocks >= 2) {
            done = true;
            buffered = Buffer.alloc(0);
            return;
          }
          continue;
        }
        zeroBlocks = 0;
        begin(block);
      }
    },
    end() {
      if (current || (!done && buffered.length > 0)) {
        throw new Error(`tar: the archive ends in the middle of a member (at byte ${consumed + buffered.length})`);
      }
    },
  };
}

const META: Record<string, Meta> = { x: 'pax', g: 'global', L: 'longName', K: 'longLink' };

function typeOf(flag: string): TarEntryType {
  if (flag === '0' || flag === '\0' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  return 'other';
}

function parseHeader(block: Buffer, at: number): { flag: string; size: number; path: string } {
  const stored = parseNumber(block.subarray(148, 156));
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some old tar programs summed signed bytes; both are accepted, as GNU tar does.
  if (stored !== unsigned && stored !== signed) {
    throw new Error(`tar: bad header checksum at byte ${at} (not a tar archive, or a damaged one)`);
  }
  const name = cString(block, 0, 100);
  // Only POSIX ustar has the prefix field; old GNU headers keep other data there.
  const prefix = block.toString('latin1', 257, 263) === 'ustar\0' ? cString(block, 345, 155) : '';
  return {
    flag: String.fromCharCode(block[156] as number),
    size: parseNumber(block.subarray(124, 136)),
    path: prefix ? `${prefix}/${name}` : name,
  };
}

/** An octal field, or GNU's base-256 form (high bit set) for values that do not fit. */
function parseNumber(field: Buffer): number {
  if (((field[0] as number) & 0x80) !== 0) {
    let value = (field[0] as number) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] as number);
    return value;
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ].*$/s, '')
    .trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

/** Pax records: `<length> <key>=<value>\n`, the length counting the whole record in bytes. */
export function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(data.toString('latin1', at, space));
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length) break;
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return records;
}

/** A file's text, or null when it is binary (a NUL byte in its first 8,000 bytes, git's test). */
export function decodeText(bytes: Uint8Array): string | null {
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export type ArchiveTextsOptions = {
  /** Most uncompressed bytes to take in; past them the download is cut and the answer is null. */
  maxBytes: number;
  /** Larger files are skipped. */
  maxFileBytes: number;
  /** Whether a repository path's text is wanted. */
  keep: (path: string) => boolean;
  /**
   * The folder every member sits in (`owner-repo-sha/` on GitHub, `repo/` on Gitea), from the
   * archive's first member; '' when there is none. Members outside it are ignored.
   */
  topFolder: (first: TarEntry) => string;
};

/**
 * The texts of a gzip-compressed tar stream, keyed by repository path. The stream is read as
 * it arrives and cancelled as soon as the uncompressed bytes pass `maxBytes` (then null), so
 * a large repository costs no more than the bound.
 */
export async function readTarGzTexts(
  source: AsyncIterable<Uint8Array>,
  opts: ArchiveTextsOptions,
): Promise<Map<string, string> | null> {
  const texts = new Map<string, string>();
  let top: string | null = null;
  const repoPath = (entry: TarEntry): string | null => {
    top ??= opts.topFolder(entry);
    if (!entry.path.startsWith(top)) return null;
    return entry.path.slice(top.length) || null;
  };
  const reader = createTarReader({
    want: (entry) => {
      const path = repoPath(entry);
      return path !== null && entry.size <= opts.maxFileBytes && opts.keep(path);
    },
    onEntry: (entry, data) => {
      const path = repoPath(entry);
      const text = data && path !== null ? decodeText(data) : null;
      if (path !== null && text !== null) texts.set(path, text);
    },
  });
  let total = 0;
  let over = false;
  try {
    await pipeline(Readable.from(source), createGunzip(), async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        total += chunk.length;
        if (total > opts.maxBytes) {
          over = true;
          throw new Error(`over ${opts.maxBytes} bytes`);
        }
        reader.write(chunk);
      }
    });
  } catch (error) {
    // Cutting the download short makes the source fail too (an abort); that is no error here.
    if (over) return null;
    throw error;
  }
  reader.end();
  return texts;
}
