import { describe, expect, test } from '@jest/globals';
import { ConfigError, readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';

const read = (set: Partial<Record<InputName, string>>) => readConfig((name) => set[name] ?? '');

function errorOf(set: Partial<Record<InputName, string>>): string {
  try {
    read(set);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error(`expected readConfig to reject ${JSON.stringify(set)}`);
}

describe('the platform inputs', () => {
  test('default to the Anthropic API with nothing else set', () => {
    expect(read({}).platform).toEqual({
      provider: 'anthropic',
      awsRegion: null,
      vertexRegion: null,
      vertexProjectId: null,
    });
  });

  test('take bedrock and vertex with their region and project, trimmed', () => {
    expect(read({ provider: ' bedrock ', 'aws-region': 'us-gov-west-1' }).platform).toMatchObject({
      provider: 'bedrock',
      awsRegion: 'us-gov-west-1',
    });
    expect(
      read({ provider: 'vertex', 'vertex-region': 'europe-west4', 'vertex-project-id': 'example.com:my-project' })
        .platform,
    ).toMatchObject({ provider: 'vertex', vertexRegion: 'europe-west4', vertexProjectId: 'example.com:my-project' });
    for (const region of ['global', 'us', 'eu', 'us-east5', 'asia-northeast1', 'northamerica-northeast1']) {
      expect(read({ 'vertex-region': region }).platform.vertexRegion).toBe(region);
    }
  });

  test('bad values fail before any request, each naming its input, all at once', () => {
    const message = errorOf({
      provider: 'azure',
      'aws-region': 'us-east',
      'vertex-region': 'us central1',
      'vertex-project-id': 'My Project',
      'max-comments': '-1',
    });
    expect(message).toContain('input `provider` must be one of `anthropic`, `bedrock`, `vertex`; got "azure"');
    expect(message).toContain('input `aws-region` must be an AWS region such as `us-east-1`');
    expect(message).toContain('input `vertex-region` must be a Vertex AI location such as `global`');
    expect(message).toContain('input `vertex-project-id` must be a Google Cloud project id');
    expect(message).toContain('input `max-comments`');
  });

  test('a project number or a too-short id is not a project id', () => {
    expect(errorOf({ 'vertex-project-id': '123456789012' })).toContain('`vertex-project-id`');
    expect(errorOf({ 'vertex-project-id': 'abc' })).toContain('`vertex-project-id`');
  });
});
