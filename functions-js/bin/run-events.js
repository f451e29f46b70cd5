#!/usr/bin/env node
'use strict';
// Usage: run-events.js [--runtime NAME] [--no-check] FILE
// A long-lived runner for cfsim verify: loads FILE once (after the runtime check), then reads
// batches from stdin, one JSON array of events per line, and answers each with one line
// {"results": [{"value": ..., "undefinedValue": false, "logs": [...]} | {"error": "...", "logs": [...]}],
//  "nanos": <time the batch took>}; undefinedValue is true when the handler returned no JSON value.
// Events run one by one in a worker thread, timed from outside (lib/supervisor.js).
// The first line written is {"ready": true, "bytes": N} or {"fatal": "...", "problems": [...]}.

const fs = require('node:fs');
const readline = require('node:readline');
const { parseArgs } = require('../lib/args');
const { checkFunction } = require('../lib/runtime-check');
const { startSupervised } = require('../lib/supervisor');

function send(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

async function main() {
  let options;
  let fn;
  let bytes;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.files.length !== 1) throw new Error('give exactly one function file');
    const file = options.files[0];
    const source = fs.readFileSync(file, 'utf8');
    if (options.check) {
      const result = checkFunction(source, options.runtime);
      if (!result.ok) {
        send({ fatal: `${file} would be rejected by ${options.runtime}`, problems: result.problems });
        return 1;
      }
    }
    bytes = Buffer.byteLength(source, 'utf8');
    fn = await startSupervised(source, { filename: file, runtime: options.runtime });
  } catch (e) {
    send({ fatal: String(e.message || e), problems: [] });
    return 1;
  }
  send({ ready: true, bytes });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const started = process.hrtime.bigint();
      const answers = await fn.runBatchJson(line);
      const nanos = Number(process.hrtime.bigint() - started);
      // each answer is JSON text already, written by the harness's own code or the supervisor
      process.stdout.write(`{"results":[${answers.join(',')}],"nanos":${nanos}}\n`);
    }
  } finally {
    await fn.close(); // else the worker keeps the process alive after a refused batch
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  // One clean line: the message, not Node's stack.
  send({ fatal: String(e && e.message || e).split('\n')[0], problems: [] });
  process.exitCode = 1;
});
