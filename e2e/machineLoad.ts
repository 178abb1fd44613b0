import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * Is something else competing for the CPU? The 1-minute load average is a poor answer here: it lags a minute behind
 * (the main suite's two workers still weigh on it during the first perf tests) and counts every runnable thread of
 * the test's own browser — it read 3.6–4.4 on two cores while a quarter of the CPU stood idle. The idle share is no
 * better: a perf test's own worker, page and software compositor keep it near 10 % on a quiet 2-core machine. What a
 * timing check needs to know is how much CPU went to processes that are NOT this test: all CPU time (Linux
 * `/proc/stat`) minus that of this Playwright worker and its browser (`/proc/<pid>/stat` of the process tree).
 * Elsewhere (no /proc) the load average is the fallback.
 */

/** Another process took this share of all CPU time during a measurement: the wall clock says little about the app. */
export const MAX_OTHER_SHARE = 0.25;
/** Fallback without /proc: a load average per core at or above this counts as contended. */
const MAX_LOAD_PER_CORE = 1.5;

interface CpuTimes {
  /** All CPU time not idle, every core, in clock ticks since boot. */
  busy: number;
  total: number;
  /** CPU time of this process and its descendants (the browser it launched), in clock ticks. */
  ours: number;
}

function readStat(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // not Linux, or the process just exited
  }
}

/** CPU ticks (user + system) of every process, with its parent, from /proc/<pid>/stat. */
function processTicks(): Map<number, { ppid: number; ticks: number }> {
  const out = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = readStat(`/proc/${name}/stat`);
    if (!text) continue;
    // "pid (comm) state ppid … utime stime …": comm may contain spaces, so split after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    out.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return out;
}

function cpuTimes(): CpuTimes | null {
  const stat = readStat('/proc/stat');
  if (!stat) return null;
  // cpu user nice system idle iowait irq softirq steal: idle + iowait is time no task wanted the CPU.
  const f = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  const procs = processTicks();
  const ours = new Set([process.pid]);
  // Descendants: repeat until no new child is found (the tree is a few levels deep).
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs)
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        grew = true;
      }
  }
  let oursTicks = 0;
  for (const pid of ours) oursTicks += procs.get(pid)?.ticks ?? 0;
  return { busy: total - f[3] - f[4], total, ours: oursTicks };
}

export const loadPerCore = () => loadavg()[0] / cpus().length;

export interface CpuWindow {
  /** Share of all CPU time since the window started that went to other processes (null without /proc). */
  otherShare(): number | null;
  /** Idle share of all CPU time since the window started (null without /proc). */
  idleShare(): number | null;
  /** True when something else competed for the CPU during the window. */
  contended(): boolean;
  /** For the log: "CPU idle 12 %, other processes 1 % over 20.4 s (load 1.0 per core)". */
  describe(): string;
}

/** Starts measuring CPU contention now (call just before the timed part of a test). */
export function startCpuWindow(): CpuWindow {
  const start = cpuTimes();
  const startedAt = Date.now();
  const delta = () => {
    const now = cpuTimes();
    if (!start || !now || now.total <= start.total) return null;
    const total = now.total - start.total;
    const others = Math.max(0, now.busy - start.busy - Math.max(0, now.ours - start.ours));
    return { idle: 1 - (now.busy - start.busy) / total, other: others / total };
  };
  return {
    otherShare: () => delta()?.other ?? null,
    idleShare: () => delta()?.idle ?? null,
    contended() {
      const d = delta();
      return d === null ? loadPerCore() >= MAX_LOAD_PER_CORE : d.other > MAX_OTHER_SHARE;
    },
    describe() {
      const d = delta();
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      const shares =
        d === null
          ? 'CPU shares unknown'
          : `CPU idle ${(d.idle * 100).toFixed(0)} %, other processes ${(d.other * 100).toFixed(0)} %`;
      return `${shares} over ${seconds} s (load ${loadPerCore().toFixed(1)} per core)`;
    },
  };
}

/** Waits until the machine is quiet: ≥ 80 % of the CPU idle over 2 s (or, without /proc, load < 1 per core). */
export async function waitForQuietMachine(maxMs: number): Promise<string> {
  const started = Date.now();
  for (;;) {
    const window = startCpuWindow();
    await new Promise((r) => setTimeout(r, 2_000));
    const share = window.idleShare();
    const quiet = share === null ? loadPerCore() < 1 : share >= 0.8;
    if (quiet || Date.now() - started >= maxMs)
      return `waited ${((Date.now() - started) / 1000).toFixed(0)} s for a quiet machine (${window.describe()})`;
  }
}
