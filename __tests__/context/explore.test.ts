import { readFileSync, writeFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { outline, identifiersUsed, findReferences } from '../../src/context/symbols.js';
import { enclosingScopes } from '../../src/context/scopes.js';
import { languageForPath } from '../../src/context/languages.js';
const dir = new URL('./fixtures/lang/', import.meta.url);
const files = ['sample.ts.txt','sample.tsx.txt','sample.js.txt','sample.py','sample.go','Sample.java','sample.rb','sample.rs','Sample.cs','sample.php','sample.c','money.h','sample.cpp'];
test('explore', async () => {
  const out: string[] = [];
  for (const f of files) {
    const src = readFileSync(new URL(f, dir), 'utf8');
    const lang = languageForPath(f.replace(/\.txt$/, ''));
    const o = await outline(src, lang);
    out.push(`== ${f} ${lang}`);
    for (const d of o.definitions) out.push(`  def ${d.kind} ${d.container ? d.container + '.' : ''}${d.name} ${d.startLine}-${d.endLine} body=${d.bodyLine} sig=${JSON.stringify(d.signature)}`);
    out.push('  imports ' + JSON.stringify(o.imports));
    const lines = src.split('\n');
    const useLine = lines.findIndex((l) => /sum \+=|\$sum \+=/.test(l)) + 1;
    const sc = await enclosingScopes(src, lang, [useLine]);
    out.push(`  scope of ${useLine}: ` + JSON.stringify(sc.map((s) => [s.kind, s.name, s.startLine, s.endLine])));
    const u = await identifiersUsed(src, lang, [useLine]);
    out.push('  uses ' + JSON.stringify(u));
    for (const n of ['lineTotal','line_total','LineTotal','TAX_RATE','TaxRate','PriceList']) {
      const r = await findReferences(src, lang, n);
      if (r.length) out.push(`  refs ${n}: ${r}`);
    }
  }
  writeFileSync('/tmp/ctxproto/explore.txt', out.join('\n'));
});
