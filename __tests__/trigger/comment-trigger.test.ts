import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTrigger, type Trigger } from '../../src/trigger/trigger.js';

type Json = Record<string, any>;
type Webhook = { name: string; examples: Json[] };

const require = createRequire(import.meta.url);
const WEBHOOKS = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as Webhook[];
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/payloads');

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function example(event: string, action: string): Json {
  const found = WEBHOOKS.find((w) => w.name === event)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return clone(found);
}

/** A real GitHub issue_comment payload, turned into a comment on a pull request with this body. */
function githubComment(body: string, opts: { action?: string; onPull?: boolean } = {}): Json {
  const p = example('issue_comment', opts.action ?? 'created');
  p.comment.body = body;
  if (opts.onPull === false) delete p.issue.pull_request;
  else
    p.issue.pull_request = {
      url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${p.issue.number}`,
      html_url: `https://github.com/Codertocat/Hello-World/pull/${p.issue.number}`,
      diff_url: `https://github.com/Codertocat/Hello-World/pull/${p.issue.number}.diff`,
      patch_url: `https://github.com/Codertocat/Hello-World/pull/${p.issue.number}.patch`,
    };
  return p;
}

function giteaComment(body: string): Json {
  const p = JSON.parse(readFileSync(join(FIXTURES, 'gitea-issue_comment-created-on-pull.json'), 'utf8')) as Json;
  delete p._source;
  p.comment.body = body;
  return p;
}

function giteaPullRequest(name: string): Json {
  const p = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Json;
  delete p._source;
  return p;
}

/** A real pull_request_review_comment payload, made a reply in a thread. */
function threadReply(body: string, inReplyTo: number | null = 4242): Json {
  const p = example('pull_request_review_comment', 'created');
  p.comment.body = body;
  if (inReplyTo === null) delete p.comment.in_reply_to_id;
  else p.comment.in_reply_to_id = inReplyTo;
  p.comment.line = 12;
  return p;
}

const opts = { reviewDrafts: false };
const kind = (t: Trigger) => t.kind;

describe('issue_comment on GitHub (real payloads)', () => {
  test('the real example is a comment on a plain issue, so it is ignored as it stands', () => {
    const p = example('issue_comment', 'created');
    expect(p.issue.pull_request).toBeUndefined();
    p.comment.body = '/review';
    expect(readTrigger('issue_comment', p, opts)).toEqual({
      kind: 'ignore',
      reason: 'the comment is not on a pull request',
    });
  });

  test('`/review` on a PR by its owner is an incremental review of that PR, with who asked', () => {
    const p = githubComment('/review');
    expect(readTrigger('issue_comment', p, opts)).toEqual({
      kind: 'review',
      prNumber: p.issue.number,
      request: { mode: 'incremental', tier: null },
      requester: { commentId: p.comment.id, login: 'Codertocat', association: 'OWNER', canPush: null },
    });
  });

  test('`/review full` and `/review large` carry mode and tier', () => {
    const full = readTrigger('issue_comment', githubComment('/review full'), opts);
    expect(full).toMatchObject({ kind: 'review', request: { mode: 'full', tier: null } });
    const large = readTrigger('issue_comment', githubComment('Please:\n/review large'), opts);
    expect(large).toMatchObject({ kind: 'review', request: { mode: 'full', tier: 'large' } });
  });

  test('`/review help` and an unknown argument both get help; the unknown word is kept', () => {
    expect(readTrigger('issue_comment', githubComment('/review help'), opts)).toMatchObject({
      kind: 'help',
      args: null,
    });
    expect(readTrigger('issue_comment', githubComment('/review frobnicate'), opts)).toMatchObject({
      kind: 'help',
      args: 'frobnicate',
    });
  });

  test('`/review ask <question>` is a question answered as a PR comment (no thread)', () => {
    const p = githubComment('@claude-review ask why a mutex here?');
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({
      kind: 'ask',
      prNumber: p.issue.number,
      question: 'why a mutex here?',
      thread: null,
      requester: { login: 'Codertocat' },
    });
  });

  test('a comment without a command is ignored', () => {
    expect(readTrigger('issue_comment', githubComment('Looks good to me'), opts)).toEqual({
      kind: 'ignore',
      reason: 'the comment has no command',
    });
  });

  test('a command that only quotes an earlier one is ignored', () => {
    expect(kind(readTrigger('issue_comment', githubComment('> /review full\nagreed'), opts))).toBe('ignore');
  });

  test('a custom trigger phrase replaces the default', () => {
    const phrases = { reviewDrafts: false, triggerPhrases: ['/ai', '@claude-review'] };
    expect(kind(readTrigger('issue_comment', githubComment('/ai full'), phrases))).toBe('review');
    expect(kind(readTrigger('issue_comment', githubComment('/review full'), phrases))).toBe('ignore');
  });

  test.each(['edited', 'deleted'])('an %s comment never starts anything, even with a command', (action) => {
    const p = githubComment('/review full', { action });
    const t = readTrigger('issue_comment', p, opts);
    expect(t.kind).toBe('ignore');
    if (t.kind === 'ignore') expect(t.reason).toContain(`\`${action}\``);
  });

  test('every real issue_comment example, made a PR comment with `/review`, reviews only when created', () => {
    const all = WEBHOOKS.find((w) => w.name === 'issue_comment')!.examples;
    expect(all.length).toBeGreaterThan(3);
    for (const e of all) {
      const p = clone(e);
      p.comment.body = '/review';
      p.issue.pull_request = { url: 'x' };
      p.issue.state = 'open';
      expect([p.action, kind(readTrigger('issue_comment', p, opts))]).toEqual([
        p.action,
        p.action === 'created' ? 'review' : 'ignore',
      ]);
    }
  });

  test('a command on a closed PR is ignored', () => {
    const p = githubComment('/review');
    p.issue.state = 'closed';
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/closed/),
    });
  });
});

describe('automation never triggers (no loops)', () => {
  test('a GitHub App bot (`user.type: Bot`) is ignored', () => {
    const p = githubComment('/review full');
    p.comment.user.type = 'Bot';
    expect(readTrigger('issue_comment', p, opts)).toEqual({
      kind: 'ignore',
      reason: 'comments by bots and by this action do not start a review',
    });
  });

  test.each(['dependabot[bot]', 'github-actions[bot]', 'github-actions', 'gitea-actions', 'forgejo-actions'])(
    'a comment by %s is ignored',
    (login) => {
      const p = githubComment('/review');
      p.comment.user.login = login;
      expect(kind(readTrigger('issue_comment', p, opts))).toBe('ignore');
    },
  );

  test('the action’s own comments (help text, answers, the summary) are ignored whoever posted them', () => {
    for (const body of [
      '<!-- claude-pr-review:reply -->\n**claude-pr-review commands**\n\n- `/review`: review',
      '<!-- claude-pr-review:answer -->\n> @alice asked: x\n\n/review full',
      '<!-- claude-pr-review:summary -->\n/review',
    ]) {
      expect(kind(readTrigger('issue_comment', githubComment(body), opts))).toBe('ignore');
    }
  });

  test('gitea-actions on Gitea is ignored', () => {
    const p = giteaComment('/review');
    p.comment.user.login = 'gitea-actions';
    expect(kind(readTrigger('issue_comment', p, opts))).toBe('ignore');
  });

  test('a bot replying in a review thread with the phrase is ignored', () => {
    const p = threadReply('@claude-review what about this?');
    p.comment.user.type = 'Bot';
    expect(kind(readTrigger('pull_request_review_comment', p, opts))).toBe('ignore');
  });
});

describe('issue_comment on Gitea/Forgejo', () => {
  test('the fixture as it stands (`/claude-review`) is a review with its custom phrase', () => {
    const p = giteaComment('/claude-review');
    expect(readTrigger('issue_comment', p, { reviewDrafts: false, triggerPhrases: ['/claude-review'] })).toEqual({
      kind: 'review',
      prNumber: 7,
      request: { mode: 'incremental', tier: null },
      requester: { commentId: 311, login: 'bob', association: null, canPush: true },
    });
  });

  test('`/review full` on a PR (`is_pull: true`) reviews; canPush comes from repository.permissions', () => {
    const p = giteaComment('/review full');
    p.repository.permissions = { admin: false, push: false, pull: true };
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({
      kind: 'review',
      prNumber: 7,
      request: { mode: 'full', tier: null },
      requester: { login: 'bob', association: null, canPush: false },
    });
  });

  test('admin without push still counts as able to push', () => {
    const p = giteaComment('/review');
    p.repository.permissions = { admin: true, push: false, pull: true };
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({ requester: { canPush: true } });
  });

  test('no repository.permissions → canPush unknown (null)', () => {
    const p = giteaComment('/review');
    delete p.repository.permissions;
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({ requester: { canPush: null } });
  });

  test('`is_pull: true` alone is enough to know it is a PR', () => {
    const p = giteaComment('/review help');
    delete p.issue.pull_request;
    expect(readTrigger('issue_comment', p, opts)).toMatchObject({ kind: 'help', prNumber: 7 });
  });

  test('a comment on a plain Gitea issue is ignored', () => {
    const p = giteaComment('/review');
    p.is_pull = false;
    p.issue.pull_request = null;
    expect(readTrigger('issue_comment', p, opts)).toEqual({
      kind: 'ignore',
      reason: 'the comment is not on a pull request',
    });
  });

  test('`/review ask` is a question answered in a comment', () => {
    expect(readTrigger('issue_comment', giteaComment('/review ask is this thread-safe?'), opts)).toMatchObject({
      kind: 'ask',
      question: 'is this thread-safe?',
      thread: null,
    });
  });

  test.each(['edited', 'deleted'])('an %s Gitea comment is ignored', (action) => {
    const p = giteaComment('/review');
    p.action = action;
    expect(kind(readTrigger('issue_comment', p, opts))).toBe('ignore');
  });
});

describe('pull_request_review_comment: replies in a review thread (GitHub)', () => {
  test('a reply mentioning the phrase asks in that thread: rootId is in_reply_to_id, with the diff hunk', () => {
    const p = threadReply('@claude-review why is this a problem?', 4242);
    expect(readTrigger('pull_request_review_comment', p, opts)).toEqual({
      kind: 'ask',
      prNumber: p.pull_request.number,
      question: 'why is this a problem?',
      requester: { commentId: p.comment.id, login: 'Codertocat', association: 'OWNER', canPush: null },
      thread: {
        rootId: 4242,
        commentId: p.comment.id,
        path: 'README.md',
        line: 12,
        diffHunk: '@@ -1 +1 @@\n-# Hello-World',
      },
    });
  });

  test('the phrase may be anywhere in the reply, and with no words left a default question is asked', () => {
    const t = readTrigger('pull_request_review_comment', threadReply('/review'), opts);
    expect(t).toMatchObject({ kind: 'ask', question: 'Please explain this finding in more detail.' });
    const mid = readTrigger('pull_request_review_comment', threadReply('Hey /REVIEW, is it safe?'), opts);
    expect(mid).toMatchObject({ kind: 'ask', question: 'Hey , is it safe?' });
  });

  test('a review comment that starts a thread (not a reply) is ignored', () => {
    const p = threadReply('@claude-review look here', null);
    expect(readTrigger('pull_request_review_comment', p, opts)).toEqual({
      kind: 'ignore',
      reason: 'the review comment is not a reply in a thread',
    });
  });

  test('the real example (not a reply) is ignored as it stands', () => {
    expect(
      kind(readTrigger('pull_request_review_comment', example('pull_request_review_comment', 'created'), opts)),
    ).toBe('ignore');
  });

  test('a reply that does not mention the phrase is ignored', () => {
    expect(readTrigger('pull_request_review_comment', threadReply('Fixed, thanks.'), opts)).toEqual({
      kind: 'ignore',
      reason: 'the reply does not mention the trigger phrase',
    });
  });

  // BUG: fromReviewComment matches the phrase with `includes`, so any word or URL that merely
  // contains it (`/reviewer`, `…/review/123`, `@claude-reviewers`) starts a paid answer,
  // while parseCommand rightly says `/reviewer` is not `/review`.
  test('a thread reply that only contains `/reviewer` or a `/review/…` URL is not a mention', () => {
    for (const body of [
      'Could a /reviewer double-check?',
      'See https://gerrit.example.test/review/123',
      'cc @claude-reviewers',
    ]) {
      expect(kind(readTrigger('pull_request_review_comment', threadReply(body), opts))).toBe('ignore');
    }
  });

  test.each(['edited', 'deleted'])('an %s thread reply is ignored', (action) => {
    const p = threadReply('@claude-review why?');
    p.action = action;
    expect(kind(readTrigger('pull_request_review_comment', p, opts))).toBe('ignore');
  });

  test('the action’s own answer in the thread does not trigger another answer', () => {
    const p = threadReply('<!-- claude-pr-review:answer -->\nAs @claude-review I think…');
    expect(kind(readTrigger('pull_request_review_comment', p, opts))).toBe('ignore');
  });

  test('Gitea’s pull_request_review_comment (a whole review, no comment object) is ignored', () => {
    expect(
      readTrigger('pull_request_review_comment', { action: 'reviewed', pull_request: { number: 7 } }, opts),
    ).toEqual({
      kind: 'ignore',
      reason: 'the review event carries no comment',
    });
  });
});

describe('pull_request: which pushes are incremental', () => {
  test('GitHub `synchronize` is incremental, `opened`, `reopened`, `ready_for_review` are full', () => {
    expect(readTrigger('pull_request', example('pull_request', 'synchronize'), opts)).toMatchObject({
      kind: 'review',
      request: { mode: 'incremental', tier: null },
      requester: null,
    });
    for (const action of ['opened', 'reopened', 'ready_for_review']) {
      expect(readTrigger('pull_request', example('pull_request', action), opts)).toMatchObject({
        kind: 'review',
        request: { mode: 'full', tier: null },
      });
    }
  });

  test('Gitea `synchronized` is incremental and `opened` is full', () => {
    expect(readTrigger('pull_request', giteaPullRequest('gitea-pull_request-synchronized.json'), opts)).toMatchObject({
      kind: 'review',
      request: { mode: 'incremental' },
    });
    expect(readTrigger('pull_request', giteaPullRequest('gitea-pull_request-opened.json'), opts)).toMatchObject({
      kind: 'review',
      request: { mode: 'full' },
    });
  });
});

describe('drafts', () => {
  test('a draft is skipped on pull_request …', () => {
    const p = example('pull_request', 'opened');
    p.pull_request.draft = true;
    expect(kind(readTrigger('pull_request', p, opts))).toBe('ignore');
  });

  test('… but a `/review` command on a draft reviews it anyway (GitHub and Gitea)', () => {
    const gh = githubComment('/review');
    gh.issue.draft = true;
    expect(kind(readTrigger('issue_comment', gh, opts))).toBe('review');
    const gitea = giteaComment('/review full');
    gitea.issue.pull_request.draft = true;
    expect(readTrigger('issue_comment', gitea, opts)).toMatchObject({ kind: 'review', request: { mode: 'full' } });
  });
});
