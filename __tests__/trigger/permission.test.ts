import { describe, expect, test } from '@jest/globals';
import type { ForgeClient, Permission } from '../../src/ports.js';
import { checkWriteAccess, refusalText } from '../../src/trigger/permission.js';
import type { Requester } from '../../src/trigger/trigger.js';
import { memoryForge } from '../support/memory-forge.js';

/** A forge whose permission lookup answers `answer` (or throws it) and counts the calls. */
function lookupForge(answer: Permission | null | Error) {
  const forge = memoryForge('');
  const asked: string[] = [];
  forge.permissionOf = async (login: string) => {
    asked.push(login);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { forge: forge as ForgeClient, asked };
}

const who = (over: Partial<Requester> = {}): Requester => ({
  commentId: 1,
  login: 'alice',
  association: 'COLLABORATOR',
  canPush: null,
  ...over,
});

describe('checkWriteAccess on GitHub', () => {
  test('the repository OWNER passes without asking the forge', async () => {
    const { forge, asked } = lookupForge(new Error('must not be called'));
    expect(await checkWriteAccess(who({ association: 'OWNER' }), forge)).toEqual({ allowed: true });
    expect(asked).toEqual([]);
  });

  test.each(['NONE', 'FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'MANNEQUIN'])(
    '%s fails without asking the forge, and the reason names the person',
    async (association) => {
      const { forge, asked } = lookupForge('admin');
      const gate = await checkWriteAccess(who({ association, login: 'mallory' }), forge);
      expect(gate).toEqual({ allowed: false, reason: '@mallory does not have write access to this repository' });
      expect(asked).toEqual([]);
    },
  );

  test('an outsider is refused even when the payload somehow says canPush', async () => {
    const { forge } = lookupForge('admin');
    expect((await checkWriteAccess(who({ association: 'NONE', canPush: true }), forge)).allowed).toBe(false);
  });

  test.each([
    ['COLLABORATOR', 'write', true],
    ['COLLABORATOR', 'admin', true],
    ['MEMBER', 'write', true],
    ['MEMBER', 'read', false],
    ['COLLABORATOR', 'read', false],
    ['CONTRIBUTOR', 'write', true],
    ['CONTRIBUTOR', 'none', false],
  ] as [string, Permission, boolean][])(
    '%s with %s permission → allowed %s, after one lookup of that login',
    async (association, perm, ok) => {
      const { forge, asked } = lookupForge(perm);
      const gate = await checkWriteAccess(who({ association, login: 'bob' }), forge);
      expect(gate.allowed).toBe(ok);
      expect(asked).toEqual(['bob']);
    },
  );

  test('a read-only collaborator is refused even if the payload says canPush (the forge’s answer wins)', async () => {
    const { forge } = lookupForge('read');
    expect((await checkWriteAccess(who({ canPush: true }), forge)).allowed).toBe(false);
  });
});

describe('checkWriteAccess on Gitea/Forgejo (no association; the token may not look others up)', () => {
  test('the forge will not say (null) → the payload’s canPush decides', async () => {
    const { forge } = lookupForge(null);
    expect(await checkWriteAccess(who({ association: null, canPush: true }), forge)).toEqual({ allowed: true });
    expect((await checkWriteAccess(who({ association: null, canPush: false }), forge)).allowed).toBe(false);
    expect((await checkWriteAccess(who({ association: null, canPush: null }), forge)).allowed).toBe(false);
  });

  test('a lookup that throws is treated as unknown: canPush decides, and nothing is thrown', async () => {
    const { forge } = lookupForge(Object.assign(new Error('403 Forbidden'), { status: 403 }));
    expect(await checkWriteAccess(who({ association: null, canPush: true }), forge)).toEqual({ allowed: true });
    expect((await checkWriteAccess(who({ association: null, canPush: null }), forge)).allowed).toBe(false);
    expect((await checkWriteAccess(who({ association: 'MEMBER', canPush: null }), forge)).allowed).toBe(false);
  });

  test('a forge that answers write lets a Gitea user in even without payload permissions', async () => {
    const { forge } = lookupForge('write');
    expect((await checkWriteAccess(who({ association: null, canPush: null }), forge)).allowed).toBe(true);
  });

  test('an empty login is never looked up and fails unless the payload says canPush', async () => {
    const { forge, asked } = lookupForge('admin');
    expect((await checkWriteAccess(who({ login: '', association: null, canPush: null }), forge)).allowed).toBe(false);
    expect((await checkWriteAccess(who({ login: '', association: null, canPush: true }), forge)).allowed).toBe(true);
    expect(asked).toEqual([]);
  });
});

describe('refusalText', () => {
  test('is polite, names the person, explains why, and says who can start a review', () => {
    const text = refusalText('mallory');
    expect(text).toMatch(/^Thanks/);
    expect(text).toContain('@mallory');
    expect(text).toMatch(/write access/);
    expect(text).toMatch(/budget/);
    expect(text).toContain('`/review`');
  });
});
