export const id = 692;
export const ids = [692];
export const modules = {

/***/ 82692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./src/action-outputs.ts
var action_outputs = __webpack_require__(42162);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/review/annotations.ts
/** GitHub shows at most 50 annotations of a step; the rest stay in the summary and findings file. */
const MAX_ANNOTATIONS = 50;
/**
 * Workflow annotations for the findings (new-file lines only: annotations point at the head
 * commit), so they show in the run even where the token could not post a review.
 */
function annotationsFor(placement) {
    if (!placement)
        return [];
    const all = [...placement.inline.map((p) => p.finding), ...placement.unplaced.map((u) => u.finding)];
    return all
        .filter((f) => f.side === 'RIGHT')
        .slice(0, MAX_ANNOTATIONS)
        .map((f) => ({
        level: f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'nit' ? 'notice' : 'warning',
        title: `${f.severity}: ${f.title}`,
        message: f.body,
        file: f.path,
        startLine: f.start_line ?? f.line,
        endLine: f.line,
    }));
}

// EXTERNAL MODULE: ./src/review/findings.ts
var findings = __webpack_require__(47212);
;// CONCATENATED MODULE: ./src/review/sarif.ts

const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'warning',
    nit: 'note',
};
const RULE_ID = (s) => `claude-review/${s}`;
function result(f) {
    // Code scanning places results on the head commit; a finding on a removed line has no head line.
    const region = f.side === 'RIGHT' ? { region: { startLine: f.start_line ?? f.line, endLine: f.line } } : {};
    return {
        ruleId: RULE_ID(f.severity),
        level: LEVEL[f.severity],
        message: { text: `${f.title}\n\n${f.body}`, markdown: `**${f.title}**\n\n${f.body}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path }, ...region } }],
        properties: { severity: f.severity, side: f.side },
    };
}
/**
 * The findings as a SARIF 2.1.0 log that `github/codeql-action/upload-sarif` accepts: one rule
 * per severity, one result per finding, located on the head commit's lines.
 */
function toSarif(answer, version) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'claude-pr-review',
                        version,
                        informationUri: 'https://github.com/OWNER/claude-pr-review',
                        rules: findings/* SEVERITIES */.oC.map((s) => ({
                            id: RULE_ID(s),
                            name: `${s[0].toUpperCase()}${s.slice(1)}Finding`,
                            shortDescription: { text: `A ${s} finding of the Claude review` },
                            defaultConfiguration: { level: LEVEL[s] },
                        })),
                    },
                },
                results: (answer?.findings ?? []).map(result),
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/action/deliver.ts








/** The step's outputs, as later steps read them. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, value);
}
/** A run that does nothing: a notice, the job summary's line, and `status: skipped`. */
async function skip(reason, why) {
    setOutputs((0,action_outputs/* statusOutputs */.tr)('skipped', why));
    core/* notice */.lm(`Skipped: ${reason}`);
    await core/* summary */.z.addRaw(`Claude review skipped: ${reason}\n`).write();
}
/** Outputs, findings file, annotations and job summary: the review wherever a person or a later step looks. */
async function deliver(result, prNumber) {
    const findingsFile = (0,external_node_path_.join)((process.env.RUNNER_TEMP?.trim() ?? '') || (0,external_node_os_.tmpdir)(), `claude-pr-review-findings-${prNumber}.json`);
    (0,external_node_fs_.writeFileSync)(findingsFile, `${JSON.stringify(result.findings ?? { summary: '', findings: [] }, null, 2)}\n`);
    const sarifFile = findingsFile.replace(/\.json$/, '.sarif');
    (0,external_node_fs_.writeFileSync)(sarifFile, `${JSON.stringify(toSarif(result.findings, version/* VERSION */.x), null, 2)}\n`);
    setOutputs((0,action_outputs/* actionOutputs */.dr)(result, findingsFile, sarifFile));
    for (const a of annotationsFor(result.placement)) {
        const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
        if (a.level === 'error')
            core/* error */.z3(a.message, props);
        else if (a.level === 'warning')
            core/* warning */.$e(a.message, props);
        else
            core/* notice */.lm(a.message, props);
    }
    await core/* summary */.z.addRaw(result.summaryMarkdown).write();
    if (result.report.status === 'declined')
        core/* warning */.$e('The model declined to review this change: nothing was reviewed.');
    if (result.postingError) {
        core/* warning */.$e(`The review could not be posted (${result.postingError}). Its findings are in the job summary, the annotations and the \`findings-file\` output.`);
    }
}
/** What a run that did not review leaves in the log and job summary; a review is delivered in full. */
async function report(handled, prNumber) {
    if (handled.kind === 'reviewed')
        return deliver(handled.result, prNumber);
    const line = handled.kind === 'refused'
        ? `Not started: ${handled.reason}. A polite reply was posted; no tokens were spent.`
        : handled.kind === 'helped'
            ? 'Posted the command help.'
            : `Question ${handled.result.answered ? 'answered' : 'not answered'} (${handled.result.tokens} tokens).`;
    core/* info */.pq(line);
    setOutputs(handled.kind === 'refused' ? (0,action_outputs/* statusOutputs */.tr)('skipped', 'not-allowed') : (0,action_outputs/* statusOutputs */.tr)('answered'));
    core/* setOutput */.uH('total-tokens', String(handled.kind === 'answered' ? handled.result.tokens : 0));
    await core/* summary */.z.addRaw(`Claude review: ${line}\n`).write();
}

;// CONCATENATED MODULE: ./src/action/cancel.ts



/** What must still happen if the runner cancels the job: each records what its run was billed. */
const cancellation = [];
/** How long a cancelled run may take to record its spend: the runner kills it soon after its signal. */
const CANCEL_GRACE_MS = 5000;
/**
 * A cancelled job (`cancel-in-progress`, a newer push, the Cancel button) gets SIGINT, then
 * SIGTERM, then is killed. Before exiting, the run records what it was billed so far, so the
 * PR's and the month's budgets still count it.
 */
function recordSpendOnCancel() {
    let cancelling = false;
    const onSignal = (signal) => {
        if (cancelling)
            return;
        cancelling = true;
        core/* warning */.$e(`Cancelled (${signal}): recording the tokens spent so far, then stopping.`);
        const grace = new Promise((done) => setTimeout(done, CANCEL_GRACE_MS).unref());
        void Promise.race([Promise.allSettled(cancellation.map((flush) => flush())), grace]).finally(() => {
            setOutputs((0,action_outputs/* statusOutputs */.tr)('failed'));
            core/* setFailed */.C1(`The run was cancelled (${signal}).`);
            process.exit(signal === 'SIGINT' ? 130 : 143);
        });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
}
/** Hands a run's spend-recording over to the cancel handler (see RunDeps.onCancel). */
function onCancel(flush) {
    cancellation.push(flush);
}

// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(67194);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
;// CONCATENATED MODULE: ./src/config/repo-config.ts



const NONE = { path: null, values: {} };
/**
 * The settings of a config file, each as the text the same input would have in the workflow:
 * numbers and booleans as written, a YAML list for a list input as one entry per line, a
 * mapping (for `price-table`) as JSON. Every problem is reported at once, naming the file and
 * the line: malformed YAML, retired names (with what to write instead), keys that are not
 * settings (with the accepted names), keys the file may not set (secrets, `config-file`,
 * `trigger-phrase`) and values of the wrong shape.
 */
function parseRepoConfig(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const at = (node) => node?.range ? `line ${lines.linePos(node.range[0]).line}` : 'the top level';
    const fail = (problems) => {
        throw new config/* ConfigError */.xL(`Invalid config file \`${file}\`:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    };
    const yamlError = doc.errors[0];
    if (yamlError) {
        const pos = yamlError.linePos?.[0];
        const where = pos ? `line ${pos.line}, column ${pos.col}` : 'an unknown line';
        const what = yamlError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        fail([`not valid YAML at ${where}: ${what}`]);
    }
    if (doc.contents === null || ((0,dist/* isScalar */.jn)(doc.contents) && doc.contents.value === null))
        return {};
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        fail([`${at(doc.contents)}: must be a mapping of setting names to values, e.g. \`max-tokens-per-run: 50000\``]);
    }
    const map = doc.contents;
    const values = {};
    const problems = [];
    let unknown = false;
    for (const pair of map.items) {
        const keyNode = pair.key;
        const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : null;
        const where = at(keyNode);
        if (key === null) {
            problems.push(`${where}: keys must be setting names`);
            unknown = true;
            continue;
        }
        const retired = (0,inputs/* retiredInput */.k2)(key);
        if (retired !== undefined) {
            problems.push(`${where}: \`${key}\`: ${(0,inputs/* retiredAdvice */.u7)(retired, 'file')}`);
            continue;
        }
        // Own keys only: a key such as `constructor` must not find Object's.
        const notAllowed = Object.hasOwn(inputs/* NOT_IN_CONFIG_FILE */.KZ, key) ? inputs/* NOT_IN_CONFIG_FILE */.KZ[key] : undefined;
        if (notAllowed !== undefined) {
            problems.push(`${where}: \`${key}\` cannot be set in the config file: ${notAllowed}`);
            continue;
        }
        if (!inputs/* INPUT_NAMES */.Qh.includes(key)) {
            const dashed = key.replace(/_/g, '-').toLowerCase();
            const hint = inputs/* CONFIG_FILE_KEYS */.jS.includes(dashed) ? ` (did you mean \`${dashed}\`?)` : '';
            problems.push(`${where}: \`${key}\` is not a setting${hint}`);
            unknown = true;
            continue;
        }
        const name = key;
        const valueNode = pair.value;
        const value = asInputText(name, valueNode);
        if (typeof value === 'string')
            values[name] = value;
        else
            problems.push(`${valueNode?.range ? at(valueNode) : where}: \`${name}\` ${value.problem}`);
    }
    if (unknown)
        problems.push(`accepted names: ${inputs/* CONFIG_FILE_KEYS */.jS.map((n) => `\`${n}\``).join(', ')}`);
    if (problems.length > 0)
        fail(problems);
    return values;
}
/** One value as input text, or what is wrong with its shape (its content is checked by `readConfig`). */
function asInputText(name, node) {
    if (node === null || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return '';
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        return { problem: 'must be a string, a number or `true`/`false`' };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        if (!inputs/* LIST_INPUTS */.ZZ.includes(name))
            return { problem: 'takes one value, not a list' };
        const items = node.toJSON();
        if (!items.every((i) => typeof i === 'string' && !i.includes('\n'))) {
            return { problem: 'must be a list of strings, one entry each' };
        }
        return items.join('\n');
    }
    if ((0,dist/* isMap */.jh)(node) && name === 'price-table')
        return JSON.stringify(node.toJSON());
    return { problem: 'takes one value, not a mapping' };
}
/**
 * Reads the repository config file at the pull request's **base** commit — never its head,
 * so a pull request cannot rewrite the rules it is reviewed by. `configFile` is the
 * `config-file` input; at its default, `.gitea/` and `.forgejo/` are tried after `.github/`.
 * A missing file is no error (a pull request may be the one adding it): only the workflow's
 * inputs then apply. A file that cannot be read for another reason fails the run, since it
 * may hold the budgets.
 */
async function loadRepoConfig(forge, baseSha, configFile, log) {
    const atDefault = configFile === inputs/* INPUT_DEFAULTS */.WJ['config-file'];
    const candidates = atDefault ? inputs/* DEFAULT_CONFIG_FILES */.BY : [configFile];
    const base = baseSha.slice(0, 7);
    // Every location is asked at once (each is a round trip); the first that exists wins.
    const texts = await Promise.all(candidates.map((path) => forge.readFile(path, baseSha)));
    for (const [i, path] of candidates.entries()) {
        const text = texts[i] ?? null;
        if (text === null)
            continue;
        const values = parseRepoConfig(text, path);
        const names = Object.keys(values);
        log.info(`Settings from ${path} at base ${base}: ${names.length > 0 ? names.join(', ') : 'none'}.`);
        return { path, values };
    }
    const message = `No config file (${candidates.join(', ')}) at the base commit ${base}; the workflow's inputs and the defaults apply.`;
    if (atDefault)
        log.info(message);
    else
        log.warning(`${message} A file added by this pull request applies once it is merged.`);
    return NONE;
}

// EXTERNAL MODULE: ./src/context/for-run.ts + 17 modules
var for_run = __webpack_require__(53462);
// EXTERNAL MODULE: ./src/llm/credentials.ts
var credentials = __webpack_require__(4705);
// EXTERNAL MODULE: ./src/trigger/fork.ts
var trigger_fork = __webpack_require__(38018);
;// CONCATENATED MODULE: ./src/action/settings.ts






const getInput = (name) => core/* getInput */.V4(name);
/** A runner variable, trimmed ('' when unset). */
function env(name) {
    return process.env[name]?.trim() ?? '';
}
/** The workflow's inputs alone (enough to reach the forge), with every secret masked in the log. */
function readWorkflowInputs() {
    const inputs = (0,config/* readConfig */.Xg)(getInput, {}, undefined, 'workflow');
    for (const secret of [inputs.credentials.apiKey, inputs.credentials.authToken, inputs.githubToken]) {
        if (secret)
            core/* setSecret */.Pq(secret);
    }
    return inputs;
}
/**
 * Why a fork's run must stand down: secrets are withheld from pull requests from forks, so
 * the run ends with a notice that says how to enable reviews there, not a red failure.
 */
function forkWithoutSecret(fork, inputs, onGitea) {
    const { provider } = inputs.platform;
    const missing = provider === 'anthropic' && !inputs.credentials.apiKey && !inputs.credentials.authToken;
    if (!fork || !missing || inputs.dryRun)
        return null;
    return `the Anthropic key is not available to this run. ${onGitea ? trigger_fork/* FORK_ADVICE */.Qy : trigger_fork/* GITHUB_FORK_ADVICE */.e_}`;
}
/**
 * The whole configuration: the repository config file, read at the pull request's base commit
 * (the API's: an event's payload may be older), merged under the workflow's inputs. What
 * every review reads first is asked for meanwhile, in parallel (the forge client keeps each
 * answer), and so are the base files context will want (the snapshot reader keeps those).
 */
async function readSettings(forge, inputs, log) {
    const early = Promise.all([forge.getDiff(), forge.identity()]);
    early.catch(() => { }); // a failure is reported where the pipeline asks again
    const { baseSha } = await forge.getPullRequest();
    const { snapshot } = forge;
    if (snapshot && inputs.contextTokens > 0) {
        void early.then(([diff]) => (0,for_run/* prefetchContextBase */._w)(snapshot, diff, baseSha, inputs), () => { });
    }
    const repoConfig = await loadRepoConfig(forge, baseSha, inputs.configFile, log);
    return (0,config/* readConfig */.Xg)(getInput, repoConfig.values, repoConfig.path ?? undefined, 'workflow');
}
/**
 * A credential the workflow gives but that must never be sent (a subscription OAuth token) is
 * refused before the forge is asked for anything. A missing one is reported later, once the
 * config file had its say (it may ask for a dry run, or another provider).
 */
function refuseBadCredential(inputs) {
    if (!inputs.credentials.apiKey && !inputs.credentials.authToken)
        return;
    const checked = (0,credentials/* checkCredentials */.vG)(inputs.credentials);
    if (!checked.ok)
        throw new config/* ConfigError */.xL(checked.error);
}

// EXTERNAL MODULE: ./src/event-file.ts
var event_file = __webpack_require__(50294);
// EXTERNAL MODULE: ./src/forge/detect.ts
var detect = __webpack_require__(49520);
;// CONCATENATED MODULE: ./src/context/remembered-reads.ts
/**
 * The reader with `readFiles` remembered per commit and path: a read started early (the base
 * files context will want, while the config file is still on its way) answers the same read
 * later, and a file two steps want is fetched once. A failed read is forgotten, so that it
 * can be asked again. Snapshots are by commit, so what was read stays true.
 */
function rememberReads(reader) {
    const known = new Map();
    const key = (ref, path) => `${ref}\u0000${path}`;
    const remembered = {
        listFiles: (ref) => reader.listFiles(ref),
        async readFiles(paths, ref) {
            const missing = [...new Set(paths.filter((p) => !known.has(key(ref, p))))];
            if (missing.length > 0) {
                const batch = reader.readFiles(missing, ref);
                for (const path of missing) {
                    const one = batch.then((texts) => texts.get(path) ?? null);
                    known.set(key(ref, path), one);
                    one.catch(() => known.delete(key(ref, path)));
                }
            }
            const texts = await Promise.all(paths.map((p) => known.get(key(ref, p))));
            return new Map(paths.flatMap((p, i) => (texts[i] == null ? [] : [[p, texts[i]]])));
        },
    };
    if (reader.readAll)
        remembered.readAll = reader.readAll.bind(reader);
    return remembered;
}

// EXTERNAL MODULE: ./src/forge/forge-error.ts
var forge_error = __webpack_require__(79091);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(11758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./src/forge/github-octokit.ts




/**
 * The Octokit every GitHub adapter uses (bounded retries, rate limits obeyed); exported so the
 * snapshot reader (github-snapshot.ts) can share the same settings. Note that GraphQL counts
 * as a write for the throttling plugin: keep `spaceWrites: false` for batched blob reads.
 */
function createOctokit(opts, log) {
    const retries = opts.retry?.retries ?? 2;
    const msPerSecond = opts.retry?.msPerSecond ?? 1000;
    const maxWait = opts.retry?.maxRetryAfterSeconds ?? 60;
    const say = (msg) => log((0,forge_error/* redact */.E$)(msg, [opts.token]));
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const what = `${options.method} ${options.url}`;
        if (retryCount >= retries || retryAfter > maxWait) {
            say(`GitHub ${kind} rate limit on ${what}: not waiting ${retryAfter}s (retry ${retryCount + 1}).`);
            return false;
        }
        say(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter}s (${retryCount + 1}/${retries}).`);
        return true;
    };
    const throttle = {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: msPerSecond,
        fallbackSecondaryRateRetryAfter: opts.retry?.minRetryAfterSeconds ?? 60,
        ...(opts.retry?.spaceWrites === false ? { write: UNSPACED, notifications: UNSPACED } : {}),
    };
    const options = {
        baseUrl: opts.apiUrl.replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: say, error: say },
        // 406 (diff too large) and 422 (bad review) are answers, not glitches: never retried.
        // Rate limits (403/429) are left to the throttling plugin, which obeys retry-after.
        retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 406, 410, 422, 429, 451] },
        throttle,
    };
    return octokitWith(opts.wrapFetch, (extra) => (0,github/* getOctokit */.Q)(opts.token, { ...options, ...extra }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A));
}
/**
 * An Octokit from `make`, with `wrapFetch` (the early answers) in front of the proxy-aware
 * fetch that `@actions/github` sets up; `make` is called again with the wrapped fetch.
 */
function octokitWith(wrapFetch, make) {
    const octokit = make({});
    if (!wrapFetch)
        return octokit;
    const { agent, fetch } = octokit.request.endpoint.DEFAULTS.request;
    return make({ request: { agent, fetch: wrapFetch(fetch) } });
}
/**
 * A stand-in for the throttling plugin's Bottleneck group that runs jobs at once. The
 * plugin only calls `group.key(id).schedule(options, fn, ...args)`; Bottleneck itself is
 * not a dependency of ours, so we don't construct one.
 */
const UNSPACED = {
    key: () => ({
        schedule: (_options, fn, ...args) => Promise.resolve(fn(...args)),
    }),
};

;// CONCATENATED MODULE: ./src/forge/gitea-wire.ts
// Gitea's AccessMode names; the repository owner's `owner` counts as admin.
const PERMISSIONS = {
    owner: 'admin',
    admin: 'admin',
    write: 'write',
    read: 'read',
    none: 'none',
};
function toPermission(value) {
    return value ? (PERMISSIONS[value.toLowerCase()] ?? null) : null;
}
function sameUser(a, b) {
    if (!a)
        return false;
    if (typeof a.id === 'number' && typeof b.id === 'number')
        return a.id === b.id;
    return a.login !== undefined && a.login === b.login;
}
function toIssueComment(c) {
    const author = c.user && typeof c.user.login === 'string' ? { id: c.user.id ?? null, login: c.user.login } : null;
    return { id: c.id, body: c.body ?? '', url: c.html_url ?? '', author };
}
function forgeName(kind) {
    return kind === 'forgejo' ? 'Forgejo' : 'Gitea';
}
function describe(error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

;// CONCATENATED MODULE: ./src/forge/gitea-client.ts





/**
 * Tells Forgejo from Gitea (both set `GITEA_ACTIONS`): Forgejo's `/version` answers
 * `X.Y.Z+gitea-A.B.C`. When the version cannot be read the answer is 'gitea': the two
 * behave the same for everything this adapter does, so only messages would differ.
 */
async function resolveGiteaKind(apiUrl, token, log = () => { }, wrapFetch) {
    const say = (msg) => log((0,forge_error/* redact */.E$)(msg, [token]));
    try {
        const octokit = createClient(token, apiUrl, 1, 1000, say, wrapFetch);
        const { data } = (await octokit.request('GET /version'));
        const version = typeof data.version === 'string' ? data.version : '';
        return version.includes('+gitea-') ? 'forgejo' : 'gitea';
    }
    catch (error) {
        say(`Could not read the server version at ${apiUrl}/version (${describe(error)}); assuming Gitea.`);
        return 'gitea';
    }
}
/** The forge for `detectForge`'s answer, asking the server only when the environment cannot tell. */
async function resolveForgeKind(detected, apiUrl, token, log, wrapFetch) {
    return detected === 'forgejo-or-gitea' ? resolveGiteaKind(apiUrl, token, log, wrapFetch) : detected;
}
/**
 * The HTTP client of every Gitea adapter: Octokit's request with retries of 5xx only; exported
 * so the snapshot reader (gitea-snapshot.ts) sends requests the same way.
 */
function createClient(token, apiUrl, retries, msPerSecond, say, wrapFetch) {
    const options = {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: say, error: say },
        // Only server errors and lost connections are worth another try; 4xx are answers.
        retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 423] },
    };
    return octokitWith(wrapFetch, (extra) => (0,github/* getOctokit */.Q)(token, { ...options, ...extra }, dist_bundle/* retry */.L));
}
/**
 * Whether `token` is the runner's automatic token (user `gitea-actions` / `forgejo-actions`,
 * id -2). On a pull request from a fork that token is read-only, whatever the workflow asks.
 */
async function isActionsToken(apiUrl, token, log = () => { }, wrapFetch) {
    const say = (msg) => log((0,forge_error/* redact */.E$)(msg, [token]));
    try {
        const octokit = createClient(token, apiUrl, 1, 1000, say, wrapFetch);
        const { data } = (await octokit.request('GET /user'));
        return data.id === -2 || data.login === 'gitea-actions' || data.login === 'forgejo-actions';
    }
    catch (error) {
        say(`Could not read the token's user (${describe(error)}); assuming a personal token.`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/forge/gitea-compare.ts
const UNKNOWN_COMPARISON = { status: 'unknown', diff: null, files: [] };
function toComparison(base, data) {
    const commits = Array.isArray(data?.commits) ? data.commits : [];
    if (commits.length === 0)
        return { status: 'behind', diff: null, files: [] };
    const listed = Array.isArray(data?.files) ? data.files : commits.flatMap((c) => c.files ?? []);
    const files = [...new Set(listed.map((f) => f.filename).filter((f) => typeof f === 'string'))];
    if (!commits.some((c) => Array.isArray(c.parents)))
        return { status: 'unknown', diff: null, files };
    const ahead = commits.some((c) => (c.parents ?? []).some((p) => sameCommit(p.sha, base)));
    return { status: ahead ? 'ahead' : 'diverged', diff: null, files };
}
/** Full SHAs compare equal; an abbreviated `base` matches the full SHA it starts. */
function sameCommit(sha, base) {
    if (!sha)
        return false;
    const a = sha.toLowerCase();
    const b = base.toLowerCase();
    return a === b || (b.length >= 7 && a.startsWith(b));
}

;// CONCATENATED MODULE: ./src/forge/gitea-errors.ts


function toForgeError(operation, error, opts) {
    const status = (0,forge_error/* httpStatusOf */.s_)(error);
    const detail = describe(error);
    const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
    const hint = hintFor(operation, status, detail, opts);
    const message = `${forgeName(opts.kind)} ${operation} failed (${where})${hint ? ` — ${hint}` : ''}`;
    return new forge_error/* ForgeError */.Q8((0,forge_error/* redact */.E$)(message, [opts.token]), operation, status);
}
const WRITES = new Set(['createReview', 'createComment', 'updateComment', 'deleteComment', 'react']);
function hintFor(operation, status, detail, opts) {
    const name = forgeName(opts.kind);
    const writes = WRITES.has(operation);
    switch (status) {
        case null:
            return 'check the API URL (GITHUB_API_URL, which ends in /api/v1) and the network';
        case 401:
            return 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
        case 403:
            if (operation === 'react' && /not an allowed reaction/i.test(detail))
                return `this ${name} does not allow the reaction (setting [ui] REACTIONS)`;
            return writes
                ? `the token is read-only: on ${name} the automatic token is read-only on pull requests from forks ` +
                    "(pull_request_target and issue_comment included); see the README's fork section. " +
                    'On newer Gitea, which honours workflow permissions, declare `permissions: pull-requests: write`'
                : 'the token cannot read the pull request; on newer Gitea, which honours workflow permissions, ' +
                    'declare `permissions: contents: read` and `pull-requests: read`';
        case 404:
            if (operation === 'updateComment' || operation === 'deleteComment' || operation === 'react')
                return 'the comment no longer exists';
            if (operation === 'listRepositoryComments')
                return `repository ${opts.owner}/${opts.repo} was not found, or the token cannot see it`;
            return (`pull request #${opts.pullNumber} of ${opts.owner}/${opts.repo} was not found, or the token cannot see the repository` +
                (operation === 'getDiff' ? ` (the .diff endpoint needs Gitea 1.16 or later)` : ''));
        case 422:
            return operation === 'createReview'
                ? `${name} rejected the review: the pull request is closed, it is the token owner's own pull request ` +
                    '(which it may not request changes on), or a review without inline comments has an empty body'
                : '';
        case 423:
            return 'the repository is archived';
        default:
            return status >= 500 ? `${name} had a server error; try again later` : '';
    }
}

;// CONCATENATED MODULE: ./src/forge/gitea-review-comments.ts
/** One review's comments, oldest first, with replies pointing to their thread's first comment. */
function toReviewComments(comments, review = {}) {
    const submitted = Date.parse(review.submitted_at ?? '');
    const reviewer = review.user?.login;
    const isReply = (c) => {
        const created = Date.parse(c.created_at ?? '');
        if (!Number.isNaN(created) && !Number.isNaN(submitted))
            return created > submitted;
        return reviewer !== undefined && c.user?.login !== undefined && c.user.login !== reviewer;
    };
    const roots = new Map();
    const resolvedRoots = new Set();
    return [...comments]
        .sort((a, b) => a.id - b.id)
        .map((c) => {
        const newLine = positive(c.position);
        const oldLine = positive(c.original_position);
        const path = c.path ?? '';
        const key = `${path}\n${newLine !== null ? newLine : -(oldLine ?? 0)}`;
        const root = roots.get(key);
        if (root === undefined)
            roots.set(key, c.id);
        const inReplyTo = root !== undefined && isReply(c) ? root : null;
        const resolved = c.resolver != null || (inReplyTo !== null && resolvedRoots.has(inReplyTo));
        if (resolved && inReplyTo === null)
            resolvedRoots.add(c.id);
        return {
            id: c.id,
            body: c.body ?? '',
            path,
            line: newLine ?? oldLine,
            outdated: false,
            resolved,
            inReplyTo,
            author: c.user?.login ?? '',
            authorId: c.user?.id ?? null,
        };
    });
}
function positive(n) {
    return typeof n === 'number' && n > 0 ? n : null;
}

;// CONCATENATED MODULE: ./src/forge/gitea-review.ts
const EVENTS = { COMMENT: 'COMMENT', REQUEST_CHANGES: 'REQUEST_CHANGES' };
/** The request body for a review; an empty `commitId` lets Gitea use the PR's head. */
function toGiteaReview(review) {
    return {
        ...(review.commitId ? { commit_id: review.commitId } : {}),
        body: review.body,
        event: EVENTS[review.event],
        comments: review.comments.map(toGiteaComment),
    };
}
/**
 * Gitea has no multi-line comments, so a range becomes one comment on its last line (where
 * GitHub shows a range's comment too) with the range named in the body.
 */
function toGiteaComment(c) {
    const body = c.startLine !== undefined && c.startLine < c.line ? `Lines ${c.startLine}–${c.line}:\n\n${c.body}` : c.body;
    return c.side === 'LEFT'
        ? { path: c.path, body, old_position: c.line }
        : { path: c.path, body, new_position: c.line };
}

;// CONCATENATED MODULE: ./src/forge/gitea-contents.ts

// Larger files (a generated CLAUDE.md?) are not worth their tokens; GitHub's contents API has the same limit.
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * One file's text at `ref` through `GET …/contents/{path}`, or null when there is none (404, a
 * directory, a symlink or submodule, a file over 1 MB). `say` logs why a file was not read.
 */
async function readContents(send, repo, path, ref, say) {
    // Gitea's route is `/contents/*`: the path goes with its slashes, each segment escaped
    // (an escaped slash, as Octokit would send a `{filepath}` parameter, is not found).
    const filepath = path.split('/').map(encodeURIComponent).join('/');
    let data;
    try {
        ({ data } = await send(`GET /repos/{owner}/{repo}/contents/${filepath}`, {
            ...repo,
            ref,
        }));
    }
    catch (error) {
        if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
            return null;
        throw error;
    }
    // A directory answers a list; a symlink or submodule carries no content.
    if (Array.isArray(data) || data.type !== 'file')
        return null;
    if ((data.size ?? 0) > MAX_FILE_BYTES || data.encoding !== 'base64' || typeof data.content !== 'string') {
        say(`${path} at ${ref.slice(0, 7)} is ${data.size ?? '?'} bytes or has no content; not read.`);
        return null;
    }
    return Buffer.from(data.content, 'base64').toString('utf8');
}

;// CONCATENATED MODULE: ./src/review/pool.ts
/** Runs `fn` over `items` with at most `limit` running at once; results keep the items' order. */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/forge/snapshot-listing.ts
/**
 * The paths of a `readFiles` call worth asking the forge for: each once, none empty, none
 * known to be over the per-file cap. A path the listing does not know is asked for only when
 * there is no listing or it was cut (then it may still exist).
 */
function wantedPaths(paths, listing, maxFileBytes) {
    return [...new Set(paths)].filter((path) => {
        if (path === '')
            return false;
        const size = listing?.sizes.get(path);
        if (size === undefined)
            return !listing || listing.truncated;
        return size <= maxFileBytes;
    });
}

// EXTERNAL MODULE: ./src/forge/untar.ts
var untar = __webpack_require__(21877);
;// CONCATENATED MODULE: ./src/forge/gitea-snapshot.ts




// setting.API.DefaultGitTreesPerPage; a server configured lower simply sends shorter pages.
const TREE_PAGE = 1000;
const MAX_TREE_PAGES = 200;
// file-contents answers at most setting.API.DefaultPagingNum (30) files a request.
const CONTENTS_BATCH = 30;
// The batch rides in the query string; proxies commonly refuse request lines over 8 KB.
const MAX_QUERY_CHARS = 6000;
const SYMLINK_MODE = '120000';
/** A SnapshotReader over Gitea's (and Forgejo's) REST API; failures are ForgeErrors that say what to grant. */
function createGiteaSnapshot(opts) {
    const { client, owner, repo } = opts;
    const name = opts.kind === 'forgejo' ? 'Forgejo' : 'Gitea';
    const log = (msg) => (opts.log ?? (() => { }))((0,forge_error/* redact */.E$)(msg, [opts.token]));
    const maxFileBytes = opts.maxFileBytes ?? untar/* DEFAULT_MAX_FILE_BYTES */.CR;
    const concurrency = Math.max(1, opts.concurrency ?? 4);
    const listings = new Map();
    // Whether this server has the file-contents endpoint: null until the first batch tells.
    let batchReads = null;
    const send = async (route, params) => (await client.request(route, { owner, repo, ...params })).data;
    const call = async (operation, ref, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw toSnapshotError(name, operation, ref, error, opts);
        }
    };
    /** Texts of up to CONTENTS_BATCH paths; the rest is what the server left unanswered (its paging or size limit). */
    async function readBatch(paths, ref, into) {
        const answer = await send('GET /repos/{owner}/{repo}/file-contents', {
            ref,
            body: JSON.stringify({ files: paths }),
        });
        const list = Array.isArray(answer) ? answer : [];
        list.forEach((item, i) => {
            const path = paths[i];
            // A file too large for the API comes without content (encoding null).
            if (!item || item.type !== 'file' || item.encoding !== 'base64' || typeof item.content !== 'string')
                return;
            if ((item.size ?? 0) > maxFileBytes)
                return;
            const text = (0,untar/* decodeText */.g7)(Buffer.from(item.content, 'base64'));
            if (text !== null)
                into.set(path, text);
        });
        return paths.slice(list.length);
    }
    async function readRaw(paths, ref, into) {
        await mapPool(paths, concurrency * 2, async (path) => {
            // The route is `/raw/*`: slashes stay, each segment is escaped (as readFile does).
            const filepath = path.split('/').map(encodeURIComponent).join('/');
            let body;
            try {
                const response = await client.request(`GET /repos/{owner}/{repo}/raw/${filepath}`, {
                    owner,
                    repo,
                    ref,
                    request: { parseSuccessResponseBody: false },
                });
                body = response.data;
            }
            catch (error) {
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return;
                throw error;
            }
            const bytes = body ? await readCapped(body, maxFileBytes) : null;
            const text = bytes ? (0,untar/* decodeText */.g7)(bytes) : null;
            if (text !== null)
                into.set(path, text);
        });
    }
    return {
        listFiles: (ref) => call('listFiles', ref, async () => {
            const files = [];
            let seen = 0;
            let truncated = true;
            // Gitea sets `truncated` on every page of a tree longer than one page, the last
            // included; `total_count` (Gitea ≥ 1.9) says where the end is.
            for (let page = 1; page <= MAX_TREE_PAGES; page++) {
                const data = await send('GET /repos/{owner}/{repo}/git/trees/{sha}', {
                    sha: ref,
                    recursive: true,
                    page,
                    per_page: TREE_PAGE,
                });
                const entries = Array.isArray(data.tree) ? data.tree : [];
                seen += entries.length;
                files.push(...toFiles(entries));
                const total = typeof data.total_count === 'number' ? data.total_count : data.truncated ? Infinity : seen;
                if (entries.length === 0 || seen >= total) {
                    truncated = false;
                    break;
                }
            }
            if (truncated)
                log(`${name}: stopped listing ${gitea_snapshot_short(ref)}'s tree after ${MAX_TREE_PAGES} pages.`);
            listings.set(ref, { sizes: new Map(files.map((f) => [f.path, f.size])), truncated });
            return { files, truncated };
        }),
        readFiles: (paths, ref) => call('readFiles', ref, async () => {
            const listing = listings.get(ref);
            const wanted = wantedPaths(paths, listing, maxFileBytes);
            const read = new Map();
            const unanswered = [];
            // A short answer (the server's response-size limit) leaves a tail to ask for again;
            // a batch answered not at all goes to the raw reads.
            const runBatch = async (batch) => {
                for (let todo = batch; todo.length > 0;) {
                    const next = await readBatch(todo, ref, read);
                    if (next.length === todo.length) {
                        unanswered.push(...next);
                        return;
                    }
                    todo = next;
                }
            };
            let batches = batchesOf(wanted);
            if (batchReads === null && batches.length > 0) {
                // The first batch alone finds out whether the endpoint exists.
                try {
                    await runBatch(batches[0]);
                    batchReads = true;
                    batches = batches.slice(1);
                }
                catch (error) {
                    const status = (0,forge_error/* httpStatusOf */.s_)(error);
                    if (status !== 404 && status !== 405)
                        throw error;
                    batchReads = false;
                    log(`${name} has no file-contents endpoint (HTTP ${status}; it needs Gitea 1.24+); reading files one by one.`);
                }
            }
            if (batchReads)
                await mapPool(batches, concurrency, runBatch);
            const left = batchReads ? unanswered : wanted;
            if (left.length > 0)
                await readRaw(left, ref, read);
            return new Map(wanted.flatMap((path) => (read.has(path) ? [[path, read.get(path)]] : [])));
        }),
        readAll: (ref, { maxBytes, keep }) => call('readAll', ref, async () => {
            const archive = `${ref.split('/').map(encodeURIComponent).join('/')}.tar.gz`;
            let body;
            try {
                // Gitea answers the archive itself, or redirects to object storage (fetch follows).
                const response = await client.request(`GET /repos/{owner}/{repo}/archive/${archive}`, {
                    owner,
                    repo,
                    request: { parseSuccessResponseBody: false },
                });
                body = response.data;
            }
            catch (error) {
                // 404 is also what a server with source archives disabled says; the listing tells.
                if ((0,forge_error/* httpStatusOf */.s_)(error) !== 404)
                    throw error;
                log(`${name} has no archive of ${gitea_snapshot_short(ref)} (HTTP 404); reading files one by one.`);
                return null;
            }
            if (!body)
                return null;
            const texts = await (0,untar/* readTarGzTexts */.D6)(body, {
                maxBytes,
                maxFileBytes,
                keep,
                // `git archive --prefix=<repo>/` (setting PREFIX_ARCHIVE_FILES, on by default) puts
                // that folder first; without it there is no common folder to strip.
                topFolder: (first) => first.type === 'directory' && first.path.toLowerCase() === repo.toLowerCase() ? `${first.path}/` : '',
            });
            if (!texts)
                log(`${name}: the archive of ${gitea_snapshot_short(ref)} is over ${maxBytes} bytes; reading files one by one.`);
            return texts;
        }),
    };
}
/** Batches of at most CONTENTS_BATCH paths whose JSON fits MAX_QUERY_CHARS once URL-encoded. */
function batchesOf(paths) {
    const batches = [];
    let batch = [];
    let chars = 0;
    for (const path of paths) {
        const cost = encodeURIComponent(JSON.stringify(path)).length + 3;
        if (batch.length > 0 && (batch.length >= CONTENTS_BATCH || chars + cost > MAX_QUERY_CHARS)) {
            batches.push(batch);
            batch = [];
            chars = 0;
        }
        batch.push(path);
        chars += cost;
    }
    if (batch.length > 0)
        batches.push(batch);
    return batches;
}
/** The body's bytes, or null as soon as they pass `cap` (the download is then cancelled). */
async function readCapped(body, cap) {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        total += chunk.length;
        if (total > cap)
            return null;
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/** Regular files of a recursive tree: no directories, submodules (`commit`) or symbolic links. */
function toFiles(tree) {
    return tree
        .filter((e) => e.type === 'blob' && e.mode !== SYMLINK_MODE && typeof e.path === 'string')
        .map((e) => ({ path: e.path, size: e.size ?? 0 }));
}
const gitea_snapshot_short = (ref) => (/^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref);
function gitea_snapshot_describe(error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
function toSnapshotError(name, operation, ref, error, opts) {
    const status = (0,forge_error/* httpStatusOf */.s_)(error);
    const detail = gitea_snapshot_describe(error);
    const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
    const repository = `${opts.owner}/${opts.repo}`;
    const missing = `commit ${gitea_snapshot_short(ref)} of ${repository} was not found, or the token cannot see the repository`;
    let hint = '';
    if (status === null)
        hint = 'check the API URL (GITHUB_API_URL, which ends in /api/v1) and the network';
    else if (status === 401)
        hint = 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
    else if (status === 403)
        hint =
            "the token cannot read the repository's code; on newer Gitea, which honours workflow permissions, " +
                'declare `permissions: contents: read`';
    // Gitea answers a tree of an unknown commit with 400 "sha not found".
    else if (status === 404 || (status === 400 && /not found/i.test(detail)))
        hint = missing;
    else if (status >= 500)
        hint = `${name} had a server error; try again later`;
    const message = `${name} ${operation} at ${gitea_snapshot_short(ref)} failed (${where})${hint ? ` — ${hint}` : ''}`;
    return new forge_error/* ForgeError */.Q8((0,forge_error/* redact */.E$)(message, [opts.token]), operation, status);
}

;// CONCATENATED MODULE: ./src/forge/gitea.ts












// Gitea cuts `limit` to MAX_RESPONSE_ITEMS, 50 by default.
const PAGE_SIZE = 50;
// A server that ignored `page` would otherwise be read forever.
const MAX_PAGES = 100;
/**
 * The Gitea/Forgejo REST adapter (API v1, Gitea ≥ 1.16 for the `.diff` endpoint). It uses
 * Octokit only as an HTTP client: Gitea accepts its `Authorization: token …` header, but
 * none of GitHub's pagination, media types or rate-limit handling apply. Every failure
 * becomes a ForgeError that says how to fix it.
 */
function createGiteaForge(opts) {
    const log = opts.log ?? (() => { });
    const say = (msg) => log((0,forge_error/* redact */.E$)(msg, [opts.token]));
    const retries = opts.retry?.retries ?? 2;
    const msPerSecond = opts.retry?.msPerSecond ?? 1000;
    const octokit = createClient(opts.token, opts.apiUrl, retries, msPerSecond, say, opts.wrapFetch);
    const name = forgeName(opts.kind);
    const repo = { owner: opts.owner, repo: opts.repo };
    const pr = { ...repo, index: opts.pullNumber };
    const send = (route, params) => octokit.request(route, params);
    const call = async (operation, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw toForgeError(operation, error, opts);
        }
    };
    /**
     * Reads a list page by page with `page` and `limit`: Gitea's `Link` header is built from
     * ROOT_URL, which the runner may not reach. The end is where `X-Total-Count` says, or an
     * empty page; a short page proves nothing, since the review list drops other users'
     * pending reviews after paging. Stops early once more than `enough` items are in.
     */
    async function readPages(route, params, enough) {
        const items = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const { data, headers } = await send(route, { ...params, page, limit: PAGE_SIZE });
            const list = Array.isArray(data) ? data : [];
            items.push(...list);
            const total = Number(headers['x-total-count'] ?? NaN);
            if (list.length === 0 || items.length >= total || items.length > enough)
                return items;
        }
        say(`${name}: stopped reading ${route} after ${MAX_PAGES} pages.`);
        return items;
    }
    // Whom the token acts as (`gitea-actions`/`forgejo-actions`, id -2, for the automatic token).
    let self = null;
    const whoAmI = () => {
        self ??= send('GET /user', {}).then((r) => r.data, (error) => {
            self = null;
            throw error;
        });
        return self;
    };
    /**
     * Gitea attaches each new review comment to the caller's current PENDING review, so one
     * left behind by a failed attempt would be submitted again with the next review. Only the
     * token's own pending reviews are removed; admins also see other people's drafts.
     */
    async function deleteOwnPendingReviews() {
        const me = await whoAmI();
        const reviews = await readPages('GET /repos/{owner}/{repo}/pulls/{index}/reviews', pr, Number.POSITIVE_INFINITY);
        for (const review of reviews) {
            if (review.state !== 'PENDING' || !sameUser(review.user, me))
                continue;
            await send('DELETE /repos/{owner}/{repo}/pulls/{index}/reviews/{id}', { ...pr, id: review.id });
            say(`${name}: deleted a pending review (#${review.id}) left by an earlier run.`);
        }
    }
    const getPull = async () => (await send('GET /repos/{owner}/{repo}/pulls/{index}', pr)).data;
    let pull = null;
    let diff = null;
    return {
        kind: opts.kind,
        // Remembered: the base files context wants are read early, while the config file is fetched.
        snapshot: rememberReads(createGiteaSnapshot({
            kind: opts.kind,
            client: octokit,
            owner: opts.owner,
            repo: opts.repo,
            token: opts.token,
            apiUrl: opts.apiUrl,
            log: say,
        })),
        // The pull request and its diff are read once per run, however many steps ask.
        getPullRequest: () => (pull ??= call('getPullRequest', async () => {
            const data = await getPull();
            return {
                number: data.number,
                title: data.title ?? '',
                body: data.body ?? '',
                author: data.user?.login ?? '',
                draft: data.draft ?? false,
                headSha: data.head.sha,
                baseSha: data.base.sha,
                baseRef: data.base.ref,
                htmlUrl: data.html_url ?? '',
            };
        }).catch((error) => {
            pull = null;
            throw error;
        })),
        getDiff: () => (diff ??= call('getDiff', async () => {
            const { data } = await send('GET /repos/{owner}/{repo}/pulls/{index}.diff', pr);
            // Octokit decodes text only when the answer names text/* or a UTF-8 charset; otherwise bytes.
            if (typeof data === 'string')
                return data;
            return new TextDecoder().decode(data);
        }).catch((error) => {
            diff = null;
            throw error;
        })),
        createReview: (review) => call('createReview', async () => {
            const body = toGiteaReview(review);
            // Octokit's own retry would resend the POST alone, after a failure that may have left
            // a pending review behind; each attempt here cleans up first.
            for (let attempt = 0;; attempt++) {
                try {
                    await deleteOwnPendingReviews();
                    const { data } = await send('POST /repos/{owner}/{repo}/pulls/{index}/reviews', {
                        ...pr,
                        ...body,
                        request: { retries: 0 },
                    });
                    const url = data.html_url || data.pull_request_url || (await getPull()).html_url || '';
                    return { url };
                }
                catch (error) {
                    const status = (0,forge_error/* httpStatusOf */.s_)(error);
                    if (attempt >= retries || (status !== null && status < 500))
                        throw error;
                    const wait = (attempt + 1) ** 2;
                    say(`${name} createReview failed (${status ?? 'no answer'}); retrying in ${wait}s (${attempt + 1}/${retries}).`);
                    await new Promise((resolve) => setTimeout(resolve, wait * msPerSecond));
                }
            }
        }),
        identity: () => call('identity', async () => {
            if (opts.botLogin)
                return { id: null, login: opts.botLogin, source: 'the bot-login input' };
            try {
                const me = await whoAmI();
                if (typeof me.id === 'number' && me.login)
                    return { id: me.id, login: me.login, source: 'GET /user' };
                say(`${name}: GET /user gave no user id; the action cannot tell its own comments.`);
            }
            catch (error) {
                say(`${name}: could not learn whom the token posts as (GET /user: ${describe(error)}).`);
            }
            return null;
        }),
        listComments: () => call('listComments', async () => {
            // Not paginated on Gitea: one answer holds every comment of the issue.
            const { data } = await send('GET /repos/{owner}/{repo}/issues/{index}/comments', pr);
            return (Array.isArray(data) ? data : []).map(toIssueComment);
        }),
        getComment: (id) => call('getComment', async () => {
            try {
                const { data } = await send('GET /repos/{owner}/{repo}/issues/comments/{id}', { ...repo, id });
                return toIssueComment(data);
            }
            catch (error) {
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return null;
                throw error;
            }
        }),
        deleteComment: (id) => call('deleteComment', async () => {
            await send('DELETE /repos/{owner}/{repo}/issues/comments/{id}', { ...repo, id });
        }),
        createComment: (body) => call('createComment', async () => {
            const { data } = await send('POST /repos/{owner}/{repo}/issues/{index}/comments', {
                ...pr,
                body,
            });
            return toIssueComment(data);
        }),
        updateComment: (id, body) => call('updateComment', async () => {
            const { data } = await send('PATCH /repos/{owner}/{repo}/issues/comments/{id}', {
                ...repo,
                id,
                body,
            });
            // 204 without a body: Gitea's answer for a comment type that has no editable content.
            return data ? toIssueComment(data) : { id, body, url: '', author: null };
        }),
        listRepositoryComments: (since, limit, keep) => call('listRepositoryComments', async () => {
            // No author filter on this endpoint: every comment updated since `since` is read (in
            // Gitea's order, oldest first) and only those `keep` accepts are kept.
            const kept = [];
            let read = 0;
            for (let page = 1;; page++) {
                const { data, headers } = await send('GET /repos/{owner}/{repo}/issues/comments', {
                    ...repo,
                    since,
                    page,
                    limit: PAGE_SIZE,
                });
                const list = Array.isArray(data) ? data : [];
                for (const c of list.map(toIssueComment))
                    if (keep(c))
                        kept.push(c);
                read += list.length;
                const total = Number(headers['x-total-count'] ?? NaN);
                if (list.length === 0 || read >= total)
                    return { comments: kept, complete: true, read };
                if (read >= limit || page >= limit / PAGE_SIZE)
                    return { comments: kept, complete: false, read };
            }
        }),
        react: (commentId, reaction) => call('react', async () => {
            // 201 for a new reaction, 200 when the token's user had already given it: both fine.
            await send('POST /repos/{owner}/{repo}/issues/comments/{id}/reactions', {
                ...repo,
                id: commentId,
                content: reaction,
            });
        }),
        permissionOf: (login) => call('permissionOf', async () => {
            try {
                const { data } = await send('GET /repos/{owner}/{repo}/collaborators/{collaborator}/permission', { ...repo, collaborator: login });
                return toPermission(data.permission) ?? toPermission(data.role_name);
            }
            catch (error) {
                const status = (0,forge_error/* httpStatusOf */.s_)(error);
                // 403: only site admins, repository admins and the user itself may ask (the
                // automatic token is none of them); the caller falls back to the event's
                // `repository.permissions`.
                if (status === 403)
                    return null;
                if (status === 404)
                    return 'none';
                throw error;
            }
        }),
        compare: (base, head) => call('compare', async () => {
            if (base === head)
                return { status: 'identical', diff: '', files: [] };
            try {
                const { data } = await send('GET /repos/{owner}/{repo}/compare/{basehead}', {
                    ...repo,
                    basehead: `${base}...${head}`,
                });
                return toComparison(base, data);
            }
            catch (error) {
                // A commit that is gone, or a server before 1.22 (no compare endpoint).
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return UNKNOWN_COMPARISON;
                throw error;
            }
        }),
        listReviewComments: () => call('listReviewComments', async () => {
            // No list of a PR's review comments: each review's comments are read on their own.
            const reviews = await readPages('GET /repos/{owner}/{repo}/pulls/{index}/reviews', pr, Number.POSITIVE_INFINITY);
            const comments = [];
            for (const review of reviews) {
                // A pending review is a draft nobody else sees; one without inline comments has nothing to read.
                if (review.state === 'PENDING' || review.comments_count === 0)
                    continue;
                const { data } = await send('GET /repos/{owner}/{repo}/pulls/{index}/reviews/{id}/comments', { ...pr, id: review.id });
                comments.push(...toReviewComments(Array.isArray(data) ? data : [], review));
            }
            return comments.sort((a, b) => a.id - b.id);
        }),
        // Nothing to ask: Gitea and Forgejo never refuse a comment for its line. CreateCodeComment
        // blames the line and cuts a hunk around it from the file, whether the diff shows it or not.
        probeAnchor: () => Promise.resolve(true),
        readFile: (path, ref) => call('readFile', () => readContents(send, repo, path, ref, (m) => say(`${name}: ${m}`))),
        replyToReviewComment: () => Promise.reject(new forge_error/* ForgeError */.Q8(`${name} replyToReviewComment is not possible: ${name}'s API cannot reply in a review comment's thread ` +
            '(it has no replies endpoint); `/review ask` answers in a pull request comment instead', 'replyToReviewComment', null)),
        /**
         * Gitea added `POST …/pulls/{index}/comments/{id}/resolve` in 2026 (go-gitea/gitea#36441);
         * older Gitea and Forgejo have no such route (404/405), and neither can reply in a review
         * thread, so there the thread stays as it is and the summary counts the fix instead.
         */
        // Neither Gitea's nor Forgejo's API description (the contract this adapter keeps to) has a
        // call that resolves a review conversation, and neither can reply in one: the thread stays
        // open and the summary says the finding was fixed.
        resolveThread: () => Promise.resolve('unsupported'),
    };
}

;// CONCATENATED MODULE: ./src/forge/files-to-diff.ts
const DEV_NULL = '/dev/null';
/**
 * Rebuilds unified `git diff` text from a pull request's file list, so the one diff parser
 * serves both GitHub's `.diff` answer and the file-list fallback used when the diff is too
 * large (HTTP 406). Files without a `patch` get a `Binary files … differ` line: their lines
 * cannot be commented on either way, and the parser then reports them as skipped.
 */
function filesToDiff(files) {
    return files.map(fileToDiff).join('');
}
function fileToDiff(file) {
    const newPath = file.filename;
    const oldPath = file.previous_filename ?? file.filename;
    const added = file.status === 'added';
    const removed = file.status === 'removed';
    const moved = (file.status === 'renamed' || file.status === 'copied') && oldPath !== newPath;
    const changes = file.changes ?? 0;
    const out = [`diff --git ${quote(`a/${oldPath}`)} ${quote(`b/${newPath}`)}`];
    // GitHub does not report file modes; 100644 is what a regular file has, and the mode is
    // never reviewed, only used by parsers to recognise additions and deletions.
    if (added)
        out.push('new file mode 100644');
    if (removed)
        out.push('deleted file mode 100644');
    if (moved) {
        const verb = file.status === 'renamed' ? 'rename' : 'copy';
        // GitHub does not report similarity either: 100% for an untouched move, else git's
        // default detection threshold (50%), a lower bound of the true value.
        out.push(`similarity index ${changes === 0 ? 100 : 50}%`);
        out.push(`${verb} from ${quote(oldPath)}`, `${verb} to ${quote(newPath)}`);
    }
    const minus = added ? DEV_NULL : `a/${oldPath}`;
    const plus = removed ? DEV_NULL : `b/${newPath}`;
    if (file.patch !== undefined && file.patch !== '') {
        out.push(`--- ${marker(minus)}`, `+++ ${marker(plus)}`);
        out.push(file.patch.endsWith('\n') ? file.patch.slice(0, -1) : file.patch);
    }
    else if (!(changes === 0 && (moved || file.status === 'changed'))) {
        // No patch: a binary file, or a text file too large for GitHub to show.
        out.push(`Binary files ${quote(minus)} and ${quote(plus)} differ`);
    }
    return out.join('\n') + '\n';
}
/** A `---`/`+++` path: git adds a tab after names containing a space (quoted or not). */
function marker(path) {
    return path !== DEV_NULL && path.includes(' ') ? `${quote(path)}\t` : quote(path);
}
const needsQuote = (ch) => ch === '"' || ch === '\\' || ch < ' ' || ch >= '\x7f';
/** Quotes a path the way git does (core.quotePath): C escapes, octal for non-ASCII bytes. */
function quote(path) {
    if (path === DEV_NULL || ![...path].some(needsQuote))
        return path;
    const named = {
        7: 'a',
        8: 'b',
        9: 't',
        10: 'n',
        11: 'v',
        12: 'f',
        13: 'r',
        34: '"',
        92: '\\',
    };
    let out = '"';
    for (const byte of Buffer.from(path, 'utf8')) {
        const name = named[byte];
        if (name !== undefined)
            out += `\\${name}`;
        else if (byte < 0x20 || byte >= 0x7f)
            out += `\\${byte.toString(8).padStart(3, '0')}`;
        else
            out += String.fromCharCode(byte);
    }
    return `${out}"`;
}

;// CONCATENATED MODULE: ./src/forge/github-wire.ts
/** What GitHub's JSON means to the port: permissions, comparison states, comments. */
// GitHub's legacy `permission` is admin/write/read/none; `role_name` may also say
// maintain or triage (or a custom role's name, which maps to nothing).
const github_wire_PERMISSIONS = {
    admin: 'admin',
    maintain: 'write',
    write: 'write',
    triage: 'read',
    read: 'read',
    none: 'none',
};
function github_wire_toPermission(value) {
    return value ? (github_wire_PERMISSIONS[value] ?? null) : null;
}
const STATUSES = new Set(['ahead', 'behind', 'diverged', 'identical']);
function toStatus(value) {
    return STATUSES.has(value) ? value : 'unknown';
}
/**
 * GitHub nulls `line` and `position` of a comment whose code changed after it was written
 * (shown as "Outdated"); a file-level comment has no line without being outdated. A reply
 * is resolved with its thread, which is known by its first comment (`resolvedRoots`).
 */
function toReviewCommentOf(c, resolvedRoots) {
    const line = c.line ?? null;
    const inReplyTo = c.in_reply_to_id ?? null;
    return {
        id: c.id,
        body: c.body,
        path: c.path,
        line,
        outdated: c.subject_type === 'file' ? false : line === null || c.position === null,
        resolved: resolvedRoots.has(inReplyTo ?? c.id),
        inReplyTo,
        author: c.user?.login ?? '',
        authorId: c.user?.id ?? null,
    };
}
const PENDING_CONFLICT = /one pending review/i;
function github_wire_describe(error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
function toReviewComment(c) {
    // GitHub wants start_line strictly before line, on a stated side; a one-line comment
    // must carry neither start field.
    const range = c.startLine !== undefined && c.startLine < c.line ? { start_line: c.startLine, start_side: c.side } : {};
    return { path: c.path, body: c.body, line: c.line, side: c.side, ...range };
}
function github_wire_toIssueComment(c) {
    return {
        id: c.id,
        body: c.body ?? '',
        url: c.html_url,
        author: c.user ? { id: c.user.id, login: c.user.login } : null,
    };
}

;// CONCATENATED MODULE: ./src/forge/github-errors.ts


function github_errors_toForgeError(operation, error, opts) {
    const status = (0,forge_error/* httpStatusOf */.s_)(error);
    const detail = github_wire_describe(error);
    const where = status === null ? `could not reach ${opts.apiUrl}: ${detail}` : `HTTP ${status}: ${detail}`;
    const hint = github_errors_hintFor(operation, status, detail, opts);
    const message = `GitHub ${operation} failed (${where})${hint ? ` — ${hint}` : ''}`;
    return new forge_error/* ForgeError */.Q8((0,forge_error/* redact */.E$)(message, [opts.token]), operation, status);
}
const github_errors_WRITES = new Set([
    'createReview',
    'createComment',
    'updateComment',
    'deleteComment',
    'react',
    'probeAnchor',
    'replyToReviewComment',
    'resolveThread',
]);
/** What every GitHub failure of these kinds means, whatever the call: no answer, a bad token, a rate limit. */
function commonHint(status, detail) {
    if (status === null)
        return 'check the API URL (GITHUB_API_URL) and the network';
    if (status === 401)
        return 'the token was rejected; check the `github-token` input (default `${{ github.token }}`)';
    if (status === 403 && /rate limit/i.test(detail))
        return 'GitHub rate limit still in force after the allowed waits; try again later';
    return null;
}
function github_errors_hintFor(operation, status, detail, opts) {
    const writes = github_errors_WRITES.has(operation);
    const common = commonHint(status, detail);
    if (common)
        return common;
    switch (status) {
        case 403:
            if (operation === 'readFile')
                return "the token cannot read the repository's files — add `permissions: contents: read` to the workflow";
            return writes
                ? 'the token lacks `pull-requests: write` — add `permissions: pull-requests: write` to the workflow ' +
                    '(on pull requests from forks the token is read-only: use `pull_request_target`)'
                : 'the token lacks `pull-requests: read` — add `permissions: pull-requests: read` (and `contents: read`) to the workflow';
        case 404:
            if (operation === 'updateComment' || operation === 'deleteComment' || operation === 'react')
                return 'the comment no longer exists';
            if (operation === 'replyToReviewComment')
                return 'the review comment no longer exists';
            if (operation === 'listRepositoryComments')
                return `repository ${opts.owner}/${opts.repo} was not found, or the token cannot see it`;
            return `pull request #${opts.pullNumber} of ${opts.owner}/${opts.repo} was not found, or the token cannot see the repository`;
        case 422:
            if (PENDING_CONFLICT.test(detail))
                return "the token's user already has a pending (unsubmitted) review on this pull request and GitHub allows one: submit or delete it";
            if (operation === 'replyToReviewComment')
                return "GitHub takes replies only to a thread's first comment";
            return operation === 'createReview'
                ? 'GitHub rejected the review: a comment is on a line outside the diff, or the commit is not in the pull request'
                : '';
        default:
            return status !== null && status >= 500 ? 'GitHub had a server error; try again later' : '';
    }
}

// EXTERNAL MODULE: ./src/early/first-requests.ts + 1 modules
var first_requests = __webpack_require__(23816);
;// CONCATENATED MODULE: ./src/forge/github-graphql.ts



// GraphQL pages of 100 review threads; a pull request with more than 10,000 is not expected.
const MAX_THREAD_PAGES = 100;
/**
 * Which review threads are resolved: REST does not say, GraphQL does. A thread is known by its
 * first comment, whose `databaseId` is the REST id of that comment.
 */
const REVIEW_THREADS_QUERY = `query ($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;
/** Resolves one review thread by its node id (the thread, not a comment). */
const RESOLVE_THREAD_MUTATION = `mutation ($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;
/**
 * GitHub's GraphQL side: whom the token posts as, and the pull request's review threads (which
 * REST does not describe), plus resolving one.
 */
function createGitHubGraphql({ octokit, opts, log }) {
    return { whoAmI, resolvedThreads, readThreads, resolveThread };
    async function whoAmI() {
        if (opts.botLogin)
            return { id: null, login: opts.botLogin, source: 'the bot-login input' };
        const problems = [];
        try {
            const { viewer } = await octokit.graphql(first_requests/* VIEWER_QUERY */.Y);
            if (viewer?.login)
                return { id: viewer.databaseId ?? null, login: viewer.login, source: 'GraphQL viewer' };
            problems.push('GraphQL viewer: no answer');
        }
        catch (error) {
            problems.push(`GraphQL viewer: ${github_wire_describe(error)}`);
        }
        try {
            const { data } = await octokit.rest.users.getAuthenticated();
            return { id: data.id, login: data.login, source: 'GET /user' };
        }
        catch (error) {
            problems.push(`GET /user: ${github_wire_describe(error)}`);
        }
        log((0,forge_error/* redact */.E$)(`GitHub: could not learn whom the token posts as (${problems.join('; ')}).`, [opts.token]));
        return null;
    }
    /**
     * A review without `event` stays PENDING (a draft only its author sees), yet GitHub checks
     * its comments' anchors as for a submitted one: 422 when the line is not in the diff.
     */
    async function resolvedThreads() {
        const roots = new Set();
        for (const [root, thread] of await readThreads())
            if (thread.isResolved)
                roots.add(root);
        return roots;
    }
    /** Review threads by the REST id of their first comment: node id and state. Empty when GraphQL fails. */
    async function readThreads() {
        const roots = new Map();
        let cursor = null;
        try {
            for (let page = 0; page < MAX_THREAD_PAGES; page++) {
                const answer = await octokit.graphql(REVIEW_THREADS_QUERY, {
                    owner: opts.owner,
                    name: opts.repo,
                    number: opts.pullNumber,
                    cursor,
                });
                const threads = answer.repository?.pullRequest?.reviewThreads;
                if (!threads)
                    throw new Error('the answer has no review threads');
                for (const thread of threads.nodes) {
                    const root = thread?.comments.nodes[0]?.databaseId;
                    if (thread && typeof root === 'number')
                        roots.set(root, { id: thread.id ?? null, isResolved: thread.isResolved });
                }
                if (!threads.pageInfo.hasNextPage || !threads.pageInfo.endCursor)
                    return roots;
                cursor = threads.pageInfo.endCursor;
            }
            log(`GitHub: read ${MAX_THREAD_PAGES} pages of review threads; later threads count as unresolved.`);
            return roots;
        }
        catch (error) {
            const status = (0,forge_error/* httpStatusOf */.s_)(error);
            log((0,forge_error/* redact */.E$)(`GitHub GraphQL could not say which review threads are resolved (${status === null ? '' : `HTTP ${status}: `}` +
                `${github_wire_describe(error)}); every thread counts as unresolved.`, [opts.token]));
            return new Map();
        }
    }
    /** The diff text of a comparison; null when GitHub will not produce it (too large: 406). */
    /** Resolves a thread with the mutation; false when GraphQL would not (the caller replies instead). */
    async function resolveThread(threadId, root) {
        try {
            const answer = await octokit.graphql(RESOLVE_THREAD_MUTATION, { threadId });
            return answer.resolveReviewThread?.thread?.isResolved === true;
        }
        catch (error) {
            log((0,forge_error/* redact */.E$)(`GitHub: could not resolve review thread ${root} (${github_wire_describe(error)}); replying instead.`, [opts.token]));
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/forge/github-snapshot.ts





// A query's answer stays well under GitHub's GraphQL time limit; known sizes pack batches to it.
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const github_snapshot_SYMLINK_MODE = '120000';
/** A SnapshotReader over GitHub's REST and GraphQL APIs; failures are ForgeErrors that say what to grant. */
function createGitHubSnapshot(opts) {
    const { octokit, owner, repo } = opts;
    const log = (msg) => (opts.log ?? (() => { }))((0,forge_error/* redact */.E$)(msg, [opts.token]));
    const maxFileBytes = opts.maxFileBytes ?? untar/* DEFAULT_MAX_FILE_BYTES */.CR;
    const batchSize = Math.max(1, opts.batchSize ?? 100);
    const concurrency = Math.max(1, opts.concurrency ?? 4);
    // What listFiles learnt, so readFiles skips files it knows to be missing or too large.
    const listings = new Map();
    let repoSize = null;
    const call = async (operation, ref, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw github_snapshot_toSnapshotError(operation, ref, error, opts);
        }
    };
    /** `size` of `GET /repos/{o}/{r}`: KB of the whole repository (history included); null when unknown. */
    const repositoryKb = () => (repoSize ??= octokit.request('GET /repos/{owner}/{repo}', { owner, repo }).then(({ data }) => (typeof data.size === 'number' && data.size > 0 ? data.size : null), (error) => {
        repoSize = null;
        throw error;
    }));
    return {
        listFiles: (ref) => call('listFiles', ref, async () => {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
                owner,
                repo,
                tree_sha: ref,
                recursive: '1',
            });
            const files = github_snapshot_toFiles(data.tree);
            listings.set(ref, { sizes: new Map(files.map((f) => [f.path, f.size])), truncated: data.truncated });
            if (data.truncated)
                log(`GitHub listed only part of ${github_snapshot_short(ref)}'s tree (over 100,000 entries or 7 MB).`);
            return { files, truncated: data.truncated };
        }),
        readFiles: (paths, ref) => call('readFiles', ref, async () => {
            const listing = listings.get(ref);
            const wanted = wantedPaths(paths, listing, maxFileBytes);
            const read = new Map();
            const batches = packBatches(wanted, listing?.sizes, batchSize);
            await mapPool(batches, concurrency, async (batch) => {
                const variables = { owner, name: repo };
                batch.forEach((path, i) => (variables[`e${i}`] = `${ref}:${path}`));
                const answer = await octokit.graphql(blobsQuery(batch.length), variables);
                if (!answer.repository)
                    throw new Error(`GraphQL answered no repository ${owner}/${repo}`);
                batch.forEach((path, i) => {
                    const text = blobText(answer.repository?.[`f${i}`] ?? null, maxFileBytes);
                    if (text !== null)
                        read.set(path, text);
                });
            });
            // In the order asked, whatever order the batches came back in.
            return new Map(wanted.flatMap((path) => (read.has(path) ? [[path, read.get(path)]] : [])));
        }),
        readAll: (ref, { maxBytes, keep }) => call('readAll', ref, async () => {
            let kb;
            let body;
            try {
                // The size and the archive are asked for at once (each is a round trip); the archive's
                // body is only read once the size says it is worth it, and dropped otherwise.
                const [size, response] = await Promise.all([
                    repositoryKb(),
                    octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
                        owner,
                        repo,
                        ref,
                        // The body as a stream: it is read as it arrives and cancelled at the bound.
                        request: { parseSuccessResponseBody: false },
                    }),
                ]);
                kb = size;
                body = response.data;
                // The repository's size counts its history, compressed; a snapshot can be larger or
                // smaller. Over the bound it is not worth a download that would be cut.
                if (kb !== null && kb * 1024 > maxBytes) {
                    await cancelBody(body);
                    log(`GitHub: ${owner}/${repo} is ${kb} KB, over ${maxBytes} bytes; reading files one by one.`);
                    return null;
                }
            }
            catch (error) {
                // The listing says why (a missing commit, or a token without `contents: read`).
                if ((0,forge_error/* httpStatusOf */.s_)(error) !== 404)
                    throw error;
                log(`GitHub has no archive of ${github_snapshot_short(ref)} (HTTP 404); reading files one by one.`);
                return null;
            }
            if (!body)
                return null;
            const texts = await (0,untar/* readTarGzTexts */.D6)(body, {
                maxBytes,
                maxFileBytes,
                keep,
                // codeload puts everything in `<owner>-<repo>-<short sha>/`.
                topFolder: (first) => `${first.path.split('/')[0] ?? ''}/`,
            });
            if (!texts)
                log(`GitHub: the archive of ${github_snapshot_short(ref)} is over ${maxBytes} bytes; reading files one by one.`);
            return texts;
        }),
    };
}
/** Stops an archive download that is not wanted, without reading it. */
async function cancelBody(body) {
    const stream = body;
    await stream?.cancel?.().catch(() => { });
}
/** Regular files of a recursive tree: no directories, submodules (`commit`) or symbolic links. */
function github_snapshot_toFiles(tree) {
    return tree
        .filter((e) => e.type === 'blob' && e.mode !== github_snapshot_SYMLINK_MODE && typeof e.path === 'string')
        .map((e) => ({ path: e.path, size: e.size ?? 0 }));
}
/** Paths in batches of at most `size`, and of at most MAX_BATCH_BYTES where sizes are known. */
function packBatches(paths, sizes, size) {
    const batches = [];
    let batch = [];
    let bytes = 0;
    for (const path of paths) {
        const next = sizes?.get(path) ?? 0;
        if (batch.length >= size || (batch.length > 0 && bytes + next > MAX_BATCH_BYTES)) {
            batches.push(batch);
            batch = [];
            bytes = 0;
        }
        batch.push(path);
        bytes += next;
    }
    if (batch.length > 0)
        batches.push(batch);
    return batches;
}
/**
 * One query for `count` blobs, the expressions passed as variables (no escaping of paths in
 * the query text). A path that is missing or names a tree answers null or `{}`.
 */
function blobsQuery(count) {
    const variables = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(', ');
    const fields = Array.from({ length: count }, (_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { byteSize isBinary isTruncated text } }`);
    return `query ($owner: String!, $name: String!, ${variables}) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join('\n    ')}\n  }\n}`;
}
function blobText(blob, maxFileBytes) {
    if (!blob || typeof blob.text !== 'string' || blob.isBinary || blob.isTruncated)
        return null;
    if ((blob.byteSize ?? 0) > maxFileBytes)
        return null;
    // GitHub's isBinary has its own heuristics; git's NUL test keeps every adapter alike.
    return blob.text.slice(0, 8000).includes('\0') ? null : blob.text;
}
const github_snapshot_short = (ref) => (/^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref);
function github_snapshot_describe(error) {
    const errors = error?.errors;
    if (Array.isArray(errors) && errors.length > 0)
        return errors
            .map((e) => e.message ?? '')
            .join('; ')
            .slice(0, 500);
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
function github_snapshot_toSnapshotError(operation, ref, error, opts) {
    const status = (0,forge_error/* httpStatusOf */.s_)(error);
    const graphql = error?.name === 'GraphqlResponseError';
    const detail = github_snapshot_describe(error);
    const where = status !== null
        ? `HTTP ${status}: ${detail}`
        : graphql
            ? `GraphQL: ${detail}`
            : `could not reach ${opts.apiUrl}: ${detail}`;
    const hint = github_snapshot_hintFor(status, graphql, detail, ref, opts);
    const message = `GitHub ${operation} at ${github_snapshot_short(ref)} failed (${where})${hint ? ` — ${hint}` : ''}`;
    return new forge_error/* ForgeError */.Q8((0,forge_error/* redact */.E$)(message, [opts.token]), operation, status);
}
const CONTENTS = 'add `permissions: contents: read` to the workflow';
function github_snapshot_hintFor(status, graphql, detail, ref, opts) {
    const where = `${opts.owner}/${opts.repo}`;
    if (graphql) {
        return /could not resolve|not found/i.test(detail)
            ? `repository ${where} was not found, or the token cannot read it — ${CONTENTS}`
            : 'GitHub GraphQL refused the query; try again later';
    }
    const common = commonHint(status, detail);
    if (common)
        return common;
    switch (status) {
        case 403:
            return `the token cannot read the repository's files — ${CONTENTS}`;
        case 404:
            return `commit ${github_snapshot_short(ref)} of ${where} was not found, or the token cannot read the repository — ${CONTENTS}`;
        case 409:
            return `repository ${where} is empty`;
        case 422:
            return `\`${ref}\` is not a commit of ${where}`;
        default:
            return status !== null && status >= 500 ? 'GitHub had a server error; try again later' : '';
    }
}

;// CONCATENATED MODULE: ./src/forge/github.ts










// GitHub truncates the file list at this many files.
const MAX_LISTED_FILES = 3000;
// The contents API returns a file's text only up to 1 MB; a larger one comes without content.
const github_MAX_FILE_BYTES = 1024 * 1024;
// A pull request's conversation: 100 pages of 100 comments is far past any real one.
const MAX_COMMENT_PAGES = 100;
/**
 * The GitHub REST adapter: a real Octokit (with bounded retries and rate-limit handling)
 * talking to `apiUrl`. Every failure becomes a ForgeError that says how to fix it.
 */
function createGitHubForge(opts) {
    const log = opts.log ?? (() => { });
    const octokit = createOctokit(opts, log);
    const repo = { owner: opts.owner, repo: opts.repo };
    const pr = { ...repo, pull_number: opts.pullNumber };
    const issue = { ...repo, issue_number: opts.pullNumber };
    const { whoAmI, readThreads, resolvedThreads, resolveThread } = createGitHubGraphql({ octokit, opts, log });
    const call = async (operation, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw github_errors_toForgeError(operation, error, opts);
        }
    };
    // GitHub lets a user hold one pending review per pull request, so probes run one at a time.
    let probes = Promise.resolve();
    let self = null;
    let pull = null;
    let diff = null;
    return {
        kind: 'github',
        // Remembered: the base files context wants are read early, while the config file is fetched.
        snapshot: rememberReads(createGitHubSnapshot({
            octokit,
            owner: opts.owner,
            repo: opts.repo,
            token: opts.token,
            apiUrl: opts.apiUrl,
            log,
        })),
        // The pull request and its diff are read once per run, however many steps ask.
        getPullRequest: () => (pull ??= call('getPullRequest', async () => {
            const { data } = await octokit.rest.pulls.get(pr);
            return {
                number: data.number,
                title: data.title,
                body: data.body ?? '',
                author: data.user?.login ?? '',
                draft: data.draft ?? false,
                headSha: data.head.sha,
                baseSha: data.base.sha,
                baseRef: data.base.ref,
                htmlUrl: data.html_url,
            };
        }).catch((error) => {
            pull = null;
            throw error;
        })),
        getDiff: () => (diff ??= call('getDiff', async () => {
            try {
                const { data } = await octokit.rest.pulls.get({ ...pr, mediaType: { format: 'diff' } });
                // Octokit decodes text only when the answer names a charset; otherwise bytes.
                return typeof data === 'string' ? data : new TextDecoder().decode(data);
            }
            catch (error) {
                if ((0,forge_error/* httpStatusOf */.s_)(error) !== 406)
                    throw error;
            }
            // 406: the diff is over GitHub's limits (lines or files); the file list still has
            // each file's patch, except for the largest files.
            log('GitHub refused the diff as too large; rebuilding it from the list of changed files.');
            const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pr, per_page: 100 });
            if (files.length >= MAX_LISTED_FILES) {
                log(`GitHub lists at most ${MAX_LISTED_FILES} files; files beyond those are not reviewed.`);
            }
            return filesToDiff(files);
        }).catch((error) => {
            diff = null;
            throw error;
        })),
        createReview: (review) => call('createReview', async () => {
            const { data } = await octokit.rest.pulls.createReview({
                ...pr,
                commit_id: review.commitId,
                body: review.body,
                event: review.event,
                comments: review.comments.map(toReviewComment),
            });
            return { url: data.html_url };
        }),
        identity: () => (self ??= whoAmI()),
        listComments: () => call('listComments', async () => {
            const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
            const all = [];
            let read = 0;
            for await (const page of pages) {
                all.push(...page.data.map(github_wire_toIssueComment));
                if (++read >= MAX_COMMENT_PAGES)
                    break;
            }
            return all;
        }),
        getComment: (id) => call('getComment', async () => {
            try {
                const { data } = await octokit.rest.issues.getComment({ ...repo, comment_id: id });
                return github_wire_toIssueComment(data);
            }
            catch (error) {
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return null;
                throw error;
            }
        }),
        deleteComment: (id) => call('deleteComment', async () => {
            await octokit.rest.issues.deleteComment({ ...repo, comment_id: id });
        }),
        createComment: (body) => call('createComment', async () => {
            const { data } = await octokit.rest.issues.createComment({ ...issue, body });
            return github_wire_toIssueComment(data);
        }),
        updateComment: (id, body) => call('updateComment', async () => {
            const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body });
            return github_wire_toIssueComment(data);
        }),
        listRepositoryComments: (since, limit, keep) => call('listRepositoryComments', async () => {
            // GitHub cannot filter by author here: every comment updated since `since` is read,
            // newest first, and only the ones `keep` accepts are kept.
            const pages = octokit.paginate.iterator(octokit.rest.issues.listCommentsForRepo, {
                ...repo,
                since,
                sort: 'updated',
                direction: 'desc',
                per_page: 100,
            });
            const kept = [];
            let read = 0;
            for await (const page of pages) {
                // Past the limit, one more page only tells whether the scan finished.
                if (read >= limit)
                    return { comments: kept, complete: page.data.length === 0, read };
                for (const c of page.data.map(github_wire_toIssueComment))
                    if (keep(c))
                        kept.push(c);
                read += page.data.length;
            }
            return { comments: kept, complete: true, read };
        }),
        react: (commentId, reaction) => call('react', async () => {
            // 201 for a new reaction, 200 when the token's user had already given it: both fine.
            await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content: reaction });
        }),
        permissionOf: (login) => call('permissionOf', async () => {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
                return github_wire_toPermission(data.permission) ?? github_wire_toPermission(data.role_name);
            }
            catch (error) {
                // No such user, or one GitHub will not show: in either case no access to rely on.
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return 'none';
                throw error;
            }
        }),
        compare: (base, head) => call('compare', async () => {
            if (base === head)
                return { status: 'identical', diff: '', files: [] };
            const basehead = `${base}...${head}`;
            let status;
            let files;
            try {
                const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead });
                status = toStatus(data.status);
                files = [...new Set((data.files ?? []).map((f) => f.filename))];
            }
            catch (error) {
                // 404: a commit is gone (force push, then garbage collection) or has no common history.
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return { status: 'unknown', diff: null, files: [] };
                throw error;
            }
            if (status === 'identical')
                return { status, diff: '', files: [] };
            // The diff of `base...head` starts at the merge base: it is base..head only when ahead.
            if (status !== 'ahead')
                return { status, diff: null, files };
            return { status, diff: await compareDiff(basehead), files };
        }),
        listReviewComments: () => call('listReviewComments', async () => {
            const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...pr, per_page: 100 });
            const resolved = all.length > 0 ? await resolvedThreads() : new Set();
            return all.map((c) => toReviewCommentOf(c, resolved)).sort((a, b) => a.id - b.id);
        }),
        probeAnchor: (commitId, comment) => {
            const probe = probes.then(() => call('probeAnchor', () => probeOnce(commitId, comment)));
            probes = probe.catch(() => { });
            return probe;
        },
        readFile: (path, ref) => call('readFile', async () => {
            let data;
            try {
                ({ data } = await octokit.rest.repos.getContent({ ...repo, path, ref }));
            }
            catch (error) {
                if ((0,forge_error/* httpStatusOf */.s_)(error) === 404)
                    return null;
                throw error;
            }
            // A directory answers a list; a submodule or symlink to nowhere has no content.
            if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
                return null;
            if (data.size > github_MAX_FILE_BYTES || data.encoding !== 'base64') {
                log(`GitHub: ${path} at ${ref.slice(0, 7)} is ${data.size} bytes, over 1 MB; not read.`);
                return null;
            }
            return Buffer.from(data.content, 'base64').toString('utf8');
        }),
        replyToReviewComment: (commentId, body) => call('replyToReviewComment', async () => {
            const { data } = await octokit.rest.pulls.createReplyForReviewComment({ ...pr, comment_id: commentId, body });
            return { id: data.id, url: data.html_url };
        }),
        resolveThread: (comment, note) => call('resolveThread', async () => {
            const root = comment.inReplyTo ?? comment.id;
            const thread = (await readThreads()).get(root);
            if (thread?.isResolved)
                return 'resolved';
            if (thread?.id && (await resolveThread(thread.id, root)))
                return 'resolved';
            // GraphQL unreachable (a REST-only proxy) or the thread unknown: a reply still tells the author.
            await octokit.rest.pulls.createReplyForReviewComment({ ...pr, comment_id: root, body: note });
            return 'replied';
        }),
    };
    /**
     * The identity the token posts as: the `bot-login` input when given; else GraphQL `viewer`
     * (installation tokens, whose comments come from `<app>[bot]`, and personal tokens alike);
     * else `GET /user` (a personal token where GraphQL is not reachable). Null when none answers.
     */
    async function probeOnce(commitId, comment) {
        let reviewId;
        try {
            const { data } = await octokit.rest.pulls.createReview({
                ...pr,
                commit_id: commitId,
                comments: [toReviewComment(comment)],
            });
            reviewId = data.id;
        }
        catch (error) {
            // "User can only have one pending review per pull request" is about a draft, not the anchor.
            if ((0,forge_error/* httpStatusOf */.s_)(error) === 422 && !PENDING_CONFLICT.test(github_wire_describe(error)))
                return false;
            throw error;
        }
        try {
            await octokit.rest.pulls.deletePendingReview({ ...pr, review_id: reviewId });
        }
        catch (error) {
            log((0,forge_error/* redact */.E$)(`GitHub kept the pending review #${reviewId} made to test an anchor (${github_wire_describe(error)}); ` +
                'delete it on the pull request page, or later reviews by this token are refused.', [opts.token]));
            throw error;
        }
        return true;
    }
    /**
     * REST ids of the first comments of resolved review threads, read with GraphQL (which the
     * Octokit sends to `/graphql`, or `/api/graphql` for a GHES `…/api/v3` base URL). When
     * GraphQL fails (e.g. a proxy that only passes REST) every thread counts as unresolved.
     */
    async function compareDiff(basehead) {
        try {
            const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
                ...repo,
                basehead,
                mediaType: { format: 'diff' },
            });
            return typeof data === 'string' ? data : new TextDecoder().decode(data);
        }
        catch (error) {
            if ((0,forge_error/* httpStatusOf */.s_)(error) !== 406)
                throw error;
            log(`GitHub refused the diff of ${basehead} as too large; only its file list is used.`);
            return null;
        }
    }
}

;// CONCATENATED MODULE: ./src/forge/connect.ts



/**
 * The forge this run is on (GitHub, Gitea or Forgejo, from the runner's environment and, when
 * the environment cannot tell Gitea from an old Forgejo runner, the server's version) and a
 * client for the pull request.
 */
async function connectForge(opts) {
    const token = (0,detect/* forgeToken */.f)(opts.tokenInput, opts.env);
    if (!token)
        throw new Error('Missing input `github-token`: pass `github-token: ${{ github.token }}` (or a bot token).');
    const [owner = '', repo = ''] = opts.repository.split('/');
    if (!owner || !repo)
        throw new Error(`GITHUB_REPOSITORY must be \`owner/repo\`; got "${opts.repository}"`);
    const detected = (0,detect/* detectForge */.J)(opts.env);
    const apiUrl = opts.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
    const kind = await resolveForgeKind(detected, apiUrl, token, opts.log, opts.wrapFetch);
    const common = {
        token,
        apiUrl,
        owner,
        repo,
        pullNumber: opts.pullNumber,
        log: opts.log,
        ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    };
    if (kind === 'github') {
        // A run makes two or three writes, so GitHub's one-write-a-second pacing would only add waiting.
        const forge = createGitHubForge({
            ...common,
            retry: { retries: 2, spaceWrites: false },
            wrapFetch: opts.wrapFetch,
        });
        return { forge, readOnlyFork: false };
    }
    const forge = createGiteaForge({ kind, ...common, wrapFetch: opts.wrapFetch });
    return { forge, readOnlyFork: opts.fork && (await isActionsToken(apiUrl, token, opts.log, opts.wrapFetch)) };
}

// EXTERNAL MODULE: ./src/diff/filter.ts + 1 modules
var filter = __webpack_require__(5618);
// EXTERNAL MODULE: ./src/diff/parse.ts + 1 modules
var parse = __webpack_require__(30494);
// EXTERNAL MODULE: ./src/llm/guarded-call.ts
var guarded_call = __webpack_require__(20628);
// EXTERNAL MODULE: ./src/plan/budget.ts
var plan_budget = __webpack_require__(26362);
// EXTERNAL MODULE: ./src/plan/chunks.ts + 5 modules
var chunks = __webpack_require__(82894);
// EXTERNAL MODULE: ./src/plan/choose-model.ts
var choose_model = __webpack_require__(51454);
// EXTERNAL MODULE: ./src/plan/prices.ts
var prices = __webpack_require__(76161);
// EXTERNAL MODULE: ./src/plan/run-ledger.ts + 1 modules
var run_ledger = __webpack_require__(72717);
// EXTERNAL MODULE: ./src/plan/tier.ts
var tier = __webpack_require__(77491);
// EXTERNAL MODULE: ./src/review/fingerprint.ts
var fingerprint = __webpack_require__(70336);
// EXTERNAL MODULE: ./src/review/neutralize.ts
var neutralize = __webpack_require__(90217);
// EXTERNAL MODULE: ./src/plan/estimate.ts
var estimate = __webpack_require__(41517);
// EXTERNAL MODULE: ./src/review/guidelines.ts
var review_guidelines = __webpack_require__(23749);
// EXTERNAL MODULE: ./src/review/prompt.ts
var review_prompt = __webpack_require__(58620);
// EXTERNAL MODULE: ./src/review/render-summary.ts
var render_summary = __webpack_require__(4079);
// EXTERNAL MODULE: ./src/state/month-usage.ts
var month_usage = __webpack_require__(56741);
// EXTERNAL MODULE: ./src/state/own.ts
var own = __webpack_require__(91145);
// EXTERNAL MODULE: ./src/state/spend.ts
var spend = __webpack_require__(35521);
// EXTERNAL MODULE: ./src/state/summary-store.ts
var summary_store = __webpack_require__(17889);
// EXTERNAL MODULE: ./src/review/description.ts
var description = __webpack_require__(21738);
;// CONCATENATED MODULE: ./src/ask.ts





















/** Marks the action's answers, so they are never taken for commands. */
const ANSWER_MARKER = '<!-- claude-pr-review:answer -->';
const ANSWER_TOKENS = 2048;
/** Share of what remains that the diff shown with a question may take. */
const DIFF_SHARE = 0.6;
/**
 * Answers a maintainer's question under the same ceiling and budgets as a review: in the
 * review thread it was asked in (GitHub), or as a PR comment (`/review ask`, every forge).
 */
async function ask(deps) {
    const { config, forge, model: client, now = () => new Date() } = deps;
    const [fullPr, diff, self] = await Promise.all([forge.getPullRequest(), forge.getDiff(), forge.identity()]);
    const { pr } = (0,description/* capDescription */.F)(fullPr);
    const { kept } = (0,filter/* filterFiles */.UI)((0,parse/* parseDiff */.F)(diff), config);
    const { comment: previous, state: history } = await (0,summary_store/* loadSummary */.RF)(forge, self);
    const unknown = self ? null : 'the action could not tell which comments are its own';
    const budget = (0,plan_budget/* runBudget */.p)(config, history, await (0,month_usage/* readMonthUsage */.mA)(forge, config, now(), self), unknown);
    const post = (text) => deps.thread ? forge.replyToReviewComment(deps.thread.rootId, text) : forge.createComment(text);
    if (budget.skip) {
        await post(`${ANSWER_MARKER}\nI can't answer right now: ${budget.skip}.`);
        return { answered: false, reason: budget.skip, tokens: 0, costUsd: 0, model: null };
    }
    let thread;
    if (deps.thread) {
        const comments = await forge.listReviewComments();
        const root = comments.find((c) => c.id === deps.thread.rootId);
        // Only a thread the action itself opened is one it answers in.
        if (!root || !(0,fingerprint/* readFingerprint */.bi)(root.body) || !(0,own/* isOwnReviewComment */.uY)(root, self)) {
            return { answered: false, reason: 'the thread is not one of this action’s', tokens: 0, costUsd: 0, model: null };
        }
        const replies = comments.filter((c) => c.inReplyTo === root.id).map((c) => `@${c.author}: ${c.body}`);
        thread = { finding: root.body, replies, diffHunk: deps.thread.diffHunk };
    }
    const chosen = await (0,choose_model/* chooseModel */.R)(client, config, (0,tier/* chooseTier */.A)((0,filter/* changedLines */.MA)(kept), config));
    const ledger = (0,run_ledger/* createRunLedger */.L2)(config, budget.ceiling, chosen.model);
    const guidelines = await (0,review_guidelines/* readGuidelines */.OV)(forge, pr.baseSha, config.guidelinesFiles, deps.log);
    let files = undefined;
    if (!thread) {
        // The guidelines come out of the diff's share, so the question still fits.
        const share = ledger.inputRoom(ANSWER_TOKENS) * DIFF_SHARE - (guidelines ? (0,estimate/* estimateTokens */.b)(guidelines.text) : 0);
        const room = Math.max(0, Math.floor(share / (1 + ledger.inputMargin)));
        const plan = (0,chunks/* planChunks */.C)(kept, { budgetTokens: room, maxChunkTokens: room, targetChunkTokens: room });
        files = plan.chunks[0]?.slices.map((s) => ({ ...s.file, hunks: s.hunks })) ?? [];
    }
    const request = (0,review_prompt/* buildAskRequest */.X1)({ model: chosen.model.id, pr, question: deps.question, thread, files, guidelines });
    const input = await (0,guarded_call/* sizeInput */.W4)(client, ledger, request, ANSWER_TOKENS);
    const result = await (0,guarded_call/* callWithinCeiling */.tg)(client, ledger, request, input, { maxOutput: ANSWER_TOKENS, minOutput: 256 });
    const usage = ledger.total();
    const costUsd = (0,prices/* estimateCost */.a3)(chosen.model.id, usage, (0,run_ledger/* priceTable */.qx)(config));
    const out = result.kind === 'answered' ? result.reply.output : null;
    const answer = typeof out?.answer === 'string' && out.answer.trim() !== '' ? out.answer.trim() : null;
    const footer = `<sub>claude-pr-review · \`${chosen.model.id}\` · ${ledger.spent.toLocaleString('en-US')} tokens · ${(0,render_summary/* formatUsd */.UK)(costUsd)}</sub>`;
    const quote = deps.thread
        ? ''
        : `> @${deps.asker} asked: ${(0,neutralize/* neutralize */.YI)(deps.question.replace(/\n/g, ' ').slice(0, 300))}\n\n`;
    const text = answer
        ? `${quote}${(0,neutralize/* neutralize */.YI)(answer, { forgeHost: (0,neutralize/* hostOf */.w4)(pr.htmlUrl) })}`
        : `${quote}I could not answer within \`max-tokens-per-run\` (${config.maxTokensPerRun.toLocaleString('en-US')}).`;
    await post(`${ANSWER_MARKER}\n${text}\n\n${footer}`);
    // The tokens count against the PR's and the month's budgets like a review's.
    if (ledger.spent > 0) {
        const run = {
            at: now().toISOString(),
            sha: pr.headSha,
            model: chosen.model.id,
            tokens: ledger.spent,
            cost: costUsd,
        };
        await (0,spend/* settleRun */.lj)(forge, self, previous, `ask-${run.at}`, run, false, undefined, now().getTime());
    }
    return {
        answered: answer !== null,
        reason: answer ? 'answered' : 'no answer',
        tokens: ledger.spent,
        costUsd,
        model: chosen.model.id,
    };
}

// EXTERNAL MODULE: ./src/run.ts + 22 modules
var run = __webpack_require__(31871);
// EXTERNAL MODULE: ./src/trigger/command.ts
var command = __webpack_require__(52773);
// EXTERNAL MODULE: ./src/trigger/permission.ts
var permission = __webpack_require__(77145);
// EXTERNAL MODULE: ./src/state/marker.ts
var state_marker = __webpack_require__(75131);
;// CONCATENATED MODULE: ./src/handle.ts









/** Marks the action's replies (help, refusals), so they never trigger anything. */
const REPLY_MARKER = '<!-- claude-pr-review:reply -->';
/** Reactions are a courtesy: a forge that refuses one must not fail the work. */
async function react(forge, who, threadReply, reaction, log) {
    // A reply in a review thread is not an issue comment; the issue-comment reaction API does not reach it.
    if (!who || threadReply || who.commentId === 0)
        return;
    await forge
        .react(who.commentId, reaction)
        .catch((e) => log.warning(`Could not react ${reaction}: ${String(e)}`));
}
/** Writes why a requested review failed where the PR's readers look: the top of the summary comment. */
async function noteFailure(forge, reason) {
    const line = `${render_summary/* FAILURE_PREFIX */.i7}${(0,neutralize/* neutralize */.YI)(reason.replace(/\n/g, ' ').slice(0, 500))}`;
    const self = await forge.identity();
    const { comment } = await (0,summary_store/* loadSummary */.RF)(forge, self);
    // The note goes under the marker; the state line, last, is kept as it is.
    const withNote = (state, current) => {
        const [marker = state_marker/* SUMMARY_MARKER */.Qi, ...rest] = (0,spend/* keepBody */.kJ)(state, current).split('\n');
        return [marker, line, ...rest.filter((l) => !l.startsWith(render_summary/* FAILURE_PREFIX */.i7))].join('\n');
    };
    await (0,summary_store/* writeSummary */.Sy)(forge, self, comment, { next: (fresh) => fresh, body: withNote, held: () => true });
}
/**
 * Carries out one trigger. A command from someone without write access gets one polite reply
 * and spends nothing; otherwise the command comment gets 👀, then 👍 when done (nothing found
 * included) or 😕 on failure, with the reason in the summary comment.
 */
async function handle(trigger, deps) {
    const { forge, log } = deps;
    const who = trigger.requester;
    const thread = trigger.kind === 'ask' ? trigger.thread : null;
    const reply = (text) => thread
        ? forge.replyToReviewComment(thread.rootId, `${REPLY_MARKER}\n${text}`)
        : forge.createComment(`${REPLY_MARKER}\n${text}`);
    if (who) {
        const gate = await (0,permission/* checkWriteAccess */.G_)(who, forge);
        if (!gate.allowed) {
            log.info(`Not started: ${gate.reason}.`);
            await reply((0,permission/* refusalText */.Kw)(who.login));
            return { kind: 'refused', reason: gate.reason };
        }
    }
    // 👀 goes out beside the work, not before it: it is a courtesy, never worth a round trip of waiting.
    const seen = react(forge, who, thread !== null, 'eyes', log);
    try {
        let handled;
        if (trigger.kind === 'help') {
            const phrase = deps.config.triggerPhrases[0] ?? '/review';
            await reply(`${trigger.args ? `I don't know \`${trigger.args.slice(0, 80)}\`.\n\n` : ''}${(0,command/* helpText */.B)(phrase)}`);
            handled = { kind: 'helped' };
        }
        else if (trigger.kind === 'ask') {
            if (!deps.model)
                throw new Error('answering a question needs `anthropic-api-key` or `anthropic-auth-token`');
            const result = await ask({
                ...deps,
                model: deps.model,
                question: trigger.question,
                asker: who?.login ?? '',
                thread,
            });
            handled = { kind: 'answered', result };
        }
        else {
            handled = { kind: 'reviewed', result: await (0,run/* run */.e)({ ...deps, request: trigger.request }) };
        }
        await seen;
        await react(forge, who, thread !== null, '+1', log);
        return handled;
    }
    catch (error) {
        await seen;
        await react(forge, who, thread !== null, 'confused', log);
        if (who && (trigger.kind === 'review' || trigger.kind === 'ask')) {
            await noteFailure(forge, error instanceof Error ? error.message : String(error)).catch(() => { });
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/trigger/trigger.ts
var trigger_trigger = __webpack_require__(81200);
;// CONCATENATED MODULE: ./src/main.ts











/** The composition root: with src/action/, all that reads the environment; `early` holds the first reads. */
async function main(early = null) {
    recordSpendOnCancel();
    try {
        // The workflow's inputs alone say how to reach the forge; the config file is merged under them.
        const inputs = readWorkflowInputs();
        const payload = (0,event_file/* readEventPayload */.N)(env('GITHUB_EVENT_PATH'));
        // Drafts pass this first look: the config file may set `review-drafts` (decided below).
        const first = (0,trigger_trigger/* readTrigger */.v)(env('GITHUB_EVENT_NAME'), payload, { ...inputs, reviewDrafts: true });
        if (first.kind === 'ignore')
            return await skip(`${first.reason}.`, 'not-triggered');
        refuseBadCredential(inputs);
        const fork = (0,trigger_fork/* isForkPullRequest */.B7)(payload);
        const onGitea = (0,detect/* detectForge */.J)(process.env) !== 'github';
        const noSecret = forkWithoutSecret(fork, inputs, onGitea);
        if (noSecret)
            return await skip(noSecret, 'fork');
        const log = { info: (m) => core/* info */.pq(m), warning: (m) => core/* warning */.$e(m) };
        const { forge, readOnlyFork } = await connectForge({
            env: process.env,
            tokenInput: inputs.githubToken,
            repository: env('GITHUB_REPOSITORY'),
            pullNumber: first.prNumber,
            fork,
            botLogin: inputs.botLogin,
            wrapFetch: early?.wrap,
            log: log.info,
        });
        if (readOnlyFork)
            return await skip(`this pull request comes from a fork and the token cannot post. ${trigger_fork/* FORK_ADVICE */.Qy}`, 'fork');
        // The model SDKs load while the forge answers: they are not needed before the first model call.
        const models = Promise.all(/* import() */[__webpack_require__.e(968), __webpack_require__.e(82), __webpack_require__.e(775)]).then(__webpack_require__.bind(__webpack_require__, 59775));
        const config = await readSettings(forge, inputs, log);
        const trigger = (0,trigger_trigger/* readTrigger */.v)(env('GITHUB_EVENT_NAME'), payload, config);
        if (trigger.kind === 'ignore')
            return await skip(`${trigger.reason}.`, 'not-triggered');
        const model = (await models).modelClient(config, onGitea, early?.wrap);
        await report(await handle(trigger, { config, forge, model, log, onCancel: onCancel }), trigger.prNumber);
    }
    catch (error) {
        setOutputs((0,action_outputs/* statusOutputs */.tr)('failed'));
        if (error instanceof Error && error.stack)
            core/* debug */.Yz(error.stack); // shown with debug logging, mapped to src/
        core/* setFailed */.C1(error instanceof Error ? error.message : String(error));
    }
    finally {
        early?.dispose();
    }
}


/***/ })

};

//# sourceMappingURL=692.index.js.map