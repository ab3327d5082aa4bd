import { startWorld, timeRun } from './first-call.js';
const w = await startWorld();
const r = await timeRun(w, 'pull_request', true);
console.log(r.code, r.log);
console.log(w.forge.log.map((x) => `${x.method} ${x.url}`));
console.log(w.model.log.map((x) => `${x.method} ${x.url}`));
console.log(w.anthropic.requests.map((x) => `${x.status} ${x.path}`));
console.log(w.github.requests.map((x) => `${x.status} ${x.method} ${x.path}`), w.github.violations);
await w.close();
