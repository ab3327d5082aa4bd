import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createAnthropicModelClient } from '../../src/llm/anthropic.js';
import { billedTokens, UsageLedger } from '../../src/llm/ledger.js';
import type { Finding } from '../../src/review/findings.js';
import {
  applyVerdicts,
  candidateId,
  expectedFindings,
  verificationShare,
  verifyFindings,
} from '../../src/review/verify.js';
import { buildVerifyRequest, hunkFor, readVerdicts, VERDICTS_SCHEMA } from '../../src/review/verify-prompt.js';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';
import { FILES, finding } from './diff-fixture.js';

const findings: Finding[] = [
  finding({ title: 'Host may be undefined', severity: 'high', scenario: 'HOST unset → listen(undefined)' }),
  finding({ line: 12, title: 'Debug left on', severity: 'low' }),
  finding({ path: 'src/util.ts', line: 2, title: 'Overflow', severity: 'medium', scenario: 'MAX + 1 → wraps' }),
];

/** The candidates a verification request lists, parsed back from its prompt. */
function listed(body: FakeMessagesBody): Array<Record<string, unknown>> {
  const text = (body.messages?.[0]?.content as Array<{ text: string }>).map((b) => b.text).join('\n');
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the verification prompt', () => {
  test('lists each candidate as one JSON object with its id, claim and the code it is on', () => {
    const req = buildVerifyRequest({
      model: 'claude-sonnet-5-5',
      candidates: [
        {
          id: 'f1',
          finding: findings[0]!,
          code: { hunk: hunkFor(findings[0]!, FILES), context: ['function listen() {}'] },
        },
      ],
    });
    expect(req.outputSchema).toBe(VERDICTS_SCHEMA);
    const text = req.user.map((b) => b.text).join('\n');
    const [obj] = text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(obj).toMatchObject({
      id: 'f1',
      path: 'src/app.ts',
      line: 11,
      title: 'Host may be undefined',
      scenario: 'HOST unset → listen(undefined)',
    });
    expect(String(obj!.hunk)).toContain('process.env.HOST');
    expect(obj!.context).toEqual(['function listen() {}']);
    expect(req.system[0]!.text).toContain('confirm only what the code shows; when in doubt, reject');
  });

  test('a line in no hunk says so instead of showing unrelated code', () => {
    expect(hunkFor(finding({ line: 99 }), FILES)).toBe('(line 99 of src/app.ts is not in the diff)');
  });
});

describe('readVerdicts', () => {
  test('keeps one valid verdict per asked id, clamps confidence, and marks missing ids uncertain', () => {
    const { verdicts, problems } = readVerdicts(
      {
        verdicts: [
          { id: 'f1', verdict: 'confirmed', confidence: 140, reason: 'Line 11 reads HOST unchecked.' },
          { id: 'f1', verdict: 'rejected', confidence: 90, reason: 'second answer for f1' },
          { id: 'f9', verdict: 'confirmed', confidence: 90, reason: 'not asked' },
          { id: 'f2', verdict: 'maybe', confidence: 50, reason: 'bad verdict' },
        ],
      },
      ['f1', 'f2'],
    );
    expect(verdicts).toEqual([
      { id: 'f1', verdict: 'confirmed', confidence: 100, reason: 'Line 11 reads HOST unchecked.' },
      { id: 'f2', verdict: 'uncertain', confidence: 0, reason: 'The verifier gave no verdict for it.' },
    ]);
    expect(problems).toEqual([
      '1 verdict(s) did not match the verdicts format',
      'the verifier gave no verdict for 1 candidate(s)',
    ]);
  });
});

describe('applyVerdicts', () => {
  test('only confirmed at or above min-confidence are posted; the rest are listed with their reason', () => {
    const out = applyVerdicts(
      findings,
      [
        { id: 'f1', verdict: 'confirmed', confidence: 80, reason: 'shown' },
        { id: 'f2', verdict: 'confirmed', confidence: 60, reason: 'probably' },
        { id: 'f3', verdict: 'rejected', confidence: 95, reason: 'checked above' },
      ],
      70,
    );
    expect(out.confirmed).toEqual([findings[0]]);
    expect(out.rejected.map((r) => [r.finding.title, r.verdict, r.confidence])).toEqual([
      ['Debug left on', 'confirmed', 60],
      ['Overflow', 'rejected', 95],
    ]);
    expect(out.rejected[0]!.reason).toBe('Confirmed with confidence 60, below 70: probably');
    expect(out.unverified).toEqual([]);
  });

  test('a finding with no verdict at all is unverified, never dropped', () => {
    const out = applyVerdicts(
      findings,
      [{ id: candidateId(0), verdict: 'uncertain', confidence: 40, reason: 'unclear' }],
      70,
      'no room',
    );
    expect(out.rejected).toHaveLength(1);
    expect(out.unverified.map((u) => [u.finding.title, u.reason])).toEqual([
      ['Debug left on', 'no room'],
      ['Overflow', 'no room'],
    ]);
  });
});

describe('choices for the planner', () => {
  test('the verification share grows per batch, and more on a model that always thinks', () => {
    const one = verificationShare({ expectedFindings: 1, model: 'claude-sonnet-5-5' });
    const six = verificationShare({ expectedFindings: 6, model: 'claude-sonnet-5-5' });
    const seven = verificationShare({ expectedFindings: 7, model: 'claude-sonnet-5-5' });
    expect(six).toBeGreaterThan(one);
    expect(seven - six).toBeGreaterThan(1_024); // a second call: its prompt and its answer room
    expect(verificationShare({ expectedFindings: 6, model: 'claude-opus-5-5' })).toBeGreaterThan(six);
    expect(expectedFindings(10, 20)).toBe(3);
    expect(expectedFindings(4_000, 20)).toBe(20);
  });
});

describe('verifyFindings against the fake model', () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  const client = () => createAnthropicModelClient({ apiKey: 'k', baseUrl: fake.url });
  const code = (f: Finding) => ({ hunk: hunkFor(f, FILES) });
  /** A verifier that confirms what has a scenario and rejects the rest. */
  const judge = (body: FakeMessagesBody) => ({
    toolInput: {
      verdicts: listed(body).map((c) =>
        c.scenario
          ? { id: c.id, verdict: 'confirmed', confidence: 90, reason: 'The hunk shows it.' }
          : { id: c.id, verdict: 'rejected', confidence: 85, reason: 'Nothing shown breaks.' },
      ),
    },
  });

  test('batches the candidates, posts only the confirmed, bills every call in the same ledger', async () => {
    fake.setRespond(judge);
    const ledger = new UsageLedger(200_000);
    const out = await verifyFindings({
      client: client(),
      ledger,
      model: 'claude-sonnet-5-5',
      findings,
      code,
      minConfidence: 70,
      batchSize: 2,
    });
    expect(out.confirmed.map((f) => f.title)).toEqual(['Host may be undefined', 'Overflow']);
    expect(out.rejected.map((r) => [r.finding.title, r.reason])).toEqual([['Debug left on', 'Nothing shown breaks.']]);
    expect(out.unverified).toEqual([]);
    const calls = fake.requestsTo('messages').map((r) => r.body as FakeMessagesBody);
    expect(calls).toHaveLength(2);
    // Far from the ceiling: no count_tokens round trip before either call.
    expect(fake.requestsTo('count_tokens')).toEqual([]);
    // Most severe first: the high and the medium finding are checked in the first call.
    expect(listed(calls[0]!).map((c) => c.title)).toEqual(['Host may be undefined', 'Overflow']);
    for (const body of calls) expect(body.output_config?.effort).toBeDefined();
    expect(ledger.spent).toBe(billedTokens(ledger.total()));
    expect(ledger.spent).toBeGreaterThan(0);
  });

  test('a ceiling too tight to verify posts the findings marked unverified, with the reason, and spends nothing', async () => {
    fake.setRespond(judge);
    const ledger = new UsageLedger(1_500);
    const out = await verifyFindings({
      client: client(),
      ledger,
      model: 'claude-opus-5-5',
      findings,
      code,
      minConfidence: 70,
    });
    expect(out.confirmed).toEqual([]);
    expect(out.unverified).toHaveLength(3);
    expect(out.unverified[0]!.reason).toMatch(/^the token ceiling left no room to verify them/);
    expect(out.notes.join('\n')).toMatch(/3 finding\(s\) could not be verified and are posted marked unverified/);
    expect(fake.requestsTo('messages')).toHaveLength(0);
    // Too tight for the estimate: each batch was counted exactly before it was given up.
    expect(fake.requestsTo('count_tokens')).toHaveLength(1);
    expect(ledger.spent).toBe(0);
  });

  test('a verifier that thinks all its room away leaves its batch unverified, not rejected', async () => {
    fake.setRespond(() => ({ thinking: 'hmm '.repeat(20_000), toolInput: { verdicts: [] } }));
    const ledger = new UsageLedger(100_000);
    const out = await verifyFindings({
      client: client(),
      ledger,
      model: 'claude-opus-5-5',
      findings,
      code,
      minConfidence: 70,
    });
    expect(out.unverified.map((u) => u.reason)).toEqual(
      Array(3).fill('the verifier spent its whole answer room thinking'),
    );
    expect(ledger.spent).toBeLessThanOrEqual(100_000);
  });

  test('a failed call leaves its batch unverified and the ceiling is still kept', async () => {
    fake.failNext({ status: 400, route: 'messages' });
    fake.setRespond(judge);
    const ledger = new UsageLedger(100_000);
    const out = await verifyFindings({
      client: client(),
      ledger,
      model: 'claude-sonnet-5-5',
      findings,
      code,
      minConfidence: 70,
      batchSize: 2,
    });
    expect(out.unverified.map((u) => u.finding.title)).toEqual(['Host may be undefined', 'Overflow']);
    expect(out.unverified[0]!.reason).toMatch(/^the verification call failed/);
    expect(out.rejected.map((r) => r.finding.title)).toEqual(['Debug left on']);
  });
});
