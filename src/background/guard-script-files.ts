// The guard's content scripts, as files: read by vite.config.ts (which builds each as one classic
// script), by guard-scripts.ts (which registers them) and wake.ts (which injects the second part), and
// by scripts/lib/size.mjs. No imports, so the build config loads it alone.

/** Registered for every page: the main-world hook first, then the guard. `source` is built to `js`,
 *  the file in the package. */
export const GUARD_SCRIPTS = [
  { id: 'unbind-hook', source: 'src/content/page-hook.ts', js: 'src/content/page-hook.js', world: 'MAIN' },
  { id: 'unbind-guard', source: 'src/content/index.ts', js: 'src/content/index.js', world: 'ISOLATED' },
] as const;

/** Injected by the background into a frame once it has something to say (not on every page, so its
 *  file is named `injected`, not `js`: the size count reads the `js` files above). */
export const WAKE_SCRIPT = { source: 'src/content/wake.ts', injected: 'src/content/wake.js' } as const;
