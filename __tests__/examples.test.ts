import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readConfig } from '../src/config/config.js';
import { parseRepoConfig } from '../src/config/repo-config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const action = parse(read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const pkg = JSON.parse(read('package.json')) as { version: string; license: string; engines: { node: string } };
const readme = read('README.md');
/** The README and the pages under docs/: every YAML block of each is copy-paste material. */
const pages = [
  { path: 'README.md', text: readme },
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ path: `docs/${f}`, text: read(`docs/${f}`) })),
];

type Step = {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
};
type Permissions = Record<string, string> | string | undefined;
type Job = { if?: string; permissions?: Permissions; concurrency?: unknown; steps?: Step[]; 'runs-on'?: unknown };
type Workflow = {
  on?: unknown;
  permissions?: Permissions;
  concurrency?: unknown;
  jobs?: Record<string, Job>;
  steps?: Step[];
};
/** One copy-paste block: a whole workflow, or a fragment (steps, maybe with their permissions). */
type Block = { name: string; text: string; doc: Workflow; forge: 'github' | 'gitea' | 'forgejo' };

/** The forge a block is for, from the workflow path it or the text just before it names. */
function forgeOf(text: string, before: string): Block['forge'] {
  const path =
    /\.(github|gitea|forgejo)\/workflows\//.exec(text.split('\n', 1)[0]!) ??
    [...before.matchAll(/\.(github|gitea|forgejo)\/workflows\//g)].at(-1);
  return (path?.[1] as Block['forge'] | undefined) ?? 'github';
}

const blocks: Block[] = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => {
      const text = read(`examples/${f}`);
      return { name: `examples/${f}`, text, doc: parse(text) as Workflow, forge: forgeOf(text, '') };
    }),
  ...pages.flatMap((page) =>
    [...page.text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => {
      const line = page.text.slice(0, m.index).split('\n').length;
      const before = page.text.slice(Math.max(0, m.index! - 400), m.index);
      const doc = parse(m[1]!) as Workflow;
      return { name: `${page.path}:${line}`, text: m[1]!, doc, forge: forgeOf(m[1]!, before) };
    }),
  ),
];
const isOurs = (s: Step) => /(^|\/)OWNER\/claude-pr-review@v1$/.test(s.uses ?? '');
const workflows = blocks.filter((b) => b.doc && typeof b.doc === 'object' && b.doc.jobs);
const withSteps = blocks.filter((b) => b.doc && (b.doc.jobs || Array.isArray(b.doc.steps)));
const jobsOf = (b: Block): [string, Job][] =>
  b.doc.jobs ? Object.entries(b.doc.jobs) : [['(fragment)', { steps: b.doc.steps ?? [] }]];
const triggers = (wf: Workflow): string[] =>
  typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? (wf.on as string[]) : Object.keys(wf.on ?? {});

// ---- A small evaluator of GitHub Actions expressions, enough for `if:` and `with:` values. ----
type Value = unknown;
function evaluate(expression: string, context: Record<string, unknown>): Value {
  const src = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const matches = [...src.matchAll(/\s*('(?:[^']|'')*'|\|\||&&|==|!=|!|\(|\)|,|[A-Za-z_][\w-]*(?:\.[\w*-]+)*|\d+)/gy)];
  // The sticky scan stops at the first character it cannot read: all of the expression must be read.
  expect(matches.reduce((n, m) => n + m[0].length, 0)).toBe(src.trimEnd().length);
  const tokens = matches.map((m) => m[1]!);
  let i = 0;
  const peek = () => tokens[i];
  const truthy = (v: Value) => v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
  const lower = (v: Value) => (typeof v === 'string' ? v.toLowerCase() : v);
  const fns: Record<string, (...a: Value[]) => Value> = {
    contains: (hay, needle) =>
      Array.isArray(hay)
        ? hay.some((h) => lower(h) === lower(needle))
        : String(hay ?? '')
            .toLowerCase()
            .includes(String(needle ?? '').toLowerCase()),
    startsWith: (s, p) =>
      String(s ?? '')
        .toLowerCase()
        .startsWith(String(p ?? '').toLowerCase()),
    format: (f, ...args) => String(f).replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n)] ?? '')),
    always: () => true,
    success: () => true,
  };
  const primary = (): Value => {
    const t = tokens[i++]!;
    if (t === '(') {
      const v = or();
      i++; // )
      return v;
    }
    if (t === '!') return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^\d+$/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (peek() === '(') {
      i++;
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') i++;
      }
      i++;
      expect(fns).toHaveProperty(t);
      return fns[t]!(...args);
    }
    return (
      t
        .split('.')
        .reduce<Value>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : null), context) ??
      null
    );
  };
  const compare = (): Value => {
    let v = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = tokens[i++];
      const w = primary();
      v = op === '==' ? lower(v) === lower(w) : lower(v) !== lower(w);
    }
    return v;
  };
  const and = (): Value => {
    let v = compare();
    while (peek() === '&&') {
      i++;
      const w = compare();
      v = truthy(v) ? w : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      i++;
      const w = and();
      v = truthy(v) ? v : w;
    }
    return v;
  };
  const value = or();
  expect(i).toBe(tokens.length);
  return value;
}

/** The events a workflow can receive, with whether a review job should start for each. */
function events(on: string[]) {
  const comment = (body: string, onPr: boolean) => ({
    event_name: 'issue_comment',
    event: {
      issue: { number: 7, ...(onPr ? { pull_request: { url: 'https://api.example.test/pulls/7' } } : {}) },
      comment: { body },
    },
  });
  const cases: { what: string; github: Record<string, unknown>; runs: boolean }[] = [];
  for (const name of ['pull_request', 'pull_request_target']) {
    if (on.includes(name)) {
      const pr = { number: 7, head: { sha: 'h'.repeat(40), repo: { full_name: 'fork/repo' } } };
      cases.push({
        what: name,
        github: { event_name: name, repository: 'owner/repo', event: { pull_request: pr } },
        runs: true,
      });
    }
  }
  if (on.includes('issue_comment')) {
    cases.push(
      { what: '/review on a PR', github: comment('/review', true), runs: true },
      { what: '@claude-review on a PR', github: comment('@claude-review why?', true), runs: true },
      { what: 'thanks! on a PR', github: comment('thanks!', true), runs: false },
      { what: '/review on an issue', github: comment('/review', false), runs: false },
    );
  }
  if (on.includes('pull_request_review_comment')) {
    const reply = (body: string) => ({
      event_name: 'pull_request_review_comment',
      event: { comment: { body }, pull_request: { number: 7 } },
    });
    cases.push(
      { what: 'a thread reply with /review', github: reply('/review is this safe?'), runs: true },
      { what: 'a thread reply without it', github: reply('done'), runs: false },
    );
  }
  return cases;
}

describe('every workflow in examples/ and the README is copy-paste ready', () => {
  test('every YAML block of the README and docs/ parses, and the examples are found', () => {
    expect(blocks.filter((b) => b.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.name.startsWith('docs/')).length).toBeGreaterThanOrEqual(5);
    expect(workflows.length).toBeGreaterThanOrEqual(9);
  });

  test('every config file block of the README and docs/ is one the action reads without complaint', () => {
    const files = blocks.filter((b) => b.text.startsWith('# .github/claude-review.yml'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const b of files) expect(() => readConfig(() => '', parseRepoConfig(b.text, b.name), b.name)).not.toThrow();
  });

  test.each(withSteps.map((b) => [b.name, b] as const))(
    '%s passes only inputs the action has, and reads only its outputs',
    (_, b) => {
      const steps = jobsOf(b).flatMap(([, j]) => j.steps ?? []);
      const ours = steps.filter(isOurs);
      expect(ours.length).toBeGreaterThanOrEqual(1);
      for (const step of ours)
        for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
      const ids = ours.map((s) => s.id).filter(Boolean);
      for (const m of b.text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ids.includes(m[1])) expect(Object.keys(action.outputs)).toContain(m[2]);
      }
    },
  );

  test.each(withSteps.map((b) => [b.name, b] as const))('%s grants the permissions its steps need', (_, b) => {
    for (const [name, job] of jobsOf(b)) {
      const granted = job.permissions ?? b.doc.permissions;
      // Forgejo reads no `permissions:` key: its automatic token may post on the repository's own PRs.
      if (granted === undefined && b.forge === 'forgejo') continue;
      expect([name, granted]).not.toEqual([name, undefined]);
      const has = (scope: string, level: 'read' | 'write') =>
        granted === 'write-all' ||
        (granted === 'read-all' && level === 'read') ||
        (typeof granted === 'object' &&
          (granted[scope] === 'write' || (level === 'read' && granted[scope] === 'read')));
      const needs: [string, 'read' | 'write'][] = [];
      for (const step of job.steps ?? []) {
        if (isOurs(step) && String(step.with?.['dry-run'] ?? 'false') !== 'true') {
          needs.push(['contents', 'read'], ['pull-requests', 'write'], ['issues', 'write']);
        }
        if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) needs.push(['security-events', 'write']);
        if (/\bgh api\b/.test(step.run ?? '')) needs.push(['pull-requests', 'read']);
        if (step.with?.['role-to-assume'] || step.with?.['workload_identity_provider'])
          needs.push(['id-token', 'write']);
      }
      for (const [scope, level] of needs)
        expect([name, scope, has(scope, level) ? level : 'missing']).toEqual([name, scope, level]);
    }
  });

  test.each(workflows.map((b) => [b.name, b] as const))('%s starts a job only for the events it should', (_, b) => {
    const on = triggers(b.doc);
    const commented = on.includes('issue_comment') || on.includes('pull_request_review_comment');
    // A workflow-level group would let a skipped comment run take a queued review's place.
    if (commented) expect(b.doc.concurrency).toBeUndefined();
    for (const [name, job] of jobsOf(b)) {
      if (commented) expect([name, typeof job.if]).toEqual([name, 'string']);
      for (const c of events(on)) {
        if (!job.if) continue;
        const runs = Boolean(evaluate(job.if, { github: c.github }));
        expect([name, c.what, runs]).toEqual([name, c.what, c.runs]);
      }
    }
  });

  test.each(workflows.map((b) => [b.name, b] as const))('%s never cancels a review in progress', (_, b) => {
    const groups = [b.doc.concurrency, ...jobsOf(b).map(([, j]) => j.concurrency)];
    for (const g of groups)
      if (g && typeof g === 'object') expect((g as Record<string, unknown>)['cancel-in-progress']).not.toBe(true);
  });

  test('an optional secret falls back to the automatic token, so the workflow runs without it', () => {
    for (const b of withSteps) {
      for (const step of jobsOf(b)
        .flatMap(([, j]) => j.steps ?? [])
        .filter(isOurs)) {
        const token = step.with?.['github-token'];
        if (typeof token === 'string' && token.includes('secrets.'))
          expect([b.name, token]).toEqual([b.name, expect.stringContaining('|| github.token')]);
      }
    }
  });

  test('on a comment, SARIF results are attached to the pull request head, not the default branch', () => {
    const sarif = workflows.filter((b) => b.text.includes('upload-sarif') && triggers(b.doc).includes('issue_comment'));
    expect(sarif.length).toBeGreaterThanOrEqual(1);
    for (const b of sarif) {
      const steps = jobsOf(b).flatMap(([, j]) => j.steps ?? []);
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
      const github = {
        event_name: 'issue_comment',
        sha: 'default-branch-sha',
        ref: 'refs/heads/main',
        event: { issue: { number: 7, pull_request: {} }, comment: { body: '/review' } },
      };
      // Every step before the upload that would run on this event leaves its outputs.
      const outputs = Object.fromEntries(
        steps
          .filter((s) => s.id && (!s.if || evaluate(s.if, { github, steps: {} })))
          .map((s) => [s.id, { outputs: { sha: 'pr-head-sha', 'sarif-file': 'f.sarif' } }]),
      );
      const context = { github, steps: outputs };
      expect([b.name, evaluate(String(upload.with?.sha ?? ''), context)]).toEqual([b.name, 'pr-head-sha']);
      expect([b.name, evaluate(String(upload.with?.ref ?? ''), context)]).toEqual([b.name, 'refs/pull/7/head']);
    }
  });

  test('no `run:` script interpolates ${{ }}: values reach scripts through env', () => {
    const repoWorkflows = readdirSync(join(root, '.github/workflows')).map((f) => ({
      name: `.github/workflows/${f}`,
      doc: parse(read(`.github/workflows/${f}`)) as Workflow,
    }));
    for (const b of [...withSteps, ...repoWorkflows]) {
      for (const step of Object.values(b.doc.jobs ?? { x: { steps: b.doc.steps ?? [] } }).flatMap(
        (j) => j.steps ?? [],
      )) {
        if (step.run) expect([b.name, step.run]).toEqual([b.name, expect.not.stringContaining('${{')]);
      }
    }
  });

  test('the workflow file names in the README and docs/ are those of examples/', () => {
    const own = new Set(readdirSync(join(root, '.github/workflows')));
    const named = new Set(
      blocks
        .filter((b) => b.name.startsWith('examples/'))
        .map((b) => /workflows\/([\w.-]+\.ya?ml)/.exec(b.text.split('\n', 1)[0]!)?.[1]),
    );
    expect(named.has(undefined)).toBe(false);
    const mentioned = pages
      .flatMap((p) => [...p.text.matchAll(/\.(?:github|gitea|forgejo)\/workflows\/([\w.-]+\.ya?ml)/g)])
      .map((m) => m[1]!)
      .filter((f) => !own.has(f));
    expect(mentioned.length).toBeGreaterThan(0);
    for (const file of mentioned) expect([...named]).toContain(file);
  });
});

describe('the release story', () => {
  test('the changelog has an Unreleased section, a section for the package version and their links', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('## [Unreleased]');
    expect(changelog).toMatch(
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
    for (const [, version] of changelog.matchAll(/^## \[([^\]]+)\]/gm)) {
      expect(changelog).toMatch(new RegExp(`^\\[${version!.replace(/\./g, '\\.')}\\]: https://`, 'm'));
    }
  });

  test('the LICENSE file is the licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} claude-pr-review contributors\n/);
  });

  test('CI tests every Node line that `engines` admits', () => {
    const ci = parse(read('.github/workflows/ci.yml')) as {
      jobs: { test: { strategy: { matrix: { node: number[] } } } };
    };
    const majors = [...pkg.engines.node.matchAll(/(\d+)(?:\.\d+)*/g)].map((m) => Number(m[1]));
    expect(majors.length).toBeGreaterThan(0);
    for (const major of new Set(majors)) expect(ci.jobs.test.strategy.matrix.node).toContain(major);
  });
});
