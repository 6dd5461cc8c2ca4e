// What the scripts that run on every page weigh, gzipped, split by what the bytes are for: code,
// validation (zod and the schemas), language data. The split reads the build's source map (built with
// UNBIND_SOURCEMAP=hidden: the maps are written, the scripts do not point to them): every byte of the
// minified script belongs to the source file of the mapping segment it falls in. The language data is
// what maps to the generated data module (out/generated/data.js, raw template strings that span lines);
// bytes no segment maps are counted as data too.
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
  if (/generated\/data\.js$|src\/data\//.test(s)) return 'language data';
  return 'code';
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
    const segs = lines[l] ?? [];
    let from = 0;
    for (const seg of segs) {
      text[part] += line.slice(from, seg.col);
      from = seg.col;
      part = partOf(seg.source === -1 ? null : map.sources[seg.source]);
    }
    text[part] += `${line.slice(from)}\n`;
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
