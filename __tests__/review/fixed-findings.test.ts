import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/parse.js';
import type { ReviewComment } from '../../src/ports.js';
import { fingerprintMarker } from '../../src/review/fingerprint.js';
import { fixedFindings, fixedNote } from '../../src/review/fixed-findings.js';

// The new commits rewrite line 11 of src/app.ts and nothing else.
const NEW_COMMITS = parseDiff(`diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -10,3 +10,3 @@ export function start() {
   const port = 8080;
-  const host = process.env.HOST;
+  const host = process.env.HOST ?? 'localhost';
   listen(host, port);
`);

let id = 1;
const own = (over: Partial<ReviewComment> & { title: string; fp: string }): ReviewComment => ({
  id: id++,
  body: `**🟠 High: ${over.title}**\n\nbody\n\n${fingerprintMarker(over.fp)}`,
  path: 'src/app.ts',
  line: 11,
  outdated: false,
  resolved: false,
  inReplyTo: null,
  author: 'bot',
  authorId: 1,
  ...over,
});
const isOwn = (c: ReviewComment) => c.author === 'bot';

describe('fixedFindings', () => {
  test('a finding whose lines the new commits changed, and that the new review does not repeat, is fixed', () => {
    const fixed = own({ title: 'Host may be undefined', fp: 'a'.repeat(16) });
    const untouched = own({ title: 'Port is hard-coded', fp: 'b'.repeat(16), line: 10 });
    const outdated = own({ title: 'Old problem', fp: 'c'.repeat(16), path: 'src/x.ts', line: null, outdated: true });
    const out = fixedFindings([fixed, untouched, outdated], isOwn, NEW_COMMITS, []);
    expect(out.fixed).toEqual([fixed, outdated]);
    expect(out.kept).toEqual([]);
  });

  test('a finding the new review reports again (same fingerprint, or same path and title) stays open', () => {
    const byPrint = own({ title: 'Host may be undefined', fp: 'd'.repeat(16) });
    const byTitle = own({ title: 'Hosts may be undefined', fp: 'e'.repeat(16), outdated: true, line: null });
    const out = fixedFindings([byPrint, byTitle], isOwn, NEW_COMMITS, [
      { path: 'src/app.ts', title: 'Something else', fingerprint: 'd'.repeat(16) },
      { path: 'src/app.ts', title: 'Host may be undefined' },
    ]);
    expect(out.fixed).toEqual([]);
    expect(out.kept.map((k) => k.reason)).toEqual([
      'the new review reports it again',
      'the new review reports it again',
    ]);
  });

  test('threads people replied to, others’ comments and resolved threads are left alone', () => {
    const discussed = own({ title: 'Host may be undefined', fp: 'f'.repeat(16) });
    const reply: ReviewComment = {
      ...discussed,
      id: id++,
      body: 'I disagree',
      inReplyTo: discussed.id,
      author: 'mona',
      authorId: 2,
    };
    const someoneElse: ReviewComment = { ...own({ title: 'X', fp: '1'.repeat(16) }), author: 'mona' };
    const resolved = own({ title: 'Y', fp: '2'.repeat(16), resolved: true });
    const out = fixedFindings([discussed, reply, someoneElse, resolved], isOwn, NEW_COMMITS, []);
    expect(out.fixed).toEqual([]);
    expect(out.kept).toEqual([{ comment: discussed, reason: 'people are discussing it' }]);
  });

  test('the note names the fixing commit', () => {
    expect(fixedNote('abc1234def5678')).toMatch(/^Fixed in abc1234:/);
  });
});
