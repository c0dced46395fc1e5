// Every schema takes zod from here, so that the setting below is made before any schema
// is built: zod reads it when it builds an object schema, not when it parses.
//
// Why jitless: by default zod turns each object schema into a parser made with
// `new Function` on its first parse, so checking any post or config file would run code
// made from strings. That code is made from our own schemas, never from input, but
// jitless keeps it from being made at all, which is what the bundle scan
// (test/security/bundle-scan.test.ts) holds the bundles to. It costs nothing measurable:
// checking 3,046 posts took 5.3 s of CPU jitless and 5.2 s without, within the runs' spread.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
