/**
 * A command's wall time and the peak resident memory of its whole process tree (npx → tsx → node,
 * esbuild's service, …), read from /proc every `intervalMs` while it runs: a peak shorter than the
 * interval can be missed, a tree's sum is not (GNU time's "maximum resident set size" is the largest
 * single process's). Linux only; elsewhere the peak is undefined.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type ProcessEntry = { pid: number; ppid: number; rssKb: number };

/** The parent and resident memory of one /proc/<pid>/status text; undefined when either is missing (a zombie has no VmRSS). */
export function parseProcStatus(pid: number, text: string): ProcessEntry | undefined {
  const ppid = /^PPid:\s*(\d+)/m.exec(text)?.[1];
  const rss = /^VmRSS:\s*(\d+)\s*kB/m.exec(text)?.[1];
  return ppid === undefined || rss === undefined ? undefined : { pid, ppid: Number(ppid), rssKb: Number(rss) };
}

/** The resident memory in kB of `root` and every process descended from it. */
export function treeRssKb(entries: readonly ProcessEntry[], root: number): number {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of entries) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  let total = 0;
  const seen = new Set<number>();
  const stack = entries.filter((entry) => entry.pid === root);
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (seen.has(entry.pid)) continue;
    seen.add(entry.pid);
    total += entry.rssKb;
    stack.push(...(children.get(entry.pid) ?? []));
  }
  return total;
}

function readProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const entry = parseProcStatus(Number(name), readFileSync(`/proc/${name}/status`, 'utf8'));
      if (entry !== undefined) entries.push(entry);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return entries;
}

export type Measured = { ms: number; peakRssBytes: number | undefined; exitCode: number; stdout: string; stderr: string };

/** Runs a command to its end, its output collected, with its wall time and its tree's peak resident memory. */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number }): Promise<Measured> {
  const polling = existsSync('/proc/self/status');
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let peakKb = 0;
    const sample = () => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(readProcesses(), child.pid));
    };
    const timer = polling ? setInterval(sample, options.intervalMs ?? 200) : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({ ms: performance.now() - started, peakRssBytes: polling ? peakKb * 1024 : undefined, exitCode: code ?? 1, stdout, stderr });
    });
  });
}
