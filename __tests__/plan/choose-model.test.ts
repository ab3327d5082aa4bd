import { describe, expect, test } from '@jest/globals';
import { ConfigError, readConfig, type Config } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { chooseModel } from '../../src/plan/choose-model.js';
import type { ModelClient, ModelDescriptor, ModelReply, ModelRequest } from '../../src/ports.js';

function config(set: Partial<Record<InputName, string>> = {}): Config {
  return readConfig((name) => set[name] ?? '');
}

/** An in-memory ModelClient: a catalogue (or none, like a gateway) and a count of listings. */
class CatalogueClient implements ModelClient {
  listings = 0;
  constructor(private readonly catalogue: ModelDescriptor[] | null) {}
  async listModels(): Promise<ModelDescriptor[] | null> {
    this.listings++;
    return this.catalogue;
  }
  async countTokens(_request: ModelRequest): Promise<number | null> {
    throw new Error('choosing a model must not count tokens');
  }
  async complete(_request: ModelRequest, _maxTokens: number): Promise<ModelReply> {
    throw new Error('choosing a model must not spend tokens');
  }
}

const LISTED: ModelDescriptor[] = [
  {
    id: 'claude-haiku-5-5',
    line: 'haiku',
    active: true,
    createdAt: '2026-05-20T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
  },
  {
    id: 'claude-haiku-6',
    line: 'haiku',
    active: true,
    createdAt: '2026-10-20T00:00:00Z',
    maxInputTokens: 400_000,
    maxOutputTokens: 64_000,
  },
  {
    id: 'claude-sonnet-5-5',
    line: 'sonnet',
    active: true,
    createdAt: '2026-08-01T00:00:00Z',
    maxInputTokens: 1_000_000,
    maxOutputTokens: 128_000,
  },
];

describe('chooseModel', () => {
  test("the tier's line is resolved through the Models API, with no note", async () => {
    const client = new CatalogueClient(LISTED);
    const chosen = await chooseModel(client, config(), 'small');
    expect(chosen.model).toEqual({
      id: 'claude-haiku-6',
      source: 'models-api',
      maxInputTokens: 400_000,
      maxOutputTokens: 64_000,
    });
    expect(chosen.notes).toEqual([]);
    expect(client.listings).toBe(1);
  });

  test('each tier uses its own input', async () => {
    const chosen = await chooseModel(new CatalogueClient(LISTED), config({ 'model-large': 'sonnet' }), 'large');
    expect(chosen.model.id).toBe('claude-sonnet-5-5');
  });

  test('`model` overrides the tier', async () => {
    const chosen = await chooseModel(new CatalogueClient(LISTED), config({ model: 'sonnet' }), 'small');
    expect(chosen.model.id).toBe('claude-sonnet-5-5');
  });

  test('an endpoint without a Models API falls back to the built-in table, and the note says so', async () => {
    const chosen = await chooseModel(new CatalogueClient(null), config(), 'medium');
    expect(chosen.model.source).toBe('built-in');
    expect(chosen.model.id).toBe('claude-sonnet-5-5');
    expect(chosen.notes).toHaveLength(1);
    expect(chosen.notes[0]).toMatch(/no Models API/);
    expect(chosen.notes[0]).toContain('`sonnet`');
    expect(chosen.notes[0]).toContain('built-in table');
    expect(chosen.notes[0]).toContain('`claude-sonnet-5-5`');
  });

  test('with no client at all (a dry run) the built-in table is used and noted', async () => {
    const chosen = await chooseModel(null, config(), 'large');
    expect(chosen.model.id).toBe('claude-opus-5-5');
    expect(chosen.notes.join(' ')).toContain('built-in table');
  });

  test('a full model id is used as given, without listing models and without a note', async () => {
    const client = new CatalogueClient(LISTED);
    const chosen = await chooseModel(client, config({ 'model-medium': 'claude-sonnet-4-5' }), 'medium');
    expect(chosen.model.id).toBe('claude-sonnet-4-5');
    expect(chosen.model.source).toBe('as-given');
    expect(chosen.notes).toEqual([]);
  });

  test('a line the Models API does not list is a ConfigError naming the tier input and the lines available', async () => {
    const err = await chooseModel(new CatalogueClient(LISTED), config({ 'model-large': 'opus' }), 'large').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('`model-large`');
    expect((err as Error).message).toContain('lines available: haiku, sonnet');
  });

  test('a line with no model in the built-in table, forced through `model`, names `model`', async () => {
    const err = await chooseModel(null, config({ model: 'mythos' }), 'small').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('`model`');
    expect((err as Error).message).not.toContain('`model-small`');
  });

  test('a line with no model in the built-in table, in model-small, names `model-small`', async () => {
    const err = await chooseModel(null, config({ 'model-small': 'fable' }), 'small').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/`model-small`.*unknown model line `fable`/);
  });

  test('a typo in a model line is refused by the config, before any request', () => {
    expect(() => config({ 'model-small': 'tiny' })).toThrow(/input `model-small` must be a model line/);
  });

  // Discrepancy (choose-model.ts): resolveModel takes a full id's limits from the catalogue,
  // but chooseModel lists models only for a line, so a listed id gets the 200k/32k guesses.
  test('a full model id listed by the Models API gets its listed limits', async () => {
    const chosen = await chooseModel(new CatalogueClient(LISTED), config({ model: 'claude-haiku-6' }), 'small');
    expect(chosen.model.maxInputTokens).toBe(400_000);
    expect(chosen.model.maxOutputTokens).toBe(64_000);
  });
});
