import { describe, expect, test } from '@jest/globals';
import { rememberReads } from '../../src/context/remembered-reads.js';
import type { SnapshotReader } from '../../src/context/snapshot-port.js';

/** A reader over fixed texts that records each `readFiles` call, and can fail once. */
function fakeReader(texts: Record<string, string>) {
  const calls: string[][] = [];
  let failNext = false;
  const reader: SnapshotReader = {
    listFiles: async () => ({ files: [], truncated: false }),
    async readFiles(paths) {
      calls.push(paths);
      if (failNext) {
        failNext = false;
        throw new Error('HTTP 502');
      }
      return new Map(paths.flatMap((p) => (p in texts ? [[p, texts[p]!] as const] : [])));
    },
  };
  return { reader, calls, failOnce: () => (failNext = true) };
}

describe('a reader that remembers its reads', () => {
  test('a file read early answers the later read of it without another request', async () => {
    const f = fakeReader({ 'a.ts': 'A', 'b.ts': 'B' });
    const reader = rememberReads(f.reader);
    const early = reader.readFiles(['a.ts', 'gone.ts'], 'base');
    const later = await reader.readFiles(['b.ts', 'a.ts', 'gone.ts'], 'base');
    expect([...later]).toEqual([
      ['b.ts', 'B'],
      ['a.ts', 'A'],
    ]);
    expect(await early).toEqual(new Map([['a.ts', 'A']]));
    expect(f.calls).toEqual([['a.ts', 'gone.ts'], ['b.ts']]);
    await reader.readFiles(['a.ts'], 'head');
    expect(f.calls).toHaveLength(3); // another commit is another read
  });

  test('a failed read is forgotten and asked again', async () => {
    const f = fakeReader({ 'a.ts': 'A' });
    const reader = rememberReads(f.reader);
    f.failOnce();
    await expect(reader.readFiles(['a.ts'], 'base')).rejects.toThrow('HTTP 502');
    expect(await reader.readFiles(['a.ts'], 'base')).toEqual(new Map([['a.ts', 'A']]));
    expect(f.calls).toHaveLength(2);
  });
});
