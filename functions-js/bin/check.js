#!/usr/bin/env node
'use strict';
// Usage: check.js [--runtime cloudfront-js-2.0|cloudfront-js-1.0] FILE...
// Prints every construct the runtime would reject as FILE:LINE:COLUMN: message; exits 1 if any.

const fs = require('node:fs');
const { parseArgs } = require('../lib/args');
const { checkFunction } = require('../lib/runtime-check');

let options;
try {
  options = parseArgs(process.argv.slice(2));
  if (options.files.length === 0) throw new Error('no function file given');
} catch (e) {
  process.stderr.write(`check: ${e.message}\n`);
  process.exit(2);
}
let failed = false;
for (const file of options.files) {
  const result = checkFunction(fs.readFileSync(file, 'utf8'), options.runtime);
  for (const p of result.problems) {
    process.stdout.write(`${file}:${p.line}:${p.column + 1}: ${p.message}\n`);
  }
  if (result.ok) process.stdout.write(`${file}: ok for ${options.runtime} (${result.bytes} bytes)\n`);
  failed = failed || !result.ok;
}
process.exit(failed ? 1 : 0);
