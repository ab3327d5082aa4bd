export const id = 294;
export const ids = [294];
export const modules = {

/***/ 50294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readEventPayload: () => (/* binding */ readEventPayload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The webhook payload the runner wrote to `GITHUB_EVENT_PATH`, parsed. A missing or malformed
 * file is an error that names the variable and the file, not a stack trace.
 */
function readEventPayload(path) {
    if (!path)
        return {};
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const why = error.code === 'ENOENT' ? 'does not exist' : 'cannot be read';
        throw new Error(`The event file GITHUB_EVENT_PATH (${path}) ${why}: run this action from a workflow, or point GITHUB_EVENT_PATH at a webhook payload.`, { cause: error });
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Error(`The event file GITHUB_EVENT_PATH (${path}) is not valid JSON (${error.message}): it must hold the webhook payload of the event.`, { cause: error });
    }
}


/***/ })

};

//# sourceMappingURL=294.index.js.map