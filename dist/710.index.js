export const id = 710;
export const ids = [710,162];
export const modules = {

/***/ 42162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dr: () => (/* binding */ actionOutputs),
/* harmony export */   statusOutputs: () => (/* binding */ statusOutputs)
/* harmony export */ });
/* unused harmony exports SKIP_REASONS, runStatus */
/** Every value of `skip-reason`, for action.yml and the docs (checked in tests). */
const SKIP_REASONS = (/* unused pure expression or super */ null && ([
    'not-triggered',
    'not-allowed',
    'fork',
    'nothing-to-review',
    'over-budget',
    'over-ceiling',
    'busy',
    'dry-run',
    'declined',
]));
/** The `status` and `skip-reason` outputs, as strings. */
function statusOutputs(status, reason = '') {
    return { status, 'skip-reason': status === 'skipped' ? reason : '' };
}
/** How a review run ended, as the two status outputs. */
function runStatus(status) {
    return status === 'reviewed' ? statusOutputs('reviewed') : statusOutputs('skipped', status);
}
/** The step outputs of DESIGN.md, plus the status, as strings. */
function actionOutputs(result, findingsFile, sarifFile) {
    const { report } = result;
    const u = report.usage;
    const input = u.input + u.cacheWrite + u.cacheRead;
    const posted = report.placement ? report.placement.inline.length + report.placement.unplaced.length : 0;
    return {
        ...runStatus(report.status),
        model: report.model?.id ?? '',
        tier: report.tier,
        'input-tokens': String(input),
        'output-tokens': String(u.output),
        'total-tokens': String(input + u.output),
        'cost-usd': report.costUsd.toFixed(6),
        'findings-count': String(posted),
        'findings-file': findingsFile,
        'sarif-file': sarifFile,
        'review-url': result.reviewUrl ?? '',
        'skipped-files': JSON.stringify(report.skipped),
    };
}


/***/ }),

/***/ 77491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ chooseTier),
/* harmony export */   i: () => (/* binding */ TIERS)
/* harmony export */ });
const TIERS = ['small', 'medium', 'large'];
/** Picks the tier for a change of `changedLines` (additions + deletions after filters). */
function chooseTier(changedLines, limits) {
    if (changedLines <= limits.smallMaxLines)
        return 'small';
    if (changedLines <= limits.mediumMaxLines)
        return 'medium';
    return 'large';
}


/***/ }),

/***/ 94710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendOutputs: () => (/* binding */ appendOutputs),
/* harmony export */   skipQuickly: () => (/* binding */ skipQuickly)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42162);
/* harmony import */ var _trigger_trigger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81200);




/** Trigger phrases the quick path understands; anything else goes through the full config check. */
const PLAIN_PHRASE = /^[\w@/.-]{1,40}$/;
/**
 * Step outputs in the runner's file format, as `core.setOutput` writes them (`name<<delimiter`,
 * the value, the delimiter), so later steps' `if:` sees the same `status` as on the full path.
 */
function appendOutputs(file, outputs) {
    if (!file)
        return;
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const text = Object.entries(outputs)
        .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
        .join('');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, text);
}
/**
 * Most runs of a workflow with an `issue_comment` trigger are comments that say nothing to the
 * action ("thanks!", comments on issues). They are recognised here, before the SDK, the YAML
 * parser and the forge client are even loaded, and end with the same notice the full path
 * gives. Returns true when the run was skipped.
 */
function skipQuickly(env, payload) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (event !== 'issue_comment' && event !== 'pull_request_review_comment')
        return false;
    const phrase = (env['INPUT_TRIGGER-PHRASE'] ?? '').trim() || '/review';
    if (!PLAIN_PHRASE.test(phrase))
        return false;
    const trigger = (0,_trigger_trigger_js__WEBPACK_IMPORTED_MODULE_2__/* .readTrigger */ .v)(event, payload, { reviewDrafts: true, triggerPhrases: [phrase, '@claude-review'] });
    if (trigger.kind !== 'ignore')
        return false;
    appendOutputs(env.GITHUB_OUTPUT, (0,_action_outputs_js__WEBPACK_IMPORTED_MODULE_3__.statusOutputs)('skipped', 'not-triggered'));
    process.stdout.write(`::notice::Skipped: ${trigger.reason}.\n`);
    const summary = env.GITHUB_STEP_SUMMARY;
    if (summary)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(summary, `Claude review skipped: ${trigger.reason}.\n`);
    return true;
}


/***/ }),

/***/ 52773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ helpText),
/* harmony export */   R: () => (/* binding */ parseCommand)
/* harmony export */ });
/* harmony import */ var _plan_tier_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77491);

function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
/**
 * The command in a comment, or null when it has none. A command is a line that starts with
 * one of `phrases` (any case), e.g. `/review`, `/review full`, `/review large`,
 * `/review ask why is this needed?`, `/review help`. Quoted lines (`>`) and code blocks are
 * not commands, so quoting someone's command does not run it again.
 */
function parseCommand(body, phrases) {
    let inFence = false;
    for (const raw of body.split(/\r?\n/)) {
        const line = raw.trim();
        if (line.startsWith('```') || line.startsWith('~~~'))
            inFence = !inFence;
        if (inFence || line.startsWith('>'))
            continue;
        for (const phrase of phrases) {
            const m = new RegExp(`^${escape(phrase)}(?=$|\\s)(.*)$`, 'i').exec(line);
            if (m)
                return readArgs((m[1] ?? '').trim());
        }
    }
    return null;
}
function readArgs(args) {
    const [first = '', ...rest] = args.split(/\s+/);
    const word = first.toLowerCase();
    if (args === '')
        return { kind: 'review', mode: 'incremental', tier: null };
    if (word === 'full' && rest.length === 0)
        return { kind: 'review', mode: 'full', tier: null };
    if (word === 'help' && rest.length === 0)
        return { kind: 'help' };
    if (_plan_tier_js__WEBPACK_IMPORTED_MODULE_0__/* .TIERS */ .i.includes(word) && rest.length === 0) {
        return { kind: 'review', mode: 'full', tier: word };
    }
    if (word === 'ask') {
        const question = args.slice(first.length).trim();
        return question === '' ? { kind: 'unknown', args } : { kind: 'ask', question };
    }
    return { kind: 'unknown', args };
}
/** The help text a `/review help` (or an unknown argument) gets. */
function helpText(phrase) {
    return [
        `**claude-pr-review commands** (people with write access only):`,
        '',
        `- \`${phrase}\`: review what changed since the last review`,
        `- \`${phrase} full\`: review the whole pull request again`,
        `- \`${phrase} small\` / \`medium\` / \`large\`: a full review with that tier's model`,
        `- \`${phrase} ask <question>\`: ask about this pull request; the answer comes as a comment`,
        `- \`${phrase} help\`: this text`,
        '',
        'On GitHub you can also reply in one of my review threads and mention ' + `\`${phrase}\` to get an answer there.`,
        'Commands choose what to review, never how much: the token ceiling and budgets of the workflow always apply.',
    ].join('\n');
}


/***/ }),

/***/ 81200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ readTrigger)
/* harmony export */ });
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52773);

const REVIEW_ACTIONS = new Set(['opened', 'synchronize', 'synchronized', 'reopened', 'ready_for_review']);
const PUSH_ACTIONS = new Set(['synchronize', 'synchronized']);
const ACTIONS_BOTS = new Set(['github-actions', 'github-actions[bot]', 'gitea-actions', 'forgejo-actions']);
/** Bots, and the action's own comments, never start anything: no loops, no spending by automation. */
function isAutomation(user, body) {
    const login = user?.login ?? '';
    return (user?.type === 'Bot' || login.endsWith('[bot]') || ACTIONS_BOTS.has(login) || body.includes('<!-- claude-pr-review'));
}
function requester(p) {
    const perms = p.repository?.permissions;
    return {
        commentId: p.comment?.id ?? 0,
        login: p.comment?.user?.login ?? '',
        association: p.comment?.author_association ?? null,
        canPush: perms ? Boolean(perms.push || perms.admin) : null,
    };
}
function fromPullRequest(p, reviewDrafts) {
    const number = p.pull_request?.number ?? p.number;
    if (typeof number !== 'number')
        return { kind: 'ignore', reason: 'the event payload names no pull request' };
    if (!p.action || !REVIEW_ACTIONS.has(p.action)) {
        return { kind: 'ignore', reason: `pull request action \`${p.action ?? '(none)'}\` does not start a review` };
    }
    if (p.pull_request?.state === 'closed')
        return { kind: 'ignore', reason: `pull request #${number} is closed` };
    if (p.pull_request?.draft && !reviewDrafts) {
        return {
            kind: 'ignore',
            reason: `pull request #${number} is a draft; set \`review-drafts: true\` to review drafts`,
        };
    }
    const mode = PUSH_ACTIONS.has(p.action) ? 'incremental' : 'full';
    return { kind: 'review', prNumber: number, request: { mode, tier: null }, requester: null };
}
function fromIssueComment(p, phrases) {
    if (p.action !== 'created')
        return { kind: 'ignore', reason: `comment action \`${p.action ?? '(none)'}\` is not a new comment` };
    const number = p.issue?.number;
    const onPull = p.is_pull === true || Boolean(p.issue?.pull_request);
    if (typeof number !== 'number' || !onPull)
        return { kind: 'ignore', reason: 'the comment is not on a pull request' };
    const body = p.comment?.body ?? '';
    if (isAutomation(p.comment?.user, body))
        return { kind: 'ignore', reason: 'comments by bots and by this action do not start a review' };
    const command = (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommand */ .R)(body, phrases);
    if (!command)
        return { kind: 'ignore', reason: 'the comment has no command' };
    if (p.issue?.state === 'closed')
        return { kind: 'ignore', reason: `pull request #${number} is closed` };
    const who = requester(p);
    switch (command.kind) {
        case 'review':
            return { kind: 'review', prNumber: number, request: { mode: command.mode, tier: command.tier }, requester: who };
        case 'ask':
            return { kind: 'ask', prNumber: number, question: command.question, requester: who, thread: null };
        case 'help':
            return { kind: 'help', prNumber: number, requester: who, args: null };
        case 'unknown':
            return { kind: 'help', prNumber: number, requester: who, args: command.args };
    }
}
/**
 * The phrase as a word of its own: not inside `/reviewer`, a `/review/123` URL or `@claude-reviewers`.
 */
function mentionPattern(phrase) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return new RegExp(`(^|[^\\w/@.-])${escaped}(?=$|[\\s.,!?:;)])`, 'i');
}
/** A reply in a review thread that mentions a trigger phrase asks a question there (GitHub). */
function fromReviewComment(p, phrases) {
    const c = p.comment;
    const number = p.pull_request?.number;
    if (p.action !== 'created' || !c || typeof number !== 'number')
        return { kind: 'ignore', reason: 'not a new review comment' };
    if (!c.in_reply_to_id)
        return { kind: 'ignore', reason: 'the review comment is not a reply in a thread' };
    const body = c.body ?? '';
    if (isAutomation(c.user, body))
        return { kind: 'ignore', reason: 'comments by bots and by this action do not start a review' };
    const mention = phrases.map((ph) => mentionPattern(ph)).find((re) => re.test(body));
    if (!mention)
        return { kind: 'ignore', reason: 'the reply does not mention the trigger phrase' };
    const question = body.replace(new RegExp(mention.source, 'gi'), '$1').trim();
    return {
        kind: 'ask',
        prNumber: number,
        question: question || 'Please explain this finding in more detail.',
        requester: requester(p),
        thread: {
            rootId: c.in_reply_to_id,
            commentId: c.id ?? 0,
            path: c.path ?? '',
            line: c.line ?? null,
            diffHunk: c.diff_hunk ?? '',
        },
    };
}
/** What this event asks for. Anything that is not a review, a question or help is ignored with a reason. */
function readTrigger(eventName, payload, opts) {
    const p = (payload ?? {});
    const phrases = opts.triggerPhrases ?? ['/review', '@claude-review'];
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target':
            return fromPullRequest(p, opts.reviewDrafts);
        case 'issue_comment':
            return fromIssueComment(p, phrases);
        case 'pull_request_review_comment':
            // Gitea fires this name for whole reviews, with no comment object: nothing to answer.
            return p.comment
                ? fromReviewComment(p, phrases)
                : { kind: 'ignore', reason: 'the review event carries no comment' };
        default:
            return {
                kind: 'ignore',
                reason: `event \`${eventName || '(none)'}\` does not start a review; use \`pull_request\` or \`issue_comment\``,
            };
    }
}


/***/ })

};

//# sourceMappingURL=710.index.js.map