'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { checkFunction, MAX_FUNCTION_BYTES } = require('../lib/runtime-check');

const V1 = 'cloudfront-js-1.0';
const V2 = 'cloudfront-js-2.0';

function messages(source, runtime) {
  return checkFunction(source, runtime).problems.map((p) => p.message);
}

function withHandler(body) {
  return `function handler(event) {\n${body}\nreturn event.request;\n}\n`;
}

function assertRejected(source, runtime, fragment) {
  const found = messages(source, runtime);
  assert.ok(found.some((m) => m.includes(fragment)), `expected a problem containing "${fragment}", got ${JSON.stringify(found)}`);
}

test('a plain ES5 handler passes both runtimes', () => {
  const source = withHandler('var uri = event.request.uri; if (uri === "/") { event.request.uri = "/index.html"; }');
  assert.deepEqual(messages(source, V1), []);
  assert.deepEqual(messages(source, V2), []);
});

test('runtime 1.0 accepts the ES6+ features its page lists', () => {
  const source = withHandler([
    'var f = (a, ...rest) => `${a}-${rest.length}`;',
    'var p = 2 ** 3;',
    'var m = /(?<year>\\d{4})/.exec("2024");',
    'var q = require("querystring"); var c = require("crypto");',
  ].join('\n'));
  assert.deepEqual(messages(source, V1), []);
});

test('const and let are refused in 1.0 and accepted in 2.0', () => {
  const source = withHandler('const a = 1; let b = 2;');
  assertRejected(source, V1, 'const is not supported in cloudfront-js-1.0');
  assertRejected(source, V1, 'let is not supported in cloudfront-js-1.0');
  assert.deepEqual(messages(source, V2), []);
});

test('an async handler is refused in 1.0 and accepted in 2.0, but async closures never', () => {
  const asyncHandler = 'async function handler(event) { return event.request; }';
  assertRejected(asyncHandler, V1, 'async is not supported');
  assert.deepEqual(messages(asyncHandler, V2), []);
  assertRejected(withHandler('var f = async () => 1;'), V2, 'an async closure or argument');
});

test('features no runtime lists are refused', () => {
  const cases = [
    ['class A {}', 'class'],
    ['var {a} = event;', 'destructuring'],
    ['var [x] = [1];', 'destructuring'],
    ['var a = Math.max(...[1, 2]);', 'spread'],
    ['var f = function (a = 1) { return a; };', 'default parameter'],
    ['for (var k of [1]) {}', 'for...of'],
    ['var g = function* () { yield 1; };', 'generator'],
    ['var o = {m() { return 1; }};', 'method shorthand'],
    ['var a = 1; var o = {a};', 'shorthand property'],
    ['var o = {["k"]: 1};', 'computed property'],
    ['var v = event?.request;', 'optional chaining'],
    ['var v = event.x ?? 1;', 'nullish coalescing'],
    ['var r = /a/y;', 'regular expression flag'],
    ['var t = String.raw`x`;', 'tagged template'],
    ['try { event.x(); } catch { }', 'catch without a binding'],
    ['var n = 1n;', 'BigInt'],
  ];
  for (const [body, fragment] of cases) {
    assertRejected(withHandler(body), V2, fragment);
  }
});

test('dynamic code, timers, network and unknown modules are refused', () => {
  const cases = [
    ['eval("1");', 'eval'],
    ['var f = new Function("return 1");', 'Function constructor'],
    ['setTimeout(function () {}, 1);', 'timers are not available'],
    ['fetch("https://example.com");', 'network access'],
    ['var fs = require("fs");', 'module "fs" is not available'],
    ['var name = "crypto"; require(name);', 'string literal'],
    ['var r = require; r("crypto");', 'require may only be called directly'],
    ['process.exit(1);', 'no process object'],
  ];
  for (const [body, fragment] of cases) {
    assertRejected(withHandler(body), V1, fragment);
    assertRejected(withHandler(body), V2, fragment);
  }
});

test('a property or local name that looks like a forbidden global is not a reference to it', () => {
  const source = withHandler('var o = {eval: 1, setTimeout: 2}; var x = o.eval + o.setTimeout;');
  assert.deepEqual(messages(source, V1), []);
});

test('Map, Set and Symbol are refused in 1.0, where they are not listed', () => {
  assertRejected(withHandler('var m = new Map();'), V1, 'Map is not listed');
  assert.deepEqual(messages(withHandler('var m = new Map();'), V2), []);
});

test('the buffer module and the cloudfront import exist only in 2.0', () => {
  assertRejected(withHandler('var b = require("buffer");'), V1, 'module "buffer" is not available');
  const kvs = "import cf from 'cloudfront';\nfunction handler(event) { return event.request; }";
  assert.deepEqual(messages(kvs, V2), []);
  assertRejected(kvs, V1, 'import is not supported');
  assertRejected("import fs from 'fs';\nfunction handler(event) { return event.request; }", V2, "only \"import cf from 'cloudfront'\"");
});

test('a function without a global handler is refused', () => {
  assertRejected('function handle(event) { return event.request; }', V2, 'no top-level "function handler(event)"');
  assertRejected('export function handler(event) { return event.request; }', V2, 'export is not supported');
});

test('strict-mode errors are syntax errors, with their line', () => {
  const result = checkFunction('function handler(event) {\n  with (event) { return request; }\n}', V1);
  assert.equal(result.ok, false);
  assert.equal(result.problems[0].line, 2);
  assert.match(result.problems[0].message, /^syntax error/);
});

test('a function of exactly 10,000 bytes passes and one byte more is refused with its size', () => {
  const head = 'function handler(event) { return event.request; }\n//';
  const exact = head + 'x'.repeat(MAX_FUNCTION_BYTES - Buffer.byteLength(head));
  assert.equal(Buffer.byteLength(exact), 10000);
  assert.equal(checkFunction(exact, V2).ok, true);
  const over = exact + 'x';
  assert.deepEqual(messages(over, V2), ['function is 10001 bytes; the limit is 10000 bytes']);
});

test('size counts UTF-8 bytes, not characters', () => {
  // '한' is 3 bytes in UTF-8: 52 + 3,316 × 3 = 10,000 bytes.
  const head = 'function handler(event) { return event.request; }\n//';
  assert.equal(Buffer.byteLength(head), 52);
  const source = head + '한'.repeat(3316);
  assert.equal(checkFunction(source, V2).bytes, 52 + 3316 * 3);
  assert.equal(checkFunction(source + '한', V2).ok, false);
});
