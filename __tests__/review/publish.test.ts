import { describe, expect, test } from '@jest/globals';
import type { ForgeKind, PullRequest } from '../../src/ports.js';
import { placeFindings, type Placement } from '../../src/review/place.js';
import { publishReview, reviewEvent } from '../../src/review/publish.js';
import { memoryForge } from '../support/memory-forge.js';
import { finding, INDEX } from './diff-fixture.js';

const PR: PullRequest = {
  number: 7,
  title: 'Read host from env',
  body: '',
  author: 'alice',
  draft: false,
  headSha: 'c0ffee0000000000000000000000000000000000',
  baseSha: 'a'.repeat(40),
  baseRef: 'main',
  htmlUrl: 'https://example.test/o/r/pull/7',
};

/** The shared in-memory forge, on this file's PR. */
function newForge(kind: ForgeKind = 'github') {
  return memoryForge('', PR, kind);
}

const opts = { minSeverity: 'nit' as const, maxComments: 20 };
const SUGGESTION = "  const host = process.env.HOST ?? 'localhost';";

describe('reviewEvent', () => {
  const critical = placeFindings([finding({ severity: 'critical' })], INDEX, opts);
  const criticalOffDiff = placeFindings([finding({ severity: 'critical', line: 99 })], INDEX, opts);
  const high = placeFindings([finding({ severity: 'high' })], INDEX, opts);

  test('COMMENT policy never requests changes', () => {
    expect(reviewEvent(critical, 'COMMENT')).toBe('COMMENT');
  });

  test('REQUEST_CHANGES-on-critical requests changes only when a critical finding exists', () => {
    expect(reviewEvent(critical, 'REQUEST_CHANGES-on-critical')).toBe('REQUEST_CHANGES');
    expect(reviewEvent(criticalOffDiff, 'REQUEST_CHANGES-on-critical')).toBe('REQUEST_CHANGES');
    expect(reviewEvent(high, 'REQUEST_CHANGES-on-critical')).toBe('COMMENT');
  });
});

describe('publishReview', () => {
  test('nothing inline and event COMMENT: no review is posted at all', async () => {
    const forge = newForge();
    const placement = placeFindings([finding({ line: 99 })], INDEX, opts);
    expect(await publishReview(forge, PR, placement, 'COMMENT')).toEqual({ url: null, refused: [] });
    expect(await publishReview(forge, PR, { inline: [], unplaced: [], belowMinSeverity: 0 }, 'COMMENT')).toEqual({
      url: null,
      refused: [],
    });
    expect(forge.reviews).toEqual([]);
  });

  test('inline findings are posted as one COMMENT review on the head commit, anchored as placed', async () => {
    const forge = newForge();
    const placement = placeFindings(
      [finding({ title: 'one' }), finding({ start_line: 12, line: 20, title: 'clipped range' })],
      INDEX,
      opts,
    );
    const { url } = await publishReview(forge, PR, placement, 'COMMENT');
    expect(url).toBe('https://example.test/o/r/pull/7#review-1');
    expect(forge.reviews).toHaveLength(1);
    const r = forge.reviews[0]!;
    expect(r.commitId).toBe(PR.headSha);
    expect(r.event).toBe('COMMENT');
    expect(r.body).toBe('Claude left 2 inline comments; the summary comment has the overview.');
    expect(r.comments.map(({ body: _b, ...anchor }) => anchor)).toEqual([
      { path: 'src/app.ts', line: 11, side: 'RIGHT' },
      { path: 'src/app.ts', line: 14, side: 'RIGHT', startLine: 12 },
    ]);
    expect(r.comments[0]!.body).toContain('**🟡 Medium: one**');
  });

  test('a single inline comment is counted in the singular', async () => {
    const forge = newForge();
    await publishReview(forge, PR, placeFindings([finding()], INDEX, opts), 'COMMENT');
    expect(forge.reviews[0]!.body).toBe('Claude left 1 inline comment; the summary comment has the overview.');
  });

  test('REQUEST_CHANGES is sent only with the policy and a critical finding', async () => {
    const placement = placeFindings([finding({ severity: 'critical' })], INDEX, opts);
    const withPolicy = newForge();
    await publishReview(withPolicy, PR, placement, 'REQUEST_CHANGES-on-critical');
    expect(withPolicy.reviews[0]!.event).toBe('REQUEST_CHANGES');
    expect(withPolicy.reviews[0]!.body).toContain('critical problem');

    const without = newForge();
    await publishReview(without, PR, placement, 'COMMENT');
    expect(without.reviews[0]!.event).toBe('COMMENT');

    const notCritical = newForge();
    await publishReview(
      notCritical,
      PR,
      placeFindings([finding({ severity: 'high' })], INDEX, opts),
      'REQUEST_CHANGES-on-critical',
    );
    expect(notCritical.reviews[0]!.event).toBe('COMMENT');
  });

  test('a critical finding outside the diff still requests changes, with no inline comments', async () => {
    const forge = newForge();
    const placement: Placement = placeFindings([finding({ severity: 'critical', line: 99 })], INDEX, opts);
    expect(placement.inline).toEqual([]);
    expect((await publishReview(forge, PR, placement, 'REQUEST_CHANGES-on-critical')).url).not.toBeNull();
    expect(forge.reviews[0]).toMatchObject({ event: 'REQUEST_CHANGES', comments: [] });
  });

  test('suggestion blocks are sent only to GitHub; Gitea and Forgejo get plain code', async () => {
    const placement = placeFindings([finding({ suggestion: SUGGESTION })], INDEX, opts);
    const bodies: Record<string, string> = {};
    for (const kind of ['github', 'gitea', 'forgejo', 'local'] as const) {
      const forge = newForge(kind);
      await publishReview(forge, PR, placement, 'COMMENT');
      bodies[kind] = forge.reviews[0]!.comments[0]!.body;
    }
    expect(bodies.github).toContain('```suggestion\n');
    for (const kind of ['gitea', 'forgejo', 'local']) {
      expect(bodies[kind]).not.toContain('```suggestion');
      expect(bodies[kind]).toContain(`Suggested code:\n\n\`\`\`\n${SUGGESTION}`);
    }
  });
});

describe('a review the forge refuses (422)', () => {
  test('probes the anchors, posts the accepted ones as one review, and returns the refused ones', async () => {
    const forge = newForge();
    const placement = placeFindings(
      [finding({ line: 11, title: 'kept' }), finding({ line: 12, title: 'refused' })],
      INDEX,
      opts,
    );
    forge.badAnchors.push({ path: placement.inline[1]!.anchor.path, line: placement.inline[1]!.anchor.line });
    const { url, refused } = await publishReview(forge, PR, placement, 'COMMENT');
    expect(url).not.toBeNull();
    expect(forge.reviews).toHaveLength(1);
    expect(forge.reviews[0]!.comments.map((c) => c.line)).toEqual([placement.inline[0]!.anchor.line]);
    expect(refused.map((r) => r.finding.title)).toEqual(['refused']);
    expect(refused[0]!.reason).toMatch(/refused this line/);
  });
});
