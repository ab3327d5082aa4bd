import { TIERS, type Tier } from '../plan/tier.js';

export type Command =
  | { kind: 'review'; mode: 'incremental' | 'full'; tier: Tier | null }
  | { kind: 'help' }
  | { kind: 'ask'; question: string }
  /** A trigger phrase with arguments it does not understand: answered with the help text. */
  | { kind: 'unknown'; args: string };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The command in a comment, or null when it has none. A command is a line that starts with
 * one of `phrases` (any case), e.g. `/review`, `/review full`, `/review large`,
 * `/review ask why is this needed?`, `/review help`. Quoted lines (`>`) and code blocks are
 * not commands, so quoting someone's command does not run it again.
 */
export function parseCommand(body: string, phrases: string[]): Command | null {
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) inFence = !inFence;
    if (inFence || line.startsWith('>')) continue;
    for (const phrase of phrases) {
      const m = new RegExp(`^${escape(phrase)}(?=$|\\s)(.*)$`, 'i').exec(line);
      if (m) return readArgs((m[1] ?? '').trim());
    }
  }
  return null;
}

function readArgs(args: string): Command {
  const [first = '', ...rest] = args.split(/\s+/);
  const word = first.toLowerCase();
  if (args === '') return { kind: 'review', mode: 'incremental', tier: null };
  if (word === 'full' && rest.length === 0) return { kind: 'review', mode: 'full', tier: null };
  if (word === 'help' && rest.length === 0) return { kind: 'help' };
  if ((TIERS as readonly string[]).includes(word) && rest.length === 0) {
    return { kind: 'review', mode: 'full', tier: word as Tier };
  }
  if (word === 'ask') {
    const question = args.slice(first.length).trim();
    return question === '' ? { kind: 'unknown', args } : { kind: 'ask', question };
  }
  return { kind: 'unknown', args };
}

/** The help text a `/review help` (or an unknown argument) gets. */
export function helpText(phrase: string): string {
  return [
    `**claude-pr-review commands** (people with write access only):`,
    '',
    `- \`${phrase}\`: review what changed since the last review`,
    `- \`${phrase} full\`: review the whole pull request again`,
    `- \`${phrase} small\` / \`medium\` / \`large\`: a full review with that tier's model`,
    `- \`${phrase} ask <question>\`: ask about this pull request; the answer comes as a comment`,
    `- \`${phrase} help\`: this text`,
    '',
    'On GitHub you can also reply in one of my review threads and mention ' + `\`${phrase}\` to get an answer there.`,
    'Commands choose what to review, never how much: the token ceiling and budgets of the workflow always apply.',
  ].join('\n');
}
