/**
 * A fake Google Cloud Vertex AI endpoint on 127.0.0.1 for the real `@anthropic-ai/vertex-sdk`:
 * `POST /v1/projects/{p}/locations/{r}/publishers/anthropic/models/{id}:streamRawPredict`
 * (SSE, as the Anthropic API streams), `:rawPredict`, and `…/models/count-tokens:rawPredict`.
 * Requests need `Authorization: Bearer <token>` with a token this fake issued.
 *
 * It also plays what `google-github-actions/auth` relies on for Workload Identity Federation:
 * the runner's OIDC token endpoint (`GET /oidc`) and Google's Security Token Service
 * (`POST /sts/v1/token`), so the real google-auth-library can exchange an OIDC token for an
 * access token from a GOOGLE_APPLICATION_CREDENTIALS file (see `externalAccountCredentials`).
 * The model is the fake Anthropic API behind it. Recorded requests keep no token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicOptions } from './anthropic-server.js';
import { forward, readBody, sendJson } from './platform-proxy.js';

export type VertexRecordedRequest = {
  method: string;
  path: string;
  /** `predict`, `stream`, `count`, `sts`, `oidc`, or null for an unknown route. */
  route: 'predict' | 'stream' | 'count' | 'sts' | 'oidc' | null;
  project: string | null;
  region: string | null;
  model: string | null;
  auth: 'bearer' | 'none';
  /** The bearer token was one this fake issued (or was given). */
  tokenValid: boolean;
  body: unknown;
  status: number | null;
};

export type FakeVertexOptions = {
  project?: string;
  region?: string;
  /** Access tokens accepted as they are (for clients given a token directly). */
  accessTokens?: string[];
  /** The OIDC token the runner hands out and STS accepts. */
  oidcToken?: string;
  /** Ids served; others get a 404. Default: any. */
  models?: string[];
  countTokensEndpoint?: 'on' | 'missing';
  backend?: FakeAnthropicOptions;
};

export type FakeVertex = {
  url: string;
  /** Base URL for the SDK (`…/v1`). */
  baseUrl: string;
  requests: VertexRecordedRequest[];
  backend: FakeAnthropic;
  /** Access tokens the STS endpoint issued (to check that none leaked). */
  issuedTokens: string[];
  close(): Promise<void>;
};

const BACKEND_KEY = 'sk-ant-api03-vertex-backend';

export async function startFakeVertex(options: FakeVertexOptions = {}): Promise<FakeVertex> {
  const project = options.project ?? 'my-project-123';
  const region = options.region ?? 'global';
  const backend = await startFakeAnthropic({ ...options.backend, credentials: { vertex: BACKEND_KEY } });
  const requests: VertexRecordedRequest[] = [];
  const issuedTokens: string[] = [];
  let issued = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) googleError(res, 500, `fake server bug: ${String(error)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const model =
      /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/([^/:]+):(rawPredict|streamRawPredict)$/.exec(
        url.pathname,
      );
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let route: VertexRecordedRequest['route'] = null;
    if (url.pathname === '/oidc') route = 'oidc';
    else if (url.pathname === '/sts/v1/token') route = 'sts';
    else if (model)
      route = model[3] === 'count-tokens' ? 'count' : model[4] === 'streamRawPredict' ? 'stream' : 'predict';
    const body = route === 'sts' ? null : parseJson(raw);
    const record: VertexRecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      route,
      project: model ? decodeURIComponent(model[1]!) : null,
      region: model ? decodeURIComponent(model[2]!) : null,
      model: model && model[3] !== 'count-tokens' ? decodeURIComponent(model[3]!) : null,
      auth: bearer ? 'bearer' : 'none',
      tokenValid: Boolean(bearer && (issuedTokens.includes(bearer) || options.accessTokens?.includes(bearer))),
      body,
      status: null,
    };
    requests.push(record);
    Object.defineProperty(record, 'status', { enumerable: true, get: () => (res.headersSent ? res.statusCode : null) });

    if (route === 'oidc') {
      // The runner's ACTIONS_ID_TOKEN_REQUEST_URL: answers {value: <JWT>} to its request token.
      if (!bearer) return googleError(res, 401, 'missing request token');
      return sendJson(res, 200, { value: options.oidcToken ?? 'oidc-token' });
    }
    if (route === 'sts') {
      const form = new URLSearchParams(raw);
      const ok =
        form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:token-exchange' &&
        form.get('subject_token') === (options.oidcToken ?? 'oidc-token');
      if (!ok)
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The subject token is invalid.' });
      record.body = { audience: form.get('audience'), scope: form.get('scope') };
      const token = `ya29.fake-access-token-${++issued}-${Math.random().toString(36).slice(2)}`;
      issuedTokens.push(token);
      return sendJson(res, 200, {
        access_token: token,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    if (!model || req.method !== 'POST')
      return googleError(res, 404, `The requested URL ${url.pathname} was not found.`);
    if (!record.tokenValid) {
      return googleError(res, 401, 'Request had invalid authentication credentials. Expected OAuth 2 access token.');
    }
    if (record.project !== project) {
      return googleError(res, 403, `Permission 'aiplatform.endpoints.predict' denied on project ${record.project}.`);
    }
    if (record.region !== region) {
      return googleError(res, 404, `Publisher model is not servable in region ${record.region}.`);
    }
    const payload = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof payload['anthropic_version'] !== 'string') {
      return googleError(res, 400, 'anthropic_version: Field required');
    }
    const { anthropic_version: _version, ...rest } = payload;
    if (route === 'count') {
      if (options.countTokensEndpoint === 'missing')
        return googleError(res, 404, 'count-tokens is not available here.');
      const answer = await forward(backend, '/v1/messages/count_tokens', rest, BACKEND_KEY);
      if (answer.kind === 'json') return sendJson(res, answer.status, answer.body);
      return googleError(res, 500, 'count-tokens answered with a stream');
    }
    if ('model' in payload) return googleError(res, 400, 'model: Extra inputs are not permitted');
    if (options.models && !options.models.includes(record.model!)) {
      return googleError(
        res,
        404,
        `Publisher Model \`projects/${project}/locations/${region}/publishers/anthropic/models/${record.model}\` was not found or your project does not have access to it.`,
      );
    }
    const answer = await forward(
      backend,
      '/v1/messages',
      { ...rest, model: record.model, stream: route === 'stream' },
      BACKEND_KEY,
    );
    // Model errors pass through in the Anthropic API's shape, as Vertex AI relays them.
    if (answer.kind === 'json') return sendJson(res, answer.status, answer.body);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    try {
      for await (const { event, data } of answer.events)
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      res.end();
    } catch {
      res.socket?.destroy();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    backend,
    issuedTokens,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}

/**
 * The GOOGLE_APPLICATION_CREDENTIALS file that `google-github-actions/auth` writes for Workload
 * Identity Federation (an `external_account` whose subject token is the runner's OIDC token),
 * pointed at this fake's OIDC and STS endpoints.
 */
export function externalAccountCredentials(fake: FakeVertex, requestToken: string): Record<string, unknown> {
  return {
    type: 'external_account',
    audience: '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo',
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: `${fake.url}/sts/v1/token`,
    credential_source: {
      url: `${fake.url}/oidc?audience=https%3A%2F%2Fiam.googleapis.com%2Fprojects%2F123456789`,
      headers: { Authorization: `Bearer ${requestToken}` },
      format: { type: 'json', subject_token_field_name: 'value' },
    },
  };
}

function googleError(res: ServerResponse, status: number, message: string): void {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
  };
  sendJson(res, status, { error: { code: status, message, status: names[status] ?? 'INTERNAL' } });
}

/** The body as JSON, or as text when it is not JSON (null when empty). */
function parseJson(raw: string): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
