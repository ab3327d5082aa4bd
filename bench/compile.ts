/**
 * The directory where `bench/launch.mjs` put the transpiled src/ and bench/, so a child
 * process can run them on bare `node` (no loader in the RSS figure). The launcher removes it.
 */
export function compileToTemp(): { dir: string; dispose: () => void } {
  const dir = process.env.CPR_BENCH_COMPILED;
  if (!dir) throw new Error('run the benchmark with `npm run bench` (bench/launch.mjs prepares it)');
  return { dir, dispose: () => {} };
}
