// The capture script as files: built by vite.config.ts (one classic script, not registered, not in the
// manifest) and injected by the popup. No imports, so the build config loads it alone.
export const CAPTURE_SCRIPT = { source: 'src/snapshot/capture.ts', js: 'src/snapshot/capture.js' } as const;
