// What the scripts that run on every page weigh, gzipped, split by what the bytes are for: code,
// validation (zod and the schemas), language data. The split reads the build's source map (built with
// UNBIND_SOURCEMAP=hidden: the maps are written, the scripts do not point to them): every byte of the
// minified script belongs to the source file of the mapping segment it falls in. The language data is
// the string literal that holds the generated data's JSON text (src/detect/tables.ts imports it raw, and
// the bundler inlines it where it is parsed), found by its opening `{"languages":`; bytes no segment
// maps (a JSON module carries no map) are counted as data too.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map "mappings" as [generatedLine][] of { col, source } (source -1: a segment with no source). */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0,
        shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 1) source += fields[1];
      segs.push({ col, source: fields.length > 1 ? source : -1 });
    }
    lines.push(segs);
  }
  return lines;
}

/** The part a source file's bytes are counted in. */
export function partOf(source) {
  if (source === null) return 'language data';
  const s = source.replaceAll('\\', '/');
  if (
    /\/zod\//.test(s) ||
    /src\/shared\/(zod|messages)\.ts$/.test(s) ||
    /src\/storage\/records\.ts$/.test(s) ||
    /src\/card-hunt\/place\.ts$/.test(s)
  )
    return 'validation';
  if (/generated\/data\.js(on)?(\?raw)?$|src\/data\//.test(s)) return 'language data';
  return 'code';
}

/** Where the string literal holding the data's JSON text lies in a line ({start, end}, empty if none). */
export function dataLiteral(line) {
  const open = line.indexOf('{"languages":');
  if (open < 1) return { start: 0, end: 0 };
  const quote = line[open - 1];
  let i = open;
  while (i < line.length && line[i] !== quote) i += line[i] === '\\' ? 2 : 1;
  return { start: open - 1, end: Math.min(line.length, i + 1) };
}

/** Bytes of one built script by part; gzip of each part alone, and of the whole. */
export function splitScript(file) {
  const code = readFileSync(file, 'utf8');
  const whole = { raw: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return { whole, parts: null };
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = decodeMappings(map.mappings);
  const text = { code: '', validation: '', 'language data': '' };
  const src = code.split('\n');
  // Bytes before the first segment (the IIFE opener) count as code; a line with no segment (inside a
  // template literal that spans lines, as the language data is) belongs to the part before it.
  let part = 'code';
  for (let l = 0; l < src.length; l++) {
    const line = src[l];
    const data = dataLiteral(line);
    /** Appends line[from, to) to `part`, except what lies in the data literal. */
    const emit = (part, from, to) => {
      const a = Math.max(from, Math.min(to, data.start)),
        b = Math.min(to, Math.max(from, data.end));
      text[part] += line.slice(from, a);
      text['language data'] += line.slice(a, b);
      text[part] += line.slice(b, to);
    };
    const segs = lines[l] ?? [];
    let from = 0;
    for (const seg of segs) {
      emit(part, from, seg.col);
      from = seg.col;
      part = partOf(seg.source === -1 ? null : map.sources[seg.source]);
    }
    emit(part, from, line.length);
    text[part] += '\n';
  }
  const parts = Object.fromEntries(
    Object.entries(text).map(([k, t]) => [k, { raw: Buffer.byteLength(t), gz: t ? gzipSync(t, { level: 9 }).length : 0 }]),
  );
  return { whole, parts };
}

/** The scripts that run in every frame of every page: the guard's, which the background registers at
 *  run time (listed in src/background/guard-script-files.ts), and any manifest content script on
 *  <all_urls>. */
export function everyPageScripts(dist) {
  const listed = readFileSync(path.join(dist, '../src/background/guard-script-files.ts'), 'utf8');
  const registered = [...listed.matchAll(/\bjs: '([^']+)'/g)].map((m) => m[1]);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const declared = (manifest.content_scripts ?? []).filter((c) => c.matches?.includes('<all_urls>')).flatMap((c) => c.js);
  return [...new Set([...registered, ...declared])];
}
