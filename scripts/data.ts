// Build step for the shipped data: reads src/data, validates it with zod, and writes it merged and
// without the examples to a generated JSON file that the code imports as `virtual:unbind-data` (an
// alias: crxjs builds content scripts without our plugins, but it keeps our aliases). Invalid data
// stops the build with the file and field named, so a bad table never ships.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileData } from '../src/detect/lexicon-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'src/data');

function parseJson(file: string): unknown {
  try { return JSON.parse(readFileSync(file, 'utf8')) as unknown; } catch (e) { return { invalidJson: (e as Error).message }; }
}

/** The raw data files, as they are on disk. */
export function readData() {
  const langDir = path.join(DATA, 'lang');
  const tables = readdirSync(langDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ file: `lang/${f}`, raw: parseJson(path.join(langDir, f)) }));
  return { tables, signals: parseJson(path.join(DATA, 'signals.json')) };
}

/** Validates and writes the compiled data; returns the alias table for vite's resolve.alias. */
export function dataAlias(): Record<string, string> {
  const { tables, signals } = readData();
  const { data, problems } = compileData(tables, signals);
  if (problems.length) throw new Error(`invalid data in src/data:\n  ${problems.join('\n  ')}`);
  const out = path.join(ROOT, 'node_modules/.cache/unbind/data.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(data));
  return { 'virtual:unbind-data': out };
}
