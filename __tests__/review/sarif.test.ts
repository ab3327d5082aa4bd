import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormatsImport from 'ajv-formats';
import { toSarif } from '../../src/review/sarif.js';
import { VERSION } from '../../src/version.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(resolve(here, '../fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
// ajv-formats is CommonJS; under ESM its function is the default export's default.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const answer = {
  summary: 's',
  findings: [
    {
      path: 'src/a.ts',
      line: 12,
      start_line: 10,
      side: 'RIGHT' as const,
      severity: 'critical' as const,
      title: 'SQL injection',
      body: 'Use parameters.',
    },
    {
      path: 'src/b.ts',
      line: 4,
      side: 'LEFT' as const,
      severity: 'nit' as const,
      title: 'Removed guard',
      body: 'Was it needed?',
    },
  ],
};

describe('SARIF output', () => {
  test('validates against the SARIF 2.1.0 schema, with and without findings', () => {
    for (const log of [toSarif(answer, VERSION), toSarif(null, VERSION)]) {
      expect(validate(log)).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  test('a deliberately broken log is rejected, so the check can fail', () => {
    const broken = toSarif(answer, VERSION) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'catastrophic';
    expect(validate(broken)).toBe(false);
  });

  test('each finding is a result at its head lines, with a level from its severity', () => {
    const log = toSarif(answer, VERSION) as any;
    const [critical, nit] = log.runs[0].results;
    expect(critical).toMatchObject({
      ruleId: 'claude-review/critical',
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: 10, endLine: 12 } } },
      ],
    });
    // A removed line has no place in the head commit: the result names the file only.
    expect(nit.level).toBe('note');
    expect(nit.locations[0].physicalLocation.region).toBeUndefined();
  });

  test('the version in the log is the package version', () => {
    const pkg = JSON.parse(readFileSync(resolve(here, '../../package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
