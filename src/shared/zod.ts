// One place that configures zod for extension pages and content scripts.
import * as z from 'zod/mini';

z.config({ jitless: true }); // zod probes `new Function`, which extension CSP forbids
export { z };

/** A zod error as one line: "field.path: message; other: message". */
export const describeIssues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
