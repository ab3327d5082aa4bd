import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';
import type * as Stream from 'node:stream';
import type { Readable as ReadableType } from 'node:stream';
import type * as Zlib from 'node:zlib';
import type { EarlyRequest } from './early-responses.js';

/**
 * How an early read goes over the wire (node's own HTTP client, which loads in a few
 * milliseconds where the clients' fetch stacks take hundreds) and comes back as the
 * `Response` the clients' own fetch would have given.
 */

// Node's modules are loaded when first needed: this file is part of the bundle's first chunk,
// which a skipped run loads too, and a plain-http forge never needs TLS.
const load = createRequire(import.meta.url);
const nodeHttp = () => load('node:http') as typeof Http;
const nodeHttps = () => load('node:https') as typeof Https;
const nodeStream = () => load('node:stream') as typeof Stream;
const nodeZlib = () => load('node:zlib') as typeof Zlib;

/** An answer as it came; `body` when it was read whole (to send the reads it makes possible). */
export type Answer = { res: IncomingMessage; body?: Buffer };
export type Entry = { request: EarlyRequest; answer: Promise<Answer | null>; abort: () => void };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function send(request: EarlyRequest, userAgent: string, hops = 0, sent?: () => void): Entry {
  let current: { destroy(): void } | null = null;
  const url = new URL(request.url);
  const open = url.protocol === 'https:' ? nodeHttps().request : nodeHttp().request;
  const answer = new Promise<Answer | null>((resolve) => {
    const headers = { ...request.headers, 'user-agent': userAgent, 'accept-encoding': 'gzip' };
    const req = open(url, { method: request.method, headers }, (res) => {
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location && request.method === 'GET' && hops < 3) {
        res.resume();
        const next = new URL(location, url);
        // A credential goes only where it was meant for (a codeload link carries its own token).
        const forward =
          next.origin === url.origin
            ? request.headers
            : Object.fromEntries(
                Object.entries(request.headers).filter(([k]) => k !== 'authorization' && k !== 'x-api-key'),
              );
        const followed = send({ ...request, url: next.href, headers: forward }, userAgent, hops + 1);
        current = { destroy: followed.abort };
        resolve(followed.answer);
        return;
      }
      resolve({ res });
    });
    current = req;
    req.setTimeout(30_000, () => req.destroy());
    if (sent) req.once('finish', sent).once('error', sent);
    req.on('error', () => resolve(null));
    req.end(request.body);
  });
  return {
    request,
    answer,
    abort: () => {
      current?.destroy();
      void answer.then((a) => a?.res.destroy());
    },
  };
}

/** An entry whose request is sent once `ready` resolves (or never, once aborted). */
export function after(ready: Promise<void>, request: EarlyRequest, start: () => Entry): Entry {
  let started: Entry | null = null;
  let aborted = false;
  const answer = ready.then(() => {
    if (aborted) return null;
    started = start();
    return started.answer;
  });
  return {
    request,
    answer,
    abort: () => {
      aborted = true;
      started?.abort();
    },
  };
}

/** The early answer, unless the client gives up first (its timeout), as its own fetch would. */
export function untilAborted(entry: Entry, signal: AbortSignal | null | undefined): Promise<Answer | null> {
  if (!signal) return entry.answer;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const stop = () => {
      entry.abort();
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', stop, { once: true });
    void entry.answer.then((answer) => {
      signal.removeEventListener('abort', stop);
      resolve(answer);
    });
  });
}

/** The body as sent, decompressed. */
export function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  return res.headers['content-encoding'] === 'gzip' ? res.pipe(nodeZlib().createGunzip()) : res;
}

/** The node answer as the `Response` a fetch would give: decompressed, streamed as it arrives. */
export function toResponse({ res, body }: Answer): Response {
  const status = res.statusCode ?? 502;
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || name === 'content-encoding' || name === 'content-length') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const empty = status === 204 || status === 304;
  if (empty) res.resume();
  const stream = empty
    ? null
    : body
      ? new Uint8Array(body)
      : (nodeStream().Readable.toWeb(decoded(res) as ReadableType) as ReadableStream<Uint8Array>);
  return new Response(stream, { status, statusText: res.statusMessage ?? '', headers });
}
