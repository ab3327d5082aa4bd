import type { ReadAllOptions, SnapshotFile, SnapshotReader } from '../context/snapshot-port.js';
import { mapPool } from '../review/pool.js';
import { wantedPaths, type Listing } from './snapshot-listing.js';
import { ForgeError, httpStatusOf, redact } from './forge-error.js';
import { commonHint } from './github-errors.js';
import type { GitHubOctokit } from './github-octokit.js';
import { DEFAULT_MAX_FILE_BYTES, readTarGzTexts } from './untar.js';

/**
 * A commit's files on GitHub, two ways. In one go: `GET /repos/{o}/{r}/tarball/{ref}`, a
 * redirect to codeload that the fetch follows, gunzipped and untarred in memory as it
 * arrives and cut off at the byte bound. Targeted: the recursive tree for the listing, and
 * blobs read through GraphQL, up to 100 `object(expression: "ref:path")` aliases a query.
 */
export type GitHubSnapshotOptions = {
  /** The adapter's Octokit (`createOctokit` in github.ts), with its retries and rate-limit handling. */
  octokit: Pick<GitHubOctokit, 'request' | 'graphql'>;
  owner: string;
  repo: string;
  /** Only to keep it out of messages. */
  token: string;
  /** Only for messages. */
  apiUrl: string;
  log?: (msg: string) => void;
  /** Larger files are not read (default 512 KiB). */
  maxFileBytes?: number;
  /** Blobs per GraphQL query (default 100). */
  batchSize?: number;
  /** GraphQL queries in flight at once (default 4; GitHub frowns on many concurrent requests). */
  concurrency?: number;
};

type Operation = 'listFiles' | 'readFiles' | 'readAll';
type GitTreeEntry = { path?: string; mode?: string; type?: string; size?: number };
type BlobAnswer = { byteSize?: number; isBinary?: boolean | null; isTruncated?: boolean; text?: string | null } | null;
type BlobsAnswer = { repository: Record<string, BlobAnswer> | null };

// A query's answer stays well under GitHub's GraphQL time limit; known sizes pack batches to it.
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const SYMLINK_MODE = '120000';

/** A SnapshotReader over GitHub's REST and GraphQL APIs; failures are ForgeErrors that say what to grant. */
export function createGitHubSnapshot(opts: GitHubSnapshotOptions): SnapshotReader {
  const { octokit, owner, repo } = opts;
  const log = (msg: string) => (opts.log ?? (() => {}))(redact(msg, [opts.token]));
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  // What listFiles learnt, so readFiles skips files it knows to be missing or too large.
  const listings = new Map<string, Listing>();
  let repoSize: Promise<number | null> | null = null;

  const call = async <T>(operation: Operation, ref: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toSnapshotError(operation, ref, error, opts);
    }
  };

  /** `size` of `GET /repos/{o}/{r}`: KB of the whole repository (history included); null when unknown. */
  const repositoryKb = (): Promise<number | null> =>
    (repoSize ??= octokit.request('GET /repos/{owner}/{repo}', { owner, repo }).then(
      ({ data }) => (typeof data.size === 'number' && data.size > 0 ? data.size : null),
      (error: unknown) => {
        repoSize = null;
        throw error;
      },
    ));

  return {
    listFiles: (ref) =>
      call('listFiles', ref, async () => {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
          owner,
          repo,
          tree_sha: ref,
          recursive: '1',
        });
        const files = toFiles(data.tree as GitTreeEntry[]);
        listings.set(ref, { sizes: new Map(files.map((f) => [f.path, f.size])), truncated: data.truncated });
        if (data.truncated) log(`GitHub listed only part of ${short(ref)}'s tree (over 100,000 entries or 7 MB).`);
        return { files, truncated: data.truncated };
      }),

    readFiles: (paths, ref) =>
      call('readFiles', ref, async () => {
        const listing = listings.get(ref);
        const wanted = wantedPaths(paths, listing, maxFileBytes);
        const read = new Map<string, string>();
        const batches = packBatches(wanted, listing?.sizes, batchSize);
        await mapPool(batches, concurrency, async (batch) => {
          const variables: Record<string, string> = { owner, name: repo };
          batch.forEach((path, i) => (variables[`e${i}`] = `${ref}:${path}`));
          const answer = await octokit.graphql<BlobsAnswer>(blobsQuery(batch.length), variables);
          if (!answer.repository) throw new Error(`GraphQL answered no repository ${owner}/${repo}`);
          batch.forEach((path, i) => {
            const text = blobText(answer.repository?.[`f${i}`] ?? null, maxFileBytes);
            if (text !== null) read.set(path, text);
          });
        });
        // In the order asked, whatever order the batches came back in.
        return new Map(wanted.flatMap((path) => (read.has(path) ? [[path, read.get(path) as string] as const] : [])));
      }),

    readAll: (ref: string, { maxBytes, keep }: ReadAllOptions) =>
      call('readAll', ref, async () => {
        let kb: number | null;
        let body: AsyncIterable<Uint8Array> | null;
        try {
          // The size and the archive are asked for at once (each is a round trip); the archive's
          // body is only read once the size says it is worth it, and dropped otherwise.
          const [size, response] = await Promise.all([
            repositoryKb(),
            octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
              owner,
              repo,
              ref,
              // The body as a stream: it is read as it arrives and cancelled at the bound.
              request: { parseSuccessResponseBody: false },
            }),
          ]);
          kb = size;
          body = response.data as unknown as AsyncIterable<Uint8Array> | null;
          // The repository's size counts its history, compressed; a snapshot can be larger or
          // smaller. Over the bound it is not worth a download that would be cut.
          if (kb !== null && kb * 1024 > maxBytes) {
            await cancelBody(body);
            log(`GitHub: ${owner}/${repo} is ${kb} KB, over ${maxBytes} bytes; reading files one by one.`);
            return null;
          }
        } catch (error) {
          // The listing says why (a missing commit, or a token without `contents: read`).
          if (httpStatusOf(error) !== 404) throw error;
          log(`GitHub has no archive of ${short(ref)} (HTTP 404); reading files one by one.`);
          return null;
        }
        if (!body) return null;
        const texts = await readTarGzTexts(body, {
          maxBytes,
          maxFileBytes,
          keep,
          // codeload puts everything in `<owner>-<repo>-<short sha>/`.
          topFolder: (first) => `${first.path.split('/')[0] ?? ''}/`,
        });
        if (!texts) log(`GitHub: the archive of ${short(ref)} is over ${maxBytes} bytes; reading files one by one.`);
        return texts;
      }),
  };
}

/** Stops an archive download that is not wanted, without reading it. */
async function cancelBody(body: AsyncIterable<Uint8Array> | null): Promise<void> {
  const stream = body as { cancel?: () => Promise<void> } | null;
  await stream?.cancel?.().catch(() => {});
}

/** Regular files of a recursive tree: no directories, submodules (`commit`) or symbolic links. */
function toFiles(tree: GitTreeEntry[]): SnapshotFile[] {
  return tree
    .filter((e) => e.type === 'blob' && e.mode !== SYMLINK_MODE && typeof e.path === 'string')
    .map((e) => ({ path: e.path as string, size: e.size ?? 0 }));
}

/** Paths in batches of at most `size`, and of at most MAX_BATCH_BYTES where sizes are known. */
function packBatches(paths: string[], sizes: Map<string, number> | undefined, size: number): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const next = sizes?.get(path) ?? 0;
    if (batch.length >= size || (batch.length > 0 && bytes + next > MAX_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += next;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * One query for `count` blobs, the expressions passed as variables (no escaping of paths in
 * the query text). A path that is missing or names a tree answers null or `{}`.
 */
function blobsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { byteSize isBinary isTruncated text } }`,
  );
  return `query ($owner: String!, $name: String!, ${variables}) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join('\n    ')}\n  }\n}`;
}

function blobText(blob: BlobAnswer, maxFileBytes: number): string | null {
  if (!blob || typeof blob.text !== 'string' || blob.isBinary || blob.isTruncated) return null;
  if ((blob.byteSize ?? 0) > maxFileBytes) return null;
  // GitHub's isBinary has its own heuristics; git's NUL test keeps every adapter alike.
  return blob.text.slice(0, 8000).includes('\0') ? null : blob.text;
}

const short = (ref: string) => (/^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref);

function describe(error: unknown): string {
  const errors = (error as { errors?: Array<{ message?: string }> } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0)
    return errors
      .map((e) => e.message ?? '')
      .join('; ')
      .slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function toSnapshotError(operation: Operation, ref: string, error: unknown, opts: GitHubSnapshotOptions): ForgeError {
  const status = httpStatusOf(error);
  const graphql = (error as { name?: string } | null)?.name === 'GraphqlResponseError';
  const detail = describe(error);
  const where =
    status !== null
      ? `HTTP ${status}: ${detail}`
      : graphql
        ? `GraphQL: ${detail}`
        : `could not reach ${opts.apiUrl}: ${detail}`;
  const hint = hintFor(status, graphql, detail, ref, opts);
  const message = `GitHub ${operation} at ${short(ref)} failed (${where})${hint ? ` — ${hint}` : ''}`;
  return new ForgeError(redact(message, [opts.token]), operation, status);
}

const CONTENTS = 'add `permissions: contents: read` to the workflow';

function hintFor(status: number | null, graphql: boolean, detail: string, ref: string, opts: GitHubSnapshotOptions) {
  const where = `${opts.owner}/${opts.repo}`;
  if (graphql) {
    return /could not resolve|not found/i.test(detail)
      ? `repository ${where} was not found, or the token cannot read it — ${CONTENTS}`
      : 'GitHub GraphQL refused the query; try again later';
  }
  const common = commonHint(status, detail);
  if (common) return common;
  switch (status) {
    case 403:
      return `the token cannot read the repository's files — ${CONTENTS}`;
    case 404:
      return `commit ${short(ref)} of ${where} was not found, or the token cannot read the repository — ${CONTENTS}`;
    case 409:
      return `repository ${where} is empty`;
    case 422:
      return `\`${ref}\` is not a commit of ${where}`;
    default:
      return status !== null && status >= 500 ? 'GitHub had a server error; try again later' : '';
  }
}
