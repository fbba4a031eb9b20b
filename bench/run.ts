import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runBroadcast } from './benchmarks/broadcast.js';
import { runBurst } from './benchmarks/burst.js';
import { runMemory } from './benchmarks/memory.js';
import { runMemoryBreakdown } from './benchmarks/memory-breakdown.js';
import { runStartup } from './benchmarks/startup.js';
import { runStorage } from './benchmarks/storage.js';
import { compileForBenchmarks, resultsDir } from './lib/child.js';
import type { BenchContext } from './lib/context.js';
import { describeMachine } from './lib/machine.js';
import { type BenchmarkReport, formatMarkdown, formatReport } from './lib/report.js';

const benchmarks = {
  burst: runBurst,
  broadcast: runBroadcast,
  memory: runMemory,
  storage: runStorage,
  startup: runStartup,
} satisfies Record<string, (context: BenchContext) => Promise<BenchmarkReport>>;

/** Run only when named: analyses behind a benchmark's figures rather than figures with goals. */
const analyses = {
  'memory-breakdown': runMemoryBreakdown,
} satisfies Record<string, (context: BenchContext) => Promise<BenchmarkReport>>;

const runners = { ...benchmarks, ...analyses };

type BenchmarkName = keyof typeof runners;

const usage = `Usage: npm run bench -- [${Object.keys(runners).join('|')} ...] [--smoke] [--tsx] [--cpu-prof]
  names      run only these (default: ${Object.keys(benchmarks).join(', ')}, in this order)
  --smoke    tiny sizes that only prove the scripts work (figures mean nothing)
  --tsx      run bot processes through tsx instead of building them with tsc first
  --cpu-prof write CPU profiles of the bot processes into bench/results/profiles`;

function parseArguments(argv: readonly string[]) {
  const names: BenchmarkName[] = [];
  const flags = new Set<string>();
  for (const argument of argv) {
    if (argument.startsWith('--')) flags.add(argument);
    else if (argument in runners) names.push(argument as BenchmarkName);
    else return { kind: 'invalid' as const, problem: `unknown benchmark "${argument}"` };
  }
  for (const flag of flags) {
    if (!['--smoke', '--tsx', '--cpu-prof', '--help'].includes(flag))
      return { kind: 'invalid' as const, problem: `unknown option ${flag}` };
  }
  return {
    kind: 'ok' as const,
    help: flags.has('--help'),
    names: names.length > 0 ? names : (Object.keys(benchmarks) as BenchmarkName[]),
    smoke: flags.has('--smoke'),
    tsx: flags.has('--tsx') || flags.has('--smoke'),
    cpuProfile: flags.has('--cpu-prof'),
  };
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed.kind === 'invalid') {
    console.error(`${parsed.problem}\n${usage}`);
    return 2;
  }
  if (parsed.help) {
    console.log(usage);
    return 0;
  }
  const machine = describeMachine();
  console.log(`# Roundtable benchmarks${parsed.smoke ? ' (smoke)' : ''}\n${machine.summary}`);
  if (!parsed.tsx) {
    console.log('building bot processes with tsc...');
    await compileForBenchmarks();
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'roundtable-bench-'));
  const context: BenchContext = {
    smoke: parsed.smoke,
    runner: parsed.tsx ? 'tsx' : 'compiled',
    cpuProfile: parsed.cpuProfile,
    workDir,
    log: (line) => console.log(`  ${line}`),
  };
  const reports: BenchmarkReport[] = [];
  let failed = false;
  try {
    for (const name of parsed.names) {
      console.log(`\nrunning ${name}...`);
      try {
        const before = loadavg().map((value) => Math.round(value * 100) / 100);
        const report = await runners[name](context);
        report.loadAverage = { before, after: loadavg().map((value) => Math.round(value * 100) / 100) };
        reports.push(report);
        console.log(formatReport(report));
      } catch (error) {
        failed = true;
        console.error(
          `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${parsed.smoke ? 'smoke' : 'run'}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ machine, smoke: parsed.smoke, reports }, null, 2)}\n`);
  const markdown = file.replace(/\.json$/, '.md');
  writeFileSync(
    markdown,
    `Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`\n\n${machine.summary}\n\n${reports.map(formatMarkdown).join('\n\n')}\n`,
  );
  console.log(
    `\nresults written to ${path.relative(process.cwd(), file)} and ${path.relative(process.cwd(), markdown)}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
