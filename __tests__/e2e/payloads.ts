import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Example = { action?: string; [key: string]: unknown };
type EventExamples = { name: string; examples: Example[] };

const require = createRequire(import.meta.url);
const INDEX = require.resolve('@octokit/webhooks-examples/api.github.com/index.json');
let cache: EventExamples[] | null = null;

/**
 * A real GitHub webhook payload from `@octokit/webhooks-examples` (deep-copied), for the
 * event and action given; `pick` chooses among several examples.
 */
export function githubPayload(event: string, action: string, pick = 0): Record<string, any> {
  cache ??= JSON.parse(readFileSync(INDEX, 'utf8')) as EventExamples[];
  const examples = cache.find((e) => e.name === event)?.examples.filter((x) => x.action === action) ?? [];
  const example = examples[pick];
  if (!example) throw new Error(`no ${event}.${action} example #${pick}`);
  return structuredClone(example) as Record<string, any>;
}
