import type { ReadAllOptions, SnapshotFile, SnapshotReader } from '../context/snapshot-port.js';
import { mapPool } from '../review/pool.js';
import { wantedPaths, type Listing } from './snapshot-listing.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import type { GiteaClient } from './gitea-client.js';
import type { GiteaKind } from './gitea.js';
import { decodeText, DEFAULT_MAX_FILE_BYTES, readTarGzTexts } from './untar.js';

/**
 * A commit's files on Gitea and Forgejo (API v1). In one go: `GET …/archive/{sha}.tar.gz`,
 * untarred in memory as it arrives. Targeted: the recursive tree, page by page, for the
 * listing, and `GET …/file-contents?body=` for batches of texts (Gitea 1.24+); where that
 * endpoint does not exist (Forgejo, older Gitea: 404/405) `GET …/raw/{path}` per file, a few
 * at a time. The GET form of file-contents is used on purpose: Gitea grades a token's scope by
 * the HTTP method, so its POST form needs write access (Gitea's own handler says so).
 */
export type GiteaSnapshotOptions = {
  kind: GiteaKind;
  /** The adapter's client (`createClient` in gitea.ts). */
  client: Pick<GiteaClient, 'request'>;
  owner: string;
  repo: string;
  /** Only to keep it out of messages. */
  token: string;
  /** Only for messages. */
  apiUrl: string;
  log?: (msg: string) => void;
  /** Larger files are not read (default 512 KiB). */
  maxFileBytes?: number;
  /** Requests in flight at once (default 4 for file-contents batches, twice that for raw reads). */
  concurrency?: number;
};

type Operation = 'listFiles' | 'readFiles' | 'readAll';
type GiteaTreeEntry = { path?: string; mode?: string; type?: string; size?: number };
type GiteaTree = { tree?: GiteaTreeEntry[] | null; truncated?: boolean; total_count?: number };
type GiteaContents = { path?: string; type?: string; size?: number; encoding?: string | null; content?: string | null };

// setting.API.DefaultGitTreesPerPage; a server configured lower simply sends shorter pages.
const TREE_PAGE = 1000;
const MAX_TREE_PAGES = 200;
// file-contents answers at most setting.API.DefaultPagingNum (30) files a request.
const CONTENTS_BATCH = 30;
// The batch rides in the query string; proxies commonly refuse request lines over 8 KB.
const MAX_QUERY_CHARS = 6000;
const SYMLINK_MODE = '120000';

/** A SnapshotReader over Gitea's (and Forgejo's) REST API; failures are ForgeErrors that say what to grant. */
export function createGiteaSnapshot(opts: GiteaSnapshotOptions): SnapshotReader {
  const { client, owner, repo } = opts;
  const name = opts.kind === 'forgejo' ? 'Forgejo' : 'Gitea';
  const log = (msg: string) => (opts.log ?? (() => {}))(redact(msg, [opts.token]));
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const listings = new Map<string, Listing>();
  // Whether this server has the file-contents endpoint: null until the first batch tells.
  let batchReads: boolean | null = null;

  const send = async <T>(route: string, params: Record<string, unknown>): Promise<T> =>
    ((await client.request(route, { owner, repo, ...params })) as { data: T }).data;

  const call = async <T>(operation: Operation, ref: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toSnapshotError(name, operation, ref, error, opts);
    }
  };

  /** Texts of up to CONTENTS_BATCH paths; the rest is what the server left unanswered (its paging or size limit). */
  async function readBatch(paths: string[], ref: string, into: Map<string, string>): Promise<string[]> {
    const answer = await send<Array<GiteaContents | null> | null>('GET /repos/{owner}/{repo}/file-contents', {
      ref,
      body: JSON.stringify({ files: paths }),
    });
    const list = Array.isArray(answer) ? answer : [];
    list.forEach((item, i) => {
      const path = paths[i] as string;
      // A file too large for the API comes without content (encoding null).
      if (!item || item.type !== 'file' || item.encoding !== 'base64' || typeof item.content !== 'string') return;
      if ((item.size ?? 0) > maxFileBytes) return;
      const text = decodeText(Buffer.from(item.content, 'base64'));
      if (text !== null) into.set(path, text);
    });
    return paths.slice(list.length);
  }

  async function readRaw(paths: string[], ref: string, into: Map<string, string>): Promise<void> {
    await mapPool(paths, concurrency * 2, async (path) => {
      // The route is `/raw/*`: slashes stay, each segment is escaped (as readFile does).
      const filepath = path.split('/').map(encodeURIComponent).join('/');
      let body: AsyncIterable<Uint8Array> | null;
      try {
        const response = await client.request(`GET /repos/{owner}/{repo}/raw/${filepath}`, {
          owner,
          repo,
          ref,
          request: { parseSuccessResponseBody: false },
        });
        body = response.data as unknown as AsyncIterable<Uint8Array> | null;
      } catch (error) {
        if (httpStatusOf(error) === 404) return;
        throw error;
      }
      const bytes = body ? await readCapped(body, maxFileBytes) : null;
      const text = bytes ? decodeText(bytes) : null;
      if (text !== null) into.set(path, text);
    });
  }

  return {
    listFiles: (ref) =>
      call('listFiles', ref, async () => {
        const files: SnapshotFile[] = [];
        let seen = 0;
        let truncated = true;
        // Gitea sets `truncated` on every page of a tree longer than one page, the last
        // included; `total_count` (Gitea ≥ 1.9) says where the end is.
        for (let page = 1; page <= MAX_TREE_PAGES; page++) {
          const data = await send<GiteaTree>('GET /repos/{owner}/{repo}/git/trees/{sha}', {
            sha: ref,
            recursive: true,
            page,
            per_page: TREE_PAGE,
          });
          const entries = Array.isArray(data.tree) ? data.tree : [];
          seen += entries.length;
          files.push(...toFiles(entries));
          const total = typeof data.total_count === 'number' ? data.total_count : data.truncated ? Infinity : seen;
          if (entries.length === 0 || seen >= total) {
            truncated = false;
            break;
          }
        }
        if (truncated) log(`${name}: stopped listing ${short(ref)}'s tree after ${MAX_TREE_PAGES} pages.`);
        listings.set(ref, { sizes: new Map(files.map((f) => [f.path, f.size])), truncated });
        return { files, truncated };
      }),

    readFiles: (paths, ref) =>
      call('readFiles', ref, async () => {
        const listing = listings.get(ref);
        const wanted = wantedPaths(paths, listing, maxFileBytes);
        const read = new Map<string, string>();
        const unanswered: string[] = [];
        // A short answer (the server's response-size limit) leaves a tail to ask for again;
        // a batch answered not at all goes to the raw reads.
        const runBatch = async (batch: string[]) => {
          for (let todo = batch; todo.length > 0;) {
            const next = await readBatch(todo, ref, read);
            if (next.length === todo.length) {
              unanswered.push(...next);
              return;
            }
            todo = next;
          }
        };
        let batches = batchesOf(wanted);
        if (batchReads === null && batches.length > 0) {
          // The first batch alone finds out whether the endpoint exists.
          try {
            await runBatch(batches[0] as string[]);
            batchReads = true;
            batches = batches.slice(1);
          } catch (error) {
            const status = httpStatusOf(error);
            if (status !== 404 && status !== 405) throw error;
            batchReads = false;
            log(
              `${name} has no file-contents endpoint (HTTP ${status}; it needs Gitea 1.24+); reading files one by one.`,
            );
          }
        }
        if (batchReads) await mapPool(batches, concurrency, runBatch);
        const left = batchReads ? unanswered : wanted;
        if (left.length > 0) await readRaw(left, ref, read);
        return new Map(wanted.flatMap((path) => (read.has(path) ? [[path, read.get(path) as string] as const] : [])));
      }),

    readAll: (ref: string, { maxBytes, keep }: ReadAllOptions) =>
      call('readAll', ref, async () => {
        const archive = `${ref.split('/').map(encodeURIComponent).join('/')}.tar.gz`;
        let body: AsyncIterable<Uint8Array> | null;
        try {
          // Gitea answers the archive itself, or redirects to object storage (fetch follows).
          const response = await client.request(`GET /repos/{owner}/{repo}/archive/${archive}`, {
            owner,
            repo,
            request: { parseSuccessResponseBody: false },
          });
          body = response.data as unknown as AsyncIterable<Uint8Array> | null;
        } catch (error) {
          // 404 is also what a server with source archives disabled says; the listing tells.
          if (httpStatusOf(error) !== 404) throw error;
          log(`${name} has no archive of ${short(ref)} (HTTP 404); reading files one by one.`);
          return null;
        }
        if (!body) return null;
        const texts = await readTarGzTexts(body, {
          maxBytes,
          maxFileBytes,
          keep,
          // `git archive --prefix=<repo>/` (setting PREFIX_ARCHIVE_FILES, on by default) puts
          // that folder first; without it there is no common folder to strip.
          topFolder: (first) =>
            first.type === 'directory' && first.path.toLowerCase() === repo.toLowerCase() ? `${first.path}/` : '',
        });
        if (!texts) log(`${name}: the archive of ${short(ref)} is over ${maxBytes} bytes; reading files one by one.`);
        return texts;
      }),
  };
}

/** Batches of at most CONTENTS_BATCH paths whose JSON fits MAX_QUERY_CHARS once URL-encoded. */
function batchesOf(paths: string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const path of paths) {
    const cost = encodeURIComponent(JSON.stringify(path)).length + 3;
    if (batch.length > 0 && (batch.length >= CONTENTS_BATCH || chars + cost > MAX_QUERY_CHARS)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(path);
    chars += cost;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The body's bytes, or null as soon as they pass `cap` (the download is then cancelled). */
async function readCapped(body: AsyncIterable<Uint8Array>, cap: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > cap) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Regular files of a recursive tree: no directories, submodules (`commit`) or symbolic links. */
function toFiles(tree: GiteaTreeEntry[]): SnapshotFile[] {
  return tree
    .filter((e) => e.type === 'blob' && e.mode !== SYMLINK_MODE && typeof e.path === 'string')
    .map((e) => ({ path: e.path as string, size: e.size ?? 0 }));
}

const short = (ref: string) => (/^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref);

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function toSnapshotError(
  name: string,
  operation: Operation,
  ref: string,
  error: unknown,
  opts: GiteaSnapshotOptions,
): ForgeError {
  const status = httpStatusOf(error);
  const detail = describe(error);
  const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
  const repository = `${opts.owner}/${opts.repo}`;
  const missing = `commit ${short(ref)} of ${repository} was not found, or the token cannot see the repository`;
  let hint = '';
  if (status === null) hint = 'check the API URL (GITHUB_API_URL, which ends in /api/v1) and the network';
  else if (status === 401)
    hint = 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
  else if (status === 403)
    hint =
      "the token cannot read the repository's code; on newer Gitea, which honours workflow permissions, " +
      'declare `permissions: contents: read`';
  // Gitea answers a tree of an unknown commit with 400 "sha not found".
  else if (status === 404 || (status === 400 && /not found/i.test(detail))) hint = missing;
  else if (status >= 500) hint = `${name} had a server error; try again later`;
  const message = `${name} ${operation} at ${short(ref)} failed (${where})${hint ? ` — ${hint}` : ''}`;
  return new ForgeError(redact(message, [opts.token]), operation, status);
}
