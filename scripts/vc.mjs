import { build } from 'vite';
import { gzipSync } from 'node:zlib';
for (const entry of process.argv.slice(2)) {
  const r = await build({ configFile: false, logLevel: 'silent', resolve: { alias: { 'virtual:unbind-data': '/work/main/node_modules/.cache/unbind/data.json' } }, build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'x' } } });
  const code = r[0].output[0].code;
  console.log(entry, code.length, gzipSync(code).length);
}
