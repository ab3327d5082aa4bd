import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Repository snapshots for the fake GitHub, from its `files` (`{ [ref]: { [path]: text } }`;
 * a text with a NUL byte is a binary file): `GET /repos/{o}/{r}` with its `size`, recursive
 * trees, `GET …/tarball/{ref}` redirecting to a codeload stand-in that sends a real gzip
 * tarball laid out as `git archive` writes it (pax global header with the commit, a top
 * folder `owner-repo-sha/`, ustar prefix splits, pax `path` records for longer paths), and
 * GraphQL `object(expression: "ref:path") { ... on Blob }` aliases. The codeload stand-in is
 * not GitHub's REST API, so the fake does not check its requests against the description.
 */

export type GitHubSnapshotInit = {
  /** What `GET /repos/{o}/{r}` says as `size` (KB); default: the largest snapshot's bytes. */
  sizeKb?: number;
  /** Entries a recursive tree lists before it says `truncated` (GitHub: 100,000). */
  treeLimit?: number;
  /** Symbolic links in every snapshot, path → target (mode 120000 in trees, type 2 in tarballs). */
  symlinks?: Record<string, string>;
};

export type GitHubSnapshotContext = {
  owner: string;
  repo: string;
  files: Record<string, Record<string, string>>;
  /** The fake's base URL, for links and the codeload redirect. */
  base: string;
  init: GitHubSnapshotInit | undefined;
};

type Answer = [number, unknown, Record<string, string>?];

/** Where the codeload stand-in lives on the fake (real GitHub: https://codeload.github.com/). */
export const CODELOAD = '/_codeload/';
const DOCS = 'https://docs.github.com/rest';
const notFound = (): Answer => [404, { message: 'Not Found', documentation_url: DOCS }];
const archives = new WeakMap<Record<string, string>, Buffer>();

/** The fake's answer to a snapshot request, or null when the request is not one. */
export function routeGitHubSnapshot(
  ctx: GitHubSnapshotContext,
  method: string,
  url: URL,
  body: unknown,
): Answer | null {
  const { pathname } = url;
  if (pathname === '/graphql' && method === 'POST') return graphqlBlobs(ctx, (body ?? {}) as Record<string, unknown>);
  if (method !== 'GET') return null;
  const prefix = `/repos/${ctx.owner}/${ctx.repo}`;
  if (pathname === prefix) return [200, repositoryJson(ctx)];
  let m: RegExpExecArray | null;
  if ((m = /^\/git\/trees\/(.+)$/.exec(pathname.slice(prefix.length)))) {
    return tree(ctx, decodeURIComponent(m[1] ?? ''), url.searchParams.has('recursive'));
  }
  if ((m = /^\/tarball\/(.+)$/.exec(pathname.slice(prefix.length)))) {
    const ref = decodeURIComponent(m[1] ?? '');
    if (!ctx.files[ref]) return notFound();
    const location = `${ctx.base}${CODELOAD}${ctx.owner}/${ctx.repo}/legacy.tar.gz/${encodeURIComponent(ref)}`;
    return [302, '', { location }];
  }
  if ((m = new RegExp(`^${CODELOAD}${ctx.owner}/${ctx.repo}/legacy\\.tar\\.gz/(.+)$`).exec(pathname))) {
    const ref = decodeURIComponent(m[1] ?? '');
    const files = ctx.files[ref];
    if (!files) return [404, '404: Not Found', { 'content-type': 'text/plain; charset=utf-8' }];
    const folder = `${ctx.owner}-${ctx.repo}-${ref.slice(0, 7)}/`;
    let archive = archives.get(files);
    if (!archive) archives.set(files, (archive = tarGz(files, { folder, comment: ref, symlinks: ctx.init?.symlinks })));
    return [
      200,
      archive,
      {
        'content-type': 'application/x-gzip',
        'content-disposition': `attachment; filename=${folder.slice(0, -1)}.tar.gz`,
      },
    ];
  }
  return null;
}

function repositoryJson(ctx: GitHubSnapshotContext) {
  const bytes = Math.max(
    0,
    ...Object.values(ctx.files).map((f) => Object.values(f).reduce((n, t) => n + byteLength(t), 0)),
  );
  return {
    id: 1296269,
    node_id: 'R_1',
    name: ctx.repo,
    full_name: `${ctx.owner}/${ctx.repo}`,
    private: true,
    owner: { login: ctx.owner, id: 1, type: 'User' },
    html_url: `https://github.com/${ctx.owner}/${ctx.repo}`,
    url: `${ctx.base}/repos/${ctx.owner}/${ctx.repo}`,
    default_branch: 'main',
    size: ctx.init?.sizeKb ?? Math.ceil(bytes / 1024),
  };
}

/** `GET …/git/trees/{ref}`: directories and blobs (with sizes), cut at `treeLimit` entries. */
function tree(ctx: GitHubSnapshotContext, ref: string, recursive: boolean): Answer {
  const files = ctx.files[ref];
  if (!files) return notFound();
  const at = `${ctx.base}/repos/${ctx.owner}/${ctx.repo}/git`;
  const entries = snapshotEntries(files, ctx.init?.symlinks)
    .filter((e) => recursive || !e.path.includes('/'))
    .map((e) => {
      const sha = e.type === 'tree' ? sha1(`tree:${ref}:${e.path}`) : gitBlobSha(e.bytes);
      const blob = e.type === 'tree' ? {} : { size: e.bytes.length };
      return { path: e.path, mode: e.mode, type: e.type, sha, ...blob, url: `${at}/${e.type}s/${sha}` };
    });
  const limit = ctx.init?.treeLimit ?? 100_000;
  return [
    200,
    {
      sha: sha1(`tree:${ref}`),
      url: `${at}/trees/${ref}`,
      tree: entries.slice(0, limit),
      truncated: entries.length > limit,
    },
  ];
}

/**
 * `repository(owner, name) { fN: object(expression: $eN) { ... on Blob { … } } }`, the
 * expressions read from the variables. A missing commit or path answers null, a folder `{}`
 * (not a Blob); a binary blob has `isBinary` and no `text`.
 */
function graphqlBlobs(ctx: GitHubSnapshotContext, input: Record<string, unknown>): Answer | null {
  const query = typeof input.query === 'string' ? input.query : '';
  if (!/\bobject\s*\(\s*expression\s*:/.test(query)) return null;
  const vars = (input.variables ?? {}) as Record<string, unknown>;
  if (vars.owner !== ctx.owner || vars.name !== ctx.repo) {
    const message = `Could not resolve to a Repository with the name '${String(vars.owner)}/${String(vars.name)}'.`;
    return [200, { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message }] }];
  }
  const repository: Record<string, unknown> = {};
  for (const m of query.matchAll(/(\w+)\s*:\s*object\s*\(\s*expression\s*:\s*\$(\w+)\s*\)/g)) {
    const expression = String(vars[m[2] as string] ?? '');
    const colon = expression.indexOf(':');
    const files = ctx.files[expression.slice(0, colon)];
    const path = expression.slice(colon + 1);
    const text = files?.[path];
    if (files === undefined || colon < 0) repository[m[1] as string] = null;
    else if (text === undefined)
      repository[m[1] as string] = Object.keys(files).some((p) => p.startsWith(`${path}/`)) ? {} : null;
    else {
      const bytes = Buffer.from(text, 'utf8');
      const isBinary = bytes.includes(0);
      repository[m[1] as string] = {
        byteSize: bytes.length,
        isBinary,
        isTruncated: false,
        text: isBinary ? null : text,
      };
    }
  }
  return [200, { data: { repository } }];
}

type SnapshotEntry = { path: string; type: 'tree' | 'blob'; mode: string; bytes: Buffer; link?: string };

/** Every folder and file of a snapshot, folders first within their parent (as git lists them). */
function snapshotEntries(files: Record<string, string>, symlinks: Record<string, string> = {}): SnapshotEntry[] {
  const entries = new Map<string, SnapshotEntry>();
  const add = (path: string, entry: Omit<SnapshotEntry, 'path'>) => {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!entries.has(dir)) entries.set(dir, { path: dir, type: 'tree', mode: '040000', bytes: Buffer.alloc(0) });
    }
    entries.set(path, { path, ...entry });
  };
  for (const [path, text] of Object.entries(files))
    add(path, { type: 'blob', mode: '100644', bytes: Buffer.from(text, 'utf8') });
  for (const [path, target] of Object.entries(symlinks)) {
    add(path, { type: 'blob', mode: '120000', bytes: Buffer.from(target, 'utf8'), link: target });
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A gzip-compressed tarball as `git archive --prefix=<folder>` writes it: a pax global header
 * with `comment=<commit>`, the folder, then each directory and file under it. A path over 100
 * bytes goes into the ustar prefix field when it splits at a slash into ≤155 + ≤100 bytes,
 * else into a pax `path` record (git then names the member `<blob sha>.data`). Zero-padded to
 * git's 10 KiB records.
 */
export function tarGz(
  files: Record<string, string>,
  opts: { folder: string; comment?: string; symlinks?: Record<string, string> | undefined },
): Buffer {
  const blocks: Buffer[] = [];
  if (opts.comment !== undefined) {
    const data = paxRecords({ comment: opts.comment });
    blocks.push(header({ name: 'pax_global_header', size: data.length, flag: 'g', mode: 0o666 }), pad(data));
  }
  if (opts.folder) blocks.push(header({ name: opts.folder, size: 0, flag: '5', mode: 0o775 }));
  for (const e of snapshotEntries(files, opts.symlinks)) {
    const full = `${opts.folder}${e.path}${e.type === 'tree' ? '/' : ''}`;
    const flag = e.type === 'tree' ? '5' : e.link !== undefined ? '2' : '0';
    const size = flag === '0' ? e.bytes.length : 0;
    const mode = e.type === 'tree' ? 0o775 : 0o664;
    const fields = { size, flag, mode, linkname: e.link ?? '' };
    const split = splitPath(full);
    if (split) {
      blocks.push(header({ ...fields, ...split }));
    } else {
      const sha = gitBlobSha(e.bytes);
      const data = paxRecords({ path: full });
      blocks.push(header({ name: `${sha}.paxheader`, size: data.length, flag: 'x', mode }), pad(data));
      blocks.push(header({ ...fields, name: `${sha}.data` }));
    }
    if (size > 0) blocks.push(pad(e.bytes));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  const record = 10240;
  return gzipSync(Buffer.concat([tar, Buffer.alloc((record - (tar.length % record)) % record)]));
}

function splitPath(path: string): { name: string; prefix?: string } | null {
  if (byteLength(path) <= 100) return { name: path };
  for (let i = path.lastIndexOf('/', path.length - 2); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (byteLength(name) > 100) return null;
    if (byteLength(prefix) <= 155) return { name, prefix };
  }
  return null;
}

function header(h: { name: string; prefix?: string; size: number; flag: string; mode: number; linkname?: string }) {
  const block = Buffer.alloc(512);
  block.write(h.name, 0, 100, 'utf8');
  const octal = (at: number, width: number, value: number) =>
    block.write(`${value.toString(8).padStart(width - 1, '0')}\0`, at, width, 'latin1');
  octal(100, 8, h.mode);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, h.size);
  octal(136, 12, 1_704_067_200);
  block.write(h.flag, 156, 1, 'latin1');
  block.write(h.linkname ?? '', 157, 100, 'utf8');
  block.write('ustar\0' + '00', 257, 8, 'latin1');
  block.write('root', 265, 32, 'latin1');
  block.write('root', 297, 32, 'latin1');
  block.write(h.prefix ?? '', 345, 155, 'utf8');
  block.fill(0x20, 148, 156);
  const sum = block.reduce((n, b) => n + b, 0);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

/** `<length> <key>=<value>\n` records; the length counts itself. */
function paxRecords(records: Record<string, string>): Buffer {
  return Buffer.concat(
    Object.entries(records).map(([key, value]) => {
      const rest = ` ${key}=${value}\n`;
      let length = byteLength(rest) + 1;
      while (String(length).length + byteLength(rest) !== length) length = String(length).length + byteLength(rest);
      return Buffer.from(`${length}${rest}`, 'utf8');
    }),
  );
}

const pad = (data: Buffer) => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');
/** The id git gives a blob: sha1 of `blob <size>\0<bytes>`. */
const gitBlobSha = (bytes: Buffer) => sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
