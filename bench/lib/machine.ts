import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
  commit: string;
  summary: string;
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const cpus = os.availableParallelism();
  const cpuModel = os.cpus()[0]?.model ?? 'unknown';
  const memoryGiB = Math.round((os.totalmem() / 1024 ** 3) * 10) / 10;
  const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const commit = currentCommit();
  const summary = `machine: ${cpus} CPUs (${cpuModel}), ${memoryGiB} GiB, node ${process.version}, ${process.platform}; load average ${loadAverage.join(' ')}; commit ${commit}`;
  return {
    cpus,
    cpuModel,
    memoryGiB,
    node: process.version,
    platform: process.platform,
    loadAverage,
    commit,
    summary,
  };
}
