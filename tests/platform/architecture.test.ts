import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const source = resolve('src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(source);
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

function importsOf(file: string): string[] {
  const text = texts.get(file) ?? '';
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gs)].map(
    (match) => match[1] ?? '',
  );
}

function resolveRelative(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
}

const shown = (file: string) => relative(source, file);

describe('architecture', () => {
  test('GIVEN the layers of a feature below discord/ (core, storage, messages, use-cases) THEN none imports discord.js', () => {
    const pure = files.filter((file) => /\/features\/[^/]+\/(core|storage|messages|use-cases)\//.test(file));
    expect(pure.length).toBeGreaterThan(20);
    const offending = pure.filter((file) => importsOf(file).some((name) => name.startsWith('discord.js')));
    expect(offending.map(shown)).toEqual([]);
  });

  test('GIVEN the platform folder THEN it imports nothing from the features or the app', () => {
    const offending = files
      .filter((file) => shown(file).startsWith('platform/'))
      .flatMap((file) =>
        importsOf(file)
          .map((specifier) => resolveRelative(file, specifier))
          .filter((target) => target !== undefined && !shown(target).startsWith('platform/'))
          .map((target) => `${shown(file)} -> ${shown(target ?? '')}`),
      );
    expect(offending).toEqual([]);
  });

  test('GIVEN the features THEN none imports the app that assembles them', () => {
    const offending = files
      .filter((file) => shown(file).startsWith('features/'))
      .flatMap((file) =>
        importsOf(file)
          .map((specifier) => resolveRelative(file, specifier))
          .filter((target) => target !== undefined && shown(target).startsWith('app/'))
          .map((target) => `${shown(file)} -> ${shown(target ?? '')}`),
      );
    expect(offending).toEqual([]);
  });

  test('GIVEN every source file THEN none is longer than 400 lines', () => {
    const long = files
      .map((file) => ({ file: shown(file), lines: (texts.get(file) ?? '').split('\n').length - 1 }))
      .filter((entry) => entry.lines > 400);
    expect(long).toEqual([]);
  });

  test('GIVEN the imports between source files THEN they form no cycle', () => {
    const edges = new Map(
      files.map((file) => [
        file,
        importsOf(file)
          .map((specifier) => resolveRelative(file, specifier))
          .filter((target): target is string => target !== undefined && texts.has(target)),
      ]),
    );
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      state.set(file, 'visiting');
      for (const target of edges.get(file) ?? []) {
        if (state.get(target) === 'visiting')
          cycles.push([...path.slice(path.indexOf(target)), target].map(shown).join(' -> '));
        else if (state.get(target) === undefined) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (state.get(file) === undefined) visit(file, [file]);
    expect(cycles).toEqual([]);
  });
});
