'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const readline = require('node:readline');

const RUNNER = path.join(__dirname, '..', 'bin', 'run-events.js');

// every test's temporary folder, removed when the file's tests are done (they piled up in /tmp)
const made = [];
test.after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function writeFunction(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfsim-fn-'));
  made.push(dir);
  const file = path.join(dir, 'function.js');
  fs.writeFileSync(file, source);
  return file;
}

function startRunner(args) {
  const child = spawn(process.execPath, [RUNNER, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async next() { return JSON.parse((await lines.next()).value); },
  };
}

test('one runner process answers batch after batch, one line each', async () => {
  const file = writeFunction('function handler(event) { return { statusCode: 302, headers: { location: { value: "https://x" + event.request.uri } } }; }');
  const runner = startRunner(['--runtime', 'cloudfront-js-1.0', file]);
  assert.deepEqual(await runner.next(), { ready: true, bytes: fs.statSync(file).size });
  const batch = (uris) => JSON.stringify(uris.map((uri) => ({ request: { uri } }))) + '\n';
  runner.child.stdin.write(batch(['/a', '/b']));
  const first = await runner.next();
  assert.deepEqual(first.results.map((r) => r.value.headers.location.value), ['https://x/a', 'https://x/b']);
  assert.ok(first.nanos > 0);
  runner.child.stdin.write(batch(['/c']));
  assert.equal((await runner.next()).results[0].value.headers.location.value, 'https://x/c');
  runner.child.stdin.end();
  const code = await new Promise((resolve) => runner.child.on('exit', resolve));
  assert.equal(code, 0);
});

test('a function the runtime would reject is refused before any event runs', async () => {
  const file = writeFunction('function handler(event) { const r = event.request; return r; }');
  const runner = startRunner(['--runtime', 'cloudfront-js-1.0', file]);
  const first = await runner.next();
  assert.match(first.fatal, /would be rejected by cloudfront-js-1.0/);
  assert.equal(first.problems[0].message, 'const is not supported in cloudfront-js-1.0');
  const code = await new Promise((resolve) => runner.child.on('exit', resolve));
  assert.equal(code, 1);
});

test('a result JSON cannot hold is an error for that event only', async () => {
  const file = writeFunction('function handler(event) { if (event.request.uri === "/cycle") { var o = {}; o.self = o; return o; } return event.request; }');
  const runner = startRunner([file]);
  assert.equal((await runner.next()).ready, true);
  runner.child.stdin.write(JSON.stringify([{ request: { uri: '/cycle' } }, { request: { uri: '/ok' } }]) + '\n');
  const { results } = await runner.next();
  assert.match(results[0].error, /not JSON/);
  assert.equal(results[1].value.uri, '/ok');
  runner.child.stdin.end();
});
