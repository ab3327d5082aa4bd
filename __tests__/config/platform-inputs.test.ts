import { describe, expect, test } from '@jest/globals';
import { ConfigError, readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { platformValueProblem } from '../../src/config/platform.js';

const read = (set: Partial<Record<InputName, string>>) => readConfig((name) => set[name] ?? '');

function errorOf(set: Record<string, string>): string {
  try {
    readConfig((name) => set[name] ?? '', {}, undefined, 'workflow');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error(`expected readConfig to reject ${JSON.stringify(set)}`);
}

describe('the provider input', () => {
  test('defaults to the Anthropic API; region and project never come from an input', () => {
    expect(read({}).platform).toEqual({
      provider: 'anthropic',
      awsRegion: null,
      vertexRegion: null,
      vertexProjectId: null,
    });
    expect(read({ provider: ' bedrock ' }).platform.provider).toBe('bedrock');
    expect(read({ provider: 'vertex' }).platform.provider).toBe('vertex');
  });

  test('a bad provider fails before any request, with the old region inputs named in the same message', () => {
    const message = errorOf({ provider: 'azure', 'aws-region': 'us-east-1', 'vertex-project-id': 'p' });
    expect(message).toContain('input `provider` must be one of `anthropic`, `bedrock`, `vertex`; got "azure"');
    expect(message).toContain('input `aws-region`: it is no longer read');
    expect(message).toContain('input `vertex-project-id`: it is no longer read');
  });
});

describe('region and project values from the environment', () => {
  test('are checked for their form, naming the variable they came from', () => {
    expect(platformValueProblem('aws-region', 'us-gov-west-1', 'AWS_REGION')).toBeNull();
    expect(platformValueProblem('aws-region', 'Frankfurt', 'AWS_REGION')).toBe(
      'AWS_REGION (read because input `aws-region` is empty) must be an AWS region such as `us-east-1` or `eu-central-1`; got "Frankfurt"',
    );
    for (const region of ['global', 'us', 'eu', 'us-east5', 'asia-northeast1', 'northamerica-northeast1']) {
      expect(platformValueProblem('vertex-region', region, 'CLOUD_ML_REGION')).toBeNull();
    }
    expect(platformValueProblem('vertex-region', 'us central1', 'CLOUD_ML_REGION')).toContain(
      'CLOUD_ML_REGION (read because input `vertex-region` is empty) must be a Vertex AI location',
    );
  });

  test('a project number or a too-short id is not a project id', () => {
    expect(platformValueProblem('vertex-project-id', 'example.com:my-project', 'GOOGLE_CLOUD_PROJECT')).toBeNull();
    expect(platformValueProblem('vertex-project-id', '123456789012', 'GOOGLE_CLOUD_PROJECT')).toContain(
      'GOOGLE_CLOUD_PROJECT (read because input `vertex-project-id` is empty) must be a Google Cloud project id',
    );
    expect(platformValueProblem('vertex-project-id', 'abc', 'GCLOUD_PROJECT')).toContain('GCLOUD_PROJECT');
  });
});
