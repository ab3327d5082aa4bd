import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { ForgeClient, Logger } from '../ports.js';
import { ConfigError } from './config.js';
import {
  CONFIG_FILE_KEYS,
  DEFAULT_CONFIG_FILES,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  LIST_INPUTS,
  NOT_IN_CONFIG_FILE,
  retiredAdvice,
  retiredInput,
  type InputName,
} from './inputs.js';

/** Settings from the repository config file, as input text, and which file they came from. */
export type RepoConfig = { path: string | null; values: Partial<Record<InputName, string>> };

const NONE: RepoConfig = { path: null, values: {} };

/**
 * The settings of a config file, each as the text the same input would have in the workflow:
 * numbers and booleans as written, a YAML list for a list input as one entry per line, a
 * mapping (for `price-table`) as JSON. Every problem is reported at once, naming the file and
 * the line: malformed YAML, retired names (with what to write instead), keys that are not
 * settings (with the accepted names), keys the file may not set (secrets, `config-file`,
 * `trigger-phrase`) and values of the wrong shape.
 */
export function parseRepoConfig(text: string, file: string): Partial<Record<InputName, string>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined) =>
    node?.range ? `line ${lines.linePos(node.range[0]).line}` : 'the top level';
  const fail = (problems: string[]): never => {
    throw new ConfigError(`Invalid config file \`${file}\`:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  };

  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : 'an unknown line';
    const what = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    fail([`not valid YAML at ${where}: ${what}`]);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return {};
  if (!isMap(doc.contents)) {
    fail([`${at(doc.contents)}: must be a mapping of setting names to values, e.g. \`max-tokens-per-run: 50000\``]);
  }
  const map = doc.contents as YAMLMap<unknown, unknown>;

  const values: Partial<Record<InputName, string>> = {};
  const problems: string[] = [];
  let unknown = false;
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    const where = at(keyNode);
    if (key === null) {
      problems.push(`${where}: keys must be setting names`);
      unknown = true;
      continue;
    }
    const retired = retiredInput(key);
    if (retired !== undefined) {
      problems.push(`${where}: \`${key}\`: ${retiredAdvice(retired, 'file')}`);
      continue;
    }
    // Own keys only: a key such as `constructor` must not find Object's.
    const notAllowed = Object.hasOwn(NOT_IN_CONFIG_FILE, key) ? NOT_IN_CONFIG_FILE[key as InputName] : undefined;
    if (notAllowed !== undefined) {
      problems.push(`${where}: \`${key}\` cannot be set in the config file: ${notAllowed}`);
      continue;
    }
    if (!(INPUT_NAMES as string[]).includes(key)) {
      const dashed = key.replace(/_/g, '-').toLowerCase();
      const hint = (CONFIG_FILE_KEYS as string[]).includes(dashed) ? ` (did you mean \`${dashed}\`?)` : '';
      problems.push(`${where}: \`${key}\` is not a setting${hint}`);
      unknown = true;
      continue;
    }
    const name = key as InputName;
    const valueNode = pair.value as Node | null;
    const value = asInputText(name, valueNode);
    if (typeof value === 'string') values[name] = value;
    else problems.push(`${valueNode?.range ? at(valueNode) : where}: \`${name}\` ${value.problem}`);
  }
  if (unknown) problems.push(`accepted names: ${CONFIG_FILE_KEYS.map((n) => `\`${n}\``).join(', ')}`);
  if (problems.length > 0) fail(problems);
  return values;
}

/** One value as input text, or what is wrong with its shape (its content is checked by `readConfig`). */
function asInputText(name: InputName, node: Node | null): string | { problem: string } {
  if (node === null || (isScalar(node) && node.value === null)) return '';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    return { problem: 'must be a string, a number or `true`/`false`' };
  }
  if (isSeq(node)) {
    if (!LIST_INPUTS.includes(name)) return { problem: 'takes one value, not a list' };
    const items = node.toJSON() as unknown[];
    if (!items.every((i) => typeof i === 'string' && !i.includes('\n'))) {
      return { problem: 'must be a list of strings, one entry each' };
    }
    return (items as string[]).join('\n');
  }
  if (isMap(node) && name === 'price-table') return JSON.stringify(node.toJSON());
  return { problem: 'takes one value, not a mapping' };
}

/**
 * Reads the repository config file at the pull request's **base** commit — never its head,
 * so a pull request cannot rewrite the rules it is reviewed by. `configFile` is the
 * `config-file` input; at its default, `.gitea/` and `.forgejo/` are tried after `.github/`.
 * A missing file is no error (a pull request may be the one adding it): only the workflow's
 * inputs then apply. A file that cannot be read for another reason fails the run, since it
 * may hold the budgets.
 */
export async function loadRepoConfig(
  forge: ForgeClient,
  baseSha: string,
  configFile: string,
  log: Logger,
): Promise<RepoConfig> {
  const atDefault = configFile === INPUT_DEFAULTS['config-file'];
  const candidates = atDefault ? DEFAULT_CONFIG_FILES : [configFile];
  const base = baseSha.slice(0, 7);
  // Every location is asked at once (each is a round trip); the first that exists wins.
  const texts = await Promise.all(candidates.map((path) => forge.readFile(path, baseSha)));
  for (const [i, path] of candidates.entries()) {
    const text = texts[i] ?? null;
    if (text === null) continue;
    const values = parseRepoConfig(text, path);
    const names = Object.keys(values);
    log.info(`Settings from ${path} at base ${base}: ${names.length > 0 ? names.join(', ') : 'none'}.`);
    return { path, values };
  }
  const message = `No config file (${candidates.join(', ')}) at the base commit ${base}; the workflow's inputs and the defaults apply.`;
  if (atDefault) log.info(message);
  else log.warning(`${message} A file added by this pull request applies once it is merged.`);
  return NONE;
}
