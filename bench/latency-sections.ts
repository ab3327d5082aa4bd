/**
 * Sections 5–8 of `npm run bench`: the figures that depend on a real network's latency and on
 * process start-up (issues 11 and 14). Each prints its lines and adds rows to the final table.
 */
import { CONTEXT_FILES, FORGE_LATENCY_MS as CONTEXT_LATENCY, measureContext } from './context.js';
import {
  bareNode,
  FORGE_LATENCY_MS,
  FORGE_PROBE,
  medianOf,
  MODEL_LATENCY_MS,
  MODEL_PROBE,
  startWorld,
  timeRun,
  type Kind,
  type RunTiming,
  type World,
} from './first-call.js';
import { callMs, modelPhase, ROUND_TRIP_MS, TIME_SCALE } from './model-phase.js';
import { syntheticDiff } from './synthetic-diff.js';

export type Row = [string, string, string];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A request as a short label: `GET /repos/o/r/pulls/2` → `GET pulls/2`. */
function label(r: { method: string; url: string; server: string }): string {
  const path =
    r.url
      .split('?')[0]!
      .replace(/^\/repos\/[^/]+\/[^/]+\/?/, '')
      .replace(/^\/_codeload\/.*$/, 'codeload')
      .replace(/[0-9a-f]{40}/g, '{sha}') || 'repo';
  return `${r.method} ${r.server === 'model' ? path.replace(/^\/v1\//, 'v1/') : path}`;
}

// ---------------------------------------------------------------- 5. context

export async function contextSection(compiled: string, rows: Row[]): Promise<void> {
  const c = await measureContext(compiled);
  const g = c.github;
  const l = c.local;
  console.log(
    `5. context for a ${fmt(CONTEXT_FILES)}-file repository, PR of ${c.changedFiles} files (diff ${fmt(c.diffTokens)} tokens): ` +
      `snapshot fetch + index + selection in a child process (bare node)`,
  );
  console.log(
    `   GitHub adapter, fake GitHub behind ${CONTEXT_LATENCY} ms a request: ${fmt(g.ms)} ms (goal ≤ 2,000 ms), ` +
      `peak RSS ${fmt(g.peakRssMb)} MB (goal ≤ 300 MB; ${fmt(g.baseRssMb)} MB at the child's start); read as ${g.how}, ` +
      `${g.requests} requests in a sequential depth of ${g.depth}; ${fmt(g.mb, 1)} MB received over both selections`,
  );
  console.log(`     requests of the timed selection: ${g.kinds}`);
  console.log(
    `   local git (createLocalSnapshot, temp repository): ${fmt(l.ms)} ms, peak RSS ${fmt(l.peakRssMb)} MB; read as ${l.how}`,
  );
  c.budgets.forEach((b, i) => {
    const s = g.selections[i]!;
    const sl = l.selections[i]!;
    console.log(
      `   ceiling ${fmt(b.ceiling)}, context-tokens 20,000 → budget ${fmt(b.budget)}: ${fmt(s.tokens)} context tokens, ` +
        `${s.pieces} pieces from ${s.files} files (local git: ${fmt(sl.tokens)} tokens, ${sl.pieces} pieces, ${sl.files} files); ${s.line}`,
    );
  });
  rows.push([
    `Context: snapshot + index + selection, ${fmt(CONTEXT_FILES)} files, GitHub at ${CONTEXT_LATENCY} ms / local git`,
    `${fmt(g.ms)} ms, ${fmt(g.peakRssMb)} MB / ${fmt(l.ms)} ms, ${fmt(l.peakRssMb)} MB`,
    '≤ 2 s, ≤ 300 MB',
  ]);
  rows.push([
    'Context tokens per PR (default ceiling / 30k ceiling)',
    c.budgets.map((b, i) => `${fmt(g.selections[i]!.tokens)} of ${fmt(b.budget)}`).join(' / '),
    'within the budget',
  ]);
}

// ---------------------------------------------------------------- 6 & 7. the bundle under latency

const RUNS_FIRST_CALL = 3;
const RUNS_START = 7;

function describeRuns(name: string, runs: RunTiming[]): { ms: number; depth: number } {
  const ms = median(runs.map((r) => r.firstMessages));
  const pick = runs.find((r) => r.firstMessages === ms);
  if (!pick) {
    console.log(`   ${name}: no model call; exit ${runs[0]?.code}; log:\n${runs[0]?.log.slice(-3000)}`);
    return { ms: NaN, depth: NaN };
  }
  console.log(
    `   ${name}: first Messages call ${fmt(ms)} ms after spawn (median of ${runs.length}: ${runs.map((r) => fmt(r.firstMessages)).join(', ')}); ` +
      `${pick.before.length} requests before it (${pick.before.filter((r) => r.server === 'forge').length} forge, ` +
      `${pick.before.filter((r) => r.server === 'model').length} model API), sequential depth ${pick.chain.length}`,
  );
  console.log(`     longest chain: ${pick.chain.map(label).join(' → ')}`);
  const order = pick.before.map((r) => `${label(r)} @${fmt(r.start - pick.before[0]!.start + pick.firstForge)}`);
  console.log(`     all, by arrival (ms after spawn): ${order.join('; ')}`);
  return { ms, depth: pick.chain.length };
}

export async function bundleSections(dist: string, rows: Row[]): Promise<void> {
  const world: World = await startWorld();
  try {
    // Warm the OS file cache and the fakes once; a runner's first spawn is not the figure.
    await timeRun('pull_request');
    await bareNode();
    const bare = await medianOf(RUNS_START, bareNode);
    const forgeTrip = await medianOf(5, () => FORGE_PROBE(world));
    const modelTrip = await medianOf(5, () => MODEL_PROBE(world));
    const floor = bare.median + forgeTrip.median + modelTrip.median;
    const runs = async (kind: Kind, n: number) => {
      const out: RunTiming[] = [];
      for (let i = 0; i < n; i++) out.push(await timeRun(kind));
      return out;
    };
    const pr = await runs('pull_request', RUNS_START);
    const cmd = await runs('review-command', RUNS_FIRST_CALL);
    console.log(
      `6. time to the first model call, bundle ${dist}, forge ${FORGE_LATENCY_MS} ms and model API ${MODEL_LATENCY_MS} ms a request ` +
        `(proxies on 127.0.0.1); floor ${fmt(floor)} ms = node -e 0 ${fmt(bare.median)} + one forge round trip ` +
        `${fmt(forgeTrip.median)} + one model-API round trip ${fmt(modelTrip.median)} (floor's sequential depth: 2)`,
    );
    const p = describeRuns('pull_request opened', pr);
    const c = describeRuns('issue_comment "/review"', cmd);
    for (const [name, f] of [
      ['pull_request', p],
      ['issue_comment /review', c],
    ] as const) {
      rows.push([
        `Spawn → first model call, ${name} (forge ${FORGE_LATENCY_MS} ms, model ${MODEL_LATENCY_MS} ms)`,
        `${fmt(f.ms)} ms = ${fmt(f.ms / floor, 2)}× the floor (${fmt(floor)} ms); sequential depth ${f.depth} (floor 2)`,
        '≤ 1.5×',
      ]);
    }

    // 7. Start-up: the first forge request of the pull_request runs above, and a skipped comment run to its exit.
    const firstForge = median(pr.map((r) => r.firstForge));
    const skipped: RunTiming[] = [];
    for (let i = 0; i < RUNS_START; i++) skipped.push(await timeRun('skipped-comment', true));
    const skipMs = median(skipped.map((r) => r.exit));
    const skipRequests = Math.max(...skipped.map((r) => r.requests));
    console.log(
      `7. start-up (median of ${RUNS_START}): node -e 0 spawn → exit ${fmt(bare.median)} ms (${bare.all.map((x) => fmt(x)).join(', ')})`,
    );
    console.log(
      `   pull_request: spawn → first forge request ${fmt(firstForge)} ms = ${fmt(firstForge / bare.median, 2)}× bare node (goal ≤ 2×) ` +
        `(${pr.map((r) => fmt(r.firstForge)).join(', ')})`,
    );
    console.log(
      `   issue_comment without the trigger phrase: spawn → exit ${fmt(skipMs)} ms = ${fmt(skipMs / bare.median, 2)}× bare node ` +
        `(goal ≤ 1.5×) (${skipped.map((r) => fmt(r.exit)).join(', ')}); exit code ${skipped[0]?.code}, ` +
        `at most ${skipRequests} requests (forge and model API) in a run`,
    );
    rows.push([
      'Start-up: spawn → first forge request vs node -e 0',
      `${fmt(firstForge)} ms vs ${fmt(bare.median)} ms = ${fmt(firstForge / bare.median, 2)}×`,
      '≤ 2×',
    ]);
    rows.push([
      'Skipped issue_comment run: spawn → exit vs node -e 0',
      `${fmt(skipMs)} ms vs ${fmt(bare.median)} ms = ${fmt(skipMs / bare.median, 2)}×`,
      '≤ 1.5×',
    ]);
  } finally {
    await world.close();
  }
}

// ---------------------------------------------------------------- 8. large PR, model phase

export async function modelPhaseSection(rows: Row[]): Promise<void> {
  const diff = syntheticDiff(700, 25_000, 11).text;
  console.log(
    `8. model phase of a large review (700 files / 25k changed lines, max-concurrency 4), fake model taking ` +
      `1 s + output tokens ÷ 60 per second, output ≈ input ÷ 20 (within max_tokens), a count one ${fmt(ROUND_TRIP_MS)} ms ` +
      `round trip, every second ÷ ${TIME_SCALE} (ratios are scale-free; times below in real seconds, i.e. × ${TIME_SCALE}); ` +
      `the phase runs from the first count or call to the last call's end`,
  );
  for (const ceiling of [40_000, 100_000, 400_000]) {
    const f = await modelPhase(diff, {
      'max-tokens-per-run': String(ceiling),
      model: 'sonnet',
      'max-concurrency': '4',
    });
    const t0 = Math.min(f.calls[0]?.start ?? 0, ...f.counts.map((c) => c.start));
    const real = (ms: number) => fmt((ms * TIME_SCALE) / 1000, 1);
    const ratio = f.phaseMs / f.slowestMs;
    // Only latencies are scaled: the planner's CPU time before the first call shows × TIME_SCALE.
    const cpuMs = f.phaseMs - f.callsMs - f.countWaitMs;
    const unscaled = (f.callsMs + f.countWaitMs + cpuMs / TIME_SCALE) / f.slowestMs;
    console.log(
      `   ceiling ${fmt(ceiling)}: model phase ${real(f.phaseMs)} s = calls ${real(f.callsMs)} s + before the first call ` +
        `${real(f.phaseMs - f.callsMs)} s (counts in flight ${real(f.countWaitMs)} s; planning ${fmt(cpuMs)} ms of CPU, shown × ${TIME_SCALE}); ` +
        `slowest call ${real(f.slowestMs)} s → ${fmt(ratio, 2)}× (${fmt(unscaled, 2)}× with the CPU time unscaled; goal ≤ 1.15×); ` +
        `${f.calls.length} calls after ${f.counts.length} counts, coverage ${f.coverage} %`,
    );
    console.log(
      `     counts (start–end s): ${f.counts.map((c) => `${real(c.start - t0)}–${real(c.end - t0)}`).join('; ') || 'none'}`,
    );
    console.log(
      `     calls (start–end s, input/output tokens): ` +
        f.calls
          .map(
            (c) =>
              `${c.review ? 'part' : 'other'} ${real(c.start - t0)}–${real(c.end - t0)} ${fmt(c.input / 1000, 1)}k/${fmt(c.output)}`,
          )
          .join('; '),
    );
    rows.push([
      `Large PR model phase vs its slowest call, ceiling ${fmt(ceiling / 1000)}k`,
      `${real(f.phaseMs)} s vs ${real(f.slowestMs)} s = ${fmt(ratio, 2)}×, ${fmt(unscaled, 2)}× with planning CPU unscaled (${f.calls.length} calls, ${f.counts.length} counts, coverage ${f.coverage} %)`,
      '≤ 1.15×',
    ]);
  }
  // Said once so the scale is never mistaken for the model: one 1,000-token answer takes this long unscaled.
  console.log(`   (unscaled: a 1,000-token answer takes ${fmt(callMs(1000) / 1000, 1)} s)`);
}
