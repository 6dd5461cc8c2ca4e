// The guard's content scripts, as files: read by vite.config.ts (which builds each as one classic
// script) and by guard-scripts.ts (which registers them). No imports, so the build config loads it alone.

/** The main-world hook first, then the guard. `source` is built to `js`, the file in the package. */
export const GUARD_SCRIPTS = [
  { id: 'unbind-hook', source: 'src/content/shadow-hook.ts', js: 'src/content/shadow-hook.js', world: 'MAIN' },
  { id: 'unbind-guard', source: 'src/content/index.ts', js: 'src/content/index.js', world: 'ISOLATED' },
] as const;
