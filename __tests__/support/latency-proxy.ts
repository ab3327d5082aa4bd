import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a fake server on 127.0.0.1 that waits `latency` ms before it
 * forwards each request, so request order costs what it costs on a real network. Every
 * request is recorded with when it arrived and when its answer was fully sent (in
 * `performance.timeOrigin + performance.now()` milliseconds, comparable across the process),
 * so callers can see which requests waited for which.
 */
export type TimedRequest = {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  /** Epoch milliseconds (fractional) the request reached the proxy. */
  start: number;
  /** Epoch milliseconds its answer ended; NaN while it is open (or when the client went away). */
  end: number;
};

export type LatencyProxy = {
  /** The proxy's origin, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** Requests answered or open, in arrival order. */
  readonly log: TimedRequest[];
  readonly requests: number;
  /** Bytes of answers sent back. */
  readonly bytes: number;
  /** Calls `fn` on every request as it arrives (before the wait), e.g. to stop a run at its first model call. */
  onRequest(fn: ((r: TimedRequest) => void) | null): void;
  /** Forgets the log and the counters. */
  reset(): void;
  close(): Promise<void>;
};

/** A high-resolution wall clock, so times of the proxy and of a spawn in the same process compare. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** Forwards to `target` after `latency` ms; redirects to `target` are rewritten to come back through the proxy. */
export async function startLatencyProxy(target: string, latency: number): Promise<LatencyProxy> {
  const to = new URL(target);
  let log: TimedRequest[] = [];
  let bytes = 0;
  let listener: ((r: TimedRequest) => void) | null = null;
  const server: Server = createServer((req, res) => {
    const entry: TimedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', start: nowMs(), end: NaN };
    log.push(entry);
    listener?.(entry);
    res.on('finish', () => (entry.end = nowMs()));
    // A client killed mid-request (the bench stops runs early) must not crash the proxy.
    req.on('error', () => {});
    res.on('error', () => {});
    setTimeout(() => {
      const upstream = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const headers = { ...answer.headers };
          if (typeof headers.location === 'string') headers.location = headers.location.replace(to.origin, origin);
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }, latency);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    get log() {
      return log;
    },
    get requests() {
      return log.length;
    },
    get bytes() {
      return bytes;
    },
    onRequest: (fn) => (listener = fn),
    reset: () => {
      log = [];
      bytes = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
