import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/parse.js';
import type { ReviewComment, Side } from '../../src/ports.js';
import type { Finding, Severity } from '../../src/review/findings.js';
import {
  buildLineTexts,
  dropRepeats,
  fingerprint,
  fingerprintMarker,
  readFingerprint,
} from '../../src/review/fingerprint.js';
import type { PlacedFinding, Placement } from '../../src/review/place.js';
import { renderInlineComment } from '../../src/review/render-comment.js';
import { addedFile } from '../support/diffs.js';

const CODE = [
  'import { db } from "./db";',
  'export function load(id) {',
  '  return db.query("SELECT * FROM t WHERE id=" + id);',
  '}',
];
/** The PR as first reviewed: the query is on line 3. */
const V1 = parseDiff(addedFile('src/db.ts', CODE));
/** After a push that added two lines above it: the same query is now on line 5. */
const V2 = parseDiff(addedFile('src/db.ts', ['// Loads rows.', '// Careful with input.', ...CODE]));

function placed(line: number, over: Partial<Finding> = {}, side: Side = 'RIGHT'): PlacedFinding {
  const finding: Finding = {
    path: 'src/db.ts',
    line,
    side,
    severity: 'critical',
    title: 'SQL injection',
    body: 'Concatenated input reaches the query.',
    ...over,
  };
  return { finding, anchor: { path: finding.path, line, side }, clipped: false };
}

const placement = (...inline: PlacedFinding[]): Placement => ({ inline, unplaced: [], belowMinSeverity: 0 });

let nextId = 1;
/** The inline comment an earlier run posted for `p` (as the forge lists it back). */
function postedComment(p: PlacedFinding, files = V1, over: Partial<ReviewComment> = {}): ReviewComment {
  const fp = fingerprint(p, buildLineTexts(files));
  return {
    id: nextId++,
    body: renderInlineComment({ ...p, fingerprint: fp }, { suggestions: true }),
    path: p.anchor.path,
    line: p.anchor.line,
    outdated: false,
    resolved: false,
    inReplyTo: null,
    author: 'github-actions[bot]',
    authorId: 41898282,
    ...over,
  };
}

describe('fingerprint', () => {
  test('the same finding on the same code has the same fingerprint after lines were inserted above', () => {
    expect(fingerprint(placed(3), buildLineTexts(V1))).toBe(fingerprint(placed(5), buildLineTexts(V2)));
  });

  test('is 16 hex digits and round-trips through the hidden marker', () => {
    const fp = fingerprint(placed(3), buildLineTexts(V1));
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintMarker(fp)).toBe(`<!-- claude-pr-review:fp=${fp} -->`);
    expect(readFingerprint(`**x**\n\nbody\n\n${fingerprintMarker(fp)}`)).toBe(fp);
    expect(readFingerprint('no marker here')).toBeNull();
  });

  test('a different title on the same code is a different finding', () => {
    const texts = buildLineTexts(V1);
    expect(fingerprint(placed(3, { title: 'Unbounded query' }), texts)).not.toBe(fingerprint(placed(3), texts));
  });

  test('the same title on different code is a different finding', () => {
    const texts = buildLineTexts(V1);
    expect(fingerprint(placed(2), texts)).not.toBe(fingerprint(placed(3), texts));
  });

  test('the same code in another file is a different finding', () => {
    const other = parseDiff(addedFile('src/db2.ts', CODE));
    const p = placed(3, { path: 'src/db2.ts' });
    expect(fingerprint(p, buildLineTexts(other))).not.toBe(fingerprint(placed(3), buildLineTexts(V1)));
  });

  test('case and spacing of the title, and re-indenting the code, do not change it', () => {
    const reindented = parseDiff(
      addedFile(
        'src/db.ts',
        CODE.map((l) => `    ${l.trim()}`),
      ),
    );
    expect(fingerprint(placed(3, { title: '  sql   INJECTION ' }), buildLineTexts(reindented))).toBe(
      fingerprint(placed(3), buildLineTexts(V1)),
    );
  });

  test('severity and body are not part of it (the model rewording its advice is still a repeat)', () => {
    const texts = buildLineTexts(V1);
    expect(fingerprint(placed(3, { severity: 'high', body: 'Use a parameter.' }), texts)).toBe(
      fingerprint(placed(3), texts),
    );
  });
});

describe('dropRepeats', () => {
  test('a finding already posted and still open is dropped, even though its line moved', () => {
    const earlier = postedComment(placed(3));
    const out = dropRepeats(placement(placed(5)), V2, [earlier]);
    expect(out.repeated).toBe(1);
    expect(out.placement!.inline).toEqual([]);
  });

  test('a new finding is kept and carries its fingerprint for the posted comment', () => {
    const earlier = postedComment(placed(3));
    const fresh = placed(5, { title: 'Missing await' });
    const out = dropRepeats(placement(placed(5), fresh), V2, [earlier]);
    expect(out.repeated).toBe(1);
    expect(out.placement!.inline).toHaveLength(1);
    const kept = out.placement!.inline[0]!;
    expect(kept.finding.title).toBe('Missing await');
    expect(kept.fingerprint).toBe(fingerprint(fresh, buildLineTexts(V2)));
    const body = renderInlineComment(kept, { suggestions: true });
    expect(body).toContain(fingerprintMarker(kept.fingerprint!));
    expect(readFingerprint(body)).toBe(kept.fingerprint);
  });

  test('the posted comment’s marker is invisible (an HTML comment) and comes after the text', () => {
    const out = dropRepeats(placement(placed(3)), V1, []);
    const body = renderInlineComment(out.placement!.inline[0]!, { suggestions: true });
    expect(body.split('\n')[0]).toBe('**🔴 Critical: SQL injection**');
    expect(body.trimEnd().endsWith(' -->')).toBe(true);
  });

  test('the same finding on changed code is news again', () => {
    const earlier = postedComment(placed(3));
    const changed = parseDiff(
      addedFile(
        'src/db.ts',
        CODE.map((l, i) => (i === 2 ? '  return db.raw(id);' : l)),
      ),
    );
    const out = dropRepeats(placement(placed(3)), changed, [earlier]);
    expect(out.repeated).toBe(0);
    expect(out.placement!.inline).toHaveLength(1);
  });

  test('an outdated earlier comment does not count: the finding is posted again', () => {
    const earlier = postedComment(placed(3), V1, { outdated: true, line: null });
    const out = dropRepeats(placement(placed(5)), V2, [earlier]);
    expect(out.repeated).toBe(0);
    expect(out.placement!.inline).toHaveLength(1);
    expect(out.open).toEqual([]);
  });

  test('a reply in a thread does not count, even if it quotes the marker', () => {
    const earlier = postedComment(placed(3), V1, { inReplyTo: 1234, author: 'alice' });
    const out = dropRepeats(placement(placed(5)), V2, [earlier]);
    expect(out.repeated).toBe(0);
    expect(out.open).toEqual([]);
  });

  test('comments without a fingerprint (people’s own) neither dedupe nor appear as open findings', () => {
    const human: ReviewComment = {
      id: 999,
      body: '**🔴 Critical: SQL injection**\n\nI agree',
      path: 'src/db.ts',
      line: 3,
      outdated: false,
      resolved: false,
      inReplyTo: null,
      author: 'alice',
      authorId: 12,
    };
    const out = dropRepeats(placement(placed(3)), V1, [human]);
    expect(out.repeated).toBe(0);
    expect(out.open).toEqual([]);
  });

  test.each([
    ['critical', '🔴 Critical'],
    ['high', '🟠 High'],
    ['medium', '🟡 Medium'],
    ['low', '🔵 Low'],
    ['nit', '⚪ Nit'],
  ] as [Severity, string][])('an open %s finding is described from the comment’s first line', (severity) => {
    const earlier = postedComment(placed(3, { severity, title: 'Use `const` here' }), V1, { line: 7 });
    const out = dropRepeats(null, V1, [earlier]);
    expect(out.placement).toBeNull();
    expect(out.open).toEqual([{ path: 'src/db.ts', line: 7, severity, title: 'Use `const` here' }]);
  });

  test('open findings list every still-open earlier finding, repeated this run or not', () => {
    const a = postedComment(placed(3));
    const b = postedComment(placed(2, { title: 'Implicit any', severity: 'low' }), V1, { line: 2 });
    const out = dropRepeats(placement(placed(5)), V2, [a, b]);
    expect(out.open.map((o) => o.title)).toEqual(['SQL injection', 'Implicit any']);
  });

  test('a comment with a suggestion still yields its title', () => {
    const p = placed(3, { suggestion: '  return db.query("…", [id]);\n' });
    const out = dropRepeats(null, V1, [postedComment(p)]);
    expect(out.open).toEqual([{ path: 'src/db.ts', line: 3, severity: 'critical', title: 'SQL injection' }]);
  });

  test('a finding on the old side (a deleted line) is fingerprinted over the old code', () => {
    const del = parseDiff(
      [
        'diff --git a/src/x.ts b/src/x.ts',
        'index 1..2 100644',
        '--- a/src/x.ts',
        '+++ b/src/x.ts',
        '@@ -1,3 +1,2 @@',
        ' keep()',
        '-checkAuth()',
        ' rest()',
        '',
      ].join('\n'),
    );
    const texts = buildLineTexts(del);
    const left = { ...placed(2, { path: 'src/x.ts', side: 'LEFT' }, 'LEFT') };
    const right = { ...placed(2, { path: 'src/x.ts' }) };
    expect(texts.get('src/x.ts')!.LEFT.get(2)).toBe('checkAuth()');
    expect(fingerprint(left, texts)).not.toBe(fingerprint(right, texts));
  });
});
