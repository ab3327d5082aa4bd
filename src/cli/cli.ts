import { resolve } from 'node:path';
import { readConfig, type Config } from '../config/config.js';
import { createLocalForge, describeRange, hasUncommittedChanges } from '../forge/local.js';
import { createAnthropicModelClient } from '../llm/anthropic.js';
import { checkPlatform, createPlatformClient } from '../llm/provider.js';
import { priceTable } from '../plan/run-ledger.js';
import type { ModelClient } from '../ports.js';
import { run } from '../run.js';
import { VERSION } from '../version.js';
import { HELP, parseCliArgs, UsageError, type CliArgs, type Command } from './args.js';
import { localLogLine } from './log-lines.js';
import { credentialsFromEnvironment, explain, inCliTerms, unknownModelWarnings } from './messages.js';
import { describeProgress, reportingParts } from './progress.js';
import { closingLine, renderForTerminal } from './render.js';
import { createTerminal, formatComment, type Terminal } from './terminal.js';

/** A problem the user can fix before anything runs; printed as it is, exit code 1. */
class CliError extends Error {}

/**
 * The model client for `review`. `preview` never gets one, whatever the environment holds:
 * a dry run must not be able to spend.
 */
function modelFor(config: Config, env: NodeJS.ProcessEnv): ModelClient {
  const timeoutMs = config.timeoutSeconds * 1000;
  if (config.platform.provider !== 'anthropic') {
    // Bedrock or Vertex AI: credentials, region and project come from the environment, as in the action.
    const platform = checkPlatform(config, env);
    if (!platform.ok) throw new CliError(inCliTerms(platform.error));
    return createPlatformClient(platform.settings, { timeoutMs });
  }
  const checked = credentialsFromEnvironment(env, config.credentials.baseUrl);
  if (!checked.ok) throw new CliError(checked.error);
  return createAnthropicModelClient({ ...checked.credentials, timeoutMs });
}

async function execute(args: CliArgs & { command: Command }, term: Terminal, env: NodeJS.ProcessEnv): Promise<number> {
  const config = readConfig((name) => args.inputs[name] ?? '');
  if (args.command === 'preview') config.dryRun = true;
  // Before anything else, so that a refused credential is refused before any other work.
  const model = args.command === 'review' ? modelFor(config, env) : null;
  const dir = resolve(args.repo ?? process.cwd());
  const forge = createLocalForge({
    cwd: dir,
    base: args.base,
    head: args.head,
    print: term.print,
    // A blank line after each comment keeps one finding apart from the next.
    formatComment: (where, body) => `${formatComment(term, where, body)}\n`,
    printSummary: false,
  });
  const range = describeRange(forge.range);

  const given = { model: args.inputs.model, ...tierFlags(args) };
  for (const warning of unknownModelWarnings(given, priceTable(config))) term.note(`warning: ${warning}`);
  if (hasUncommittedChanges(dir)) term.note('note: uncommitted changes are not reviewed; commit them to include them.');
  if (!model && (env.ANTHROPIC_API_KEY || env.ANTHROPIC_AUTH_TOKEN)) {
    term.note('note: `preview` never calls the model, so the key in the environment is not used.');
  }

  const log = {
    info: (m: string) => {
      const line = localLogLine(m, range);
      if (line !== null) term.note(line);
    },
    warning: (m: string) => term.note(`warning: ${inCliTerms(m)}`),
  };
  term.status('Planning');
  const tracked = model ? reportingParts(model, (p) => term.status(describeProgress(p))) : null;
  const result = await run({ config, forge, model: tracked, log });
  term.status(null);
  const { text, plan } = renderForTerminal(term, result.report, { range });
  term.print(text);
  term.print('');
  term.print(closingLine(result.report, plan, args.command));
  return 0;
}

function tierFlags(args: CliArgs): Record<string, string | undefined> {
  const { inputs } = args;
  return {
    'model-small': inputs['model-small'],
    'model-medium': inputs['model-medium'],
    'model-large': inputs['model-large'],
  };
}

/** The local command line: `preview` (a dry run, always) and `review`. Returns the exit code. */
export async function cli(argv: string[]): Promise<number> {
  const term = createTerminal(process.stdout, process.stderr, {
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      term.print(HELP);
      return 0;
    }
    if (args.version) {
      term.print(VERSION);
      return 0;
    }
    return await execute({ ...args, command: args.command! }, term, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      term.note(`claude-pr-review: ${error.message}\n${HELP.split('\n')[0]}\nSee \`claude-pr-review --help\`.`);
      return 2;
    }
    term.note(`claude-pr-review: ${explain(error)}`);
    return 1;
  } finally {
    term.close();
  }
}
