import { describe, expect, test } from '@jest/globals';
import { callWithinCeiling, countInput, MIN_USEFUL_OUTPUT, sizeInput, sizeInputs } from '../../src/llm/guarded-call.js';
import { UsageLedger } from '../../src/llm/ledger.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import type { ModelClient, ModelDescriptor, ModelReply, ModelRequest, TokenUsage } from '../../src/ports.js';
import { requestText } from '../../src/review/prompt.js';

const request: ModelRequest = {
  model: 'claude-sonnet-5-5',
  system: [{ text: 'You review pull requests.', cache: true }],
  user: [{ text: 'The diff:\n 1 + const a = 1;\n 2 + const b = a + 1;' }],
  outputSchema: { type: 'object', properties: { summary: { type: 'string' } } },
};

type Behaviour = {
  count?: number | null;
  reply?: (maxTokens: number) => TokenUsage;
  fail?: Error;
};

/** An in-memory ModelClient that records every call it gets. */
class ScriptedClient implements ModelClient {
  readonly completeCalls: number[] = [];
  countCalls = 0;
  constructor(private readonly b: Behaviour) {}
  async listModels(): Promise<ModelDescriptor[] | null> {
    return null;
  }
  async countTokens(_r: ModelRequest): Promise<number | null> {
    this.countCalls++;
    return this.b.count ?? null;
  }
  async complete(_r: ModelRequest, maxTokens: number): Promise<ModelReply> {
    this.completeCalls.push(maxTokens);
    if (this.b.fail) throw this.b.fail;
    const usage = this.b.reply ? this.b.reply(maxTokens) : { input: 100, output: 50, cacheWrite: 0, cacheRead: 0 };
    return { output: { summary: 'ok', findings: [] }, stopReason: 'end_turn', usage };
  }
}

describe('countInput', () => {
  test('uses the exact count when the endpoint can count', async () => {
    const client = new ScriptedClient({ count: 1234 });
    expect(await countInput(client, request)).toEqual({ tokens: 1234, exact: true });
    expect(client.countCalls).toBe(1);
  });

  test('falls back to the conservative estimate when countTokens returns null (a gateway)', async () => {
    const counted = await countInput(new ScriptedClient({ count: null }), request);
    expect(counted).toEqual({ tokens: estimateTokens(requestText(request)), exact: false });
    expect(counted.tokens).toBeGreaterThan(0);
  });

  test('estimates without a client at all (a dry run)', async () => {
    expect(await countInput(null, request)).toEqual({ tokens: estimateTokens(requestText(request)), exact: false });
  });

  test('the estimate covers the output schema too, since the API bills it as input', async () => {
    const bigger = { ...request, outputSchema: { ...request.outputSchema, description: 'x'.repeat(3000) } };
    const a = await countInput(null, request);
    const b = await countInput(null, bigger);
    expect(b.tokens - a.tokens).toBeGreaterThanOrEqual(1000);
  });
});

/** Only for its `inputBound`: the margin every ledger adds to an input. */
const ledger0 = new UsageLedger(0);

describe('sizeInput', () => {
  const estimate = estimateTokens(requestText(request));

  test('sends no count when a reservation with the estimate still leaves the whole maxOutput', async () => {
    const client = new ScriptedClient({ count: 10 });
    const ledger = new UsageLedger(ledger0.inputBound(estimate) + 4096);
    expect(await sizeInput(client, ledger, request, 4096)).toEqual({ tokens: estimate, exact: false });
    expect(client.countCalls).toBe(0);
  });

  test('counts exactly when the estimate would cut the answer room, one token short of the whole', async () => {
    const client = new ScriptedClient({ count: 10 });
    const ledger = new UsageLedger(ledger0.inputBound(estimate) + 4095);
    expect(await sizeInput(client, ledger, request, 4096)).toEqual({ tokens: 10, exact: true });
    expect(client.countCalls).toBe(1);
  });

  test('the dollar cap counts too: an estimate that fits the tokens but not the dollars is counted', async () => {
    const client = new ScriptedClient({ count: 10 });
    const price = { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 };
    const dollars = (ledger0.inputBound(estimate) * 3.75 + 4096 * 15) / 1e6;
    const enough = new UsageLedger(1_000_000, undefined, { limitUsd: dollars * 1.001, price });
    const short = new UsageLedger(1_000_000, undefined, { limitUsd: dollars * 0.99, price });
    expect((await sizeInput(client, enough, request, 4096)).exact).toBe(false);
    expect((await sizeInput(client, short, request, 4096)).exact).toBe(true);
    expect(client.countCalls).toBe(1);
  });

  test('where the endpoint cannot count, a tight fit still gets the estimate (as before)', async () => {
    const client = new ScriptedClient({ count: null });
    const ledger = new UsageLedger(2000);
    expect(await sizeInput(client, ledger, request, 4096)).toEqual({ tokens: estimate, exact: false });
    expect(client.countCalls).toBe(1);
  });

  test('a wave is sized as a whole: estimates only if every call keeps its whole maxOutput', async () => {
    const each = ledger0.inputBound(estimate) + 4096;
    const fits = new ScriptedClient({ count: 10 });
    const sized = await Promise.all(sizeInputs(fits, new UsageLedger(3 * each), [request, request, request], 4096));
    expect(sized).toEqual(Array(3).fill({ tokens: estimate, exact: false }));
    expect(fits.countCalls).toBe(0);
    // Room for two of the three on estimates: all three are counted (concurrently), so the
    // first two cannot take by estimate what the third needs.
    const tight = new ScriptedClient({ count: 10 });
    const counted = await Promise.all(
      sizeInputs(tight, new UsageLedger(3 * each - 1), [request, request, request], 4096),
    );
    expect(counted).toEqual(Array(3).fill({ tokens: 10, exact: true }));
    expect(tight.countCalls).toBe(3);
  });
});

describe('callWithinCeiling', () => {
  test('clamps max_tokens to what remains after the input and settles the billed usage', async () => {
    const ledger = new UsageLedger(10_000);
    const client = new ScriptedClient({ reply: (max) => ({ input: 2000, output: max, cacheWrite: 0, cacheRead: 0 }) });
    const result = await callWithinCeiling(
      client,
      ledger,
      request,
      { tokens: 2000, exact: true },
      { maxOutput: 64_000 },
    );
    const expectedMax = 10_000 - ledger.inputBound(2000);
    expect(client.completeCalls).toEqual([expectedMax]);
    expect(result).toMatchObject({ kind: 'answered', maxTokens: expectedMax });
    expect(ledger.spent).toBe(2000 + expectedMax);
    expect(ledger.spent).toBeLessThanOrEqual(10_000);
  });

  test('asks for no more than maxOutput when there is room to spare', async () => {
    const ledger = new UsageLedger(100_000);
    const client = new ScriptedClient({});
    await callWithinCeiling(client, ledger, request, { tokens: 500, exact: true }, { maxOutput: 4096 });
    expect(client.completeCalls).toEqual([4096]);
    expect(ledger.spent).toBe(150); // what the reply billed, not what was reserved
    expect(ledger.remaining).toBe(100_000 - 150);
  });

  test('never calls the model when the input and a useful answer do not fit', async () => {
    const ledger = new UsageLedger(5000);
    const client = new ScriptedClient({});
    const input = { tokens: 4000, exact: true };
    const result = await callWithinCeiling(client, ledger, request, input, { maxOutput: 8192 });
    expect(result).toEqual({ kind: 'does-not-fit', inputTokens: 4000, remaining: 5000 });
    expect(client.completeCalls).toEqual([]);
    expect(ledger.spent).toBe(0);
  });

  test('the default minimum answer is MIN_USEFUL_OUTPUT tokens', async () => {
    const client = new ScriptedClient({});
    const fits = new UsageLedger(new UsageLedger(0).inputBound(1000) + MIN_USEFUL_OUTPUT);
    const short = new UsageLedger(new UsageLedger(0).inputBound(1000) + MIN_USEFUL_OUTPUT - 1);
    const input = { tokens: 1000, exact: true };
    expect((await callWithinCeiling(client, short, request, input, { maxOutput: 8192 })).kind).toBe('does-not-fit');
    expect((await callWithinCeiling(client, fits, request, input, { maxOutput: 8192 })).kind).toBe('answered');
    expect(client.completeCalls).toEqual([MIN_USEFUL_OUTPUT]);
  });

  test('a smaller minOutput lets a short answer through', async () => {
    const ledger = new UsageLedger(2000);
    const client = new ScriptedClient({});
    const result = await callWithinCeiling(
      client,
      ledger,
      request,
      { tokens: 1000, exact: true },
      {
        maxOutput: 8192,
        minOutput: 100,
      },
    );
    expect(result.kind).toBe('answered');
    expect(client.completeCalls[0]).toBe(2000 - ledger.inputBound(1000));
  });

  test('a failed call is charged its whole reservation and the error is rethrown', async () => {
    const ledger = new UsageLedger(20_000);
    const boom = new Error('stream cut after 3,000 output tokens');
    const client = new ScriptedClient({ fail: boom });
    await expect(
      callWithinCeiling(client, ledger, request, { tokens: 1000, exact: true }, { maxOutput: 8000 }),
    ).rejects.toBe(boom);
    expect(ledger.spent).toBe(ledger.inputBound(1000) + 8000);
    expect(ledger.remaining).toBe(20_000 - ledger.spent);
  });

  test('after a failure the next call gets only what is left, and the total stays under the ceiling', async () => {
    const ledger = new UsageLedger(12_000);
    const input = { tokens: 1000, exact: true };
    await callWithinCeiling(new ScriptedClient({ fail: new Error('529') }), ledger, request, input, {
      maxOutput: 6000,
    }).catch(() => undefined);
    const retry = new ScriptedClient({ reply: (max) => ({ input: 1000, output: max, cacheWrite: 0, cacheRead: 0 }) });
    await callWithinCeiling(retry, ledger, request, input, { maxOutput: 6000 });
    expect(retry.completeCalls[0]).toBe(12_000 - (ledger.inputBound(1000) + 6000) - ledger.inputBound(1000));
    expect(ledger.spent).toBeLessThanOrEqual(12_000);
    const third = new ScriptedClient({});
    expect((await callWithinCeiling(third, ledger, request, input, { maxOutput: 6000 })).kind).toBe('does-not-fit');
    expect(third.completeCalls).toEqual([]);
  });
});
