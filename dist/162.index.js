export const id = 162;
export const ids = [162];
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


/***/ })

};

//# sourceMappingURL=162.index.js.map