export const id = 775;
export const ids = [775];
export const modules = {

/***/ 59775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   modelClient: () => (/* binding */ modelClient)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67194);
/* harmony import */ var _llm_anthropic_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45815);
/* harmony import */ var _llm_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4705);
/* harmony import */ var _llm_provider_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23082);
/* harmony import */ var _trigger_fork_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38018);






/** The model client, or null for a dry run; refuses bad credentials before any request. */
function modelClient(config, onGitea, wrapFetch) {
    if (config.platform.provider !== 'anthropic') {
        // Amazon Bedrock or Vertex AI: region and project from the inputs, else the environment.
        const platform = (0,_llm_provider_js__WEBPACK_IMPORTED_MODULE_3__/* .checkPlatform */ .oF)(config, process.env);
        if (!platform.ok)
            throw new _config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(platform.error);
        for (const secret of platform.secrets)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        for (const note of platform.notes)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(note);
        return config.dryRun ? null : (0,_llm_provider_js__WEBPACK_IMPORTED_MODULE_3__/* .createPlatformClient */ .B4)(platform.settings, { timeoutMs: config.timeoutSeconds * 1000 });
    }
    if (config.dryRun && !config.credentials.apiKey && !config.credentials.authToken)
        return null;
    const checked = (0,_llm_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCredentials */ .vG)(config.credentials);
    // On Gitea/Forgejo a missing key is also what a pull request from a fork looks like.
    if (!checked.ok)
        throw new _config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(onGitea ? `${checked.error}\n${_trigger_fork_js__WEBPACK_IMPORTED_MODULE_5__/* .FORK_ADVICE */ .Qy}` : checked.error);
    for (const note of checked.notes)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(note);
    return (0,_llm_anthropic_js__WEBPACK_IMPORTED_MODULE_2__/* .createAnthropicModelClient */ .lx)({ ...checked.credentials, timeoutMs: config.timeoutSeconds * 1000, wrapFetch });
}


/***/ })

};

//# sourceMappingURL=775.index.js.map