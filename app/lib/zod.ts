// Zod for the whole app, configured before any schema is built.
//
// jitless: Zod 4 compiles object parsers with `new Function` after probing
// whether eval is allowed. The Content-Security-Policy forbids eval
// (no 'unsafe-eval', decision 016), and the browser reports the probe as a
// violation even though Zod catches it. Without the JIT Zod parses the same
// way, only a little slower, on the server and in the browser alike.
// Import `z` from here, never from "zod" (eslint's no-restricted-imports).
import { z } from "zod";

z.config({ jitless: true });

export { z };
