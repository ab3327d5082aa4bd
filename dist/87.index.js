export const id = 87;
export const ids = [87];
export const modules = {

/***/ 6087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(67194);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/forge/forge-error.ts
var forge_error = __webpack_require__(79091);
// EXTERNAL MODULE: ./src/forge/untar.ts
var untar = __webpack_require__(21877);
;// CONCATENATED MODULE: ./src/forge/local-snapshot.ts



const SYMLINK_MODE = '120000';
/** A SnapshotReader over local git; a commit git does not have is a ForgeError saying to fetch it. */
function createLocalSnapshot(opts) {
    const maxFileBytes = opts.maxFileBytes ?? untar/* DEFAULT_MAX_FILE_BYTES */.CR;
    const listFiles = async (ref) => {
        checkRef('listFiles', ref);
        let out;
        try {
            // --full-tree: from the root whatever the folder; -z: paths verbatim, never quoted.
            out = await runGit(opts.cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', ref]);
        }
        catch (error) {
            throw new forge_error/* ForgeError */.Q8(`local listFiles at ${ref} failed (${error.message}) — \`${ref}\` is not a commit of the ` +
                `repository at ${opts.cwd}; fetch it first (e.g. \`git fetch origin ${ref}\`)`, 'listFiles', null);
        }
        const files = [];
        for (const record of out.toString('utf8').split('\0')) {
            // `<mode> <type> <object> <size, right-aligned>\t<path>`; submodules are `commit`, size `-`.
            const m = /^(\d+) (\w+) [0-9a-f]+ +(\d+)\t(.+)$/s.exec(record);
            if (m && m[2] === 'blob' && m[1] !== SYMLINK_MODE)
                files.push({ path: m[4], size: Number(m[3]) });
        }
        return { files, truncated: false };
    };
    const readFiles = async (paths, ref) => {
        checkRef('readFiles', ref);
        // `--batch-check` reads one name a line, so a path with a newline cannot be asked for.
        const wanted = [...new Set(paths)].filter((p) => p !== '' && !p.includes('\n'));
        const texts = new Map();
        if (wanted.length === 0)
            return texts;
        const blobs = await git('readFiles', ref, ['cat-file', '--batch-check'], wanted.map((p) => `${ref}:${p}\n`).join(''));
        const found = new Map();
        blobs
            .toString('utf8')
            .split('\n')
            .forEach((line, i) => {
            // `<oid> <type> <size>`, or `<name> missing` (no such commit or path).
            const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(line);
            if (m && m[2] === 'blob' && Number(m[3]) <= maxFileBytes && i < wanted.length) {
                found.set(wanted[i], { oid: m[1], size: Number(m[3]) });
            }
        });
        const oids = [...new Set([...found.values()].map((b) => b.oid))];
        if (oids.length === 0)
            return texts;
        const contents = parseBatch(await git('readFiles', ref, ['cat-file', '--batch'], `${oids.join('\n')}\n`));
        for (const path of wanted) {
            const blob = found.get(path);
            const bytes = blob ? contents.get(blob.oid) : undefined;
            const text = bytes ? (0,untar/* decodeText */.g7)(bytes) : null;
            if (text !== null)
                texts.set(path, text);
        }
        return texts;
    };
    return {
        listFiles,
        readFiles,
        async readAll(ref, { maxBytes, keep }) {
            // The sizes are known up front, so nothing is read when the kept files would not fit.
            const { files } = await listFiles(ref);
            const kept = files.filter((f) => f.size <= maxFileBytes && keep(f.path));
            if (kept.reduce((sum, f) => sum + f.size, 0) > maxBytes)
                return null;
            return readFiles(kept.map((f) => f.path), ref);
        },
    };
    async function git(operation, ref, args, input) {
        try {
            return await runGit(opts.cwd, args, input);
        }
        catch (error) {
            throw new forge_error/* ForgeError */.Q8(`local ${operation} at ${ref} failed (${error.message})`, operation, null);
        }
    }
}
/** A ref that git would read as an option is refused, whatever it names. */
function checkRef(operation, ref) {
    if (ref === '' || ref.startsWith('-')) {
        throw new forge_error/* ForgeError */.Q8(`local ${operation} failed — \`${ref}\` is not a commit name`, operation, null);
    }
}
/** `--batch` output: `<oid> <type> <size>\n<bytes>\n` per object, `<oid> missing\n` for none. */
function parseBatch(out) {
    const contents = new Map();
    let at = 0;
    while (at < out.length) {
        const eol = out.indexOf(0x0a, at);
        if (eol < 0)
            break;
        const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(out.toString('utf8', at, eol));
        at = eol + 1;
        if (!m)
            continue;
        const size = Number(m[3]);
        contents.set(m[1], out.subarray(at, at + size));
        at += size + 1;
    }
    return contents;
}
/** Runs git with `input` on stdin; rejects with git's first error line when it fails. */
function runGit(cwd, args, input = '') {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => reject(new Error(error.code === 'ENOENT' ? 'git was not found: install git, or put it on PATH' : error.message)));
        child.on('close', (code) => {
            if (code === 0)
                return resolve(Buffer.concat(out));
            const message = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
            reject(new Error(`git ${args[0]}: ${message || `exit code ${code}`}`));
        });
        // git may exit before reading everything (a bad ref); that is reported by `close`.
        child.stdin.on('error', () => { });
        child.stdin.end(input);
    });
}

;// CONCATENATED MODULE: ./src/forge/local.ts



/** Files read for settings and guidelines are text; larger ones are not read (as on GitHub). */
const MAX_FILE_BYTES = 1024 * 1024;
/** git's id for the empty tree: the base of a repository's first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/**
 * The user's git configuration can change `git diff`'s output (`diff.noprefix`,
 * `diff.mnemonicPrefix`, `diff.relative`, `color.ui=always`, textconv drivers, an external
 * diff tool), so every option the parser depends on is given explicitly.
 */
const DIFF_FORMAT = [
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '-M',
];
/** Who "posts" locally: the comments of this run are its own, and there are no others. */
const LOCAL_IDENTITY = { id: 1, login: 'claude-pr-review (local)', source: 'local run' };
/** A problem with the repository or the revisions asked for, in words that say what to do. */
class LocalRepoError extends Error {
    name = 'LocalRepoError';
}
function git(cwd, args) {
    return (0,external_node_child_process_.execFileSync)('git', args, {
        cwd,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
}
/** Strips hidden markers so a terminal shows what a person would see on the forge. */
function visible(markdown) {
    return markdown.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
}
/** The range as the CLI's header names it: `main...HEAD (abc1234..def5678)`. */
function describeRange(range) {
    const head = range.headSha.slice(0, 7);
    return range.mergeBase === EMPTY_TREE
        ? `${range.label}, the first commit (${head})`
        : `${range.label} (${range.mergeBase.slice(0, 7)}..${head})`;
}
/** The repository's top folder, or a LocalRepoError saying why `dir` cannot be reviewed. */
function checkRepository(dir) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new LocalRepoError(`\`${dir}\` is not a directory: pass --repo DIR with a clone of the repository.`);
    }
    try {
        git(dir, ['rev-parse', '--show-toplevel']);
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new LocalRepoError('git was not found: install git, or put it on PATH.');
        }
        throw new LocalRepoError(`\`${dir}\` is not a git repository: run claude-pr-review inside a clone, or pass --repo DIR.`);
    }
}
/** The commit `rev` names, or null; a rev that looks like an option is never passed to git. */
function commitOf(dir, rev) {
    if (rev.startsWith('-'))
        return null;
    try {
        return git(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
    }
    catch {
        return null;
    }
}
/** The commit `rev` names, or a LocalRepoError with a hint (`origin/main` for a missing `main`). */
function resolveCommit(dir, rev, flag) {
    const sha = commitOf(dir, rev);
    if (sha)
        return sha;
    const hint = commitOf(dir, `origin/${rev}`)
        ? `did you mean \`${flag} origin/${rev}\`?`
        : 'give a branch, tag or commit id (`git branch -a` lists the branches)';
    throw new LocalRepoError(`${flag} \`${rev}\` is not a commit in ${dir}: ${hint}`);
}
/**
 * Resolves what `--base`/`--head` name. With a base, the diff starts at the merge base of base
 * and head, as a pull request's does (`git diff base...head`): commits that landed on the base
 * since the branch forked are not the branch's changes. Without one, it is the last commit.
 */
function resolveRange(dir, base, head = 'HEAD') {
    checkRepository(dir);
    if (head === 'HEAD' && commitOf(dir, 'HEAD') === null) {
        throw new LocalRepoError(`${dir} has no commit yet: commit your changes, then run again.`);
    }
    const headSha = resolveCommit(dir, head, '--head');
    if (base === undefined) {
        const parent = commitOf(dir, `${headSha}~1`);
        // The first commit of the repository has no parent: everything in it is new.
        return parent
            ? { label: `${head}~1...${head}`, mergeBase: parent, headSha }
            : { label: head, mergeBase: EMPTY_TREE, headSha };
    }
    const baseSha = resolveCommit(dir, base, '--base');
    try {
        const mergeBase = git(dir, ['merge-base', baseSha, headSha]).trim();
        return { label: `${base}...${head}`, mergeBase, headSha };
    }
    catch {
        throw new LocalRepoError(`\`${base}\` and \`${head}\` have no common ancestor, so there is no pull request between them: ` +
            'check --base (in a shallow clone, run `git fetch --unshallow` first).');
    }
}
/** Whether tracked files have changes that are not committed (they are not part of the review). */
function hasUncommittedChanges(dir) {
    try {
        return git(dir, ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
    }
    catch {
        return false;
    }
}
/**
 * A forge over a local git repository: the "pull request" is `base...head` (from the merge
 * base), and posting prints to `print` instead. Only git plumbing runs; nothing from the
 * repository executes.
 */
function createLocalForge(opts) {
    const range = resolveRange(opts.cwd, opts.base, opts.head);
    const { headSha, mergeBase } = range;
    let nextId = 1;
    // This run's conversation comments: the pipeline reads back what it wrote (its summary).
    const comments = new Map();
    const show = (body) => {
        if (opts.printSummary !== false)
            opts.print(visible(body));
    };
    return {
        kind: 'local',
        snapshot: createLocalSnapshot({ cwd: opts.cwd }),
        range,
        async getPullRequest() {
            const [subject = '', ...rest] = git(opts.cwd, ['log', '-1', '--format=%s%n%b', headSha]).split('\n');
            const author = git(opts.cwd, ['log', '-1', '--format=%an', headSha]).trim();
            return {
                number: 0,
                title: subject,
                body: rest.join('\n').trim(),
                author,
                draft: false,
                headSha,
                baseSha: mergeBase,
                baseRef: opts.base ?? `${opts.head ?? 'HEAD'}~1`,
                htmlUrl: '',
            };
        },
        async getDiff() {
            return git(opts.cwd, ['diff', ...DIFF_FORMAT, mergeBase, headSha, '--']);
        },
        async createReview(review) {
            for (const c of review.comments) {
                const where = c.startLine ? `${c.path}:${c.startLine}-${c.line}` : `${c.path}:${c.line}`;
                const label = `${where}${c.side === 'LEFT' ? ' (removed line)' : ''}`;
                opts.print(opts.formatComment ? opts.formatComment(label, c.body) : `── ${label}\n${visible(c.body)}\n`);
            }
            return { url: '' };
        },
        async identity() {
            return LOCAL_IDENTITY;
        },
        async listComments() {
            return [...comments.values()];
        },
        async getComment(id) {
            return comments.get(id) ?? null;
        },
        async createComment(body) {
            show(body);
            const c = {
                id: nextId++,
                body,
                url: '',
                author: { id: LOCAL_IDENTITY.id, login: LOCAL_IDENTITY.login },
            };
            comments.set(c.id, c);
            return c;
        },
        async updateComment(id, body) {
            show(body);
            const c = { ...(comments.get(id) ?? { id, url: '', author: null }), body };
            comments.set(id, c);
            return c;
        },
        async deleteComment(id) {
            comments.delete(id);
        },
        async listRepositoryComments() {
            // Budgets across runs read earlier summaries; a local run has none.
            return { comments: [], complete: true, read: 0 };
        },
        async react() { },
        async permissionOf() {
            return 'admin';
        },
        async compare() {
            return { status: 'unknown', diff: null, files: [] };
        },
        async listReviewComments() {
            return [];
        },
        async probeAnchor() {
            return true;
        },
        async readFile(path, ref) {
            // Only a blob is a file (`ref:dir` names a tree); a missing path or commit is simply absent.
            const spec = `${ref}:${path}`;
            try {
                if (git(opts.cwd, ['cat-file', '-t', spec]).trim() !== 'blob')
                    return null;
                if (Number(git(opts.cwd, ['cat-file', '-s', spec])) > MAX_FILE_BYTES)
                    return null;
                return git(opts.cwd, ['cat-file', 'blob', spec]);
            }
            catch {
                return null;
            }
        },
        async replyToReviewComment(_id, body) {
            opts.print(visible(body));
            return { id: nextId++, url: '' };
        },
        // A local run posts no review, so it has no threads to resolve.
        async resolveThread() {
            return 'unsupported';
        },
    };
}

// EXTERNAL MODULE: ./src/llm/anthropic.ts
var anthropic = __webpack_require__(45815);
// EXTERNAL MODULE: ./src/llm/provider.ts + 3 modules
var provider = __webpack_require__(23082);
// EXTERNAL MODULE: ./src/plan/run-ledger.ts + 1 modules
var run_ledger = __webpack_require__(72717);
// EXTERNAL MODULE: ./src/run.ts + 22 modules
var run = __webpack_require__(31871);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
;// CONCATENATED MODULE: ./src/cli/args.ts


/**
 * Inputs that hold a secret never come from the command line, where shell history and `ps`
 * would show them: the CLI reads them from the environment instead (or needs none).
 */
const SECRET_INPUTS = {
    'anthropic-api-key': 'export ANTHROPIC_API_KEY instead',
    'anthropic-auth-token': 'export ANTHROPIC_AUTH_TOKEN instead',
    'github-token': 'the local review posts nothing, so it needs no forge token',
};
/** Inputs that are switches: `--dry-run` rather than `--dry-run true`. */
const SWITCH_INPUTS = ['dry-run', 'review-drafts'];
const FLAG_INPUTS = inputs/* INPUT_NAMES */.Qh.filter((name) => !(name in SECRET_INPUTS));
const COMMANDS = ['preview', 'review'];
const HELP = `Usage: claude-pr-review <preview|review> [--base REV] [--head REV] [--repo DIR] [options]

Reviews what a pull request from --head into --base would show: the changes since their
merge base, like \`git diff main...HEAD\`. Without --base, the last commit.

Commands:
  preview   dry run: the files, size, tier, model, planned tokens and estimated cost.
            Never calls the model and needs no key.
  review    the review, printed in the terminal (calls the model, needs a key).

Options:
  --base REV        branch, tag or commit the pull request would merge into (e.g. main)
  --head REV        the branch under review (default: HEAD)
  --repo DIR        the git repository (default: the current directory)
  --<input> VALUE   any action input, e.g. --max-tokens-per-run 50000 --model sonnet;
                    switches without a value: --dry-run, --review-drafts
  -h, --help        this help
  --version         the version

Environment:
  ANTHROPIC_API_KEY     Console API key, for \`review\` (console.anthropic.com → API keys)
  ANTHROPIC_AUTH_TOKEN  bearer token of an LLM gateway, instead of a key
  ANTHROPIC_BASE_URL    the gateway's URL (default: the Anthropic API)
  NO_COLOR              plain text even on a terminal`;
/** A command line that cannot be run as given; the CLI prints the message and exits with 2. */
class UsageError extends Error {
    name = 'UsageError';
}
const OPTIONS = {
    base: { type: 'string' },
    head: { type: 'string' },
    repo: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    ...Object.fromEntries(FLAG_INPUTS.map((name) => [name, { type: SWITCH_INPUTS.includes(name) ? 'boolean' : 'string' }])),
};
/** The flag an argument names (`--base=main` → `base`), or null for a positional. */
function flagName(arg) {
    return arg.startsWith('--') ? arg.slice(2).split('=')[0] : null;
}
/** Turns node's parseArgs errors into what to type instead. */
function usageProblem(error, argv) {
    const secret = argv.map(flagName).find((n) => n !== null && n in SECRET_INPUTS);
    if (secret)
        return new UsageError(`--${secret} is not an option: ${SECRET_INPUTS[secret]}.`);
    // A name the action had before 1.0: say what it is now, not just "unknown option".
    for (const name of argv.map(flagName)) {
        const retired = name === null ? undefined : (0,inputs/* retiredInput */.k2)(name);
        if (!retired)
            continue;
        if ('now' in retired)
            return new UsageError(`--${name} is now --${retired.now}.`);
        return new UsageError(`--${name} is no longer an option: ${retired.environment}.`);
    }
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
        return new UsageError(`unknown option \`${quoted}\`: see \`claude-pr-review --help\` for the options.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
        const name = quoted.replace(/^-+/, '');
        if (OPTIONS[name]?.type === 'boolean')
            return new UsageError(`\`${quoted}\` is a switch and takes no value.`);
        return new UsageError(`\`${quoted}\` needs a value, as in \`${quoted} VALUE\` or \`${quoted}=VALUE\`.`);
    }
    return new UsageError(message);
}
/** Reads the command line with node's own parser: `--base main`, `--base=main`, `-h`, switches. */
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw usageProblem(error, argv);
    }
    const { values, positionals } = parsed;
    const flags = values;
    const help = flags.help === true;
    const version = flags.version === true;
    const [first, ...extra] = positionals;
    if (first === 'help')
        return { command: null, help: true, version, inputs: {} };
    if (!help && !version) {
        if (first === undefined)
            throw new UsageError('no command given: `preview` or `review`.');
        if (!COMMANDS.includes(first)) {
            throw new UsageError(`unknown command \`${first}\`: use \`preview\` (dry run) or \`review\`.`);
        }
        if (extra.length > 0) {
            const switches = SWITCH_INPUTS.map((s) => `--${s}`).join(', ');
            throw new UsageError(`unexpected argument \`${extra[0]}\` (switches such as ${switches} take no value).`);
        }
    }
    const inputs = {};
    for (const name of FLAG_INPUTS) {
        const value = flags[name];
        if (value !== undefined)
            inputs[name] = String(value);
    }
    const text = (name) => (typeof flags[name] === 'string' ? flags[name] : undefined);
    return {
        command: COMMANDS.includes(first ?? '') ? first : null,
        help,
        version,
        base: text('base'),
        head: text('head'),
        repo: text('repo'),
        inputs,
    };
}

// EXTERNAL MODULE: ./src/llm/credentials.ts
var credentials = __webpack_require__(4705);
// EXTERNAL MODULE: ./src/plan/models.ts
var models = __webpack_require__(88181);
// EXTERNAL MODULE: ./src/plan/prices.ts
var plan_prices = __webpack_require__(76161);
;// CONCATENATED MODULE: ./src/cli/messages.ts





/** The environment variables the CLI reads in place of the action's credential inputs. */
const VARIABLES = {
    'anthropic-api-key': 'ANTHROPIC_API_KEY',
    'anthropic-auth-token': 'ANTHROPIC_AUTH_TOKEN',
    'anthropic-base-url': 'ANTHROPIC_BASE_URL',
};
const GET_A_KEY = 'Create a Console API key (console.anthropic.com → API keys) and `export ANTHROPIC_API_KEY=sk-ant-api03-…`; ' +
    '`claude-pr-review preview` needs no key.';
/**
 * Messages written for the action name its inputs and secrets; on the command line the same
 * settings are environment variables and `--flags`. Longest names first, so that
 * `model-small` is not read as `model`.
 */
function inCliTerms(message) {
    let out = message;
    for (const [input, variable] of Object.entries(VARIABLES)) {
        out = out
            .replaceAll(`the \`${input}\` secret`, variable)
            .replaceAll(`the \`${input}\` input`, variable)
            .replaceAll(`\`${input}\``, variable);
    }
    const names = [...inputs/* INPUT_NAMES */.Qh].sort((a, b) => b.length - a.length);
    out = out.replace(/`([a-z][a-z0-9-]*)`( input)?/g, (all, name, input) => names.includes(name) ? `\`--${name}\`${input ? ' option' : ''}` : all);
    return out
        .replace(/\bInvalid input\b/g, 'Invalid option')
        .replace(/\bin the secret\b/g, 'in the variable')
        .replace(/(ANTHROPIC_[A-Z_]+) (input|secret)\b/g, '$1');
}
/**
 * The Anthropic credential from the environment, checked as the action checks its inputs. A
 * subscription OAuth token is refused before anything is sent, with what to use instead.
 */
function credentialsFromEnvironment(env, baseUrlFlag) {
    const apiKey = env.ANTHROPIC_API_KEY?.trim() || undefined;
    const authToken = env.ANTHROPIC_AUTH_TOKEN?.trim() || undefined;
    const baseUrl = baseUrlFlag?.trim() || env.ANTHROPIC_BASE_URL?.trim() || undefined;
    const oauth = (0,credentials/* isOAuthToken */.vv)(apiKey) ? 'ANTHROPIC_API_KEY' : (0,credentials/* isOAuthToken */.vv)(authToken) ? 'ANTHROPIC_AUTH_TOKEN' : null;
    if (oauth) {
        return {
            ok: false,
            error: `${oauth} holds a Claude subscription OAuth token (\`sk-ant-oat…\`). The provider’s terms allow ` +
                'these only in its own clients (such as Claude Code), not in other tools, so nothing was sent. ' +
                `${GET_A_KEY} Or use your LLM gateway's token as ANTHROPIC_AUTH_TOKEN with ANTHROPIC_BASE_URL.`,
        };
    }
    if (!apiKey && !authToken) {
        return {
            ok: false,
            error: `\`review\` calls the model and needs ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a gateway) in the environment. ${GET_A_KEY.replace('needs no key', 'is the dry run and needs no key')}`,
        };
    }
    const checked = (0,credentials/* checkCredentials */.vG)({ apiKey, authToken, baseUrl });
    return checked.ok ? { ok: true, credentials: checked.credentials } : { ok: false, error: inCliTerms(checked.error) };
}
/** What went wrong, in the CLI's terms, with the next step for the errors people meet first. */
function explain(error) {
    const message = inCliTerms(error instanceof Error ? error.message : String(error));
    if (error instanceof anthropic/* ModelError */.me && error.kind === 'auth') {
        return `${message}\n${GET_A_KEY} With a gateway, ANTHROPIC_BASE_URL must be the endpoint the token belongs to.`;
    }
    return message;
}
/** Every model id the built-in tables know, in the Claude API's and the platforms' forms. */
function knownModel(id, prices) {
    return Object.values(models/* BUILT_IN_MODELS */.a$).some((m) => m.id === id) || (0,plan_prices/* priceFor */.VA)(id, prices).known;
}
/**
 * Warnings for model ids given as flags that no table knows: most often a typo, which a dry
 * run cannot catch (it asks no API) and which is priced at the highest rate.
 */
function unknownModelWarnings(given, prices) {
    const out = [];
    for (const [flag, spec] of Object.entries(given)) {
        if (!spec || (0,models/* isModelLine */.uU)(spec.trim()) || knownModel(spec.trim(), prices))
            continue;
        const ids = Object.values(models/* BUILT_IN_MODELS */.a$)
            .map((m) => m.id)
            .join(', ');
        out.push(`--${flag} \`${spec}\` matches no known model (lines: haiku, sonnet, opus; ids such as ${ids}). ` +
            'Check the spelling; its cost is estimated at the highest listed price.');
    }
    return out;
}

;// CONCATENATED MODULE: ./src/cli/log-lines.ts

const grouped = (digits) => Number(digits).toLocaleString('en-US');
/**
 * The pipeline's progress lines are written for the action's log, where a run is about a
 * numbered pull request. Locally there is no number: the first line names the range instead
 * (`main...HEAD (abc1234..def5678): …`), counts get thousands separators, and the closing
 * "Spent … tokens; review not posted" line is left out, since the CLI ends with its own
 * closing line (a review is printed, never posted). Returns null for a line not to show.
 */
function localLogLine(message, range) {
    if (/^Spent [\d,]+ of [\d,]+ tokens; review /.test(message))
        return null;
    const opening = /^PR #\d+: (.*)$/.exec(message);
    if (opening)
        return `${range}: ${opening[1].replace(/\b\d{4,}\b/g, grouped)}`;
    return inCliTerms(message.replace(/\bceiling (\d{4,}) tokens\b/, (_, n) => `ceiling ${grouped(n)} tokens`));
}

// EXTERNAL MODULE: ./src/review/verify-prompt.ts
var verify_prompt = __webpack_require__(72362);
;// CONCATENATED MODULE: ./src/cli/progress.ts

/**
 * Which part of a review a request is, read from the scope line that opens its last user
 * block (`This is part 2 of 5 of the diff …`). Only the start of that block is read: the
 * diff and description that follow are the pull request's text, which could say anything.
 */
function partOf(request) {
    const last = request.user.at(-1)?.text ?? '';
    const m = /^This is part (\d+) of (\d+) of the diff/.exec(last);
    return m ? { index: Number(m[1]), count: Number(m[2]) } : null;
}
/** What the status line says about the model calls so far. */
function describeProgress(p) {
    if (p.verifying)
        return 'Checking the findings';
    const done = p.count > 1 && p.done > 0 ? ` (${p.done} done)` : '';
    return `Reviewing part ${p.latest} of ${p.count}${done}`;
}
/**
 * The model client with a report of each review call as it starts and ends, for the status
 * line. Requests and answers pass through unchanged.
 */
function reportingParts(client, onChange) {
    const state = { done: 0, count: 1, latest: 0, verifying: false };
    return {
        listModels: () => client.listModels(),
        countTokens: (request) => client.countTokens(request),
        async complete(request, maxTokens) {
            const part = partOf(request);
            if ((0,verify_prompt/* isVerifyRequest */.hW)(request))
                state.verifying = true;
            else if (part) {
                state.count = Math.max(state.count, part.count);
                state.latest = Math.max(state.latest, part.index);
            }
            else
                state.latest = 1;
            onChange({ ...state });
            try {
                return await client.complete(request, maxTokens);
            }
            finally {
                if (!state.verifying)
                    state.done++;
                onChange({ ...state });
            }
        },
    };
}

// EXTERNAL MODULE: ./src/review/findings.ts
var findings = __webpack_require__(47212);
// EXTERNAL MODULE: ./src/review/render-summary.ts
var render_summary = __webpack_require__(4079);
// EXTERNAL MODULE: ./src/review/severity.ts
var severity = __webpack_require__(62305);
;// CONCATENATED MODULE: ./src/cli/terminal.ts
/** Terminal output for the CLI: colour only on a TTY that wants it, plain text everywhere else. */
const CODES = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1 };
function paint(t, colour, text) {
    return t.colour ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
const CLEAR_LINE = '\r\u001b[2K';
/**
 * The status line lives on stderr and only on a terminal (never in a pipe or a log file). It is
 * cleared before any other line is written, to either stream, and drawn again after it, so no
 * line is ever printed over a half-written status. It is cut to the terminal's width: a wrapped
 * status would leave its first row behind when cleared.
 */
function createTerminal(stdout, stderr, opts) {
    const now = opts.now ?? Date.now;
    const live = Boolean(stderr.isTTY);
    let label = null;
    let started = 0;
    let drawn = false;
    let timer = null;
    const clear = () => {
        if (drawn)
            stderr.write(CLEAR_LINE);
        drawn = false;
    };
    const draw = () => {
        if (!live || label === null)
            return;
        const line = `${label} · ${Math.round((now() - started) / 1000)}s`;
        // A pseudo-terminal may report 0 columns: then assume the classic 80.
        const width = Math.max(20, (stderr.columns || 80) - 1);
        stderr.write(`${drawn ? CLEAR_LINE : '\r'}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
        drawn = true;
    };
    const line = (stream, text) => {
        clear();
        stream.write(text.endsWith('\n') ? text : `${text}\n`);
        draw();
    };
    return {
        colour: opts.colour,
        print: (text) => line(stdout, text),
        note: (text) => line(stderr, text),
        status(text) {
            if (text === null) {
                clear();
                label = null;
                if (timer)
                    clearInterval(timer);
                timer = null;
                return;
            }
            if (label === null)
                started = now();
            label = text;
            draw();
            if (live && !timer) {
                timer = setInterval(draw, opts.tickMs ?? 1000);
                // The clock must never keep the process alive on its own.
                timer.unref?.();
            }
        },
        close() {
            this.status(null);
        },
    };
}
const SEVERITY_COLOUR = {
    Critical: 'red',
    High: 'red',
    Medium: 'yellow',
    Low: 'blue',
    Nit: 'grey',
};
function severityColour(name) {
    return SEVERITY_COLOUR[name] ?? 'bold';
}
/**
 * A posted comment as a terminal reader wants it: location, a coloured severity line, the
 * text. A suggestion's code fence is labelled rather than shown as Markdown.
 */
function formatComment(t, where, body) {
    const visible = body.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
    const [first = '', ...rest] = visible.split('\n');
    const m = /^\*\*(\S+) (\w+): (.*)\*\*$/.exec(first);
    const head = m ? `${m[1]} ${paint(t, severityColour(m[2]), m[2])}: ${paint(t, 'bold', m[3])}` : first;
    const text = rest
        .join('\n')
        .trim()
        .replace(/^(`{3,})suggestion$/gm, 'Suggested change:\n$1');
    return `${paint(t, 'grey', `── ${where}`)}\n${head}\n${text}\n`;
}

;// CONCATENATED MODULE: ./src/cli/render.ts





const render_int = (s) => Number(s.replace(/,/g, ''));
/**
 * The plan of a dry run, read from the note the pipeline writes for the summary comment (the
 * report carries no other record of it). Null when the note is not there or reads otherwise;
 * the tests of the CLI fail then, rather than the terminal showing nothing.
 */
function readDryRunPlan(notes) {
    for (const note of notes) {
        const m = /^Dry run: (?:one call|(\d+) calls) to `[^`]+` with (~?)([\d,]+) input tokens(?: \(estimated\))? and `max_tokens` ([\d,]+)(?: each)?; at most ([\d,]+) tokens, at most \$([\d.]+)\.$/.exec(note);
        if (m) {
            const plan = {
                calls: m[1] ? render_int(m[1]) : 1,
                estimated: m[2] === '~',
                input: render_int(m[3]),
                maxTokens: render_int(m[4]),
                most: render_int(m[5]),
                usd: Number(m[6]),
            };
            return { plan, note };
        }
    }
    return null;
}
function num(n) {
    return n.toLocaleString('en-US');
}
const SOURCE = { 'models-api': 'Models API', 'built-in': 'built-in table', 'as-given': 'as given' };
const LIST_MAX = 100;
/** What the headline adds per status; a status added later reads as its name until worded here. */
const HEADLINE = {
    reviewed: '',
    'dry-run': ': dry run, nothing was sent',
    'nothing-to-review': ': nothing to review',
    'over-ceiling': ': not run, the token ceiling is too low',
    declined: ': not reviewed, the model declined',
    'over-budget': ': not run, the budget is used up',
};
function headline(r, range) {
    return `Claude review of ${range}${HEADLINE[r.status] ?? `: ${r.status}`}`;
}
function bySeverity(t, r) {
    const counts = new Map();
    const p = r.placement;
    for (const f of [...p.inline.map((x) => x.finding), ...p.unplaced.map((x) => x.finding)]) {
        counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    }
    return findings/* SEVERITIES */.oC.filter((s) => counts.has(s))
        .map((s) => {
        const [badge, name] = severity/* SEVERITY_BADGE */.k8[s].split(' ');
        return `${badge} ${paint(t, severityColour(name), name)} ${counts.get(s)}`;
    })
        .join(' · ');
}
function findingLines(t, r) {
    const p = r.placement;
    if (!p)
        return [];
    const total = p.inline.length + p.unplaced.length;
    const out = [`${'Findings'.padEnd(13)} ${total === 0 ? 'none: no problems found' : bySeverity(t, r)}`];
    if (p.inline.length > 0)
        out.push(`${''.padEnd(13)} ${p.inline.length} shown above at their lines`);
    if (p.unplaced.length > 0) {
        out.push(`${''.padEnd(13)} ${p.unplaced.length} not on a line of the diff:`);
        for (const { finding: f, reason } of p.unplaced) {
            const where = f.start_line ? `${f.path}:${f.start_line}-${f.line}` : `${f.path}:${f.line}`;
            out.push(`  ${paint(t, 'grey', `── ${where}`)} (${reason})`, `  ${severity/* SEVERITY_BADGE */.k8[f.severity]}: ${f.title}`);
            if (f.body.trim())
                out.push(...f.body
                    .trim()
                    .split('\n')
                    .map((l) => `    ${l}`));
        }
    }
    if (p.belowMinSeverity > 0)
        out.push(`${''.padEnd(13)} ${p.belowMinSeverity} below --min-severity, not shown`);
    return out;
}
/**
 * The files, each counted once: a partly reviewed file is in both the reviewed list and the
 * left-out list of the report, and is shown as "partly" only.
 */
function fileLines(r) {
    const skippedPaths = new Set(r.skipped.map((s) => s.path));
    const partly = new Set(r.reviewed.filter((f) => skippedPaths.has(f.path)).map((f) => f.path));
    const planned = r.status === 'reviewed' ? 'reviewed' : 'to review';
    const rows = [
        ...r.reviewed
            .filter((f) => !partly.has(f.path))
            .map((f) => [planned, f.path, `+${num(f.additions)} −${num(f.deletions)}`]),
        ...r.skipped.map((s) => [
            partly.has(s.path) ? 'partly' : 'left out',
            s.path,
            s.reason.replace(/^partly reviewed: /, ''),
        ]),
    ];
    const whole = r.reviewed.length - partly.size;
    const counts = [
        `${num(whole)} ${planned}`,
        ...(partly.size > 0 ? [`${num(partly.size)} partly ${r.status === 'reviewed' ? 'reviewed' : 'to review'}`] : []),
        `${num(r.skipped.length - partly.size)} left out`,
    ];
    const out = [`${'Files'.padEnd(13)} ${num(rows.length)} changed: ${counts.join(', ')}`];
    const width = Math.min(60, Math.max(0, ...rows.map(([, path]) => path.length)));
    for (const [kind, path, detail] of rows.slice(0, LIST_MAX)) {
        out.push(`  ${kind.padEnd(10)} ${path.padEnd(width)}  ${detail}`);
    }
    if (rows.length > LIST_MAX)
        out.push(`  …and ${num(rows.length - LIST_MAX)} more`);
    return out;
}
function usageLines(r, plan) {
    const u = r.usage;
    const input = u.input + u.cacheRead + u.cacheWrite;
    const row = (name, value) => `${name.padEnd(13)} ${value}`;
    const tokens = plan
        ? `${plan.estimated ? '~' : ''}${num(plan.input)} in / up to ${num(plan.calls * plan.maxTokens)} out, planned in ${plan.calls === 1 ? 'one call' : `${num(plan.calls)} calls`} (at most ${num(plan.most)} with the safety margin)`
        : `${num(input)} in / ${num(u.output)} out`;
    return [
        row('Model', r.model ? `${r.model.id} (${SOURCE[r.model.source]})` : '—'),
        row('Tier', `${r.tier} (${num(r.changedLines)} changed line${r.changedLines === 1 ? '' : 's'})`),
        row('Coverage', r.coverage === null ? '—' : `${r.coverage}%`),
        row('Tokens', tokens),
        row('Ceiling', num(r.ceiling)),
        row('Est. cost', plan ? `at most ${(0,render_summary/* formatUsd */.UK)(plan.usd)}` : (0,render_summary/* formatUsd */.UK)(r.costUsd)),
    ];
}
/**
 * The summary comment for a terminal: plain aligned text from the report itself, with no
 * HTML, hidden markers or Markdown tables, and the range in place of a pull request number.
 * Returns the text and, separately, the closing line.
 */
function renderForTerminal(t, r, opts) {
    const dry = r.status === 'dry-run' ? readDryRunPlan(r.notes) : null;
    const out = [paint(t, 'bold', headline(r, opts.range)), ''];
    if (r.prSummary.trim())
        out.push(r.prSummary.trim(), '');
    const findings = findingLines(t, r);
    if (findings.length > 0)
        out.push(...findings, '');
    out.push(...fileLines(r), ...usageLines(r, dry?.plan ?? null));
    if (r.guidelines && r.guidelines.paths.length > 0) {
        out.push(`${'Guidelines'.padEnd(13)} ${r.guidelines.paths.join(', ')}${r.guidelines.cut ? ' (cut to fit)' : ''}`);
    }
    const notes = r.notes.filter((n) => n !== dry?.note).map(inCliTerms);
    if (notes.length > 0)
        out.push('', 'Notes', ...notes.map((n) => `  • ${n}`));
    return { text: out.join('\n'), plan: dry?.plan ?? null };
}
/** The closing line: what happened and what it cost, numbers with thousands separators. */
function closingLine(r, plan, command) {
    const u = r.usage;
    const spent = u.input + u.cacheRead + u.cacheWrite + u.output;
    if (r.status === 'dry-run') {
        const planned = plan
            ? `planned at most ${num(plan.most)} of ${num(r.ceiling)} tokens, est. at most ${(0,render_summary/* formatUsd */.UK)(plan.usd)}`
            : 'nothing fits under the ceiling';
        const next = command === 'review'
            ? 'Without --dry-run, `review` runs it.'
            : '`claude-pr-review review` runs the review (needs ANTHROPIC_API_KEY).';
        return `Dry run, nothing was sent: ${planned}. ${next}`;
    }
    if (r.status === 'nothing-to-review' && spent === 0)
        return 'Nothing to review, so nothing was sent.';
    const p = r.placement;
    const found = p ? p.inline.length + p.unplaced.length : 0;
    const findings = r.status === 'reviewed' ? `${num(found)} finding${found === 1 ? '' : 's'}; ` : '';
    return `Done: ${findings}spent ${num(spent)} of ${num(r.ceiling)} tokens, est. ${(0,render_summary/* formatUsd */.UK)(r.costUsd)}.`;
}

;// CONCATENATED MODULE: ./src/cli/cli.ts














/** A problem the user can fix before anything runs; printed as it is, exit code 1. */
class CliError extends Error {
}
/**
 * The model client for `review`. `preview` never gets one, whatever the environment holds:
 * a dry run must not be able to spend.
 */
function modelFor(config, env) {
    const timeoutMs = config.timeoutSeconds * 1000;
    if (config.platform.provider !== 'anthropic') {
        // Bedrock or Vertex AI: credentials, region and project come from the environment, as in the action.
        const platform = (0,provider/* checkPlatform */.oF)(config, env);
        if (!platform.ok)
            throw new CliError(inCliTerms(platform.error));
        return (0,provider/* createPlatformClient */.B4)(platform.settings, { timeoutMs });
    }
    const checked = credentialsFromEnvironment(env, config.credentials.baseUrl);
    if (!checked.ok)
        throw new CliError(checked.error);
    return (0,anthropic/* createAnthropicModelClient */.lx)({ ...checked.credentials, timeoutMs });
}
async function execute(args, term, env) {
    const config = (0,config_config/* readConfig */.Xg)((name) => args.inputs[name] ?? '');
    if (args.command === 'preview')
        config.dryRun = true;
    // Before anything else, so that a refused credential is refused before any other work.
    const model = args.command === 'review' ? modelFor(config, env) : null;
    const dir = (0,external_node_path_.resolve)(args.repo ?? process.cwd());
    const forge = createLocalForge({
        cwd: dir,
        base: args.base,
        head: args.head,
        print: term.print,
        // A blank line after each comment keeps one finding apart from the next.
        formatComment: (where, body) => `${formatComment(term, where, body)}\n`,
        printSummary: false,
    });
    const range = describeRange(forge.range);
    const given = { model: args.inputs.model, ...tierFlags(args) };
    for (const warning of unknownModelWarnings(given, (0,run_ledger/* priceTable */.qx)(config)))
        term.note(`warning: ${warning}`);
    if (hasUncommittedChanges(dir))
        term.note('note: uncommitted changes are not reviewed; commit them to include them.');
    if (!model && (env.ANTHROPIC_API_KEY || env.ANTHROPIC_AUTH_TOKEN)) {
        term.note('note: `preview` never calls the model, so the key in the environment is not used.');
    }
    const log = {
        info: (m) => {
            const line = localLogLine(m, range);
            if (line !== null)
                term.note(line);
        },
        warning: (m) => term.note(`warning: ${inCliTerms(m)}`),
    };
    term.status('Planning');
    const tracked = model ? reportingParts(model, (p) => term.status(describeProgress(p))) : null;
    const result = await (0,run/* run */.e)({ config, forge, model: tracked, log });
    term.status(null);
    const { text, plan } = renderForTerminal(term, result.report, { range });
    term.print(text);
    term.print('');
    term.print(closingLine(result.report, plan, args.command));
    return 0;
}
function tierFlags(args) {
    const { inputs } = args;
    return {
        'model-small': inputs['model-small'],
        'model-medium': inputs['model-medium'],
        'model-large': inputs['model-large'],
    };
}
/** The local command line: `preview` (a dry run, always) and `review`. Returns the exit code. */
async function cli(argv) {
    const term = createTerminal(process.stdout, process.stderr, {
        colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    });
    try {
        const args = parseCliArgs(argv);
        if (args.help) {
            term.print(HELP);
            return 0;
        }
        if (args.version) {
            term.print(version/* VERSION */.x);
            return 0;
        }
        return await execute({ ...args, command: args.command }, term, process.env);
    }
    catch (error) {
        if (error instanceof UsageError) {
            term.note(`claude-pr-review: ${error.message}\n${HELP.split('\n')[0]}\nSee \`claude-pr-review --help\`.`);
            return 2;
        }
        term.note(`claude-pr-review: ${explain(error)}`);
        return 1;
    }
    finally {
        term.close();
    }
}


/***/ })

};

//# sourceMappingURL=87.index.js.map