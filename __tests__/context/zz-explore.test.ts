import { writeFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { selectContext } from '../../src/context/select.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import { renderContext, describeContext } from '../../src/context/render.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { loadRepo } from './support.js';
test('explore', async () => {
  const out: string[] = [];
  for (const name of ['ts-repo', 'py-repo']) {
    const repo = loadRepo(name);
    const sel = await selectContext({ files: repo.diff, snapshot: snapshotFromMaps(repo.head, repo.base), budget: 20000, estimate: estimateTokens });
    out.push(describeContext(sel.stats), JSON.stringify(sel.stats), renderContext(sel.pieces));
    for (const p of sel.pieces) out.push(`${p.kind} ${p.score} ${p.path} ${JSON.stringify(p.ranges)} ${p.tokens}`);
  }
  writeFileSync('/tmp/ctxproto/sel.txt', out.join('\n'));
});
