import { existsSync, readFileSync } from 'node:fs';

/** Linux (and other systems with a procfs) say how each process is and when it started. */
const HAS_PROCFS = existsSync('/proc/self/stat');

interface ProcStat {
  /** R, S, D, T, Z (zombie), X (dead)... */
  state: string;
  /** Clock ticks after boot when the process started (field 22). */
  startTicks: string;
}

/** `/proc/<pid>/stat`, or null when there is no such process. */
function readProcStat(pid: number | 'self'): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 is the command name in parentheses and may hold spaces or ')': fields 3.. follow the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19];
  return state === undefined || startTicks === undefined ? null : { state, startTicks };
}

/** When this process started, as the OS counts it; undefined where the OS does not say. */
export function ownProcessStart(): string | undefined {
  return HAS_PROCFS ? readProcStat('self')?.startTicks : undefined;
}

/**
 * Whether the process `pid` of this machine is gone: no such process, a zombie (killed but
 * not yet reaped by its parent, which `kill(pid, 0)` still counts as alive), or another process
 * that was given the same pid since (its start differs from `processStart`). Without a procfs
 * (macOS, Windows) only `kill(pid, 0)` can tell, and a zombie counts as alive until reaped.
 */
export function isLocalProcessGone(pid: number, processStart: string | undefined): boolean {
  const stat = HAS_PROCFS ? readProcStat(pid) : null;
  if (stat !== null) {
    if (stat.state === 'Z' || stat.state === 'X') return true;
    return processStart !== undefined && stat.startTicks !== processStart;
  }
  // No procfs, or a process it hides (another user's, under hidepid): the signal check decides.
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
