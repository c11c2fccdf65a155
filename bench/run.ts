import { benchStartup } from './startup.ts';

/** Performance measurements (reported, never asserted in tests). `npm run bench`. */
const results = { startup: await benchStartup() };
console.log(JSON.stringify(results, null, 2));
