// One place that configures zod for extension pages and content scripts.
import * as z from 'zod/mini';

z.config({ jitless: true }); // zod probes `new Function`, which extension CSP forbids
export { z };
