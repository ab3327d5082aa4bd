import { after, decoded, send, toResponse, untilAborted, type Answer, type Entry } from './send.js';

/** A read every run makes first, sent before the forge client and the model SDK have loaded. */
export type EarlyRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** An answer that a write makes stale (a comment listing): dropped at the first write. */
  volatile?: boolean;
  /** Reads that this answer's JSON makes possible (the commits a pull request names), sent as soon as it arrives. */
  then?: (json: unknown) => EarlyRequest[];
};

/** Puts something in front of a client's fetch. */
export type WrapFetch = (fallback: typeof fetch) => typeof fetch;

/**
 * Longest wait for the first read to be written before the bundle goes on loading: a local
 * connection is there in a millisecond or two; a remote one takes a round trip, and its
 * handshake goes on between the chunks' compiles.
 */
const FIRST_WRITE_WAIT_MS = 10;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The answers to the reads every run starts with, asked for while the bundle is still loading
 * (loading the forge client and the SDK takes longer than a round trip). The clients get a
 * `fetch` that hands each answer out once, to the same request with the same credential;
 * anything else, and any early request that failed, goes to the network as usual.
 * Nothing here parses or trusts an answer: the clients do, exactly as for their own requests.
 */
export class EarlyResponses {
  private readonly entries = new Map<string, Entry>();
  /**
   * Resolves once the first read is on the wire, or after a few milliseconds (a connection on
   * a real network takes longer, and needs no waiting for): compiling the rest of the bundle
   * blocks the event loop, so the caller waits for this before it starts.
   */
  readonly started: Promise<void>;
  private firstSent: () => void = () => {};

  constructor(
    requests: EarlyRequest[],
    private readonly userAgent: string,
  ) {
    this.started = new Promise((resolve) => {
      this.firstSent = resolve;
      setTimeout(resolve, FIRST_WRITE_WAIT_MS).unref();
    });
    // Opening a request takes most of a millisecond: the first (the one everything waits on)
    // goes now, the others once it is on the wire.
    const [first, ...rest] = requests;
    if (first) this.add([first], (r) => send(r, userAgent, 0, this.firstSent));
    this.add(rest, (r) => after(this.started, r, () => send(r, userAgent)));
  }

  private add(requests: EarlyRequest[], open = (r: EarlyRequest) => send(r, this.userAgent)): void {
    for (const request of requests) {
      const key = keyOf(request.method, request.url, request.headers.accept, request.body);
      if (this.entries.has(key)) continue;
      const entry = open(request);
      const then = request.then;
      if (then) entry.answer = entry.answer.then((answer) => this.follow(answer, then));
      this.entries.set(key, entry);
    }
  }

  /** Reads the answer whole and sends the reads its JSON makes possible; the answer is served from memory. */
  private async follow(answer: Answer | null, then: (json: unknown) => EarlyRequest[]): Promise<Answer | null> {
    if (!answer || answer.res.statusCode !== 200) return answer;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of decoded(answer.res)) chunks.push(chunk as Buffer);
    } catch {
      return null; // cut midway: the client asks again
    }
    const body = Buffer.concat(chunks);
    try {
      this.add(then(JSON.parse(body.toString('utf8'))));
    } catch {
      // not the JSON expected: the client reads it and says what is wrong
    }
    return { res: answer.res, body };
  }

  /** How many early answers are still waiting to be taken. */
  get size(): number {
    return this.entries.size;
  }

  /** `fallback` with the early answers in front of it. */
  readonly wrap: WrapFetch = (fallback) => {
    return async (input, init) => {
      const request = input instanceof Request ? input : null;
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = request ? request.url : String(input);
      const headers = new Headers(init?.headers ?? request?.headers);
      if (WRITES.has(method) && changesComments(url)) this.dropVolatile();
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const key = keyOf(method, url, headers.get('accept') ?? undefined, body);
      const entry = this.entries.get(key);
      if (entry && sameCredential(entry.request.headers, headers)) {
        this.entries.delete(key);
        const answer = await untilAborted(entry, init?.signal ?? request?.signal);
        if (answer) return toResponse(answer);
      }
      return fallback(input, init);
    };
  };

  /** Lets go of every answer nobody took, so that their sockets do not keep the process alive. */
  dispose(): void {
    for (const entry of this.entries.values()) entry.abort();
    this.entries.clear();
  }

  private dropVolatile(): void {
    for (const [key, entry] of this.entries) {
      if (!entry.request.volatile) continue;
      entry.abort();
      this.entries.delete(key);
    }
  }
}

/** A write that changes the conversation (a comment posted, edited or deleted; a reaction does not). */
function changesComments(url: string): boolean {
  return /\/issues\/(\d+\/comments|comments\/\d+)(\?|$)/.test(url);
}

/** Method, URL (normalised), what is accepted and the body (JSON compared by value): what makes two reads the same. */
function keyOf(method: string, url: string, accept: string | undefined, body: string | undefined): string {
  let normal = url;
  try {
    normal = new URL(url).href;
  } catch {
    // not a URL the early requests could have asked; the key simply never matches
  }
  let payload = body ?? '';
  try {
    if (body) payload = JSON.stringify(JSON.parse(body));
  } catch {
    // a body that is not JSON is compared as text
  }
  return `${method} ${normal} ${accept ?? ''} ${payload}`;
}

/** The answer is only for a request that carries the credential it was asked with. */
function sameCredential(early: Record<string, string>, asked: Headers): boolean {
  for (const name of ['authorization', 'x-api-key']) {
    if ((early[name] ?? null) !== asked.get(name)) return false;
  }
  return true;
}
