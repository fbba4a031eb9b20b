import { round } from './stats.js';

/** One measured figure, with the baseline it is compared with when there is one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value */
  ratio?: number;
}

export interface Goal {
  description: string;
  met: boolean;
  detail: string;
}

export interface BenchmarkReport {
  name: string;
  title: string;
  figures: Figure[];
  goals: Goal[];
  notes: string[];
  durationMs: number;
  /** 1, 5 and 15 minute load averages before and after, set by the runner: the machine is shared. */
  loadAverage?: { before: number[]; after: number[] };
}

export function figure(
  name: string,
  value: number,
  unit: string,
  baseline?: { name: string; value: number },
): Figure {
  return baseline
    ? { name, value, unit, baseline, ratio: baseline.value === 0 ? Number.NaN : value / baseline.value }
    : { name, value, unit };
}

function show(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return `${round(value, digits)} ${unit}`.trim();
}

export function formatReport(report: BenchmarkReport): string {
  const lines = [`## ${report.title} (${report.name}, ${round(report.durationMs / 1000, 1)} s)`];
  for (const entry of report.figures) {
    const base = entry.baseline
      ? `   baseline ${entry.baseline.name}: ${show(entry.baseline.value, entry.unit)}   ratio ${round(entry.ratio ?? Number.NaN, 2)}`
      : '';
    lines.push(`- ${entry.name}: ${show(entry.value, entry.unit)}${base}`);
  }
  for (const goal of report.goals)
    lines.push(`- goal ${goal.met ? 'MET' : 'MISSED'}: ${goal.description} (${goal.detail})`);
  for (const note of report.notes) lines.push(`- note: ${note}`);
  if (report.loadAverage)
    lines.push(
      `- load average before ${report.loadAverage.before.join(' ')}, after ${report.loadAverage.after.join(' ')}`,
    );
  return lines.join('\n');
}

function cell(value: number, unit: string): string {
  return show(value, unit).replace(/ $/, '');
}

/** The figures and goals of a report as Markdown tables, for bench/RESULTS.md. */
export function formatMarkdown(report: BenchmarkReport): string {
  const lines = [
    `### ${report.title}`,
    '',
    '| figure | Roundtable | baseline | baseline value | ratio |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  for (const entry of report.figures) {
    lines.push(
      `| ${entry.name} | ${cell(entry.value, entry.unit)} | ${entry.baseline?.name ?? ''} | ${entry.baseline ? cell(entry.baseline.value, entry.unit) : ''} | ${entry.ratio === undefined ? '' : round(entry.ratio, 2)} |`,
    );
  }
  if (report.goals.length > 0) {
    lines.push('', '| goal | met | measured |', '| --- | --- | --- |');
    for (const goal of report.goals)
      lines.push(`| ${goal.description} | ${goal.met ? 'yes' : '**no**'} | ${goal.detail} |`);
  }
  if (report.loadAverage)
    lines.push(
      '',
      `Load average (1, 5, 15 min) before: ${report.loadAverage.before.join(', ')}; after: ${report.loadAverage.after.join(', ')}.`,
    );
  return lines.join('\n');
}
