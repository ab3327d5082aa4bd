/**
 * The ModelClient over a Claude platform SDK (`@anthropic-ai/bedrock-sdk`,
 * `@anthropic-ai/vertex-sdk`): both extend the Anthropic SDK's client, so requests are the
 * same as on the Anthropic API (JSON outputs through `output_config.format`, streamed) and only the wire, the credentials
 * and the advice in errors differ. These platforms have no Models API: `listModels` answers
 * null and the built-in table resolves model lines.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { BaseAnthropic } from '@anthropic-ai/sdk/client';
import type {
  Messages,
  MessageCountTokensParams,
  MessageStreamParams,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelClient } from '../ports.js';
import { finishStream } from './structured-output.js';
import {
  countAttempts,
  hostOf,
  isEndpointMissing,
  mentionsModel,
  ModelError,
  redact,
  toParams,
  truncate,
  type CallContext,
  type ModelErrorKind,
} from './anthropic.js';

/** What a platform client must offer: Messages, with or without token counting. */
export type PlatformSdkClient = BaseAnthropic & {
  messages: Pick<Messages, 'stream'> & Partial<Pick<Messages, 'countTokens'>>;
};

/** The words that differ per platform in error messages. */
export type PlatformAdvice = {
  /** `Amazon Bedrock`, `Vertex AI`. */
  label: string;
  /** Where requests go, for "could not reach …". */
  baseUrl: string;
  /** Where the region (and project) come from, e.g. "`aws-region` (us-east-1)". */
  where: string;
  /** 401, or credentials that could not be found at all. */
  credentials: string;
  /** A 403 whose message or error type says the credentials themselves are bad (not the permissions). */
  badCredentials?: RegExp;
  /** 403: the identity may not use the model. */
  permission: (model: string) => string;
  /** 404: no such model here. */
  modelNotFound: (model: string) => string;
  /** A 400 that says the id needs another form (a Bedrock inference profile), or null. */
  badModelId?: (model: string, apiMessage: string) => string | null;
  /** The SDK's message when it could not obtain credentials before sending. */
  credentialFailure: RegExp;
  /** Strings never to show: static secrets from the environment. */
  secrets: string[];
};

/** How requests differ on the wire. */
export type PlatformWire = {
  /**
   * Whether the platform counts tokens through the SDK's `countTokens`. (The Bedrock SDK's
   * types omit it, but the method is still there and would post to a route Bedrock lacks.)
   */
  countTokens: boolean;
  /**
   * The `anthropic_version` a model id needs when it is not the SDK's default (older,
   * date-versioned platform ids accept only the platform's original version), else null.
   */
  apiVersion?: (model: string) => string | null;
};

/**
 * A ModelClient over the client `sdk()` makes, made on the first call: the SDK is loaded then
 * (a separate chunk of the bundle, so runs on the Anthropic API never parse it), and a run that
 * calls no model never looks for credentials. `countTokens` is used when the SDK has it; a platform or
 * region without the endpoint (404) makes it answer null, and the conservative estimator applies.
 */
export function createPlatformModelClient(
  sdk: () => Promise<PlatformSdkClient>,
  advice: PlatformAdvice,
  wire: PlatformWire,
): ModelClient {
  const fail = (error: unknown, context: CallContext) => toPlatformError(error, context, advice);
  let made: Promise<PlatformSdkClient> | undefined;
  const client = () => (made ??= sdk());
  // The SDK moves the `anthropic-version` header into the body on these platforms.
  const headers = (model: string) => {
    const version = wire.apiVersion?.(model);
    return version ? { headers: { 'anthropic-version': version } } : {};
  };
  return {
    async listModels() {
      return null;
    },

    async countTokens(request) {
      const context: CallContext = { operation: 'count', model: request.model, attempts: 0 };
      try {
        const messages = (await client()).messages;
        const count = wire.countTokens ? messages.countTokens?.bind(messages) : undefined;
        if (!count) return null;
        const params: MessageCountTokensParams = toParams(request);
        const counted = await count(params, { middleware: [countAttempts(context)], ...headers(request.model) });
        return counted.input_tokens;
      } catch (error) {
        if (isEndpointMissing(error) && !mentionsModel(error)) return null;
        // Token counting is an optimisation: a platform that refuses it is not a failed review.
        if (error instanceof APIError && error.status === 400 && /count|token|not supported/i.test(error.message)) {
          return null;
        }
        throw fail(error, context);
      }
    },

    async complete(request, maxTokens) {
      const context: CallContext = { operation: 'complete', model: request.model, attempts: 0 };
      const params: MessageStreamParams = { ...toParams(request), max_tokens: maxTokens };
      try {
        const stream = (await client()).messages.stream(params, {
          middleware: [countAttempts(context)],
          ...headers(request.model),
        });
        return await finishStream(stream, context);
      } catch (error) {
        throw fail(error, context);
      }
    },
  };
}

/** Turns what the platform SDK threw into a ModelError that says what to fix. */
export function toPlatformError(error: unknown, context: CallContext, advice: PlatformAdvice): ModelError {
  if (error instanceof ModelError) return error;
  const retries = Math.max(context.attempts - 1, 0);
  const base = { retries, ...(context.usage ? { usage: context.usage } : {}) };
  // Google access tokens are fetched at run time, so they are matched by form.
  const clean = (text: string) => redact(text, advice.secrets).replace(/ya29\.[\w.-]+/g, 'ya29.***');
  const what = { list: 'listing models', count: 'counting tokens', complete: 'requesting the review' }[
    context.operation
  ];
  const model = context.model ?? 'unknown';
  const afterRetries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  const label = advice.label;

  if (error instanceof APIUserAbortError) {
    return new ModelError(`${label}: ${what} was aborted.`, { kind: 'aborted', ...base });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelError(
      `${label}: ${what} timed out${afterRetries}. Try again later, raise \`timeout-seconds\` in the config file, or check ${advice.where}.`,
      {
        kind: 'timeout',
        ...base,
      },
    );
  }
  if (error instanceof APIConnectionError) {
    if (advice.credentialFailure.test(error.message)) {
      const cause = error.cause instanceof Error ? ` (${clean(truncate(error.cause.message, 200))})` : '';
      return new ModelError(`${label}: no usable credentials were found${cause}. ${advice.credentials}`, {
        kind: 'auth',
        ...base,
      });
    }
    return new ModelError(
      `${label}: could not reach ${hostOf(advice.baseUrl)} while ${what}${afterRetries}. Check the network and ${advice.where}.`,
      { kind: 'connection', ...base },
    );
  }
  if (error instanceof APIError) {
    const status = error.status;
    const requestId = error.requestID ?? error.headers?.get('x-amzn-requestid') ?? undefined;
    const apiMessage = error.apiMessage ?? platformMessage(error.error) ?? '';
    const detail = apiMessage ? ` The platform said: ${clean(truncate(apiMessage, 300))}` : '';
    const withStatus = (kind: ModelErrorKind, text: string) =>
      new ModelError(`${label}${status ? ` (HTTP ${status})` : ''}: ${text}${detail}`, {
        kind,
        ...base,
        ...(status ? { status } : {}),
        ...(requestId ? { requestId } : {}),
      });
    if (status === undefined) {
      const type = error.type ?? 'error';
      const busy = /overloaded|throttl|serviceUnavailable/i.test(type);
      return withStatus(
        'stream-cut',
        `the reply stream failed after it had started (${type}).${busy ? ' The platform was busy: try again later.' : ''}`,
      );
    }
    if (status === 401) return withStatus('auth', `the credentials were rejected. ${advice.credentials}`);
    if (status === 403) {
      const type = error.headers?.get('x-amzn-errortype') ?? '';
      if (advice.badCredentials?.test(`${type} ${apiMessage}`)) {
        return withStatus('auth', `the credentials were rejected. ${advice.credentials}`);
      }
      return withStatus('permission', advice.permission(model));
    }
    if (status === 404) return withStatus('model-not-found', advice.modelNotFound(model));
    if (status === 429) {
      return withStatus(
        'rate-limited',
        `rate limited${afterRetries}: try again later or raise the quota for \`${model}\`.`,
      );
    }
    if (status === 529 || error.type === 'overloaded_error') {
      return withStatus('overloaded', `overloaded${afterRetries}: try again later.`);
    }
    if (status >= 500) return withStatus('server', `server error${afterRetries}: try again later.`);
    const idHint = advice.badModelId?.(model, apiMessage);
    if (idHint) return withStatus('model-not-found', idHint);
    return withStatus('bad-request', `the request was refused while ${what}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const cut = context.operation === 'complete';
  return new ModelError(
    `${label}: ${cut ? 'the reply stream ended before it was complete' : `${what} failed`}: ${clean(truncate(message, 300))}`,
    { kind: cut ? 'stream-cut' : 'unknown', ...base },
  );
}

/** Bedrock and Vertex AI errors are not the Anthropic API's JSON: `{message}` or `{error: {message}}`. */
function platformMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { message?: unknown; Message?: unknown; error?: { message?: unknown } };
  const message = record.message ?? record.Message ?? record.error?.message;
  return typeof message === 'string' ? message : undefined;
}
