/**
 * Turns off zod's just-in-time parsers in the browser. Their probe runs
 * `new Function('')` when a schema is built, which the page's Content
 * Security Policy (no eval) refuses and reports as an error in the console.
 * Import this module first, before anything that builds a schema; parsing
 * gives the same results either way, only more slowly, which at a few
 * scenario files is not measurable.
 */
import { config } from 'zod';

config({ jitless: true });
