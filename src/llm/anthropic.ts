/**
 * The ModelClient adapter over the official Anthropic SDK: model listing, exact token
 * counting, and structured output through `output_config.format` (JSON outputs), streamed. Retries are the
 * SDK's own; errors leave this file as ModelError with a fix hint and no secret in them.
 */
import type { WrapFetch } from '../early/early-responses.js';
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type Middleware,
} from '@anthropic-ai/sdk';
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type {
  MessageCountTokensParams,
  MessageStreamParams,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelClient, ModelDescriptor, ModelRequest, PromptBlock, TokenUsage } from '../ports.js';
import { checkCredentials } from './credentials.js';
import { finishStream, toOutputConfig } from './structured-output.js';
export { toTokenUsage } from './structured-output.js';
import { planThinking, thinkingParams, type ThinkingPlan } from './thinking.js';

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export type AnthropicClientOptions = {
  apiKey?: string;
  authToken?: string;
  baseUrl?: string;
  /** Retries of the SDK for 408/409/429/5xx and connection errors (default 2). */
  maxRetries?: number;
  timeoutMs?: number;
  /** Serves the model list asked for while the bundle loaded (src/early/). */
  wrapFetch?: WrapFetch;
};

export type ModelErrorKind =
  | 'auth'
  | 'permission'
  | 'model-not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'overloaded'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'stream-cut'
  | 'aborted'
  | 'config'
  | 'unknown';

/** A failed model call, with a message that says what to fix. Never contains credentials. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly kind: ModelErrorKind;
  /** HTTP status, when the API answered with one. */
  readonly status: number | undefined;
  /** Retries the SDK made before giving up. */
  readonly retries: number;
  /**
   * Usage the API reported before a streamed reply failed. `output` is a lower bound when the
   * stream broke before its final `message_delta`: the caller should assume up to `max_tokens`.
   */
  readonly usage: TokenUsage | undefined;
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: { kind: ModelErrorKind; status?: number; retries?: number; usage?: TokenUsage; requestId?: string },
  ) {
    super(message);
    this.kind = details.kind;
    this.status = details.status;
    this.retries = details.retries ?? 0;
    this.usage = details.usage;
    this.requestId = details.requestId;
  }
}

type Operation = 'list' | 'count' | 'complete';

export type CallContext = {
  operation: Operation;
  model?: string;
  attempts: number;
  usage?: TokenUsage;
};

/**
 * Creates the Anthropic-backed ModelClient. The credential is checked again here (an OAuth
 * subscription token is refused) so the adapter is safe whoever calls it.
 */
export function createAnthropicModelClient(opts: AnthropicClientOptions): ModelClient {
  const checked = checkCredentials(opts);
  if (!checked.ok) throw new ModelError(checked.error, { kind: 'config' });
  const { apiKey, authToken, baseUrl } = checked.credentials;
  const secrets = [apiKey, authToken].filter((s): s is string => s !== undefined);
  const credentialInput = apiKey !== undefined ? 'anthropic-api-key' : 'anthropic-auth-token';
  const maxRetries = opts.maxRetries ?? 2;

  const client = new Anthropic({
    // Exactly one credential; `null` keeps the SDK from reading the other from the environment.
    apiKey: apiKey ?? null,
    authToken: apiKey === undefined ? (authToken ?? null) : null,
    // Explicit, so that only main.ts decides where requests go (the SDK would read ANTHROPIC_BASE_URL).
    baseURL: baseUrl ?? DEFAULT_BASE_URL,
    maxRetries,
    ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
    ...(opts.wrapFetch ? { fetch: opts.wrapFetch(globalThis.fetch) } : {}),
  });

  const fail = (error: unknown, context: CallContext): ModelError =>
    toModelError(error, context, { secrets, credentialInput, baseUrl: baseUrl ?? DEFAULT_BASE_URL });

  return {
    async listModels() {
      const context: CallContext = { operation: 'list', attempts: 0 };
      try {
        const models: ModelDescriptor[] = [];
        for await (const info of client.models.list({}, { middleware: [countAttempts(context)] })) {
          models.push(toDescriptor(info));
        }
        // A gateway may answer 200 with an empty or foreign list: as good as no Models API.
        return models.length > 0 ? models : null;
      } catch (error) {
        if (
          isEndpointMissing(error) ||
          (error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError))
        ) {
          return null;
        }
        throw fail(error, context);
      }
    },

    async countTokens(request) {
      const context: CallContext = { operation: 'count', model: request.model, attempts: 0 };
      try {
        // Counted with the widest thinking the call may use (what `complete` sends with room to spare).
        const { max_tokens: _max, ...params } = toCompleteParams(request, Number.MAX_SAFE_INTEGER).params;
        const counted = await client.messages.countTokens(params as MessageCountTokensParams, {
          middleware: [countAttempts(context)],
        });
        return counted.input_tokens;
      } catch (error) {
        // A 404 that names the model is the API's answer to a wrong id, not a missing endpoint.
        if (isEndpointMissing(error) && !mentionsModel(error)) return null;
        throw fail(error, context);
      }
    },

    async complete(request, maxTokens) {
      const context: CallContext = { operation: 'complete', model: request.model, attempts: 0 };
      const { params, plan } = toCompleteParams(request, maxTokens);
      // Streaming: a long review can outlast the SDK's limit for non-streaming requests.
      const stream = client.messages.stream(params, { middleware: [countAttempts(context)] });
      try {
        return { ...(await finishStream(stream, context)), effort: plan.effort };
      } catch (error) {
        throw fail(error, context);
      }
    },
  };
}

/**
 * The request both `countTokens` and `complete` send, so the count is of what is sent (also on
 * Bedrock and Vertex AI). The answer's shape is set by `output_config.format` (JSON outputs),
 * never by a forced tool: Claude Sonnet 5.5 and Opus 5.5 refuse `tool_choice: {type: 'tool'}`.
 */
export function toParams(request: ModelRequest) {
  return {
    model: request.model,
    system: request.system.map(toTextBlock),
    messages: [{ role: 'user' as const, content: request.user.map(toTextBlock) }],
    output_config: toOutputConfig(request.outputSchema),
  };
}

/**
 * The request `complete` streams: `toParams` plus `max_tokens` and the thinking that fits in it
 * (adaptive thinking and `output_config.effort` where the model takes them; see thinking.ts).
 * Never `temperature`, `top_p` or `top_k`: the 5.x models refuse them with a 400.
 */
export function toCompleteParams(
  request: ModelRequest,
  maxTokens: number,
): { params: MessageStreamParams; plan: ThinkingPlan } {
  const plan = planThinking({
    model: request.model,
    wanted: request.effort ?? null,
    maxTokens,
    answerTokens: request.answerTokens ?? 0,
  });
  const { thinking, effort } = thinkingParams(plan);
  const base = toParams(request);
  const params: MessageStreamParams = {
    ...base,
    max_tokens: maxTokens,
    ...(thinking ? { thinking } : {}),
    output_config: { ...base.output_config, ...(effort ? { effort } : {}) },
  };
  return { params, plan };
}

function toTextBlock(block: PromptBlock): TextBlockParam {
  return block.cache
    ? { type: 'text', text: block.text, cache_control: { type: 'ephemeral' } }
    : { type: 'text', text: block.text };
}

function toDescriptor(info: ModelInfo): ModelDescriptor {
  // Gateways may list models without the newer fields; such entries count as active.
  const lifecycle = (info as Partial<ModelInfo>).lifecycle;
  return {
    id: info.id,
    line: typeof info.line === 'string' ? info.line : null,
    active: lifecycle === undefined ? info.deprecated_at == null : lifecycle === 'active',
    createdAt: typeof info.created_at === 'string' ? info.created_at : '',
    maxInputTokens: typeof info.max_input_tokens === 'number' ? info.max_input_tokens : null,
    maxOutputTokens: typeof info.max_tokens === 'number' ? info.max_tokens : null,
  };
}

/** Counts HTTP attempts of one call (the SDK runs per-request middleware on every retry). */
export function countAttempts(context: CallContext): Middleware {
  return (request, next) => {
    context.attempts += 1;
    return next(request);
  };
}

export function isEndpointMissing(error: unknown): boolean {
  return error instanceof APIError && (error.status === 404 || error.status === 405 || error.status === 501);
}

export function mentionsModel(error: unknown): boolean {
  return error instanceof APIError && error.type === 'not_found_error' && /model/i.test(error.apiMessage ?? '');
}

type Redaction = { secrets: string[]; credentialInput: string; baseUrl: string };

/** Turns whatever the SDK threw into a ModelError that says what to do next. */
function toModelError(error: unknown, context: CallContext, redaction: Redaction): ModelError {
  if (error instanceof ModelError) return error;
  const retries = Math.max(context.attempts - 1, 0);
  const base = { retries, ...(context.usage ? { usage: context.usage } : {}) };
  const clean = (text: string) => redact(text, redaction.secrets);
  const what = { list: 'listing models', count: 'counting tokens', complete: 'requesting the review' }[
    context.operation
  ];
  const model = context.model ?? 'unknown';
  const afterRetries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';

  if (error instanceof APIUserAbortError) {
    return new ModelError(`Anthropic API: ${what} was aborted.`, { kind: 'aborted', ...base });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelError(
      `Anthropic API: ${what} timed out${afterRetries}: try again later, raise \`timeout-seconds\` in the config file, or check \`anthropic-base-url\` if you use a gateway.`,
      { kind: 'timeout', ...base },
    );
  }
  if (error instanceof APIConnectionError) {
    return new ModelError(
      `Anthropic API: could not reach ${hostOf(redaction.baseUrl)} while ${what}${afterRetries}. ` +
        'Check the network and `anthropic-base-url`.',
      { kind: 'connection', ...base },
    );
  }
  if (error instanceof APIError) {
    const status = error.status;
    const requestId = error.requestID ?? undefined;
    const detail = error.apiMessage ? ` The API said: ${clean(truncate(error.apiMessage, 300))}` : '';
    const withStatus = (kind: ModelErrorKind, text: string) =>
      new ModelError(`Anthropic API${status ? ` (HTTP ${status})` : ''}: ${text}${detail}`, {
        kind,
        ...base,
        ...(status ? { status } : {}),
        ...(requestId ? { requestId } : {}),
      });
    if (status === undefined) {
      // An `error` event in the middle of a streamed reply: the SDK does not retry these, and
      // the tokens already produced are billed, hence the same kind as a broken connection.
      const hint = error.type === 'overloaded_error' ? ' The API was overloaded: try again later.' : '';
      return withStatus(
        'stream-cut',
        `the reply stream failed after it had started (${error.type ?? 'error'}).${hint}`,
      );
    }
    if (status === 401) {
      return withStatus('auth', `the credential was rejected: check the \`${redaction.credentialInput}\` secret.`);
    }
    if (status === 403) {
      return withStatus(
        'permission',
        `the credential may not use model \`${model}\`: check the key's workspace and the \`${redaction.credentialInput}\` secret.`,
      );
    }
    if (status === 404) {
      return withStatus(
        'model-not-found',
        `model \`${model}\` not found: check the \`model\` input (or \`model-small\`/\`model-medium\`/\`model-large\`).`,
      );
    }
    if (status === 429) {
      return withStatus(
        'rate-limited',
        `rate limited${afterRetries}: try again later or raise the organisation's rate limits.`,
      );
    }
    if (status === 529 || error.type === 'overloaded_error') {
      return withStatus('overloaded', `overloaded${afterRetries}: try again later.`);
    }
    if (status >= 500) return withStatus('server', `server error${afterRetries}: try again later.`);
    if (/prompt is too long|too many tokens|context (length|window)/i.test(error.message)) {
      return withStatus(
        'bad-request',
        `the prompt is too long for the model's context while ${what}: narrow the review with \`include\`/\`exclude\`, or choose a model with a larger context (\`model\`).`,
      );
    }
    return withStatus('bad-request', `the request was refused while ${what}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  // The SDK's words when the connection ends before `message_stop`, or the body read fails.
  const cut = context.operation === 'complete';
  return new ModelError(
    `Anthropic API: ${cut ? 'the reply stream ended before it was complete' : `${what} failed`}: ${clean(truncate(message, 300))}. ` +
      `The connection dropped: re-run the job, and if you use a gateway check \`anthropic-base-url\`.`,
    { kind: cut ? 'stream-cut' : 'unknown', ...base },
  );
}

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.replace(/sk-ant-[A-Za-z0-9_-]+/g, 'sk-ant-***').replace(/Bearer\s+\S+/gi, 'Bearer ***');
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the Anthropic API';
  }
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
