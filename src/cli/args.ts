import { parseArgs } from 'node:util';
import { INPUT_NAMES, retiredInput, type InputName } from '../config/inputs.js';

/**
 * Inputs that hold a secret never come from the command line, where shell history and `ps`
 * would show them: the CLI reads them from the environment instead (or needs none).
 */
const SECRET_INPUTS: Partial<Record<InputName, string>> = {
  'anthropic-api-key': 'export ANTHROPIC_API_KEY instead',
  'anthropic-auth-token': 'export ANTHROPIC_AUTH_TOKEN instead',
  'github-token': 'the local review posts nothing, so it needs no forge token',
};

/** Inputs that are switches: `--dry-run` rather than `--dry-run true`. */
const SWITCH_INPUTS: readonly InputName[] = ['dry-run', 'review-drafts'];

const FLAG_INPUTS = INPUT_NAMES.filter((name) => !(name in SECRET_INPUTS));

export const COMMANDS = ['preview', 'review'] as const;
export type Command = (typeof COMMANDS)[number];

export const HELP = `Usage: claude-pr-review <preview|review> [--base REV] [--head REV] [--repo DIR] [options]

Reviews what a pull request from --head into --base would show: the changes since their
merge base, like \`git diff main...HEAD\`. Without --base, the last commit.

Commands:
  preview   dry run: the files, size, tier, model, planned tokens and estimated cost.
            Never calls the model and needs no key.
  review    the review, printed in the terminal (calls the model, needs a key).

Options:
  --base REV        branch, tag or commit the pull request would merge into (e.g. main)
  --head REV        the branch under review (default: HEAD)
  --repo DIR        the git repository (default: the current directory)
  --<input> VALUE   any action input, e.g. --max-tokens-per-run 50000 --model sonnet;
                    switches without a value: --dry-run, --review-drafts
  -h, --help        this help
  --version         the version

Environment:
  ANTHROPIC_API_KEY     Console API key, for \`review\` (console.anthropic.com → API keys)
  ANTHROPIC_AUTH_TOKEN  bearer token of an LLM gateway, instead of a key
  ANTHROPIC_BASE_URL    the gateway's URL (default: the Anthropic API)
  NO_COLOR              plain text even on a terminal`;

/** A command line that cannot be run as given; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CliArgs = {
  command: Command | null;
  help: boolean;
  version: boolean;
  base?: string;
  head?: string;
  repo?: string;
  /** Action inputs given as flags, as the action's `with:` would carry them. */
  inputs: Partial<Record<InputName, string>>;
};

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

const OPTIONS: Record<string, OptionSpec> = {
  base: { type: 'string' },
  head: { type: 'string' },
  repo: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  ...Object.fromEntries(
    FLAG_INPUTS.map((name) => [name, { type: SWITCH_INPUTS.includes(name) ? 'boolean' : 'string' } as OptionSpec]),
  ),
};

/** The flag an argument names (`--base=main` → `base`), or null for a positional. */
function flagName(arg: string): string | null {
  return arg.startsWith('--') ? arg.slice(2).split('=')[0]! : null;
}

/** Turns node's parseArgs errors into what to type instead. */
function usageProblem(error: unknown, argv: string[]): UsageError {
  const secret = argv.map(flagName).find((n): n is InputName => n !== null && n in SECRET_INPUTS);
  if (secret) return new UsageError(`--${secret} is not an option: ${SECRET_INPUTS[secret]}.`);
  // A name the action had before 1.0: say what it is now, not just "unknown option".
  for (const name of argv.map(flagName)) {
    const retired = name === null ? undefined : retiredInput(name);
    if (!retired) continue;
    if ('now' in retired) return new UsageError(`--${name} is now --${retired.now}.`);
    return new UsageError(`--${name} is no longer an option: ${retired.environment}.`);
  }
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    return new UsageError(`unknown option \`${quoted}\`: see \`claude-pr-review --help\` for the options.`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const name = quoted.replace(/^-+/, '');
    if (OPTIONS[name]?.type === 'boolean') return new UsageError(`\`${quoted}\` is a switch and takes no value.`);
    return new UsageError(`\`${quoted}\` needs a value, as in \`${quoted} VALUE\` or \`${quoted}=VALUE\`.`);
  }
  return new UsageError(message);
}

/** Reads the command line with node's own parser: `--base main`, `--base=main`, `-h`, switches. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageProblem(error, argv);
  }
  const { values, positionals } = parsed;
  const flags = values;
  const help = flags.help === true;
  const version = flags.version === true;
  const [first, ...extra] = positionals;
  if (first === 'help') return { command: null, help: true, version, inputs: {} };
  if (!help && !version) {
    if (first === undefined) throw new UsageError('no command given: `preview` or `review`.');
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command \`${first}\`: use \`preview\` (dry run) or \`review\`.`);
    }
    if (extra.length > 0) {
      const switches = SWITCH_INPUTS.map((s) => `--${s}`).join(', ');
      throw new UsageError(`unexpected argument \`${extra[0]}\` (switches such as ${switches} take no value).`);
    }
  }
  const inputs: Partial<Record<InputName, string>> = {};
  for (const name of FLAG_INPUTS) {
    const value = flags[name];
    if (value !== undefined) inputs[name] = String(value);
  }
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  return {
    command: (COMMANDS as readonly string[]).includes(first ?? '') ? (first as Command) : null,
    help,
    version,
    base: text('base'),
    head: text('head'),
    repo: text('repo'),
    inputs,
  };
}
