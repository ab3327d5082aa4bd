import { describe, expect, it } from '@jest/globals';
import { checkCredentials } from '../../src/llm/credentials.js';

const OAUTH = 'sk-ant-oat01-SECRETSECRETSECRET';

describe('checkCredentials', () => {
  it('accepts an API key, trimmed', () => {
    const result = checkCredentials({ apiKey: '  sk-ant-api03-abc\n' });
    expect(result).toEqual({ ok: true, credentials: { apiKey: 'sk-ant-api03-abc' }, notes: [] });
  });

  it('accepts a gateway token with its base URL', () => {
    const result = checkCredentials({ authToken: 'gw-token\r\n', baseUrl: ' https://llm.example.com/anthropic ' });
    expect(result).toEqual({
      ok: true,
      credentials: { authToken: 'gw-token', baseUrl: 'https://llm.example.com/anthropic' },
      notes: [],
    });
  });

  it('notes a token without a base URL', () => {
    const result = checkCredentials({ authToken: 'gw-token' });
    expect(result.ok && result.notes.join()).toMatch(/without `anthropic-base-url`/);
  });

  it.each([
    ['anthropic-api-key', { apiKey: OAUTH }],
    ['anthropic-auth-token', { authToken: OAUTH }],
    ['anthropic-auth-token with a key', { apiKey: 'sk-ant-api03-ok', authToken: ` ${OAUTH}\n` }],
  ])('refuses a subscription OAuth token in %s without echoing it', (_name, input) => {
    const result = checkCredentials(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/subscription OAuth token/);
    expect(result.error).toMatch(/terms/);
    expect(result.error).toMatch(/bots or CI/);
    expect(result.error).toMatch(/`anthropic-api-key`/);
    expect(result.error).toMatch(/`anthropic-auth-token`.*`anthropic-base-url`/s);
    expect(result.error).not.toContain('SECRET');
    expect(result.error).not.toContain('oat01');
  });

  it.each([{}, { apiKey: '', authToken: '  ' }, { apiKey: '\n', baseUrl: 'https://x.example' }])(
    'names the inputs and the secret when none is given (%j)',
    (input) => {
      const result = checkCredentials(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatch(/`anthropic-api-key`/);
      expect(result.error).toMatch(/`anthropic-auth-token`/);
      expect(result.error).toMatch(/repository secret/);
      expect(result.error).toContain('${{ secrets.ANTHROPIC_API_KEY }}');
    },
  );

  it('uses the API key when both are given, and says so', () => {
    const result = checkCredentials({ apiKey: 'key-1', authToken: 'token-2' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.credentials).toEqual({ apiKey: 'key-1' });
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/both.*`anthropic-api-key`.*`anthropic-auth-token`/is);
    expect(result.notes[0]).toMatch(/using `anthropic-api-key`/);
    expect(result.notes[0]).not.toContain('key-1');
    expect(result.notes[0]).not.toContain('token-2');
  });

  it('refuses whitespace inside a secret without echoing it', () => {
    const result = checkCredentials({ apiKey: 'sk-ant-api03 leaked-part' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/`anthropic-api-key` contains whitespace/);
    expect(result.error).not.toContain('leaked-part');
  });

  it('refuses a base URL that is not http(s), without echoing it', () => {
    const result = checkCredentials({ authToken: 't', baseUrl: 'ftp://user:hunter2@host' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/`anthropic-base-url`.*https:\/\//);
    expect(result.error).not.toContain('hunter2');
  });

  it('keeps the base URL next to an API key', () => {
    const result = checkCredentials({ apiKey: 'k', baseUrl: 'http://127.0.0.1:8080' });
    expect(result).toEqual({ ok: true, credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:8080' }, notes: [] });
  });
});
