export const id = 82;
export const ids = [82];
export const modules = {

/***/ 45815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   SV: () => (/* binding */ toParams),
/* harmony export */   cs: () => (/* binding */ countAttempts),
/* harmony export */   lx: () => (/* binding */ createAnthropicModelClient),
/* harmony export */   me: () => (/* binding */ ModelError),
/* harmony export */   tx: () => (/* binding */ mentionsModel),
/* harmony export */   w4: () => (/* binding */ hostOf),
/* harmony export */   wf: () => (/* binding */ isEndpointMissing),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export toCompleteParams */
/* harmony import */ var _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2968);
/* harmony import */ var _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25064);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4705);
/* harmony import */ var _structured_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27264);
/* harmony import */ var _thinking_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71439);





const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** A failed model call, with a message that says what to fix. Never contains credentials. */
class ModelError extends Error {
    name = 'ModelError';
    kind;
    /** HTTP status, when the API answered with one. */
    status;
    /** Retries the SDK made before giving up. */
    retries;
    /**
     * Usage the API reported before a streamed reply failed. `output` is a lower bound when the
     * stream broke before its final `message_delta`: the caller should assume up to `max_tokens`.
     */
    usage;
    requestId;
    constructor(message, details) {
        super(message);
        this.kind = details.kind;
        this.status = details.status;
        this.retries = details.retries ?? 0;
        this.usage = details.usage;
        this.requestId = details.requestId;
    }
}
/**
 * Creates the Anthropic-backed ModelClient. The credential is checked again here (an OAuth
 * subscription token is refused) so the adapter is safe whoever calls it.
 */
function createAnthropicModelClient(opts) {
    const checked = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCredentials */ .vG)(opts);
    if (!checked.ok)
        throw new ModelError(checked.error, { kind: 'config' });
    const { apiKey, authToken, baseUrl } = checked.credentials;
    const secrets = [apiKey, authToken].filter((s) => s !== undefined);
    const credentialInput = apiKey !== undefined ? 'anthropic-api-key' : 'anthropic-auth-token';
    const maxRetries = opts.maxRetries ?? 2;
    const client = new _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .Anthropic */ .N({
        // Exactly one credential; `null` keeps the SDK from reading the other from the environment.
        apiKey: apiKey ?? null,
        authToken: apiKey === undefined ? (authToken ?? null) : null,
        // Explicit, so that only main.ts decides where requests go (the SDK would read ANTHROPIC_BASE_URL).
        baseURL: baseUrl ?? DEFAULT_BASE_URL,
        maxRetries,
        ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
        ...(opts.wrapFetch ? { fetch: opts.wrapFetch(globalThis.fetch) } : {}),
    });
    const fail = (error, context) => toModelError(error, context, { secrets, credentialInput, baseUrl: baseUrl ?? DEFAULT_BASE_URL });
    return {
        async listModels() {
            const context = { operation: 'list', attempts: 0 };
            try {
                const models = [];
                for await (const info of client.models.list({}, { middleware: [countAttempts(context)] })) {
                    models.push(toDescriptor(info));
                }
                // A gateway may answer 200 with an empty or foreign list: as good as no Models API.
                return models.length > 0 ? models : null;
            }
            catch (error) {
                if (isEndpointMissing(error) ||
                    (error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIConnectionError */ .xX && !(error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIConnectionTimeoutError */ .qA))) {
                    return null;
                }
                throw fail(error, context);
            }
        },
        async countTokens(request) {
            const context = { operation: 'count', model: request.model, attempts: 0 };
            try {
                // Counted with the widest thinking the call may use (what `complete` sends with room to spare).
                const { max_tokens: _max, ...params } = toCompleteParams(request, Number.MAX_SAFE_INTEGER).params;
                const counted = await client.messages.countTokens(params, {
                    middleware: [countAttempts(context)],
                });
                return counted.input_tokens;
            }
            catch (error) {
                // A 404 that names the model is the API's answer to a wrong id, not a missing endpoint.
                if (isEndpointMissing(error) && !mentionsModel(error))
                    return null;
                throw fail(error, context);
            }
        },
        async complete(request, maxTokens) {
            const context = { operation: 'complete', model: request.model, attempts: 0 };
            const { params, plan } = toCompleteParams(request, maxTokens);
            // Streaming: a long review can outlast the SDK's limit for non-streaming requests.
            const stream = client.messages.stream(params, { middleware: [countAttempts(context)] });
            try {
                return { ...(await (0,_structured_output_js__WEBPACK_IMPORTED_MODULE_4__/* .finishStream */ .QM)(stream, context)), effort: plan.effort };
            }
            catch (error) {
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
function toParams(request) {
    return {
        model: request.model,
        system: request.system.map(toTextBlock),
        messages: [{ role: 'user', content: request.user.map(toTextBlock) }],
        output_config: (0,_structured_output_js__WEBPACK_IMPORTED_MODULE_4__/* .toOutputConfig */ .pd)(request.outputSchema),
    };
}
/**
 * The request `complete` streams: `toParams` plus `max_tokens` and the thinking that fits in it
 * (adaptive thinking and `output_config.effort` where the model takes them; see thinking.ts).
 * Never `temperature`, `top_p` or `top_k`: the 5.x models refuse them with a 400.
 */
function toCompleteParams(request, maxTokens) {
    const plan = (0,_thinking_js__WEBPACK_IMPORTED_MODULE_0__/* .planThinking */ .Qc)({
        model: request.model,
        wanted: request.effort ?? null,
        maxTokens,
        answerTokens: request.answerTokens ?? 0,
    });
    const { thinking, effort } = (0,_thinking_js__WEBPACK_IMPORTED_MODULE_0__/* .thinkingParams */ .z0)(plan);
    const base = toParams(request);
    const params = {
        ...base,
        max_tokens: maxTokens,
        ...(thinking ? { thinking } : {}),
        output_config: { ...base.output_config, ...(effort ? { effort } : {}) },
    };
    return { params, plan };
}
function toTextBlock(block) {
    return block.cache
        ? { type: 'text', text: block.text, cache_control: { type: 'ephemeral' } }
        : { type: 'text', text: block.text };
}
function toDescriptor(info) {
    // Gateways may list models without the newer fields; such entries count as active.
    const lifecycle = info.lifecycle;
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
function countAttempts(context) {
    return (request, next) => {
        context.attempts += 1;
        return next(request);
    };
}
function isEndpointMissing(error) {
    return error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIError */ .LG && (error.status === 404 || error.status === 405 || error.status === 501);
}
function mentionsModel(error) {
    return error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIError */ .LG && error.type === 'not_found_error' && /model/i.test(error.apiMessage ?? '');
}
/** Turns whatever the SDK threw into a ModelError that says what to do next. */
function toModelError(error, context, redaction) {
    if (error instanceof ModelError)
        return error;
    const retries = Math.max(context.attempts - 1, 0);
    const base = { retries, ...(context.usage ? { usage: context.usage } : {}) };
    const clean = (text) => redact(text, redaction.secrets);
    const what = { list: 'listing models', count: 'counting tokens', complete: 'requesting the review' }[context.operation];
    const model = context.model ?? 'unknown';
    const afterRetries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
    if (error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIUserAbortError */ .cH) {
        return new ModelError(`Anthropic API: ${what} was aborted.`, { kind: 'aborted', ...base });
    }
    if (error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIConnectionTimeoutError */ .qA) {
        return new ModelError(`Anthropic API: ${what} timed out${afterRetries}: try again later, raise \`timeout-seconds\` in the config file, or check \`anthropic-base-url\` if you use a gateway.`, { kind: 'timeout', ...base });
    }
    if (error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIConnectionError */ .xX) {
        return new ModelError(`Anthropic API: could not reach ${hostOf(redaction.baseUrl)} while ${what}${afterRetries}. ` +
            'Check the network and `anthropic-base-url`.', { kind: 'connection', ...base });
    }
    if (error instanceof _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .APIError */ .LG) {
        const status = error.status;
        const requestId = error.requestID ?? undefined;
        const detail = error.apiMessage ? ` The API said: ${clean(truncate(error.apiMessage, 300))}` : '';
        const withStatus = (kind, text) => new ModelError(`Anthropic API${status ? ` (HTTP ${status})` : ''}: ${text}${detail}`, {
            kind,
            ...base,
            ...(status ? { status } : {}),
            ...(requestId ? { requestId } : {}),
        });
        if (status === undefined) {
            // An `error` event in the middle of a streamed reply: the SDK does not retry these, and
            // the tokens already produced are billed, hence the same kind as a broken connection.
            const hint = error.type === 'overloaded_error' ? ' The API was overloaded: try again later.' : '';
            return withStatus('stream-cut', `the reply stream failed after it had started (${error.type ?? 'error'}).${hint}`);
        }
        if (status === 401) {
            return withStatus('auth', `the credential was rejected: check the \`${redaction.credentialInput}\` secret.`);
        }
        if (status === 403) {
            return withStatus('permission', `the credential may not use model \`${model}\`: check the key's workspace and the \`${redaction.credentialInput}\` secret.`);
        }
        if (status === 404) {
            return withStatus('model-not-found', `model \`${model}\` not found: check the \`model\` input (or \`model-small\`/\`model-medium\`/\`model-large\`).`);
        }
        if (status === 429) {
            return withStatus('rate-limited', `rate limited${afterRetries}: try again later or raise the organisation's rate limits.`);
        }
        if (status === 529 || error.type === 'overloaded_error') {
            return withStatus('overloaded', `overloaded${afterRetries}: try again later.`);
        }
        if (status >= 500)
            return withStatus('server', `server error${afterRetries}: try again later.`);
        if (/prompt is too long|too many tokens|context (length|window)/i.test(error.message)) {
            return withStatus('bad-request', `the prompt is too long for the model's context while ${what}: narrow the review with \`include\`/\`exclude\`, or choose a model with a larger context (\`model\`).`);
        }
        return withStatus('bad-request', `the request was refused while ${what}.`);
    }
    const message = error instanceof Error ? error.message : String(error);
    // The SDK's words when the connection ends before `message_stop`, or the body read fails.
    const cut = context.operation === 'complete';
    return new ModelError(`Anthropic API: ${cut ? 'the reply stream ended before it was complete' : `${what} failed`}: ${clean(truncate(message, 300))}. ` +
        `The connection dropped: re-run the job, and if you use a gateway check \`anthropic-base-url\`.`, { kind: cut ? 'stream-cut' : 'unknown', ...base });
}
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out.replace(/sk-ant-[A-Za-z0-9_-]+/g, 'sk-ant-***').replace(/Bearer\s+\S+/gi, 'Bearer ***');
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the Anthropic API';
    }
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}


/***/ }),

/***/ 23082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oF: () => (/* binding */ checkPlatform),
  B4: () => (/* binding */ createPlatformClient)
});

// UNUSED EXPORTS: PLATFORM_ENV

// EXTERNAL MODULE: ./src/config/platform.ts
var platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./node_modules/@anthropic-ai/sdk/core/error.mjs
var core_error = __webpack_require__(25064);
// EXTERNAL MODULE: ./src/llm/structured-output.ts
var structured_output = __webpack_require__(27264);
// EXTERNAL MODULE: ./src/llm/anthropic.ts
var anthropic = __webpack_require__(45815);
;// CONCATENATED MODULE: ./src/llm/platform.ts
/**
 * The ModelClient over a Claude platform SDK (`@anthropic-ai/bedrock-sdk`,
 * `@anthropic-ai/vertex-sdk`): both extend the Anthropic SDK's client, so requests are the
 * same as on the Anthropic API (JSON outputs through `output_config.format`, streamed) and only the wire, the credentials
 * and the advice in errors differ. These platforms have no Models API: `listModels` answers
 * null and the built-in table resolves model lines.
 */



/**
 * A ModelClient over the client `sdk()` makes, made on the first call: the SDK is loaded then
 * (a separate chunk of the bundle, so runs on the Anthropic API never parse it), and a run that
 * calls no model never looks for credentials. `countTokens` is used when the SDK has it; a platform or
 * region without the endpoint (404) makes it answer null, and the conservative estimator applies.
 */
function createPlatformModelClient(sdk, advice, wire) {
    const fail = (error, context) => toPlatformError(error, context, advice);
    let made;
    const client = () => (made ??= sdk());
    // The SDK moves the `anthropic-version` header into the body on these platforms.
    const headers = (model) => {
        const version = wire.apiVersion?.(model);
        return version ? { headers: { 'anthropic-version': version } } : {};
    };
    return {
        async listModels() {
            return null;
        },
        async countTokens(request) {
            const context = { operation: 'count', model: request.model, attempts: 0 };
            try {
                const messages = (await client()).messages;
                const count = wire.countTokens ? messages.countTokens?.bind(messages) : undefined;
                if (!count)
                    return null;
                const params = (0,anthropic/* toParams */.SV)(request);
                const counted = await count(params, { middleware: [(0,anthropic/* countAttempts */.cs)(context)], ...headers(request.model) });
                return counted.input_tokens;
            }
            catch (error) {
                if ((0,anthropic/* isEndpointMissing */.wf)(error) && !(0,anthropic/* mentionsModel */.tx)(error))
                    return null;
                // Token counting is an optimisation: a platform that refuses it is not a failed review.
                if (error instanceof core_error/* APIError */.LG && error.status === 400 && /count|token|not supported/i.test(error.message)) {
                    return null;
                }
                throw fail(error, context);
            }
        },
        async complete(request, maxTokens) {
            const context = { operation: 'complete', model: request.model, attempts: 0 };
            const params = { ...(0,anthropic/* toParams */.SV)(request), max_tokens: maxTokens };
            try {
                const stream = (await client()).messages.stream(params, {
                    middleware: [(0,anthropic/* countAttempts */.cs)(context)],
                    ...headers(request.model),
                });
                return await (0,structured_output/* finishStream */.QM)(stream, context);
            }
            catch (error) {
                throw fail(error, context);
            }
        },
    };
}
/** Turns what the platform SDK threw into a ModelError that says what to fix. */
function toPlatformError(error, context, advice) {
    if (error instanceof anthropic/* ModelError */.me)
        return error;
    const retries = Math.max(context.attempts - 1, 0);
    const base = { retries, ...(context.usage ? { usage: context.usage } : {}) };
    // Google access tokens are fetched at run time, so they are matched by form.
    const clean = (text) => (0,anthropic/* redact */.E$)(text, advice.secrets).replace(/ya29\.[\w.-]+/g, 'ya29.***');
    const what = { list: 'listing models', count: 'counting tokens', complete: 'requesting the review' }[context.operation];
    const model = context.model ?? 'unknown';
    const afterRetries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
    const label = advice.label;
    if (error instanceof core_error/* APIUserAbortError */.cH) {
        return new anthropic/* ModelError */.me(`${label}: ${what} was aborted.`, { kind: 'aborted', ...base });
    }
    if (error instanceof core_error/* APIConnectionTimeoutError */.qA) {
        return new anthropic/* ModelError */.me(`${label}: ${what} timed out${afterRetries}. Try again later, raise \`timeout-seconds\` in the config file, or check ${advice.where}.`, {
            kind: 'timeout',
            ...base,
        });
    }
    if (error instanceof core_error/* APIConnectionError */.xX) {
        if (advice.credentialFailure.test(error.message)) {
            const cause = error.cause instanceof Error ? ` (${clean((0,anthropic/* truncate */.xv)(error.cause.message, 200))})` : '';
            return new anthropic/* ModelError */.me(`${label}: no usable credentials were found${cause}. ${advice.credentials}`, {
                kind: 'auth',
                ...base,
            });
        }
        return new anthropic/* ModelError */.me(`${label}: could not reach ${(0,anthropic/* hostOf */.w4)(advice.baseUrl)} while ${what}${afterRetries}. Check the network and ${advice.where}.`, { kind: 'connection', ...base });
    }
    if (error instanceof core_error/* APIError */.LG) {
        const status = error.status;
        const requestId = error.requestID ?? error.headers?.get('x-amzn-requestid') ?? undefined;
        const apiMessage = error.apiMessage ?? platformMessage(error.error) ?? '';
        const detail = apiMessage ? ` The platform said: ${clean((0,anthropic/* truncate */.xv)(apiMessage, 300))}` : '';
        const withStatus = (kind, text) => new anthropic/* ModelError */.me(`${label}${status ? ` (HTTP ${status})` : ''}: ${text}${detail}`, {
            kind,
            ...base,
            ...(status ? { status } : {}),
            ...(requestId ? { requestId } : {}),
        });
        if (status === undefined) {
            const type = error.type ?? 'error';
            const busy = /overloaded|throttl|serviceUnavailable/i.test(type);
            return withStatus('stream-cut', `the reply stream failed after it had started (${type}).${busy ? ' The platform was busy: try again later.' : ''}`);
        }
        if (status === 401)
            return withStatus('auth', `the credentials were rejected. ${advice.credentials}`);
        if (status === 403) {
            const type = error.headers?.get('x-amzn-errortype') ?? '';
            if (advice.badCredentials?.test(`${type} ${apiMessage}`)) {
                return withStatus('auth', `the credentials were rejected. ${advice.credentials}`);
            }
            return withStatus('permission', advice.permission(model));
        }
        if (status === 404)
            return withStatus('model-not-found', advice.modelNotFound(model));
        if (status === 429) {
            return withStatus('rate-limited', `rate limited${afterRetries}: try again later or raise the quota for \`${model}\`.`);
        }
        if (status === 529 || error.type === 'overloaded_error') {
            return withStatus('overloaded', `overloaded${afterRetries}: try again later.`);
        }
        if (status >= 500)
            return withStatus('server', `server error${afterRetries}: try again later.`);
        const idHint = advice.badModelId?.(model, apiMessage);
        if (idHint)
            return withStatus('model-not-found', idHint);
        return withStatus('bad-request', `the request was refused while ${what}.`);
    }
    const message = error instanceof Error ? error.message : String(error);
    const cut = context.operation === 'complete';
    return new anthropic/* ModelError */.me(`${label}: ${cut ? 'the reply stream ended before it was complete' : `${what} failed`}: ${clean((0,anthropic/* truncate */.xv)(message, 300))}`, { kind: cut ? 'stream-cut' : 'unknown', ...base });
}
/** Bedrock and Vertex AI errors are not the Anthropic API's JSON: `{message}` or `{error: {message}}`. */
function platformMessage(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const record = body;
    const message = record.message ?? record.Message ?? record.error?.message;
    return typeof message === 'string' ? message : undefined;
}

;// CONCATENATED MODULE: ./src/llm/bedrock.ts

function bedrockBaseUrl(region) {
    return `https://bedrock-runtime.${region}.amazonaws.com`;
}
function createBedrockModelClient(opts) {
    const baseUrl = opts.baseUrl ?? bedrockBaseUrl(opts.region);
    const where = `the AWS region (${opts.region}, from AWS_REGION)${opts.baseUrl ? ' and `anthropic-base-url`' : ''}`;
    const credentials = opts.credentials;
    const sdk = async () => {
        const { AnthropicBedrock } = await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 41820));
        return new AnthropicBedrock({
            awsRegion: opts.region,
            // Explicit, so that the SDK does not read ANTHROPIC_BEDROCK_BASE_URL: main.ts decides where requests go.
            baseURL: baseUrl,
            // `null` keeps the SDK from reading AWS_BEARER_TOKEN_BEDROCK itself (main.ts passes it).
            apiKey: opts.apiKey ?? null,
            ...(credentials ? { providerChainResolver: async () => credentials } : {}),
            maxRetries: opts.maxRetries ?? 2,
            ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
        });
    };
    const wire = {
        countTokens: false,
        // Ids versioned like `…-v1:0` (the 4.5 generation and older) take only Bedrock's first API version.
        apiVersion: (model) => (/-v\d+:\d+$/.test(model) ? 'bedrock-2023-05-31' : null),
    };
    return createPlatformModelClient(sdk, {
        label: 'Amazon Bedrock',
        baseUrl,
        where,
        secrets: opts.secrets ?? [],
        credentialFailure: /Failed to resolve AWS credentials/i,
        badCredentials: /UnrecognizedClient|InvalidSignature|ExpiredToken|security token included in the request is (invalid|expired)|signature we calculated does not match/i,
        credentials: 'Run `aws-actions/configure-aws-credentials` before this step (it leaves AWS_ACCESS_KEY_ID, ' +
            'AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the environment) with a role that may invoke ' +
            'Bedrock models, or set AWS_BEARER_TOKEN_BEDROCK to a Bedrock API key.',
        permission: (model) => `the AWS identity may not invoke \`${model}\` in ${opts.region}: allow \`bedrock:InvokeModelWithResponseStream\` ` +
            'on the model and its inference profile, and enable access to the model in the Bedrock console.',
        modelNotFound: (model) => `model \`${model}\` is not available on Bedrock in ${where}: check the \`model\` input (or ` +
            '`model-small`/`model-medium`/`model-large`): a line, or a Bedrock model or inference profile id such as ' +
            '`global.anthropic.claude-sonnet-5-5` or `us.anthropic.claude-sonnet-5-5`.',
        badModelId: (model, said) => /inference profile|on-demand throughput|model identifier is invalid/i.test(said)
            ? `Bedrock will not invoke \`${model}\` by this id: set \`model\` (or \`model-small\`/\`model-medium\`/\`model-large\`) ` +
                'to an inference profile id such as `global.anthropic.claude-sonnet-5-5` or `us.anthropic.claude-sonnet-5-5`.'
            : null,
    }, wire);
}

// EXTERNAL MODULE: ./src/llm/credentials.ts
var credentials = __webpack_require__(4705);
;// CONCATENATED MODULE: ./src/llm/vertex.ts

/** The SDK's endpoint for a region, computed here so that ANTHROPIC_VERTEX_BASE_URL is never read. */
function vertexBaseUrl(region) {
    if (region === 'global')
        return 'https://aiplatform.googleapis.com/v1';
    if (region === 'us' || region === 'eu')
        return `https://aiplatform.${region}.rep.googleapis.com/v1`;
    return `https://${region}-aiplatform.googleapis.com/v1`;
}
function createVertexModelClient(opts) {
    const baseUrl = opts.baseUrl ?? vertexBaseUrl(opts.region);
    const where = `the Google Cloud project (${opts.projectId}, from GOOGLE_CLOUD_PROJECT) and region (${opts.region}, from CLOUD_ML_REGION)` +
        (opts.baseUrl ? ' and `anthropic-base-url`' : '');
    const sdk = async () => {
        const { AnthropicVertex } = await __webpack_require__.e(/* import() */ 33).then(__webpack_require__.bind(__webpack_require__, 82033));
        return new AnthropicVertex({
            region: opts.region,
            projectId: opts.projectId,
            baseURL: baseUrl,
            ...(opts.authClient ? { authClient: opts.authClient } : {}),
            maxRetries: opts.maxRetries ?? 2,
            ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
        });
    };
    const wire = {
        countTokens: true,
        // Ids versioned like `…@20250929` (the 4.5 generation and older) take only Vertex AI's first API version.
        apiVersion: (model) => (/@\d{8}$/.test(model) ? 'vertex-2023-10-16' : null),
    };
    return createPlatformModelClient(sdk, {
        label: 'Vertex AI',
        baseUrl,
        where,
        secrets: [],
        credentialFailure: /Failed to acquire Google OAuth credentials/i,
        credentials: 'Run `google-github-actions/auth` before this step (it sets GOOGLE_APPLICATION_CREDENTIALS) with a ' +
            'Workload Identity Federation provider or service account that may use Vertex AI.',
        permission: (model) => `the Google identity may not use \`${model}\` in ${where}: grant it the Vertex AI User role ` +
            '(`roles/aiplatform.user`) on the project and enable the model in Model Garden.',
        modelNotFound: (model) => `model \`${model}\` is not available in ${where}: check the \`model\` input (or ` +
            '`model-small`/`model-medium`/`model-large`): a line, or a Vertex AI id such as `claude-sonnet-5-5`; ' +
            'enable the model in Model Garden, and note that newer models are served in the `global` region.',
    }, wire);
}

;// CONCATENATED MODULE: ./src/llm/provider.ts




/** Environment variables read for each input, first set wins. */
const PLATFORM_ENV = {
    'aws-region': ['AWS_REGION', 'AWS_DEFAULT_REGION'],
    'vertex-region': ['CLOUD_ML_REGION'],
    'vertex-project-id': ['GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT'],
};
/** AWS secrets that may be in the environment (the access key id is not one). */
const AWS_SECRETS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];
/** Vertex AI's newest models are served from the global endpoint, so it is the default. */
const DEFAULT_VERTEX_REGION = 'global';
/**
 * Settings for `provider: bedrock` or `vertex`, or the problems that stop the run, each
 * naming the input to set. An Anthropic credential is not needed (and not sent) there, but a
 * subscription OAuth token is refused all the same.
 */
function checkPlatform(config, env) {
    const provider = config.platform.provider;
    if (provider === 'anthropic')
        return { ok: false, error: 'checkPlatform is for `provider: bedrock` or `vertex`' };
    const { apiKey, authToken, baseUrl } = config.credentials;
    const unused = `With \`provider: ${provider}\` no Anthropic credential is needed: remove it from the workflow.`;
    if ((0,credentials/* isOAuthToken */.vv)(apiKey?.trim()) || (0,credentials/* isOAuthToken */.vv)(authToken?.trim())) {
        return { ok: false, error: `${credentials/* OAUTH_REFUSAL */.f_} ${unused}` };
    }
    const notes = [];
    if (apiKey || authToken) {
        notes.push(`\`${apiKey ? 'anthropic-api-key' : 'anthropic-auth-token'}\` is ignored with \`provider: ${provider}\`, which uses ${provider === 'bedrock' ? 'AWS' : 'Google Cloud'} credentials. ${unused}`);
    }
    if (baseUrl)
        notes.push(`Requests go to \`anthropic-base-url\` (${hostOf(baseUrl)}) instead of the ${label(provider)} endpoint.`);
    const problems = [];
    const value = (input, given) => {
        if (given)
            return given;
        for (const name of PLATFORM_ENV[input]) {
            const v = env[name]?.trim();
            if (!v)
                continue;
            const problem = (0,platform/* platformValueProblem */._)(input, v, name);
            if (problem)
                problems.push(problem);
            return problem ? null : v;
        }
        return null;
    };
    if (provider === 'bedrock') {
        const region = value('aws-region', config.platform.awsRegion);
        if (!region && problems.length === 0) {
            problems.push('AWS_REGION is not set, and `provider: bedrock` needs the region: run `aws-actions/configure-aws-credentials` ' +
                'with its `aws-region` before this step (it exports AWS_REGION), or set AWS_REGION in the job’s `env:`.');
        }
        if (!region || problems.length > 0)
            return { ok: false, error: problems.join('\n') };
        const secrets = AWS_SECRETS.map((name) => env[name]?.trim()).filter((s) => Boolean(s));
        const bearer = env['AWS_BEARER_TOKEN_BEDROCK']?.trim();
        if (bearer)
            notes.push('Using the Bedrock API key in AWS_BEARER_TOKEN_BEDROCK instead of signing with AWS credentials.');
        return {
            ok: true,
            settings: {
                provider,
                region,
                ...(baseUrl ? { baseUrl } : {}),
                ...(bearer ? { apiKey: bearer } : {}),
                secrets,
            },
            notes,
            secrets,
        };
    }
    let region = value('vertex-region', config.platform.vertexRegion);
    const projectId = value('vertex-project-id', config.platform.vertexProjectId);
    if (!projectId && !problems.some((p) => p.includes('vertex-project-id'))) {
        problems.push('GOOGLE_CLOUD_PROJECT is not set, and `provider: vertex` needs the project: run `google-github-actions/auth` ' +
            'with its `project_id` before this step (it exports GOOGLE_CLOUD_PROJECT), or set it in the job’s `env:`.');
    }
    if (problems.length > 0 || !projectId)
        return { ok: false, error: problems.join('\n') };
    if (!region) {
        region = DEFAULT_VERTEX_REGION;
        notes.push('CLOUD_ML_REGION is not set: using the `global` endpoint of Vertex AI.');
    }
    return {
        ok: true,
        settings: { provider, region, projectId, ...(baseUrl ? { baseUrl } : {}) },
        notes,
        secrets: [],
    };
}
/** The ModelClient for checked settings. */
function createPlatformClient(settings, options = {}) {
    const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
    if (settings.provider === 'bedrock') {
        return createBedrockModelClient({
            ...timeout,
            region: settings.region,
            ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
            ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
            secrets: settings.secrets,
        });
    }
    return createVertexModelClient({
        ...timeout,
        region: settings.region,
        projectId: settings.projectId,
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    });
}
function label(provider) {
    return provider === 'bedrock' ? 'Amazon Bedrock' : 'Vertex AI';
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the given URL';
    }
}


/***/ }),

/***/ 27264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QM: () => (/* binding */ finishStream),
/* harmony export */   pd: () => (/* binding */ toOutputConfig)
/* harmony export */ });
/* unused harmony exports readStructuredOutput, endedInThinking, toTokenUsage */
/* harmony import */ var _anthropic_ai_sdk_vendor_partial_json_parser_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80490);
/**
 * Structured output through `output_config.format` (JSON outputs): the model's answer is the
 * JSON text of its text blocks. Forced tool use (`tool_choice: {type: 'tool'}`) is refused
 * with a 400 by Claude Sonnet 5.5 and Opus 5.5, so no request carries tools or tool_choice.
 */

/** The `output_config` that constrains the reply to `schema`. */
function toOutputConfig(schema) {
    return { format: { type: 'json_schema', schema } };
}
/**
 * The structured answer of a final message: the text blocks joined (thinking and any other
 * blocks ignored) and parsed as JSON. When that fails (a reply cut by `max_tokens`), what is
 * complete is salvaged with the SDK's partial JSON parser, so whole findings survive a cut.
 * Null when there is no text or nothing of it parses.
 */
function readStructuredOutput(message) {
    const text = message.content
        .map((block) => (block.type === 'text' ? block.text : ''))
        .join('')
        .trim();
    if (!text)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        // Cut short, or not JSON at all.
    }
    try {
        const partial = (0,_anthropic_ai_sdk_vendor_partial_json_parser_parser__WEBPACK_IMPORTED_MODULE_0__/* .partialParse */ .N)(text);
        return partial === undefined ? null : partial;
    }
    catch {
        return null;
    }
}
/**
 * The reply of a streamed call: the structured answer and the billed usage. Usage seen while
 * streaming is kept in `context`, so a call cut midway still reports what it had consumed.
 */
async function finishStream(stream, context) {
    stream.on('streamEvent', (_event, snapshot) => {
        context.usage = toTokenUsage(snapshot.usage);
    });
    const message = await stream.finalMessage();
    const stopReason = message.stop_reason ?? null;
    return {
        output: readStructuredOutput(message),
        stopReason,
        usage: toTokenUsage(message.usage),
        ...(stopReason === 'max_tokens' && endedInThinking(message) ? { cutInThinking: true } : {}),
    };
}
/**
 * Whether a reply wrote no answer text after its thinking: the blocks are read by type, so a
 * thinking or redacted_thinking block with no text after it is a reply cut while thinking.
 */
function endedInThinking(message) {
    const types = message.content.map((b) => b.type);
    const lastThinking = Math.max(types.lastIndexOf('thinking'), types.lastIndexOf('redacted_thinking'));
    if (lastThinking < 0)
        return false;
    return !message.content.slice(lastThinking + 1).some((b) => b.type === 'text' && b.text.trim() !== '');
}
/** Billed tokens of a message, as the API's `usage` reports them. */
function toTokenUsage(usage) {
    return {
        input: usage.input_tokens ?? 0,
        output: usage.output_tokens ?? 0,
        cacheWrite: usage.cache_creation_input_tokens ?? 0,
        cacheRead: usage.cache_read_input_tokens ?? 0,
    };
}


/***/ })

};

//# sourceMappingURL=82.index.js.map