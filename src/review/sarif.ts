import type { Finding, ReviewAnswer, Severity } from './findings.js';
import { SEVERITIES } from './findings.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'warning',
  nit: 'note',
};

const RULE_ID = (s: Severity) => `claude-review/${s}`;

function result(f: Finding) {
  // Code scanning places results on the head commit; a finding on a removed line has no head line.
  const region = f.side === 'RIGHT' ? { region: { startLine: f.start_line ?? f.line, endLine: f.line } } : {};
  return {
    ruleId: RULE_ID(f.severity),
    level: LEVEL[f.severity],
    message: { text: `${f.title}\n\n${f.body}`, markdown: `**${f.title}**\n\n${f.body}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: f.path }, ...region } }],
    properties: { severity: f.severity, side: f.side },
  };
}

/**
 * The findings as a SARIF 2.1.0 log that `github/codeql-action/upload-sarif` accepts: one rule
 * per severity, one result per finding, located on the head commit's lines.
 */
export function toSarif(answer: ReviewAnswer | null, version: string): Record<string, unknown> {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'claude-pr-review',
            version,
            informationUri: 'https://github.com/OWNER/claude-pr-review',
            rules: SEVERITIES.map((s) => ({
              id: RULE_ID(s),
              name: `${s[0]!.toUpperCase()}${s.slice(1)}Finding`,
              shortDescription: { text: `A ${s} finding of the Claude review` },
              defaultConfiguration: { level: LEVEL[s] },
            })),
          },
        },
        results: (answer?.findings ?? []).map(result),
      },
    ],
  };
}
