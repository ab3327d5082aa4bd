import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readTrigger } from '../../src/trigger/trigger.js';

type Example = { action?: string; number?: number; pull_request?: { number: number; draft: boolean; state: string } };
type Webhook = { name: string; examples: Example[] };

const require = createRequire(import.meta.url);
const WEBHOOKS = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as Webhook[];

function examples(event: string): Example[] {
  const found = WEBHOOKS.find((w) => w.name === event);
  if (!found) throw new Error(`no ${event} examples in @octokit/webhooks-examples`);
  return found.examples;
}

/** The first real pull_request payload with this action. */
function pullRequest(action: string): Example {
  const found = examples('pull_request').find((e) => e.action === action);
  if (!found) throw new Error(`no pull_request.${action} example`);
  return found;
}

const opts = { reviewDrafts: false };

describe('readTrigger on real GitHub pull_request payloads', () => {
  test.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('%s starts a review of that PR', (action) => {
    const payload = pullRequest(action);
    expect(payload.pull_request!.draft).toBe(false);
    expect(readTrigger('pull_request', payload, opts)).toEqual(
      expect.objectContaining({ kind: 'review', prNumber: payload.pull_request!.number }),
    );
  });

  test('every non-draft open example with a review action is reviewed; every other action is ignored', () => {
    const all = examples('pull_request');
    expect(all.length).toBeGreaterThan(10);
    for (const payload of all) {
      const t = readTrigger('pull_request', payload, opts);
      const reviewable = ['opened', 'synchronize', 'reopened', 'ready_for_review'].includes(payload.action!);
      expect([payload.action, t.kind]).toEqual([
        payload.action,
        reviewable && !payload.pull_request!.draft && payload.pull_request!.state === 'open' ? 'review' : 'ignore',
      ]);
    }
  });

  test.each(['closed', 'labeled', 'assigned', 'converted_to_draft'])(
    '%s is ignored, and the reason names the action',
    (action) => {
      const t = readTrigger('pull_request', pullRequest(action), opts);
      expect(t.kind).toBe('ignore');
      if (t.kind === 'ignore') expect(t.reason).toContain(`\`${action}\``);
    },
  );

  test('an edited PR (title or body changed) is ignored with a reason', () => {
    const t = readTrigger('pull_request', { ...pullRequest('opened'), action: 'edited' }, opts);
    expect(t).toEqual({ kind: 'ignore', reason: 'pull request action `edited` does not start a review' });
  });

  test('pull_request_target is handled like pull_request', () => {
    const payload = pullRequest('opened');
    expect(readTrigger('pull_request_target', payload, opts)).toEqual(
      expect.objectContaining({ kind: 'review', prNumber: payload.pull_request!.number }),
    );
  });
});

describe('drafts', () => {
  const draft = (): Example => {
    const p = pullRequest('opened');
    return { ...p, pull_request: { ...p.pull_request!, draft: true } };
  };

  test('a draft is skipped by default, and the reason says how to review drafts', () => {
    const t = readTrigger('pull_request', draft(), { reviewDrafts: false });
    expect(t.kind).toBe('ignore');
    if (t.kind === 'ignore') {
      expect(t.reason).toContain('draft');
      expect(t.reason).toContain('`review-drafts: true`');
      expect(t.reason).toContain(`#${draft().pull_request!.number}`);
    }
  });

  test('a draft is reviewed when review-drafts is true', () => {
    expect(readTrigger('pull_request', draft(), { reviewDrafts: true })).toEqual(
      expect.objectContaining({ kind: 'review', prNumber: draft().pull_request!.number }),
    );
  });

  test('a synchronize on a draft is skipped too', () => {
    const p = pullRequest('synchronize');
    expect(readTrigger('pull_request', { ...p, pull_request: { ...p.pull_request!, draft: true } }, opts).kind).toBe(
      'ignore',
    );
  });
});

describe('Gitea and Forgejo payloads', () => {
  /** Gitea's shape: `synchronized` (with a d), the number at the top and on pull_request. */
  const gitea = (action: string, extra: Record<string, unknown> = {}) => ({
    action,
    number: 7,
    pull_request: { id: 70, number: 7, state: 'open', draft: false, title: 'Fix it', ...extra },
  });

  test.each(['opened', 'synchronized', 'reopened'])('%s starts a review', (action) => {
    expect(readTrigger('pull_request', gitea(action), opts)).toEqual(
      expect.objectContaining({ kind: 'review', prNumber: 7 }),
    );
  });

  test('a payload with the number only at the top level still names the PR', () => {
    expect(readTrigger('pull_request', { action: 'opened', number: 12, pull_request: {} }, opts)).toEqual(
      expect.objectContaining({ kind: 'review', prNumber: 12 }),
    );
  });

  test('a closed PR is not reviewed even when the action would start one', () => {
    const t = readTrigger('pull_request', gitea('synchronized', { state: 'closed' }), opts);
    expect(t).toEqual({ kind: 'ignore', reason: 'pull request #7 is closed' });
  });
});

describe('other events', () => {
  test.each(['push', 'issues', 'workflow_dispatch', 'release'])(
    'a real %s payload is ignored with a reason naming the event',
    (event) => {
      const t = readTrigger(event, examples(event)[0], opts);
      expect(t.kind).toBe('ignore');
      if (t.kind === 'ignore') expect(t.reason).toContain(`\`${event}\``);
    },
  );

  test('no event name at all is ignored', () => {
    const t = readTrigger('', undefined, opts);
    expect(t.kind).toBe('ignore');
    if (t.kind === 'ignore') expect(t.reason).toContain('(none)');
  });

  test('a pull_request event with an empty or missing payload is ignored, not a crash', () => {
    expect(readTrigger('pull_request', undefined, opts)).toEqual({
      kind: 'ignore',
      reason: 'the event payload names no pull request',
    });
    expect(readTrigger('pull_request', { action: 'opened' }, opts).kind).toBe('ignore');
  });
});
