import { ConfigError, readConfig } from '../config/config.js';
import { INPUT_NAMES, type InputName } from '../config/inputs.js';
import { createLocalForge } from '../forge/local.js';
import { createAnthropicModelClient } from '../llm/anthropic.js';
import { checkCredentials } from '../llm/credentials.js';
import { checkPlatform, createPlatformClient } from '../llm/provider.js';
import { run } from '../run.js';
import { formatComment, withProgress, type Terminal } from './terminal.js';

const HELP = `Usage: claude-pr-review <preview|review> [--base REV] [--head REV] [--<input> VALUE ...]

Runs the review pipeline on a local git diff (default: the last commit, or --base..--head)
and prints the result instead of posting it.
  preview  without ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) a dry run: files, size, tier,
           model, token plan and estimated cost; nothing is sent. With a key, the review.
  review   the review of your local changes, printed in the terminal (needs a key).
Any action input can be given as a flag, e.g. --max-tokens-per-run 50000 --model sonnet.`;

type Parsed = { base?: string; head?: string; inputs: Partial<Record<InputName, string>> };

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { inputs: {} };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) {
      throw new ConfigError(`expected \`--name value\`, got \`${flag}\`\n\n${HELP}`);
    }
    const name = flag.slice(2);
    i++;
    if (name === 'base') parsed.base = value;
    else if (name === 'head') parsed.head = value;
    else if ((INPUT_NAMES as string[]).includes(name) && !name.startsWith('anthropic-'))
      parsed.inputs[name as InputName] = value;
    else throw new ConfigError(`unknown option \`${flag}\` (credentials come from the environment)\n\n${HELP}`);
  }
  return parsed;
}

/** The local command line: `preview` (dry run without a key) and `review`. Returns the exit code. */
export async function cli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const tty = Boolean(process.stdout.isTTY);
  const term: Terminal = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(text),
    tty: Boolean(process.stderr.isTTY),
    colour: tty && !process.env.NO_COLOR,
  };
  const out = term.out;
  if (command !== 'preview' && command !== 'review') {
    process.stderr.write(
      `${command === 'help' || command === '--help' ? '' : `Unknown command \`${command}\`.\n\n`}${HELP}\n`,
    );
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  try {
    const args = parseArgs(rest);
    const config = readConfig((name) => args.inputs[name] ?? '');
    config.credentials = {
      apiKey: process.env.ANTHROPIC_API_KEY?.trim() || undefined,
      authToken: process.env.ANTHROPIC_AUTH_TOKEN?.trim() || undefined,
      baseUrl: process.env.ANTHROPIC_BASE_URL?.trim() || undefined,
    };
    const onPlatform = config.platform.provider !== 'anthropic';
    const hasCredential = onPlatform || Boolean(config.credentials.apiKey || config.credentials.authToken);
    if (command === 'review' && !hasCredential) {
      throw new ConfigError(
        '`review` needs ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in the environment; `preview` is the dry run.',
      );
    }
    let model = null;
    if (onPlatform) {
      // Bedrock or Vertex: credentials and region come from the environment, as in the action.
      const platform = checkPlatform(config, process.env);
      if (!platform.ok) throw new ConfigError(platform.error);
      model = createPlatformClient(platform.settings, { timeoutMs: config.timeoutSeconds * 1000 });
    } else if (hasCredential) {
      const checked = checkCredentials(config.credentials);
      if (!checked.ok) throw new ConfigError(checked.error);
      model = createAnthropicModelClient({ ...checked.credentials, timeoutMs: config.timeoutSeconds * 1000 });
    }
    const forge = createLocalForge({
      cwd: process.cwd(),
      base: args.base,
      head: args.head,
      print: out,
      formatComment: (where, body) => formatComment(term, where, body),
    });
    const log = {
      info: (m: string) => process.stderr.write(`${m}\n`),
      warning: (m: string) => process.stderr.write(`warning: ${m}\n`),
    };
    const result = await withProgress(term, model ? 'Reviewing…' : 'Planning…', run({ config, forge, model, log }));
    if (!model) {
      out(result.summaryMarkdown.replace(/<!--[\s\S]*?-->\n?/g, '').trim());
      out('\nNo ANTHROPIC_API_KEY set: this was a dry run and nothing was sent. Set it to get the real review.');
    }
    return 0;
  } catch (error) {
    process.stderr.write(`claude-pr-review: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
