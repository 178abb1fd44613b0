// `npm run bench` — trains W1–W3 and times W3-shaped matmuls in our core and its peers: each workload and engine in a
// Node process of its own, the matmul part in one more (bench/isolate.ts says why).
// Flags: --only W1,W2,W3,matmul   --engines core,tfjs-cpu,tfjs-wasm,jax-js   --seconds N (timed s per engine and
// workload, default 3)   --rounds N (default 5)   --warmup S (default 0.5)   --out FILE (default bench/results.json,
// "none" to skip writing)   --same-process (every part and engine in this process, engines interleaved in rounds, as
// before 2026-12-07).
// Run with `node --expose-gc --import tsx bench/run.ts` so heap checks can force a GC.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkShims } from './shims';
import { runPartsInChildProcesses } from './isolate';
import { benchMatmul, benchWorkload } from './harness';
import type { CheckReport, HarnessOptions, MatmulResult, WorkloadResult } from './harness';
import { allRatios, describeEngines, machineInfo, printTable, printTargets, targetVerdicts } from './report';
import type { ResultsFile } from './report';
import type { Engine, EngineName, WorkloadData } from './types';
import { makeW1 } from './workloads/w1';
import { makeW2 } from './workloads/w2';
import { makeW3 } from './workloads/w3';
import { makeMatmulCases } from './workloads/matmul';

const ALL_PARTS = ['W1', 'W2', 'W3', 'matmul'] as const;
const ALL_ENGINES: EngineName[] = ['core', 'tfjs-cpu', 'tfjs-wasm', 'jax-js'];

interface Cli extends HarnessOptions {
  only: string[];
  engines: EngineName[];
  out: string | null;
  sameProcess: boolean;
}

function parseArgs(argv: string[]): Cli {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const cli: Cli = {
    only: [...ALL_PARTS],
    engines: [...ALL_ENGINES],
    seconds: 3,
    rounds: 5,
    warmupSeconds: 0.5,
    checkSteps: 5,
    out: path.join(here, 'results.json'),
    sameProcess: false,
  };
  const list = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const num = (flag: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new Error(`${flag} needs a number in [${min}, ${max}], got "${v}"`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--only': {
        const parts = list(value());
        const bad = parts.filter((p) => !(ALL_PARTS as readonly string[]).includes(p));
        if (bad.length)
          throw new Error(`--only: unknown part(s) ${bad.join(', ')}; use ${ALL_PARTS.join(', ')}`);
        cli.only = parts;
        break;
      }
      case '--engines': {
        const names = list(value());
        const bad = names.filter((n) => !(ALL_ENGINES as string[]).includes(n));
        if (bad.length)
          throw new Error(`--engines: unknown engine(s) ${bad.join(', ')}; use ${ALL_ENGINES.join(', ')}`);
        cli.engines = names as EngineName[];
        break;
      }
      case '--seconds':
        cli.seconds = num('--seconds', value(), 0.05, 600);
        break;
      case '--rounds':
        cli.rounds = Math.round(num('--rounds', value(), 1, 100));
        break;
      case '--warmup':
        cli.warmupSeconds = num('--warmup', value(), 0, 60);
        break;
      case '--out': {
        const v = value();
        cli.out = v === 'none' ? null : path.resolve(v);
        break;
      }
      case '--trajectory': // internal: a child of bench/isolate.ts with one engine
        cli.trajectory = true;
        break;
      case '--same-process':
        cli.sameProcess = true;
        break;
      case '--help':
        console.log(
          'usage: npm run bench -- [--only W1,W2,W3,matmul] [--engines core,tfjs-cpu,tfjs-wasm,jax-js]',
        );
        console.log(
          '                        [--seconds 3] [--rounds 5] [--warmup 0.5] [--out bench/results.json|none]',
        );
        console.log(
          '                        [--same-process]  (default: a Node process per workload and engine, see bench/isolate.ts)',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown flag "${argv[i]}" (try --help)`);
    }
  }
  return cli;
}

async function createEngines(names: EngineName[]): Promise<Engine[]> {
  const engines: Engine[] = [];
  for (const name of names) {
    // Imported lazily so `--engines core` does not load TensorFlow.js or jax-js at all.
    if (name === 'core') engines.push(await (await import('./engines/core')).createCoreEngine());
    if (name === 'tfjs-cpu') engines.push(await (await import('./engines/tfjs')).createTfjsEngine('cpu'));
    if (name === 'tfjs-wasm') engines.push(await (await import('./engines/tfjs')).createTfjsEngine('wasm'));
    if (name === 'jax-js') engines.push(await (await import('./engines/jax')).createJaxEngine());
  }
  return engines;
}

/** Runs the selected workloads in order (W1, W2, W3), each across every engine. */
async function runWorkloads(
  cli: Cli,
  engines: Engine[],
): Promise<{ results: WorkloadResult[]; checks: CheckReport[] }> {
  const makers: Record<string, () => WorkloadData> = { W1: makeW1, W2: makeW2, W3: makeW3 };
  const results: WorkloadResult[] = [];
  const checks: CheckReport[] = [];
  for (const id of ['W1', 'W2', 'W3']) {
    if (!cli.only.includes(id)) continue;
    const t0 = performance.now();
    const { results: r, check } = await benchWorkload(makers[id](), engines, cli);
    results.push(...r);
    checks.push(check);
    console.log(`[${id}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { results, checks };
}

/** What every engine is given and how it is timed, written into the results file. */
const FAIRNESS = [
  'Same seeded initial weights (bench/prng.ts) handed to every engine; same pre-generated batches in the same order.',
  'float32 everywhere; Adam β1 0.9, β2 0.999, ε 1e-8 set explicitly; SGD without momentum for W1.',
  'Losses of the first steps compared across engines before timing (see checks).',
  "After timing, each engine's last loss compared with a fresh reference run of as many steps (checks[].final).",
  'W2: every engine hoists the input and output projections out of the time loop (one product each, as the core).',
  'jax-js: batches are device arrays built once, untimed, passed by reference (as the others hold theirs ready).',
  'Matmul: the whole product of every engine compared with the first engine (max |ΔC|).',
  'Warm-up, then timed rounds; median ms/step over rounds.',
  'Every step reads its loss back to a JS number, as the live UI does.',
  'All engines single-threaded (tfjs-wasm threads disabled; jax-js has no Worker in Node).',
  'jax-js: the whole train step (valueAndGrad + optimiser update) is one jit; embeddings as one-hot matmuls.',
];

/** Added to FAIRNESS when the parts ran in processes of their own. */
const ISOLATION = [
  'Each workload runs in a fresh Node process per engine, as the app gives each experiment a fresh worker: no workload inherits JIT or heap state from an earlier one, and no engine runs in a process another engine has changed (bench/isolate.ts).',
  "Why per engine: after any ArrayBuffer detach or WebAssembly memory grow, Node 20's V8 runs every typed-array loop in the process slower (measured: 2.3 → 5.2 ns an element); jax-js grows its Wasm memory from 0 pages, which slowed the core's W3 from 50.4 to 65.5 ms a step when they were interleaved.",
  'First losses and final losses are compared across engines from what each process reports (checks[]).',
];

/** The same, when everything ran in this process (--same-process, or one workload and one engine). */
const SAME_PROCESS = 'Engines interleaved in rounds in one process (the engine order rotates every round).';

/**
 * Whether everything runs in this process (--same-process, or one part that needs no more than one process: the
 * matmul part, or one workload with one engine) rather than in child processes (bench/isolate.ts).
 */
const inThisProcess = (cli: Cli) =>
  cli.sameProcess || (cli.only.length === 1 && (cli.only[0] === 'matmul' || cli.engines.length === 1));

/** The results file: machine, options, fairness notes, engines, checks, every result, ratios and verdicts. */
function resultsFile(
  cli: Cli,
  machine: ResultsFile['machine'],
  engines: ResultsFile['engines'],
  run: { results: WorkloadResult[]; checks: CheckReport[]; matmul: MatmulResult[] },
  ratios: ResultsFile['ratios'],
  targets: ResultsFile['targets'],
): ResultsFile {
  const { only, seconds, rounds, warmupSeconds, checkSteps } = cli;
  return {
    machine,
    options: {
      only,
      engines: cli.engines,
      seconds,
      rounds,
      warmupSeconds,
      checkSteps,
      processes: inThisProcess(cli) ? 'one' : 'one per workload and engine, one for matmul',
    },
    fairness: inThisProcess(cli) ? [...FAIRNESS, SAME_PROCESS] : [...FAIRNESS, ...ISOLATION],
    engines,
    checks: run.checks,
    workloads: run.results,
    ratios,
    targets,
    matmul: run.matmul,
    notes: [`load average (1 min) at end: ${machineInfo().loadAverage1m}`],
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const cli = parseArgs(process.argv.slice(2));
  checkShims();
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.warn(
      'warning: run with node --expose-gc (npm run bench does) — heap checks are unreliable without it',
    );
  }
  const machine = machineInfo();
  console.log(`Gradient Lab bench — ${machine.cpu} × ${machine.cores}, Node ${machine.node}, ${machine.os}`);
  console.log(`load average (1 min) at start: ${machine.loadAverage1m} — other processes share these cores`);
  const { results, checks, matmul, engines, failedParts } = inThisProcess(cli)
    ? await runInThisProcess(cli)
    : runIsolated(cli);
  console.log('');
  printTable(results, matmul);
  const ratios = allRatios(results, matmul);
  const targets = targetVerdicts(ratios);
  printTargets(targets);

  if (cli.out) {
    const file = resultsFile(cli, machine, engines, { results, checks, matmul }, ratios, targets);
    writeFileSync(cli.out, JSON.stringify(file, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(process.cwd(), cli.out)}`);
  }
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const failed = [...results, ...matmul].filter((r) => r.status === 'error' || r.status === 'mismatch');
  if (failed.length || failedParts.length) {
    console.error(`\n!!! ${failed.length} engine/workload pair(s) failed or disagreed — see above.`);
    if (failedParts.length) console.error(`!!! part process(es) failed: ${failedParts.join(', ')}`);
    return 1;
  }
  return 0;
}

/** Every selected part here, one after another (a single part, or --same-process). */
async function runInThisProcess(cli: Cli) {
  const engines = await createEngines(cli.engines);
  for (const e of engines) console.log(`  ${e.name.padEnd(10)} ${e.description}`);
  const { results, checks } = await runWorkloads(cli, engines);
  const matmul: MatmulResult[] = [];
  if (cli.only.includes('matmul')) {
    const mmOpts = { ...cli, seconds: Math.min(cli.seconds, 1.5) };
    for (const c of makeMatmulCases()) matmul.push(...(await benchMatmul(c, engines, mmOpts)));
  }
  return { results, checks, matmul, engines: describeEngines(engines), failedParts: [] as string[] };
}

/** Each selected part in a child process of this script (bench/isolate.ts), in the order W1, W2, W3, matmul. */
function runIsolated(cli: Cli) {
  const parts = ALL_PARTS.filter((p) => cli.only.includes(p));
  return runPartsInChildProcesses(fileURLToPath(import.meta.url), parts, cli);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
