/**
 * A fake Amazon Bedrock runtime on 127.0.0.1 for the real `@anthropic-ai/bedrock-sdk`:
 * `POST /model/{id}/invoke` and `/model/{id}/invoke-with-response-stream`, the latter framed as
 * AWS event-stream messages (each a `chunk` event whose payload is `{"bytes": base64(event JSON)}`).
 * Requests must be SigV4-signed for service `bedrock` in the expected region with the expected
 * keys: the signature is checked by signing the received request again. Bedrock-style errors
 * (`{message}`, `x-amzn-errortype`). The model itself is the fake Anthropic API behind it.
 * Recorded requests keep no credential: only which kind of auth came and whether it was valid.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicOptions } from './anthropic-server.js';
import { errorMessage, forward, readBody, sendJson } from './platform-proxy.js';

export type BedrockRecordedRequest = {
  method: string;
  path: string;
  /** The model id from the path, decoded. */
  model: string | null;
  stream: boolean;
  auth: 'sigv4' | 'bearer' | 'none';
  /** Region and service of the SigV4 credential scope. */
  scope: { region: string; service: string } | null;
  /** The signature matched the expected secret key over the request as received. */
  signatureValid: boolean;
  /** An `x-amz-security-token` header was sent (its value is not kept). */
  sessionToken: boolean;
  /** The body as sent (model and stream live in the path on Bedrock). */
  body: Record<string, unknown> | null;
  status: number | null;
};

export type FakeBedrockOptions = {
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** When set, a request must carry this session token. */
  sessionToken?: string;
  /** A Bedrock API key accepted as a bearer token instead of SigV4. */
  apiKey?: string;
  /** Ids Bedrock knows; others get a 404 `ResourceNotFoundException`. Default: any. */
  models?: string[];
  /** Options of the fake Anthropic API that plays the model. */
  backend?: FakeAnthropicOptions;
};

export type FakeBedrock = {
  url: string;
  requests: BedrockRecordedRequest[];
  /** The fake Anthropic API behind it: script replies, inject faults, cut streams there. */
  backend: FakeAnthropic;
  close(): Promise<void>;
};

const BACKEND_KEY = 'sk-ant-api03-bedrock-backend';

const ERROR_TYPES: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};

/** How Bedrock names an SSE `error` event's type when it arrives as an exception frame. */
const STREAM_EXCEPTIONS: Record<string, string> = {
  overloaded_error: 'serviceUnavailableException',
  rate_limit_error: 'throttlingException',
  api_error: 'internalServerException',
};

export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  const region = options.region ?? 'us-east-1';
  const backend = await startFakeAnthropic({ ...options.backend, credentials: { bedrock: BACKEND_KEY } });
  const requests: BedrockRecordedRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) bedrockError(res, 500, `fake server bug: ${String(error)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const match = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/.exec(url.pathname);
    const authorization = req.headers.authorization ?? '';
    const sigv4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization);
    const body = parseObject(raw);
    const record: BedrockRecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      model: match ? decodeURIComponent(match[1]!) : null,
      stream: match?.[2] === 'invoke-with-response-stream',
      auth: sigv4 ? 'sigv4' : /^Bearer /i.test(authorization) ? 'bearer' : 'none',
      scope: sigv4 ? { region: sigv4[3]!, service: sigv4[4]! } : null,
      signatureValid: false,
      sessionToken: typeof req.headers['x-amz-security-token'] === 'string',
      body,
      status: null,
    };
    requests.push(record);
    Object.defineProperty(record, 'status', { enumerable: true, get: () => (res.headersSent ? res.statusCode : null) });

    if (req.method !== 'POST' || !match)
      return bedrockError(res, 404, `Unknown operation ${url.pathname}`, 'UnknownOperationException');
    if (record.auth === 'bearer') {
      if (!options.apiKey || authorization.slice('Bearer '.length) !== options.apiKey) {
        return bedrockError(res, 403, 'Invalid API key.', 'AccessDeniedException');
      }
    } else if (record.auth === 'sigv4') {
      record.signatureValid = await signatureMatches(req, url, raw, options);
      const tokenOk = !options.sessionToken || req.headers['x-amz-security-token'] === options.sessionToken;
      if (!record.signatureValid || !tokenOk || sigv4![1] !== options.accessKeyId) {
        return bedrockError(
          res,
          403,
          'The request signature we calculated does not match the signature you provided.',
          'UnrecognizedClientException',
        );
      }
      if (record.scope?.region !== region || record.scope.service !== 'bedrock') {
        return bedrockError(
          res,
          403,
          `Credential should be scoped to a valid region (${region}).`,
          'InvalidSignatureException',
        );
      }
    } else {
      return bedrockError(res, 403, 'Missing Authentication Token', 'MissingAuthenticationTokenException');
    }
    if (!body) return bedrockError(res, 400, 'Malformed input request, please reformat your input and try again.');
    if (options.models && !options.models.includes(record.model!)) {
      return bedrockError(res, 404, 'Could not resolve the foundation model from the provided model identifier.');
    }
    if (typeof body['anthropic_version'] !== 'string') {
      return bedrockError(res, 400, 'Malformed input request: required key [anthropic_version] not found');
    }
    if ('model' in body || 'stream' in body) {
      return bedrockError(res, 400, 'Malformed input request: extraneous key [model/stream] is not permitted');
    }

    const { anthropic_version: _version, ...rest } = body;
    const answer = await forward(
      backend,
      '/v1/messages',
      { ...rest, model: record.model, stream: record.stream },
      BACKEND_KEY,
    );
    if (answer.kind === 'json') {
      if (answer.status === 200) return sendJson(res, 200, answer.body, { 'x-amzn-requestid': 'bedrock-req-1' });
      return bedrockError(res, answer.status, errorMessage(answer.body));
    }
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'bedrock-req-1' });
    try {
      for await (const { event, data } of answer.events) {
        if (event === 'error') {
          const type = (data as { error?: { type?: string } }).error?.type ?? 'api_error';
          const name = STREAM_EXCEPTIONS[type] ?? 'internalServerException';
          res.write(
            frame(
              { ':message-type': 'exception', ':exception-type': name, ':content-type': 'application/json' },
              { message: errorMessage(data) },
            ),
          );
          return void res.end();
        }
        const bytes = Buffer.from(JSON.stringify(data)).toString('base64');
        res.write(
          frame({ ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' }, { bytes }),
        );
      }
      res.end();
    } catch {
      // The backend cut its stream: cut this one the same way.
      res.socket?.destroy();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    backend,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}

function bedrockError(
  res: ServerResponse,
  status: number,
  message: string,
  type = ERROR_TYPES[status] ?? 'InternalServerException',
): void {
  sendJson(
    res,
    status,
    { message },
    {
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      'x-amzn-requestid': 'bedrock-err-1',
    },
  );
}

/** Signs the received request again with the expected secret and compares the signatures. */
async function signatureMatches(
  req: IncomingMessage,
  url: URL,
  body: string,
  options: FakeBedrockOptions,
): Promise<boolean> {
  const authorization = req.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1];
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1];
  const amzDate = req.headers['x-amz-date'];
  if (!signature || !scope || typeof amzDate !== 'string' || !options.accessKeyId || !options.secretAccessKey)
    return false;
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const signer = new SignatureV4({
    service: 'bedrock',
    region: scope,
    credentials: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      ...(typeof req.headers['x-amz-security-token'] === 'string'
        ? { sessionToken: req.headers['x-amz-security-token'] }
        : {}),
    },
    sha256: NodeSha256,
  });
  const date = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const query: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
  const request = new HttpRequest({
    method: req.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    path: url.pathname,
    query,
    headers,
    body,
  });
  const signed = await signer.sign(request, { signingDate: date });
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1];
  return expected === signature;
}

/** The `Checksum` SignatureV4 wants, over node:crypto (HMAC when given a key). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** One AWS event-stream message: prelude (lengths + CRC), string headers, JSON payload, CRC. */
export function frame(headers: Record<string, string>, payload: unknown): Buffer {
  const headerBytes = Buffer.concat(
    Object.entries(headers).map(([name, value]) => {
      const n = Buffer.from(name);
      const v = Buffer.from(value);
      const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
      out.writeUInt8(n.length, 0);
      n.copy(out, 1);
      out.writeUInt8(7, 1 + n.length); // type 7: string
      out.writeUInt16BE(v.length, 2 + n.length);
      v.copy(out, 4 + n.length);
      return out;
    }),
  );
  const body = Buffer.from(JSON.stringify(payload));
  const prelude = Buffer.alloc(8);
  prelude.writeUInt32BE(12 + headerBytes.length + body.length + 4, 0);
  prelude.writeUInt32BE(headerBytes.length, 4);
  const preludeCrc = Buffer.alloc(4);
  preludeCrc.writeUInt32BE(crc32(prelude));
  const message = Buffer.concat([prelude, preludeCrc, headerBytes, body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(message));
  return Buffer.concat([message, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
