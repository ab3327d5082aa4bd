/** The action's version, shown in SARIF output (kept equal to package.json by a test). */
export const VERSION = '1.0.0';
