/**
 * A fake Anthropic API on 127.0.0.1 that the real `@anthropic-ai/sdk` talks to: the Models API
 * (paginated), token counting, and Messages (plain and SSE streaming), with scripted replies,
 * simulated prompt caching, and fault injection. Every request is recorded without secrets.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A catalogue entry, shaped like the Models API's `ModelInfo`. */
export type FakeModel = {
  id: string;
  display_name: string;
  line: string | null;
  lifecycle: 'active' | 'deprecated' | 'retired';
  created_at: string;
  deprecated_at: string | null;
  retires_at: string | null;
  max_input_tokens: number | null;
  max_tokens: number | null;
};

/** The parts of a Messages / count_tokens body the fake reads; the rest is kept as sent. */
export type FakeMessagesBody = {
  model?: string;
  max_tokens?: number;
  stream?: boolean;
  system?: string | Array<{ type: string; text?: string; cache_control?: unknown }>;
  messages?: Array<{ role: string; content: string | Array<Record<string, unknown>> }>;
  tools?: Array<{ name: string; description?: string; input_schema?: unknown; cache_control?: unknown }>;
  tool_choice?: { type: string; name?: string };
  /** Structured outputs (JSON outputs): the reply is one text block of JSON matching `format.schema`. */
  output_config?: { format?: { type?: string; schema?: unknown } | null; effort?: string | null };
  /** `{type: 'adaptive'}`, `{type: 'disabled'}`, or the manual `{type: 'enabled', budget_tokens}`. */
  thinking?: { type?: string; budget_tokens?: number } | null;
  [key: string]: unknown;
};

export type WireUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
};

/**
 * What the scripted model answers. `toolInput` is the structured answer: with
 * `output_config.format` (JSON outputs) it is sent as the JSON text of a text block (and
 * `text`, if any, is ignored: the reply is constrained to the schema); with a forced tool
 * (models that still accept one) it goes in a tool_use block named like that tool.
 */
export type ScriptedReply = {
  toolInput?: unknown;
  text?: string;
  /** Sent first as a `thinking` block (adaptive thinking); never part of the answer. */
  thinking?: string;
  stopReason?: string;
  /** Overrides the computed usage; output is still clamped to the request's `max_tokens`. */
  usage?: Partial<WireUsage>;
};

export type RespondHook = (body: FakeMessagesBody, callIndex: number) => ScriptedReply | Promise<ScriptedReply>;
export type CountTokensHook = (body: FakeMessagesBody) => number;

export type FakeRoute = 'models' | 'count_tokens' | 'messages' | 'any';

export type Fault = {
  status: number;
  headers?: Record<string, string>;
  /** Response body; defaults to the API's error JSON for the status. */
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  route?: FakeRoute;
};

export type StreamCut = {
  /** Events written before the cut; `message_start` is event 1, `ping` event 2. */
  afterEvents: number;
  /** `destroy`: reset the socket; `close`: end the response cleanly; `error`: send an SSE error event. */
  how: 'destroy' | 'close' | 'error';
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Which auth header the client sent. Its value is never stored. */
  auth: 'x-api-key' | 'bearer' | 'none';
  /** The label (from `credentials`) whose secret was presented, if any. */
  credential: string | null;
  /** Lower-cased headers minus `authorization`, `x-api-key` and `cookie`. */
  headers: Record<string, string>;
  body: unknown;
  /** `output_config.effort` of the request, or null when it sent none. */
  effort: string | null;
  /** Status the fake answered with (set once the response starts). */
  status: number | null;
};

export type FakeAnthropicOptions = {
  models?: FakeModel[];
  /** Default page size of `GET /v1/models` when the client sends no `limit` (the API's is 20). */
  modelsPageSize?: number;
  modelsEndpoint?: 'on' | 'missing';
  countTokensEndpoint?: 'on' | 'missing';
  respond?: RespondHook;
  /**
   * The answer to a verification call (its output schema is the verdicts format). Default: what
   * `respond` answers when that holds verdicts, else every candidate the prompt lists confirmed
   * with confidence 90 (so scripts written for reviews need not know about verification).
   */
  verify?: RespondHook;
  countTokens?: CountTokensHook;
  /** Delay before each response starts, and between streamed events. */
  delayMs?: number;
  eventDelayMs?: number;
  /** Label → accepted secret. When set, any other credential gets a 401. */
  credentials?: Record<string, string>;
  /** 404 for model ids missing from the catalogue (retired ids always get a 404). */
  rejectUnknownModels?: boolean;
  /** Smallest cacheable prefix, as the API has one (1024 tokens and up). */
  minCacheTokens?: number;
  /** Characters per streamed delta (`text_delta`, `input_json_delta`, `thinking_delta`). */
  streamChunkChars?: number;
  /**
   * Output tokens of the thinking a model that always thinks (Opus 5.5, Mythos, Fable) writes
   * when the script gives none, by effort (default EFFORT_THINKING_TOKENS). It counts in
   * `max_tokens` and `usage.output_tokens`, as the API's does.
   */
  thinkingTokens?: Partial<Record<string, number>>;
};

export type FakeAnthropic = {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one route, in order. */
  requestsTo(route: Exclude<FakeRoute, 'any'>): RecordedRequest[];
  /** Most Messages calls that were open at the same time. */
  readonly maxInFlight: number;
  failNext(fault: Fault): void;
  setRespond(hook: RespondHook): void;
  setCountTokens(hook: CountTokensHook | undefined): void;
  /** Cuts the next streamed reply. */
  cutStreamAfterEvents(afterEvents: number, how?: StreamCut['how']): void;
  setDelay(ms: number): void;
  setEndpoint(endpoint: 'models' | 'countTokens', state: 'on' | 'missing'): void;
  /** Forgets recorded requests, faults, cuts and the prompt cache. */
  reset(): void;
  close(): Promise<void>;
};

const model = (
  id: string,
  line: string | null,
  lifecycle: FakeModel['lifecycle'],
  created: string,
  maxInput: number,
  maxOutput: number,
): FakeModel => ({
  id,
  display_name: id.replace(/^claude-/, 'Claude ').replace(/-/g, ' '),
  line,
  lifecycle,
  created_at: `${created}T00:00:00Z`,
  deprecated_at: lifecycle === 'active' ? null : '2026-03-01T00:00:00Z',
  retires_at: lifecycle === 'deprecated' ? '2026-11-30T00:00:00Z' : null,
  max_input_tokens: maxInput,
  max_tokens: maxOutput,
});

/** Newest first, as the API lists them: each line has active versions and an older deprecated one. */
export const DEFAULT_MODELS: FakeModel[] = [
  model('claude-opus-5-5', 'opus', 'active', '2026-05-20', 1_000_000, 128_000),
  model('claude-sonnet-5-5', 'sonnet', 'active', '2026-05-20', 1_000_000, 64_000),
  model('claude-haiku-5-5', 'haiku', 'active', '2026-05-20', 200_000, 64_000),
  model('claude-opus-5', 'opus', 'active', '2026-02-05', 1_000_000, 128_000),
  model('claude-sonnet-5', 'sonnet', 'active', '2026-02-05', 1_000_000, 64_000),
  model('claude-mythos-preview', null, 'active', '2026-01-15', 200_000, 32_000),
  model('claude-opus-4-5-20251101', 'opus', 'deprecated', '2025-11-01', 200_000, 64_000),
  model('claude-haiku-4-5-20251001', 'haiku', 'deprecated', '2025-10-01', 200_000, 64_000),
  model('claude-sonnet-4-5-20250929', 'sonnet', 'deprecated', '2025-09-29', 200_000, 64_000),
  model('claude-3-5-haiku-20241022', 'haiku', 'retired', '2024-10-22', 200_000, 8_192),
];

/** The default reply: no findings, a summary. */
export const DEFAULT_REPLY: ScriptedReply = {
  toolInput: { summary: 'The change looks fine; no problems found.', findings: [] },
};

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** The API's error body for a status. */
export function errorBody(status: number, message?: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message: message ?? `fake ${type}` } };
}

/** The deterministic token estimate the fake bills and counts: ceil(chars / 4) + 10. */
export function estimateTokens(body: FakeMessagesBody): number {
  return Math.ceil(promptChars(body) / 4) + 10;
}

function promptChars(body: FakeMessagesBody): number {
  let chars = 0;
  const system = body.system;
  if (typeof system === 'string') chars += system.length;
  else for (const block of system ?? []) chars += block.text?.length ?? 0;
  for (const message of body.messages ?? []) {
    if (typeof message.content === 'string') chars += message.content.length;
    else
      for (const block of message.content) {
        chars += typeof block['text'] === 'string' ? block['text'].length : JSON.stringify(block).length;
      }
  }
  if (body.tools) chars += JSON.stringify(body.tools).length;
  const schema = body.output_config?.format?.schema;
  if (schema !== undefined) chars += JSON.stringify(schema).length;
  return chars;
}

/** The API's effort levels (`output_config.effort`). */
export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

/** Thinking tokens an always-thinking model writes per effort when the script gives no thinking. */
export const EFFORT_THINKING_TOKENS: Record<string, number> = {
  low: 40,
  medium: 120,
  high: 400,
  xhigh: 800,
  max: 1600,
};

/** The 5.x models (and Mythos / Fable): no sampling parameters, no manual thinking budget. */
export function isFiveModel(modelId: string): boolean {
  return /claude-(?:[a-z]+-(?:[5-9]|\d\d)(?:-\d{1,2})?(?:$|-)|mythos|fable)/.test(modelId);
}

/** Models that think adaptively whatever the request says: they refuse `thinking: {type: 'disabled'}`. */
export function alwaysThinks(modelId: string): boolean {
  return /opus-5-5|mythos|fable/.test(modelId);
}

/** Models that take `output_config.effort` (Opus 4.5 and later, Sonnet 4.6 and later, every 5.x). */
export function takesEffort(modelId: string): boolean {
  return isFiveModel(modelId) || /opus-4-[5-9]|sonnet-4-[6-9]/.test(modelId);
}

/** Models that answer 400 to forced tool use (`tool_choice: {type: 'tool'}`), as the API does. */
export function refusesForcedToolUse(modelId: string): boolean {
  return /sonnet-5-5|opus-5-5/.test(modelId);
}

/** Whether the body asks for JSON outputs through `output_config.format`. */
export function wantsJsonOutput(body: FakeMessagesBody): boolean {
  return body.output_config?.format?.type === 'json_schema';
}

/** What the API says about an `output_config.format` it cannot use, or null. */
function invalidOutputFormat(format: { type?: string; schema?: unknown }): string | null {
  if (format.type !== 'json_schema')
    return `output_config.format.type: unsupported format type '${String(format.type)}'`;
  if (typeof format.schema !== 'object' || format.schema === null) {
    return 'output_config.format.schema: Field required';
  }
  const walk = (node: unknown, path: string): string | null => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) {
        const found = walk(item, `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    }
    if (typeof node !== 'object' || node === null) return null;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'object' && record['additionalProperties'] !== false) {
      return `output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false (at ${path})`;
    }
    for (const key of [
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'multipleOf',
      'minLength',
      'maxLength',
    ]) {
      if (key in record && typeof record['type'] === 'string') {
        return `output_config.format.schema: property '${key}' is not supported (at ${path})`;
      }
    }
    for (const [key, value] of Object.entries(record)) {
      const found = walk(value, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  };
  return walk(format.schema, '$');
}

/**
 * The prompt prefix up to the last `cache_control` marker (tools, then system, then messages,
 * the order the API caches in), or null when nothing is marked.
 */
function cachedPrefix(body: FakeMessagesBody): FakeMessagesBody | null {
  const marked = (block: unknown) =>
    typeof block === 'object' && block !== null && (block as { cache_control?: unknown }).cache_control != null;
  let found: FakeMessagesBody | null = null;
  const tools: NonNullable<FakeMessagesBody['tools']> = [];
  for (const tool of body.tools ?? []) {
    tools.push(tool);
    if (marked(tool)) found = { tools: [...tools] };
  }
  const system: Array<{ type: string; text?: string }> = [];
  if (Array.isArray(body.system)) {
    for (const block of body.system) {
      system.push(block);
      if (marked(block)) found = { tools, system: [...system] };
    }
  }
  const messages: NonNullable<FakeMessagesBody['messages']> = [];
  for (const message of body.messages ?? []) {
    if (typeof message.content === 'string') {
      messages.push(message);
      continue;
    }
    const content: Array<Record<string, unknown>> = [];
    messages.push({ role: message.role, content });
    for (const block of message.content) {
      content.push(block);
      if (marked(block)) found = { tools, system, messages: structuredClone(messages) };
    }
  }
  return found;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const models = options.models ?? DEFAULT_MODELS;
  const endpoints = { models: options.modelsEndpoint ?? 'on', countTokens: options.countTokensEndpoint ?? 'on' };
  let respond: RespondHook = options.respond ?? (() => DEFAULT_REPLY);
  let countTokens: CountTokensHook = options.countTokens ?? estimateTokens;
  let delayMs = options.delayMs ?? 0;
  const eventDelayMs = options.eventDelayMs ?? 0;
  const minCacheTokens = options.minCacheTokens ?? 1024;
  const chunkChars = options.streamChunkChars ?? 40;
  const requests: RecordedRequest[] = [];
  let faults: Array<Required<Pick<Fault, 'status' | 'times' | 'route'>> & Fault> = [];
  let cuts: StreamCut[] = [];
  let cache = new Set<string>();
  let messageCalls = 0;
  let ids = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    // Concurrency of Messages calls, to show that parts of a review run in parallel.
    if (req.method === 'POST' && req.url?.split('?')[0] === '/v1/messages') {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      res.on('close', () => inFlight--);
    }
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, `fake server bug: ${String(error)}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const record = recordRequest(req, url, raw);
    requests.push(record);
    // Read live, so a test sees the status as soon as the client has the response.
    Object.defineProperty(record, 'status', { enumerable: true, get: () => (res.headersSent ? res.statusCode : null) });
    res.setHeader('request-id', `req_fake_${++ids}`);

    if (delayMs > 0) await sleep(delayMs);
    const route = routeOf(req.method ?? 'GET', url.pathname);

    const fault = faults.find((f) => f.route === 'any' || f.route === route);
    if (fault && route) {
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
      const body = fault.body ?? errorBody(fault.status);
      return sendJson(res, fault.status, body, fault.headers);
    }
    if (
      route === null ||
      (route === 'models' && endpoints.models === 'missing') ||
      (route === 'count_tokens' && endpoints.countTokens === 'missing')
    ) {
      // What a gateway without the route typically answers: not the API's error JSON.
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not Found');
    }
    if (record.auth === 'none') {
      return sendJson(res, 401, errorBody(401, 'x-api-key header is required'));
    }
    if (options.credentials && record.credential === null) {
      return sendJson(res, 401, errorBody(401, 'invalid x-api-key'));
    }

    let body: FakeMessagesBody = {};
    if (req.method === 'POST') {
      try {
        body = JSON.parse(raw) as FakeMessagesBody;
      } catch {
        return sendJson(res, 400, errorBody(400, 'request body is not valid JSON'));
      }
    }
    if (route === 'models') return listModels(url, res);
    if (route === 'model') return getModel(url, res);
    const invalid = validate(body, route === 'messages');
    if (invalid) return sendJson(res, invalid.status, errorBody(invalid.status, invalid.message));
    if (route === 'count_tokens') return sendJson(res, 200, { input_tokens: countTokens(body) });
    return messages(body, res);
  }

  function recordRequest(req: IncomingMessage, url: URL, raw: string): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (['authorization', 'x-api-key', 'cookie'].includes(name) || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const apiKey = req.headers['x-api-key'];
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const secret = typeof apiKey === 'string' && apiKey ? apiKey : bearer;
    const credential = Object.entries(options.credentials ?? {}).find(([, value]) => value === secret)?.[0] ?? null;
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // Kept as text: the handler answers 400.
    }
    return {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: typeof apiKey === 'string' && apiKey ? 'x-api-key' : bearer ? 'bearer' : 'none',
      credential,
      headers,
      body,
      effort: typeof effortOf(body) === 'string' ? (effortOf(body) as string) : null,
      status: null,
    };
  }

  function findModel(id: string | undefined): FakeModel | undefined {
    return models.find((m) => m.id === id);
  }

  function validate(body: FakeMessagesBody, isMessages: boolean): { status: number; message: string } | null {
    if (typeof body.model !== 'string' || !body.model) return { status: 400, message: 'model: Field required' };
    const known = findModel(body.model);
    if ((!known && options.rejectUnknownModels) || known?.lifecycle === 'retired') {
      return { status: 404, message: `model: ${body.model}` };
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return { status: 400, message: 'messages: at least one message is required' };
    }
    if (isMessages) {
      const max = body.max_tokens;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
        return { status: 400, message: 'max_tokens: must be a positive integer' };
      }
      if (known?.max_tokens != null && max > known.max_tokens) {
        return {
          status: 400,
          message: `max_tokens: ${max} > ${known.max_tokens}, which is the maximum allowed number of output tokens for ${known.id}`,
        };
      }
    }
    if (isFiveModel(body.model)) {
      const sampling = ['temperature', 'top_p', 'top_k'].find((k) => body[k] !== undefined);
      if (sampling)
        return { status: 400, message: `${sampling}: sampling parameters are not supported for ${body.model}` };
      if (body.thinking?.type === 'enabled' || body.thinking?.budget_tokens !== undefined) {
        return {
          status: 400,
          message: `thinking.type.enabled: manual thinking budgets are not supported for ${body.model}; use thinking.type "adaptive" with output_config.effort`,
        };
      }
    }
    if (body.thinking?.type === 'disabled' && alwaysThinks(body.model)) {
      return { status: 400, message: `thinking.type.disabled: thinking cannot be turned off for ${body.model}` };
    }
    const effort = body.output_config?.effort;
    if (effort !== undefined && effort !== null) {
      if (!(EFFORT_LEVELS as readonly string[]).includes(effort)) {
        return {
          status: 400,
          message: `output_config.effort: Input should be ${EFFORT_LEVELS.map((e) => `'${e}'`).join(', ')}`,
        };
      }
      if (!takesEffort(body.model))
        return { status: 400, message: `output_config.effort: not supported for ${body.model}` };
    }
    const choice = body.tool_choice;
    if (choice?.type === 'tool' && refusesForcedToolUse(body.model)) {
      return {
        status: 400,
        message: `tool_choice: forced tool use is not supported for this model (${body.model}); use \`output_config.format\` for structured outputs, or \`tool_choice: {"type": "auto"}\``,
      };
    }
    if (choice?.type === 'tool' && !(body.tools ?? []).some((t) => t.name === choice.name)) {
      return { status: 400, message: `tool_choice: tool \`${String(choice.name)}\` not found in tools` };
    }
    const format = body.output_config?.format;
    if (format) {
      const bad = invalidOutputFormat(format);
      if (bad) return { status: 400, message: bad };
    }
    const input = isMessages ? countTokens(body) : 0;
    if (known?.max_input_tokens != null && input > known.max_input_tokens) {
      return { status: 400, message: `prompt is too long: ${input} tokens > ${known.max_input_tokens} maximum` };
    }
    return null;
  }

  function listModels(url: URL, res: ServerResponse): void {
    const stages = [...url.searchParams.getAll('lifecycle'), ...url.searchParams.getAll('lifecycle[]')];
    const wanted = stages.length > 0 ? stages : ['active', 'deprecated'];
    const visible = models.filter((m) => wanted.includes(m.lifecycle));
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? options.modelsPageSize ?? 20), 1), 1000);
    const afterId = url.searchParams.get('after_id');
    const beforeId = url.searchParams.get('before_id');
    let page: FakeModel[];
    let hasMore: boolean;
    if (beforeId) {
      const end = Math.max(
        visible.findIndex((m) => m.id === beforeId),
        0,
      );
      page = visible.slice(Math.max(end - limit, 0), end);
      hasMore = end - limit > 0;
    } else {
      const start = afterId ? visible.findIndex((m) => m.id === afterId) + 1 : 0;
      page = visible.slice(start, start + limit);
      hasMore = start + limit < visible.length;
    }
    sendJson(res, 200, {
      data: page.map((m) => ({ type: 'model', capabilities: null, ...m })),
      has_more: hasMore,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    });
  }

  function getModel(url: URL, res: ServerResponse): void {
    const id = decodeURIComponent(url.pathname.slice('/v1/models/'.length));
    const found = findModel(id);
    if (!found) return sendJson(res, 404, errorBody(404, `model: ${id}`));
    sendJson(res, 200, { type: 'model', capabilities: null, ...found });
  }

  async function messages(body: FakeMessagesBody, res: ServerResponse): Promise<void> {
    const verdictIds = verificationIds(body);
    let reply: ScriptedReply =
      options.verify && verdictIds ? await options.verify(body, messageCalls++) : await respond(body, messageCalls++);
    // A review script asked to verify answers with findings: the default verifier confirms them all.
    const gave = (reply.toolInput ?? {}) as { verdicts?: unknown };
    if (verdictIds && !options.verify && !Array.isArray(gave.verdicts) && reply.text === undefined) {
      reply = { ...reply, toolInput: confirmEvery(verdictIds) };
    }
    const maxTokens = body.max_tokens ?? 1;
    const json = wantsJsonOutput(body);
    const toolName = body.tool_choice?.type === 'tool' ? body.tool_choice.name : body.tools?.[0]?.name;
    const answerJson = reply.toolInput !== undefined ? JSON.stringify(reply.toolInput) : undefined;
    // JSON outputs: the answer is the text itself. Otherwise, text then a tool_use block.
    const fullText = json ? (answerJson ?? reply.text) : reply.text;
    const toolJson = json ? undefined : answerJson;
    // A model that always thinks writes some thinking even when the script gives none.
    const autoTokens =
      reply.thinking === undefined && alwaysThinks(body.model ?? '')
        ? (options.thinkingTokens?.[body.output_config?.effort ?? 'medium'] ??
          EFFORT_THINKING_TOKENS[body.output_config?.effort ?? 'medium'] ??
          0)
        : 0;
    const fullThinking = reply.thinking ?? (autoTokens > 0 ? 'hmm '.repeat(autoTokens) : undefined);
    const naturalOutput =
      Math.ceil(((fullThinking?.length ?? 0) + (fullText?.length ?? 0) + (toolJson?.length ?? 0)) / 4) + 5;
    const truncated = naturalOutput > maxTokens;
    const usage = billedUsage(body, reply, Math.min(naturalOutput, maxTokens));
    // A reply cut by max_tokens carries only the part of the answer that fit (thinking comes first).
    const budgetChars = truncated ? Math.max(maxTokens - 5, 0) * 4 : Infinity;
    const thinking = fullThinking?.slice(0, budgetChars);
    const afterThinking = Math.max(budgetChars - (thinking?.length ?? 0), 0);
    const text = fullText?.slice(0, afterThinking);
    const toolText = toolJson?.slice(0, Math.max(afterThinking - (text?.length ?? 0), 0));
    const stopReason =
      reply.stopReason ?? (truncated ? 'max_tokens' : toolJson !== undefined ? 'tool_use' : 'end_turn');
    const signature = `sig_fake_${ids}`;
    const message = {
      id: `msg_fake_${ids}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: [] as Array<Record<string, unknown>>,
      stop_reason: null as string | null,
      stop_sequence: null,
      stop_details: null,
      container: null,
      usage: { ...usage, output_tokens: 1 } as Record<string, unknown>,
    };
    const toolBlock = { type: 'tool_use', id: `toolu_fake_${ids}`, name: toolName ?? 'tool', input: {} };

    if (!body.stream) {
      if (thinking) message.content.push({ type: 'thinking', thinking, signature });
      if (text) message.content.push({ type: 'text', text, citations: null });
      if (toolText !== undefined) message.content.push({ ...toolBlock, input: parseOrEmpty(toolText) });
      return sendJson(res, 200, { ...message, stop_reason: stopReason, usage });
    }

    const events: Array<[string, unknown]> = [['message_start', { type: 'message_start', message }]];
    events.push(['ping', { type: 'ping' }]);
    let index = 0;
    if (thinking) {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } },
      ]);
      for (const part of chunks(thinking, chunkChars)) {
        events.push([
          'content_block_delta',
          { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: part } },
        ]);
      }
      events.push([
        'content_block_delta',
        { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } },
      ]);
      events.push(['content_block_stop', { type: 'content_block_stop', index }]);
      index++;
    }
    if (text) {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } },
      ]);
      for (const part of chunks(text, chunkChars)) {
        events.push([
          'content_block_delta',
          { type: 'content_block_delta', index, delta: { type: 'text_delta', text: part } },
        ]);
      }
      events.push(['content_block_stop', { type: 'content_block_stop', index }]);
      index++;
    }
    if (toolText !== undefined) {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: toolBlock }]);
      for (const part of chunks(toolText, chunkChars)) {
        events.push([
          'content_block_delta',
          { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: part } },
        ]);
      }
      events.push(['content_block_stop', { type: 'content_block_stop', index }]);
    }
    events.push([
      'message_delta',
      {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
        usage,
      },
    ]);
    events.push(['message_stop', { type: 'message_stop' }]);

    const cut = cuts.shift();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const [written, [name, data]] of events.entries()) {
      if (cut && written >= cut.afterEvents) {
        if (cut.how === 'destroy') {
          // Let the client read what was sent, then drop the connection mid-body.
          if (written > 0) await sleep(20);
          return void res.socket?.destroy();
        }
        if (cut.how === 'error') {
          res.write(sse('error', errorBody(529, 'Overloaded')));
        }
        return void res.end();
      }
      res.write(sse(name, data));
      if (eventDelayMs > 0) await sleep(eventDelayMs);
    }
    res.end();
  }

  /** Usage as the API bills it: cached prefix tokens are not part of `input_tokens`. */
  function billedUsage(body: FakeMessagesBody, reply: ScriptedReply, output: number): WireUsage {
    const total = countTokens(body);
    let cacheWrite = 0;
    let cacheRead = 0;
    const prefix = cachedPrefix(body);
    if (prefix) {
      const prefixTokens = Math.min(estimateTokens(prefix), total);
      if (prefixTokens >= minCacheTokens) {
        const key = JSON.stringify([body.model, prefix]);
        if (cache.has(key)) cacheRead = prefixTokens;
        else {
          cache.add(key);
          cacheWrite = prefixTokens;
        }
      }
    }
    const usage: WireUsage = {
      input_tokens: total - cacheWrite - cacheRead,
      output_tokens: output,
      cache_creation_input_tokens: cacheWrite,
      cache_read_input_tokens: cacheRead,
      ...reply.usage,
    };
    // The API never bills more output than max_tokens allows.
    usage.output_tokens = Math.min(usage.output_tokens, body.max_tokens ?? usage.output_tokens);
    return usage;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (route) => requests.filter((r) => routeOf(r.method, r.path) === route),
    get maxInFlight() {
      return maxInFlight;
    },
    failNext: (fault) => faults.push({ ...fault, times: fault.times ?? 1, route: fault.route ?? 'any' }),
    setRespond: (hook) => {
      respond = hook;
    },
    setCountTokens: (hook) => {
      countTokens = hook ?? estimateTokens;
    },
    cutStreamAfterEvents: (afterEvents, how = 'destroy') => {
      cuts.push({ afterEvents, how });
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setEndpoint: (endpoint, state) => {
      endpoints[endpoint] = state;
    },
    reset: () => {
      requests.length = 0;
      faults = [];
      cuts = [];
      cache = new Set();
      messageCalls = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function effortOf(body: unknown): unknown {
  return (body as { output_config?: { effort?: unknown } } | null)?.output_config?.effort;
}

/** The candidate ids of a verification call (its output schema has `verdicts`), or null for any other call. */
export function verificationIds(body: FakeMessagesBody): string[] | null {
  const schema = (body.output_config?.format?.schema ?? {}) as { properties?: object };
  if (!Object.hasOwn(schema.properties ?? {}, 'verdicts')) return null;
  return [...JSON.stringify(body.messages ?? []).matchAll(/\{\\"id\\":\\"(f\d+)\\"/g)].map((m) => m[1]!);
}

/** The review calls a fake received: its Messages calls less the verification calls. */
export function reviewCalls(fake: Pick<FakeAnthropic, 'requestsTo'>): RecordedRequest[] {
  return fake.requestsTo('messages').filter((r) => verificationIds(r.body as FakeMessagesBody) === null);
}

/** The verdicts of a verifier that confirms everything it is shown. */
export function confirmEvery(ids: string[]) {
  return { verdicts: ids.map((id) => ({ id, verdict: 'confirmed', confidence: 90, reason: 'The code shows it.' })) };
}

function routeOf(method: string, path: string): Exclude<FakeRoute, 'any'> | 'model' | null {
  if (method === 'GET' && path === '/v1/models') return 'models';
  if (method === 'GET' && path.startsWith('/v1/models/')) return 'model';
  if (method === 'POST' && path === '/v1/messages/count_tokens') return 'count_tokens';
  if (method === 'POST' && path === '/v1/messages') return 'messages';
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length > 0 ? parts : [''];
}

function parseOrEmpty(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return {};
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
