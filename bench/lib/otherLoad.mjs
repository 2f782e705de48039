// How much of the machine's CPU other work used while the benchmark ran: busy time of all CPUs
// (/proc/stat) less the time of this process, its descendants (browsers, servers) and the
// children they have already reaped. The 1-minute load average cannot tell the two apart.
import { readFileSync, readdirSync } from 'node:fs';

function machineTicks() {
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { total, busy: total - idle - iowait };
}

function ownTicks() {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after "(comm)": state ppid ... utime stime cutime cstime are the 12th to 15th.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(pid, { ppid: f[1], ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      /* the process ended meanwhile */
    }
  }
  const family = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) if (family.has(p.ppid) && !family.has(pid)) grew = Boolean(family.add(pid));
  }
  return [...family].reduce((n, pid) => n + (procs.get(pid)?.ticks ?? 0), 0);
}

/** `since()` gives the share of the whole machine (all cores) other processes kept busy since the previous call. */
export function otherLoadMeter() {
  let last = { ...machineTicks(), own: ownTicks() };
  return {
    since() {
      const now = { ...machineTicks(), own: ownTicks() };
      const share = (now.busy - last.busy - (now.own - last.own)) / (now.total - last.total);
      last = now;
      return Math.max(0, share);
    },
  };
}
