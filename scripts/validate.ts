/**
 * `npm run validate`: runs dgsim's analytic checks and the default city's
 * comparison with published figures, writes docs/validation.md (with its
 * figures in docs/validation/) and docs/calibration.md, and prints a table.
 *
 *   --check    write nothing; exit 1 if a generated file differs from the committed one
 *   --strict   also exit 1 when the default city misses a calibration target
 *
 * Exit code: 0 when every analytic check passes (and, with --strict, every
 * target is within tolerance), 1 otherwise. Data to stdout, progress to stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationTable } from '../src/validation/render-validation.js';
import { buildValidationDocs } from '../src/validation/validation-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check' && arg !== '--strict');
if (unknown.length > 0) {
  process.stderr.write(`validate: unknown argument ${unknown.join(' ')} (use --check, --strict)\n`);
  process.exit(2);
}
const checkOnly = args.includes('--check');
const strict = args.includes('--strict');

const { report, files } = buildValidationDocs(root, (part) => process.stderr.write(`validate: ${part}…\n`));
process.stdout.write(validationTable(report));

let stale = 0;
for (const [file, content] of files) {
  const path = join(root, 'docs', file);
  if (checkOnly) {
    let committed: string | undefined;
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== content) {
      stale++;
      process.stderr.write(`validate: docs/${file} is out of date (run npm run validate)\n`);
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
if (!checkOnly) process.stderr.write(`validate: wrote ${[...files.keys()].map((file) => `docs/${file}`).join(', ')}\n`);

const failed = report.checks.filter((check) => !check.passed).map((check) => check.id);
if (failed.length > 0) process.stderr.write(`validate: FAILED: ${failed.join(', ')}\n`);
if (!report.city.passed) process.stderr.write(`validate: the default city misses calibration targets (see docs/calibration.md)${strict ? '' : '; not an error without --strict'}\n`);
process.exitCode = failed.length > 0 || stale > 0 || (strict && !report.city.passed) ? 1 : 0;
