#!/usr/bin/env node
// The dgsim command: runs the compiled CLI (`npm run build` makes dist/; `npm ci` runs it through `prepare`).
try {
  await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('dgsim: the command is not built yet: run "npm run build" in the dgsim directory first\n');
    process.exitCode = 70;
  } else {
    throw error;
  }
}
