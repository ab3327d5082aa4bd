import { timeRun } from './first-call.js';
for (let i = 0; i < 3; i++) {
  const r = await timeRun('pull_request');
  console.log(r.firstForge, r.firstMessages, JSON.stringify(r.before.slice(0, 2).map((x) => [x.url.slice(0,40), Math.round(x.end - x.start)])));
}
