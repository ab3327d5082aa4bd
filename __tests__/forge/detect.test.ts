import { describe, expect, it } from '@jest/globals';
import { detectForge, forgeToken } from '../../src/forge/detect.js';

describe('detectForge', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github'],
    [{}, 'github'],
    // Gitea's act_runner, and Forgejo runners before v7.
    [{ GITHUB_ACTIONS: 'true', GITEA_ACTIONS: 'true' }, 'forgejo-or-gitea'],
    [{ GITHUB_ACTIONS: 'true', GITEA_ACTIONS: 'true', FORGEJO_ACTIONS: 'true' }, 'forgejo'],
    [{ FORGEJO_ACTIONS: 'true' }, 'forgejo'],
    [{ GITEA_ACTIONS: 'false', FORGEJO_ACTIONS: '1' }, 'github'],
  ])('%j → %s', (env, expected) => {
    expect(detectForge(env)).toBe(expected);
  });
});

describe('forgeToken', () => {
  const env = { GITHUB_TOKEN: 'gh', GITEA_TOKEN: 'gt', FORGEJO_TOKEN: 'fj' };

  it('prefers the input, then GITHUB_TOKEN, GITEA_TOKEN, FORGEJO_TOKEN', () => {
    expect(forgeToken('in', env)).toBe('in');
    expect(forgeToken('', env)).toBe('gh');
    expect(forgeToken(undefined, { ...env, GITHUB_TOKEN: '' })).toBe('gt');
    expect(forgeToken('  ', { FORGEJO_TOKEN: 'fj' })).toBe('fj');
  });

  it('answers null when there is no token at all', () => {
    expect(forgeToken(undefined, {})).toBeNull();
  });
});
