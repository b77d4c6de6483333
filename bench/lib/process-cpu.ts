import { readdirSync, readFileSync } from 'node:fs';

// CPU seconds used by processes, read from /proc (Linux): on a shared machine, throughput alone
// says how busy the neighbours were; CPU per event says what the work itself costs.

interface Proc {
  pid: number;
  ppid: number;
  cpuSeconds: number;
  /** CPU seconds of its children that ended and were waited for (PostgreSQL's closed backends). */
  endedChildrenCpuSeconds: number;
  cmdline: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
      // Fields 14 to 17 of stat (utime, stime, cutime, cstime), counted from the state field (3).
      const seconds = (at: number) => Number(fields[at]) / 100;
      out.push({ pid: Number(pid), ppid: Number(fields[1]), cpuSeconds: seconds(11) + seconds(12), endedChildrenCpuSeconds: seconds(13) + seconds(14), cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** CPU seconds so far of one process; NaN where /proc is unavailable. */
export function processCpu(pid: number): number {
  return processes().find((p) => p.pid === pid)?.cpuSeconds ?? Number.NaN;
}

/** CPU seconds so far of the PostgreSQL server listening on `url`'s port (postmaster and its backends); NaN if not found. */
export function postgresCpu(url: string): number {
  const port = new URL(url).port;
  const all = processes();
  const postmaster = all.find((p) => /postgres|postmaster/.test(p.cmdline) && new RegExp(`-p ${port}\\b`).test(p.cmdline));
  if (!postmaster) return Number.NaN;
  // A backend that closed between two readings leaves the live processes but not the postmaster's
  // tally of its ended children: count both, or a pool closing idle connections reads as negative.
  const live = all.filter((p) => p.pid === postmaster.pid || p.ppid === postmaster.pid).reduce((sum, p) => sum + p.cpuSeconds, 0);
  return live + postmaster.endedChildrenCpuSeconds;
}

/**
 * CPU seconds so far of one process's main thread and of its database thread (the PGlite worker,
 * told by its nice value of 10: src/server/store/sql/pglite-worker.ts), and the seconds the main
 * thread was ready to run but waited for a core (schedstat); NaN where /proc is unavailable.
 */
export function threadCpu(pid: number): { main: number; database: number; mainWaited: number } {
  let main = Number.NaN;
  let database = Number.NaN;
  let mainWaited = Number.NaN;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      if (Number(tid) === pid) {
        main = seconds;
        // schedstat: nanoseconds on a core, nanoseconds waiting in the run queue, time slices.
        mainWaited = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
      } else if (Number(fields[16]) === 10) database = (Number.isNaN(database) ? 0 : database) + seconds;
    }
  } catch {
    // The process ended, or no /proc (or no schedstat).
  }
  return { main, database, mainWaited };
}
