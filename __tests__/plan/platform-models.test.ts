import { describe, expect, test } from '@jest/globals';
import { readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { chooseModel } from '../../src/plan/choose-model.js';
import {
  apiModelId,
  BUILT_IN_MODELS,
  platformModelId,
  PLATFORM_MODEL_IDS,
  resolveModel,
} from '../../src/plan/models.js';
import { estimateCost, priceFor, PRICE_TABLE } from '../../src/plan/prices.js';
import type { ModelClient } from '../../src/ports.js';

describe('model ids per platform', () => {
  test('every built-in model has a Bedrock and a Vertex AI id', () => {
    for (const { id } of Object.values(BUILT_IN_MODELS)) {
      expect(PLATFORM_MODEL_IDS[id]).toBeDefined();
      expect(platformModelId(id, 'bedrock')).toBe(`global.anthropic.${id}`);
      expect(platformModelId(id, 'vertex')).toBe(id);
      expect(platformModelId(id, 'anthropic')).toBe(id);
    }
  });

  test('a line resolves from the built-in table to the platform id (these platforms have no Models API)', () => {
    expect(resolveModel('sonnet', null, 'bedrock')).toEqual({
      ...BUILT_IN_MODELS.sonnet,
      id: 'global.anthropic.claude-sonnet-5-5',
      source: 'built-in',
    });
    expect(resolveModel('haiku', null, 'vertex')).toEqual({ ...BUILT_IN_MODELS.haiku, source: 'built-in' });
    expect(resolveModel('opus', null)).toEqual({ ...BUILT_IN_MODELS.opus, source: 'built-in' });
  });

  test('a full platform id passes through unchanged, with the limits of the model inside it', () => {
    for (const id of [
      'us.anthropic.claude-sonnet-5-5',
      'eu.anthropic.claude-opus-5-5',
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-5-5',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'my-application-profile',
    ]) {
      expect(resolveModel(id, null, 'bedrock')).toMatchObject({ id, source: 'as-given' });
    }
    expect(resolveModel('us.anthropic.claude-sonnet-5-5', null, 'bedrock')).toMatchObject({
      maxInputTokens: BUILT_IN_MODELS.sonnet!.maxInputTokens,
    });
    expect(resolveModel('claude-sonnet-4-5@20250929', null, 'vertex')).toMatchObject({
      id: 'claude-sonnet-4-5@20250929',
      source: 'as-given',
    });
  });

  test("the built-in table's Claude API ids are translated on Bedrock (they never work there as they are)", () => {
    expect(resolveModel('claude-opus-5-5', null, 'bedrock')).toMatchObject({ id: 'global.anthropic.claude-opus-5-5' });
    expect(resolveModel('claude-opus-5-5', null, 'vertex')).toMatchObject({ id: 'claude-opus-5-5' });
    expect(resolveModel('claude-unknown-9', null, 'bedrock')).toMatchObject({ id: 'claude-unknown-9' });
  });

  test('apiModelId finds the Claude API id inside platform ids', () => {
    expect(apiModelId('global.anthropic.claude-sonnet-5-5')).toBe('claude-sonnet-5-5');
    expect(apiModelId('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe('claude-sonnet-4-5-20250929');
    expect(apiModelId('anthropic.claude-opus-4-6-v1')).toBe('claude-opus-4-6');
    expect(apiModelId('us-gov.anthropic.claude-haiku-4-5-20251001-v1:0')).toBe('claude-haiku-4-5-20251001');
    expect(apiModelId('arn:aws:bedrock:eu-west-1:1:inference-profile/eu.anthropic.claude-opus-5-5')).toBe(
      'claude-opus-5-5',
    );
    expect(apiModelId('claude-haiku-4-5@20251001')).toBe('claude-haiku-4-5');
    expect(apiModelId('claude-sonnet-5-5')).toBe('claude-sonnet-5-5');
    expect(apiModelId('my-application-profile')).toBe('my-application-profile');
  });

  test('platform ids are priced as the model inside them, not at the unknown-model rate', () => {
    expect(priceFor('global.anthropic.claude-haiku-5-5')).toEqual({
      price: PRICE_TABLE['claude-haiku-5-5'],
      known: true,
    });
    expect(priceFor('claude-sonnet-4-5@20250929')).toEqual({ price: PRICE_TABLE['claude-sonnet-4'], known: true });
    expect(priceFor('my-application-profile').known).toBe(false);
    const usage = { input: 1_000_000, output: 0, cacheWrite: 0, cacheRead: 0 };
    expect(estimateCost('us.anthropic.claude-opus-5-5', usage)).toBe(estimateCost('claude-opus-5-5', usage));
    // A price-table entry keyed by the platform id still wins.
    const custom = { 'us.anthropic.claude-opus-5-5': { input: 1, output: 1, cacheWrite: 1, cacheRead: 1 } };
    expect(priceFor('us.anthropic.claude-opus-5-5', { ...PRICE_TABLE, ...custom }).price.input).toBe(1);
  });
});

describe('chooseModel on a platform', () => {
  const platformClient: ModelClient = {
    listModels: async () => null,
    countTokens: async () => null,
    complete: async () => {
      throw new Error('choosing a model spends nothing');
    },
  };
  const config = (set: Partial<Record<InputName, string>>) => readConfig((name) => set[name] ?? '');

  test('resolves the tier line to the platform id and says the built-in table was used', async () => {
    const chosen = await chooseModel(platformClient, config({ provider: 'bedrock' }), 'medium');
    expect(chosen.model.id).toBe('global.anthropic.claude-sonnet-5-5');
    expect(chosen.model.source).toBe('built-in');
    expect(chosen.notes.join()).toContain('has no Models API');
    expect(chosen.notes.join()).toContain('global.anthropic.claude-sonnet-5-5');
  });

  test('a `model` given as a Bedrock inference profile is used as it is', async () => {
    const chosen = await chooseModel(
      platformClient,
      config({ provider: 'bedrock', model: 'eu.anthropic.claude-opus-5-5' }),
      'small',
    );
    expect(chosen.model).toMatchObject({ id: 'eu.anthropic.claude-opus-5-5', source: 'as-given' });
  });
});
