import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createAnthropicModelClient } from '../../src/llm/anthropic.js';
import {
  minOutputFor,
  planThinking,
  thinkingCapability,
  thinkingCutNote,
  THINKING_ROOM,
} from '../../src/llm/thinking.js';
import { parseEffort } from '../../src/config/effort.js';
import type { ModelRequest } from '../../src/ports.js';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: { summary: { type: 'string' }, findings: { type: 'array', items: { type: 'string' } } },
  required: ['summary', 'findings'],
};
const request = (model: string, extra: Partial<ModelRequest> = {}): ModelRequest => ({
  model,
  system: [{ text: 'You review pull requests.' }],
  user: [{ text: 'diff --git a/x b/x\n+const a = 1;' }],
  outputSchema: schema,
  ...extra,
});

describe('thinkingCapability', () => {
  it.each([
    ['claude-opus-5-5', true, true, 5],
    ['global.anthropic.claude-opus-5-5', true, true, 5],
    ['claude-sonnet-5-5', true, false, 5],
    ['claude-haiku-5-5', true, false, 5],
    ['claude-mythos-preview', true, true, 5],
    ['claude-opus-4-5-20251101', false, false, 4],
    ['claude-haiku-4-5-20251001', false, false, 0],
    ['claude-sonnet-4-5-20250929', false, false, 0],
    ['my-gateway-model', false, false, 0],
  ])('%s: adaptive %s, always thinks %s, %i effort levels', (id, adaptive, always, levels) => {
    const cap = thinkingCapability(id);
    expect(cap.adaptive).toBe(adaptive);
    expect(cap.alwaysThinks).toBe(always);
    expect(cap.efforts).toHaveLength(levels);
  });

  it('reads the minor version, never a date suffix, as the version', () => {
    // 4-5-20250929 is 4.5 (no adaptive thinking), not 4.20250929.
    expect(thinkingCapability('claude-sonnet-4-5-20250929').adaptive).toBe(false);
    expect(thinkingCapability('claude-sonnet-4-6').adaptive).toBe(true);
  });
});

describe('planThinking', () => {
  it('keeps the wanted effort when the answer still has its room after thinking', () => {
    expect(
      planThinking({ model: 'claude-sonnet-5-5', wanted: 'high', maxTokens: 32_000, answerTokens: 4_000 }),
    ).toEqual({
      thinking: 'adaptive',
      effort: 'high',
      note: null,
    });
  });

  it('lowers the effort as the room shrinks, and says so', () => {
    const plan = planThinking({ model: 'claude-sonnet-5-5', wanted: 'high', maxTokens: 6_000, answerTokens: 1_500 });
    // 4,500 tokens after the answer: enough for medium's thinking, not for high's.
    expect(plan).toMatchObject({ thinking: 'adaptive', effort: 'medium' });
    expect(plan.note).toMatch(/lowered from `high` to `medium`/);
  });

  it('turns thinking off on a model that allows it when even low effort would not leave the answer room', () => {
    const plan = planThinking({ model: 'claude-sonnet-5-5', wanted: 'max', maxTokens: 1_500, answerTokens: 1_200 });
    // xhigh and max need thinking: with it off the effort is at most high.
    expect(plan).toMatchObject({ thinking: 'disabled', effort: 'high' });
  });

  it('keeps an always-thinking model at low effort (it refuses to stop thinking)', () => {
    const plan = planThinking({ model: 'claude-opus-5-5', wanted: 'high', maxTokens: 1_500, answerTokens: 1_200 });
    expect(plan).toMatchObject({ thinking: 'adaptive', effort: 'low' });
  });

  it('sends nothing new to a model without effort, and only effort to Opus 4.5 (no adaptive thinking)', () => {
    expect(
      planThinking({ model: 'claude-haiku-4-5-20251001', wanted: 'high', maxTokens: 8_000, answerTokens: 100 }),
    ).toEqual({
      thinking: null,
      effort: null,
      note: null,
    });
    expect(
      planThinking({ model: 'claude-opus-4-5-20251101', wanted: 'xhigh', maxTokens: 64_000, answerTokens: 100 }),
    ).toEqual({
      thinking: null,
      effort: 'high',
      note: null,
    });
  });

  it('gives an always-thinking model a larger least reservation, so a tight ceiling skips the call instead', () => {
    expect(minOutputFor('claude-opus-5-5', 2_000)).toBe(2_000 + THINKING_ROOM.low);
    expect(minOutputFor('claude-sonnet-5-5', 2_000)).toBe(2_000);
    expect(minOutputFor('claude-sonnet-5-5', 10)).toBe(1_024);
  });
});

describe('parseEffort', () => {
  it('takes the levels in any case, defaults when empty, and names the input when wrong', () => {
    expect(parseEffort('effort-large', ' High ')).toEqual({ ok: true, value: 'high' });
    expect(parseEffort('effort-small', '')).toEqual({ ok: true, value: 'low' });
    const bad = parseEffort('effort-medium', 'extreme');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(
      /`effort-medium` must be one of `low`, `medium`, `high`, `xhigh`, `max`; got "extreme"/,
    );
  });
});

describe('the Anthropic client sends thinking that fits (against the fake 5.x models)', () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.setRespond(() => ({ toolInput: { summary: 'ok', findings: [] } }));
  });
  const client = () => createAnthropicModelClient({ apiKey: 'k', baseUrl: fake.url });
  const sent = () => fake.requestsTo('messages').map((r) => r.body as FakeMessagesBody);

  it('sends adaptive thinking and the effort, never sampling parameters', async () => {
    const reply = await client().complete(
      request('claude-sonnet-5-5', { effort: 'high', answerTokens: 2_000 }),
      20_000,
    );
    const [body] = sent();
    expect(body?.thinking).toEqual({ type: 'adaptive' });
    expect(body?.output_config?.effort).toBe('high');
    for (const k of ['temperature', 'top_p', 'top_k']) expect(body).not.toHaveProperty(k);
    expect(reply.effort).toBe('high');
    expect(fake.requestsTo('messages')[0]?.effort).toBe('high');
  });

  it('lowers the effort of a call clamped to a few thousand tokens', async () => {
    await client().complete(request('claude-sonnet-5-5', { effort: 'max', answerTokens: 1_000 }), 3_000);
    expect(sent()[0]?.output_config?.effort).toBe('low');
  });

  it('an Opus 5.5 reply still carries its answer after the thinking it always does, billed as output', async () => {
    const reply = await client().complete(
      request('claude-opus-5-5', { effort: 'high' }),
      minOutputFor('claude-opus-5-5', 500),
    );
    expect(sent()[0]).toMatchObject({ thinking: { type: 'adaptive' }, output_config: { effort: 'low' } });
    expect(reply.output).toEqual({ summary: 'ok', findings: [] });
    expect(reply.cutInThinking).toBeUndefined();
    // 40 thinking tokens at low effort plus the answer's.
    expect(reply.usage.output).toBeGreaterThan(40);
  });

  it('reports a reply that ran out of max_tokens while thinking as such, not as an empty answer', async () => {
    fake.setRespond(() => ({ thinking: 'step '.repeat(2_000), toolInput: { summary: 'late', findings: [] } }));
    const reply = await client().complete(request('claude-opus-5-5'), 1_200);
    expect(reply).toMatchObject({ output: null, stopReason: 'max_tokens', cutInThinking: true });
    expect(reply.usage.output).toBe(1_200);
    expect(thinkingCutNote(reply, 1_200)).toMatch(/all of `max_tokens` \(1,200\) thinking and wrote no answer/);
  });
});
