export const id = 122;
export const ids = [122];
export const modules = {

/***/ 81122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export splitList */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(88532);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _diff_glob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68241);
/* harmony import */ var _plan_models_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88181);
/* harmony import */ var _review_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47212);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15063);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(64389);







class ConfigError extends Error {
    name = 'ConfigError';
}
/** Splits a list input written one per line or comma-separated; blank entries and `#` comments are dropped. */
function splitList(value) {
    const items = [];
    let current = '';
    let depth = 0; // commas inside `{a,b}` belong to a brace glob
    for (const ch of value) {
        if (ch === '{')
            depth++;
        else if (ch === '}')
            depth = Math.max(0, depth - 1);
        if (ch === '\n' || (ch === ',' && depth === 0)) {
            items.push(current);
            current = '';
            if (ch === '\n')
                depth = 0;
        }
        else
            current += ch;
    }
    items.push(current);
    return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}
const MODEL_SPEC = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;
function integer(name, min, max = Number.MAX_SAFE_INTEGER) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const text = raw.trim().replace(/_/g, '');
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) {
            ctx.addIssue({
                code: 'custom',
                message: `input \`${name}\` must be a whole number from ${min} to ${max}; got "${raw}"`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        return n;
    });
}
function optionalInteger(name, min) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        if (raw.trim() === '')
            return null;
        const text = raw.trim().replace(/_/g, '');
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        if (Number.isSafeInteger(n) && n >= min)
            return n;
        ctx.addIssue({
            code: 'custom',
            message: `input \`${name}\` must be empty (no limit) or a whole number of at least ${min}; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    });
}
const priceSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    input: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative(),
    output: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative(),
    cacheWrite: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative().optional(),
    cacheRead: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative().optional(),
});
/** `price-table`: YAML or JSON mapping a model id prefix to US $ per million tokens. */
const priceTable = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
    if (raw.trim() === '')
        return {};
    const form = 'a YAML or JSON mapping like `claude-sonnet-5-5: { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1 }` (US $ per million tokens)';
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(raw);
    }
    catch {
        ctx.addIssue({ code: 'custom', message: `input \`price-table\` is not valid YAML/JSON; expected ${form}` });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }
    const parsed = zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1), priceSchema).safeParse(data);
    if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') ?? '';
        ctx.addIssue({ code: 'custom', message: `input \`price-table\` must be ${form}; problem at \`${where}\`` });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }
    const table = {};
    for (const [id, p] of Object.entries(parsed.data)) {
        table[id] = {
            input: p.input,
            output: p.output,
            cacheWrite: p.cacheWrite ?? p.input * 1.25,
            cacheRead: p.cacheRead ?? p.input * 0.1,
        };
    }
    return table;
});
function boolean(name) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim().toLowerCase();
        if (v === 'true' || v === 'false')
            return v === 'true';
        ctx.addIssue({ code: 'custom', message: `input \`${name}\` must be \`true\` or \`false\`; got "${raw}"` });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    });
}
function oneOf(name, values) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim();
        if (values.includes(v))
            return v;
        ctx.addIssue({
            code: 'custom',
            message: `input \`${name}\` must be one of ${values.map((x) => `\`${x}\``).join(', ')}; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    });
}
function modelSpec(name) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim();
        // A bare word is a model line; an unknown one is a typo to report now, not after requests.
        const knownLine = !(0,_plan_models_js__WEBPACK_IMPORTED_MODULE_2__/* .isModelLine */ .uU)(v) || _plan_models_js__WEBPACK_IMPORTED_MODULE_2__/* .MODEL_LINES */ .kg.includes(v);
        if (v === '' || (MODEL_SPEC.test(v) && knownLine))
            return v;
        ctx.addIssue({
            code: 'custom',
            message: `input \`${name}\` must be a model line (\`haiku\`, \`sonnet\`, \`opus\`) or a model id such as \`claude-sonnet-5-5\`; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    });
}
const secret = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((s) => s.trim());
/** Most files `guidelines-files` may name: each is one request to the forge. */
const MAX_GUIDELINES_FILES = 20;
/** A problem with a repository-relative file path, or null when it is one. */
function pathProblem(path) {
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path))
        return 'must be relative to the repository root';
    if (path.split(/[\\/]/).includes('..'))
        return 'must not contain `..`';
    if (/[*?[\]{}]/.test(path))
        return 'must be a file path, not a glob';
    return null;
}
const guidelinesFiles = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
    const paths = splitList(raw);
    const problems = paths.flatMap((p) => {
        const problem = pathProblem(p);
        return problem ? [`\`${p}\` ${problem}`] : [];
    });
    if (paths.length > MAX_GUIDELINES_FILES)
        problems.push(`at most ${MAX_GUIDELINES_FILES} files; got ${paths.length}`);
    if (problems.length === 0)
        return [...new Set(paths)];
    ctx.addIssue({
        code: 'custom',
        message: `input \`guidelines-files\` must list repository file paths (one per line or comma-separated): ${problems.join('; ')}`,
    });
    return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
});
const configFile = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
    const v = raw.trim();
    const problem = pathProblem(v);
    if (!problem)
        return v;
    ctx.addIssue({ code: 'custom', message: `input \`config-file\` ${problem}; got "${raw}"` });
    return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
});
/** An optional region or project input: empty, or a value of the accepted form. */
function platformValue(name) {
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim();
        const problem = v === '' ? null : (0,_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .platformValueProblem */ ._)(name, v);
        if (!problem)
            return v === '' ? null : v;
        ctx.addIssue({ code: 'custom', message: problem });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    });
}
const rawSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    'anthropic-api-key': secret,
    'anthropic-auth-token': secret,
    'anthropic-base-url': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim();
        if (v === '')
            return v;
        try {
            const u = new URL(v);
            if (u.protocol === 'http:' || u.protocol === 'https:')
                return v.replace(/\/+$/, '');
        }
        catch {
            /* reported below */
        }
        ctx.addIssue({ code: 'custom', message: `input \`anthropic-base-url\` must be an http(s) URL; got "${raw}"` });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }),
    provider: oneOf('provider', _platform_js__WEBPACK_IMPORTED_MODULE_4__/* .PROVIDERS */ .x),
    'aws-region': platformValue('aws-region'),
    'vertex-region': platformValue('vertex-region'),
    'vertex-project-id': platformValue('vertex-project-id'),
    'github-token': secret,
    'bot-login': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const login = raw.trim();
        // Logins are letters, digits, hyphens (GitHub adds `[bot]` for Apps; Gitea allows . and _).
        if (login === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*(\[bot\])?$/.test(login))
            return login;
        ctx.addIssue({
            code: 'custom',
            message: `input \`bot-login\` must be a login such as \`my-app[bot]\`; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }),
    'anthropic-timeout-seconds': integer('anthropic-timeout-seconds', 1, 3600),
    model: modelSpec('model'),
    'model-small': modelSpec('model-small'),
    'model-medium': modelSpec('model-medium'),
    'model-large': modelSpec('model-large'),
    'small-max-lines': integer('small-max-lines', 0),
    'medium-max-lines': integer('medium-max-lines', 0),
    'max-tokens-per-run': integer('max-tokens-per-run', 1),
    'max-output-tokens': integer('max-output-tokens', 256, 128_000),
    'context-tokens': integer('context-tokens', 0, 1_000_000),
    'max-tokens-per-pr': optionalInteger('max-tokens-per-pr', 1),
    'max-tokens-per-month': optionalInteger('max-tokens-per-month', 1),
    'budget-mode': oneOf('budget-mode', ['hard', 'soft']),
    'max-cost-usd': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        if (raw.trim() === '')
            return null;
        const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
        if (n > 0)
            return n;
        ctx.addIssue({
            code: 'custom',
            message: `input \`max-cost-usd\` must be empty (no limit) or a positive number of US dollars such as 0.50; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }),
    'price-table': priceTable,
    'max-concurrency': integer('max-concurrency', 1, 16),
    include: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    exclude: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    'min-severity': oneOf('min-severity', _review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .SEVERITIES */ .oC),
    'max-comments': integer('max-comments', 0, 1000),
    'review-event': oneOf('review-event', ['COMMENT', 'REQUEST_CHANGES-on-critical']),
    'review-drafts': boolean('review-drafts'),
    'trigger-phrase': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().transform((raw, ctx) => {
        const v = raw.trim();
        if (/^[/@!]?[A-Za-z][\w-]{1,40}$/.test(v))
            return v;
        ctx.addIssue({
            code: 'custom',
            message: `input \`trigger-phrase\` must be one word such as \`/review\` or \`@my-bot\`; got "${raw}"`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }),
    'dry-run': boolean('dry-run'),
    'guidelines-files': guidelinesFiles,
    'config-file': configFile,
});
/**
 * Reads every input through `getInput` (which returns '' for an input the workflow does not
 * set) and validates them together, so a user sees every mistake at once, each naming the
 * input and the accepted form. `fileValues` are the settings of the repository config file
 * (`loadRepoConfig`), named `fileName` in errors: a value the workflow sets wins over the
 * file's, and the file's wins over the default. Secrets and `config-file` are never taken
 * from the file.
 */
function readConfig(getInput, fileValues = {}, fileName = 'the config file') {
    const raw = {};
    const source = {};
    for (const name of _inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .INPUT_NAMES */ .Qh) {
        const value = getInput(name);
        const fromFile = name in _inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .NOT_IN_CONFIG_FILE */ .KZ ? undefined : fileValues[name];
        if (value.trim() !== '')
            [raw[name], source[name]] = [value, 'workflow'];
        else if (fromFile !== undefined && fromFile.trim() !== '')
            [raw[name], source[name]] = [fromFile, 'file'];
        else
            [raw[name], source[name]] = [_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .INPUT_DEFAULTS */ .WJ[name], 'default'];
    }
    const where = (name) => (source[name] === 'file' ? ` (set in \`${fileName}\`)` : '');
    const parsed = rawSchema.safeParse(raw);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.message}${where(i.path[0])}`);
    // Checked on the raw text so it is reported together with any other mistake.
    const small = Number(raw['small-max-lines']);
    const medium = Number(raw['medium-max-lines']);
    if (medium < small) {
        problems.push(`input \`medium-max-lines\` (${medium})${where('medium-max-lines')} must be at least \`small-max-lines\` (${small})${where('small-max-lines')}`);
    }
    for (const name of ['include', 'exclude']) {
        const problem = (0,_diff_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .validateGlobs */ .z)(splitList(raw[name] ?? ''));
        if (problem)
            problems.push(`input \`${name}\`${where(name)}: ${problem}`);
    }
    if (!parsed.success || problems.length > 0) {
        throw new ConfigError(`Invalid input:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    }
    const v = parsed.data;
    const optional = (s) => (s === '' ? undefined : s);
    return {
        credentials: {
            apiKey: optional(v['anthropic-api-key']),
            authToken: optional(v['anthropic-auth-token']),
            baseUrl: optional(v['anthropic-base-url']),
        },
        platform: {
            provider: v.provider,
            awsRegion: v['aws-region'],
            vertexRegion: v['vertex-region'],
            vertexProjectId: v['vertex-project-id'],
        },
        githubToken: v['github-token'],
        botLogin: v['bot-login'].trim() === '' ? null : v['bot-login'].trim(),
        timeoutSeconds: v['anthropic-timeout-seconds'],
        model: v.model === '' ? null : v.model,
        tierModels: { small: v['model-small'], medium: v['model-medium'], large: v['model-large'] },
        smallMaxLines: v['small-max-lines'],
        mediumMaxLines: v['medium-max-lines'],
        maxTokensPerRun: v['max-tokens-per-run'],
        maxOutputTokens: v['max-output-tokens'],
        contextTokens: v['context-tokens'],
        maxTokensPerPr: v['max-tokens-per-pr'],
        maxTokensPerMonth: v['max-tokens-per-month'],
        budgetMode: v['budget-mode'],
        maxCostUsd: v['max-cost-usd'],
        priceTable: v['price-table'],
        maxConcurrency: v['max-concurrency'],
        include: splitList(v.include),
        exclude: splitList(v.exclude),
        minSeverity: v['min-severity'],
        maxComments: v['max-comments'],
        reviewEvent: v['review-event'],
        reviewDrafts: v['review-drafts'],
        triggerPhrases: [...new Set([v['trigger-phrase'], '@claude-review'])],
        dryRun: v['dry-run'],
        guidelinesFiles: v['guidelines-files'],
        configFile: v['config-file'],
    };
}


/***/ }),

/***/ 64389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
/* harmony export */   KZ: () => (/* binding */ NOT_IN_CONFIG_FILE),
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   WJ: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   ZZ: () => (/* binding */ LIST_INPUTS),
/* harmony export */   jS: () => (/* binding */ CONFIG_FILE_KEYS)
/* harmony export */ });
/**
 * The public inputs of the action (names are part of the contract) with their defaults.
 * action.yml, the README table and `readConfig` are all checked against this list in tests.
 */
const INPUT_DEFAULTS = {
    'anthropic-api-key': '',
    'anthropic-auth-token': '',
    'anthropic-base-url': '',
    'anthropic-timeout-seconds': '120',
    provider: 'anthropic',
    'aws-region': '',
    'vertex-region': '',
    'vertex-project-id': '',
    'github-token': '',
    'bot-login': '',
    model: '',
    'model-small': 'haiku',
    'model-medium': 'sonnet',
    'model-large': 'opus',
    'small-max-lines': '200',
    'medium-max-lines': '1500',
    'max-tokens-per-run': '100000',
    'max-output-tokens': '8192',
    'context-tokens': '20000',
    'max-tokens-per-pr': '',
    'max-tokens-per-month': '',
    'budget-mode': 'hard',
    'max-cost-usd': '',
    'price-table': '',
    'max-concurrency': '4',
    include: '',
    exclude: '',
    'min-severity': 'low',
    'max-comments': '20',
    'review-event': 'COMMENT',
    'review-drafts': 'false',
    'trigger-phrase': '/review',
    'dry-run': 'false',
    'guidelines-files': 'CLAUDE.md, AGENTS.md, .github/claude-review.md, .gitea/CLAUDE.md, .mokogitea/CLAUDE.md',
    'config-file': '.github/claude-review.yml',
};
const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
/** Where the repository config file is looked for, in order, when `config-file` is left at its default. */
const DEFAULT_CONFIG_FILES = [
    INPUT_DEFAULTS['config-file'],
    '.gitea/claude-review.yml',
    '.forgejo/claude-review.yml',
];
/**
 * Inputs the repository config file may not set, and why. Secrets belong in the workflow's
 * `secrets` context, never in a file; settings that route a credential (base URL, provider,
 * cloud region and project) stay with the workflow that holds it; `config-file` names the file itself; and
 * `trigger-phrase` decides whether a comment starts the action at all, which is settled
 * before the forge is asked for anything (so before the file can be read).
 */
const NOT_IN_CONFIG_FILE = {
    'anthropic-api-key': 'a secret: pass it from the workflow (`${{ secrets.ANTHROPIC_API_KEY }}`)',
    'anthropic-auth-token': 'a secret: pass it from the workflow (`${{ secrets.… }}`)',
    'github-token': 'a secret: pass it from the workflow (default `${{ github.token }}`)',
    // Anyone who can change a file in a pull request's base branch must not be able to send the
    // workflow's secrets somewhere else: these decide where the credential goes.
    'anthropic-base-url': 'it decides where the API key is sent: set it in the workflow',
    provider: 'it decides where the credentials are sent: set it in the workflow',
    'aws-region': 'it decides where the AWS credentials are sent: set it in the workflow (or AWS_REGION)',
    'vertex-region': 'it decides where the Google credentials are sent: set it in the workflow',
    'vertex-project-id': 'it decides where the Google credentials are sent: set it in the workflow',
    'bot-login': 'it decides whose comments the action trusts as its own: set it in the workflow',
    'config-file': 'it names the config file itself: set it in the workflow',
    'trigger-phrase': 'it decides whether a comment starts the action, before the file is read: set it in the workflow',
};
/** Inputs the config file may set: every input except those above. */
const CONFIG_FILE_KEYS = INPUT_NAMES.filter((name) => !(name in NOT_IN_CONFIG_FILE));
/** Inputs that take a list (one per line or comma-separated); the config file may give a YAML list. */
const LIST_INPUTS = ['include', 'exclude', 'guidelines-files'];


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ platformValueProblem),
/* harmony export */   x: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/**
 * Which Claude platform serves the model calls, and the checks on its region and project
 * values. Pure: the environment is never read here (main.ts passes the values in).
 */
const PROVIDERS = ['anthropic', 'bedrock', 'vertex'];
/** us-east-1, eu-central-1, ap-southeast-2, us-gov-west-1, il-central-1, … */
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** `global`, the multi-regions `us`/`eu`, or a region such as us-east5, europe-west4, asia-northeast1. */
const VERTEX_REGION = /^(global|us|eu|[a-z]+-[a-z]+\d{1,2})$/;
/** 6–30 characters, lower-case letters, digits and hyphens; legacy ids carry a `domain:` prefix. */
const GCP_PROJECT = /^([a-z0-9][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const FORMS = {
    'aws-region': { pattern: AWS_REGION, form: 'an AWS region such as `us-east-1` or `eu-central-1`' },
    'vertex-region': {
        pattern: VERTEX_REGION,
        form: 'a Vertex AI location such as `global`, `us-east5` or `europe-west1`',
    },
    'vertex-project-id': {
        pattern: GCP_PROJECT,
        form: 'a Google Cloud project id such as `my-project-123` (not the project number or name)',
    },
};
/**
 * Null when `value` is a valid value of `input`, else the problem. `source` says where the
 * value came from when it was not the input itself (an environment variable).
 */
function platformValueProblem(input, value, source) {
    const { pattern, form } = FORMS[input];
    if (pattern.test(value))
        return null;
    const where = source ? `${source} (read because input \`${input}\` is empty)` : `input \`${input}\``;
    return `${where} must be ${form}; got "${value}"`;
}


/***/ }),

/***/ 68241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ compileGlob),
/* harmony export */   z: () => (/* binding */ validateGlobs)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Compiles a glob with .gitignore-like conventions users already know: a pattern without a
 * slash matches the basename at any depth (`*.md` matches `docs/a.md`), a leading `/`
 * anchors at the root, and a trailing `/` means everything under that directory (`gen/`
 * at any depth, `/gen/` or `a/gen/` from the root).
 * Case-sensitive unless `nocase` (the built-in defaults use it so `IMG.PNG` is caught).
 */
function compileGlob(pattern, opts = {}) {
    let p = pattern.trim();
    const anchored = p.startsWith('/');
    if (anchored)
        p = p.slice(1);
    if (p.endsWith('/')) {
        // As in .gitignore, `gen/` is a directory name at any depth unless it has an inner slash.
        p = p.slice(0, -1);
        p = anchored || p.includes('/') ? `${p}/**` : `**/${p}/**`;
    }
    const onBasename = !anchored && !p.includes('/');
    const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(p, { dot: true, nocase: opts.nocase ?? false });
    return {
        pattern,
        test: (path) => isMatch(onBasename ? basename(path) : path),
    };
}
/**
 * Returns an error message naming the first bad pattern, or null when all are usable.
 * Checks what users get wrong in YAML lists: empty entries and unbalanced brackets.
 */
function validateGlobs(patterns) {
    for (const pattern of patterns) {
        if (pattern.trim() === '')
            return 'Empty glob pattern: remove the blank entry from the list.';
        const problem = bracketProblem(pattern);
        if (problem)
            return `Invalid glob pattern \`${pattern}\`: ${problem}.`;
        try {
            picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(pattern.trim(), { dot: true });
        }
        catch (err) {
            return `Invalid glob pattern \`${pattern}\`: ${err instanceof Error ? err.message : String(err)}.`;
        }
    }
    return null;
}
const CLOSERS = { ']': '[', '}': '{', ')': '(' };
function bracketProblem(pattern) {
    const stack = [];
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\') {
            i++; // escaped character is literal
            continue;
        }
        if (ch === '[' || ch === '{' || ch === '(') {
            stack.push(ch);
        }
        else if (ch in CLOSERS) {
            if (stack.pop() !== CLOSERS[ch])
                return `unbalanced \`${ch}\``;
        }
    }
    const open = stack.pop();
    return open === undefined ? null : `unbalanced \`${open}\``;
}
function basename(path) {
    const slash = path.lastIndexOf('/');
    return slash >= 0 ? path.slice(slash + 1) : path;
}


/***/ }),

/***/ 88181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ apiModelId),
/* harmony export */   AX: () => (/* binding */ resolveModel),
/* harmony export */   a$: () => (/* binding */ BUILT_IN_MODELS),
/* harmony export */   kg: () => (/* binding */ MODEL_LINES),
/* harmony export */   uU: () => (/* binding */ isModelLine)
/* harmony export */ });
/* unused harmony exports PLATFORM_MODEL_IDS, platformModelId */
/**
 * Current ids per model line, used only where the Models API is unavailable (a gateway).
 * Checked against the provider's model overview of 2026-11.
 */
const BUILT_IN_MODELS = {
    haiku: { id: 'claude-haiku-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
    sonnet: { id: 'claude-sonnet-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
    opus: { id: 'claude-opus-5-5', maxInputTokens: 1_000_000, maxOutputTokens: 128_000 },
};
/**
 * The built-in table's ids on the other Claude platforms (checked against the SDKs' READMEs and
 * the platforms' model tables of 2026-11). Bedrock: the model id behind the `global.` cross-region
 * inference profile, which every commercial region offers (newer models cannot be invoked on
 * demand by their bare `anthropic.…` id); give `us.…`/`eu.…`/`apac.…` ids as `model` to keep
 * requests in one geography. Vertex AI: since the 4.6 generation the ids are the API's, without
 * an `@date` version suffix.
 */
const PLATFORM_MODEL_IDS = {
    'claude-haiku-5-5': { bedrock: 'global.anthropic.claude-haiku-5-5', vertex: 'claude-haiku-5-5' },
    'claude-sonnet-5-5': { bedrock: 'global.anthropic.claude-sonnet-5-5', vertex: 'claude-sonnet-5-5' },
    'claude-opus-5-5': { bedrock: 'global.anthropic.claude-opus-5-5', vertex: 'claude-opus-5-5' },
};
/**
 * The id of a Claude API model id on `provider`: from PLATFORM_MODEL_IDS, else by the platform's
 * naming rule (Bedrock `global.anthropic.<id>`; Vertex the id itself). Only first-party ids
 * (`claude-…`) are mapped: anything else is already a platform id and is returned unchanged.
 */
function platformModelId(id, provider) {
    if (provider === 'anthropic' || !id.startsWith('claude-'))
        return id;
    const listed = PLATFORM_MODEL_IDS[id]?.[provider];
    if (listed)
        return listed;
    return provider === 'bedrock' ? `global.anthropic.${id}` : id;
}
/**
 * The Claude API id inside a platform id, for prices and limits: strips a Bedrock ARN, inference
 * profile prefix (`global.`, `us.`, …), `anthropic.` and version suffix (`-v1:0`), and a Vertex
 * `@date`. `us.anthropic.claude-sonnet-4-5-20250929-v1:0` → `claude-sonnet-4-5-20250929`.
 */
function apiModelId(id) {
    const bedrock = /^(?:arn:[^/]+\/)?(?:[a-z]{2,6}(?:-[a-z]+)?\.)?anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(id);
    if (bedrock)
        return bedrock[1];
    const vertex = /^(claude-[a-z0-9.-]+)@[\w.-]+$/.exec(id);
    return vertex ? vertex[1] : id;
}
/** Limits assumed for an id that neither the Models API nor the table describes. */
const UNKNOWN_LIMITS = { maxInputTokens: 200_000, maxOutputTokens: 32_000 };
/** Model lines the Models API knows today; a full id works for any other. */
const MODEL_LINES = ['haiku', 'sonnet', 'opus', 'fable', 'mythos'];
function isModelLine(spec) {
    return /^[a-z]+$/.test(spec) && !spec.startsWith('claude');
}
/**
 * Turns a model spec (a line such as `sonnet`, or a full id) into a model id.
 * A line resolves to the newest active model of that line in `catalogue`; with no catalogue
 * (endpoint unavailable) it uses the built-in table. A full id passes through unchanged,
 * taking its limits from the catalogue when listed.
 */
function resolveModel(spec, catalogue, provider = 'anthropic') {
    const wanted = spec.trim();
    if (isModelLine(wanted)) {
        if (catalogue) {
            const newest = catalogue
                .filter((m) => m.active && m.line === wanted)
                .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
            if (newest) {
                return {
                    id: newest.id,
                    source: 'models-api',
                    maxInputTokens: newest.maxInputTokens ?? UNKNOWN_LIMITS.maxInputTokens,
                    maxOutputTokens: newest.maxOutputTokens ?? UNKNOWN_LIMITS.maxOutputTokens,
                };
            }
            const lines = [...new Set(catalogue.filter((m) => m.active && m.line).map((m) => m.line))].sort();
            return {
                error: `no active model of line \`${wanted}\` is listed by the Models API (lines available: ${lines.join(', ') || 'none'}); set a model id instead`,
            };
        }
        const builtIn = BUILT_IN_MODELS[wanted];
        if (builtIn)
            return { ...builtIn, id: platformModelId(builtIn.id, provider), source: 'built-in' };
        return {
            error: `unknown model line \`${wanted}\`: use \`haiku\`, \`sonnet\`, \`opus\` or a full model id`,
        };
    }
    const listed = catalogue?.find((m) => m.id === wanted);
    const table = Object.values(BUILT_IN_MODELS).find((m) => m.id === apiModelId(wanted));
    return {
        // A built-in table id is the Claude API's: on Bedrock it needs the platform's form.
        id: table ? platformModelId(wanted, provider) : wanted,
        source: 'as-given',
        maxInputTokens: listed?.maxInputTokens ?? table?.maxInputTokens ?? UNKNOWN_LIMITS.maxInputTokens,
        maxOutputTokens: listed?.maxOutputTokens ?? table?.maxOutputTokens ?? UNKNOWN_LIMITS.maxOutputTokens,
    };
}


/***/ }),

/***/ 47212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ findingSchema),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/* unused harmony export reviewAnswerSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'nit'];
/** One finding as the model reports it (the public findings format of DESIGN.md). */
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    start_line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    side: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['RIGHT', 'LEFT']).default('RIGHT'),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(SEVERITIES),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    suggestion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const reviewAnswerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(findingSchema),
});


/***/ })

};
