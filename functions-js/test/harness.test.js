'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFunction } = require('../lib/harness');

function event(uri, headers = {}) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.10' },
    request: { method: 'GET', uri, querystring: {}, headers, cookies: {} },
  };
}

async function runOne(source, evt, options) {
  const [result] = await loadFunction(source, options).runBatch([evt]);
  return result;
}

test('the handler runs on each event of a batch, in order', async () => {
  const fn = loadFunction('function handler(event) { var r = event.request; r.uri = r.uri + "x"; return r; }');
  const results = await fn.runBatch([event('/a'), event('/b')]);
  assert.deepEqual(results.map((r) => r.value.uri), ['/ax', '/bx']);
});

test('a handler that throws gives an error for that event only', async () => {
  const fn = loadFunction('function handler(event) { if (event.request.uri === "/bad") { throw new TypeError("boom"); } return event.request; }');
  const results = await fn.runBatch([event('/bad'), event('/good')]);
  assert.equal(results[0].error, 'TypeError: boom');
  assert.equal(results[1].value.uri, '/good');
});

test('the function runs in strict mode', async () => {
  const result = await runOne('function handler(event) { undeclared = 1; return event.request; }', event('/'));
  assert.match(result.error, /ReferenceError: undeclared is not defined/);
});

test('eval and the Function constructor throw as at the edge', async () => {
  assert.match((await runOne('function handler(event) { return eval("1"); }', event('/'))).error, /EvalError/);
  assert.match((await runOne('function handler(event) { return Function("return 1")(); }', event('/'))).error, /EvalError/);
});

test('timers, process, the file system and the network are absent', async () => {
  for (const name of ['setTimeout', 'setImmediate', 'process', 'fetch', 'module', 'exports', '__dirname']) {
    const result = await runOne(`function handler(event) { return { t: typeof ${name} }; }`, event('/'));
    assert.equal(result.value.t, 'undefined', name);
  }
  const fs = await runOne('function handler(event) { return require("fs"); }', event('/'));
  assert.match(fs.error, /Cannot find module 'fs'/);
});

test('require gives the runtime modules only', async () => {
  const source = 'function handler(event) { return { h: require("crypto").createHash("sha256").update("a").digest("hex") }; }';
  const result = await runOne(source, event('/'), { runtime: 'cloudfront-js-1.0' });
  assert.equal(result.value.h, 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  const buffer = await runOne('function handler(event) { return require("buffer"); }', event('/'), { runtime: 'cloudfront-js-1.0' });
  assert.match(buffer.error, /Cannot find module 'buffer'/);
});

test('an async handler is awaited', async () => {
  const result = await runOne('async function handler(event) { var r = await Promise.resolve(event.request); return r; }', event('/async'));
  assert.equal(result.value.uri, '/async');
});

test('a rejected promise is an error for that event', async () => {
  const result = await runOne('async function handler(event) { throw new Error("no"); }', event('/'));
  assert.match(result.error, /Error: no/);
});

test('events are objects of the function realm, not shared between calls', async () => {
  const fn = loadFunction('function handler(event) { event.request.headers.seen = {value: "1"}; return { isObject: event instanceof Object, n: Object.keys(event.request.headers).length }; }');
  const results = await fn.runBatch([event('/'), event('/')]);
  assert.equal(JSON.stringify(results.map((r) => r.value)), JSON.stringify([{ isObject: true, n: 1 }, { isObject: true, n: 1 }]));
});


test('console.log is captured, not printed', async () => {
  const fn = loadFunction('function handler(event) { console.log("uri", event.request.uri); return event.request; }');
  await fn.runBatch([event('/x')]);
  assert.deepEqual(fn.logs, ['uri /x']);
});

test('a script without a global handler is refused on load', () => {
  assert.throws(() => loadFunction('var handle = 1;', { filename: 'f.js' }), /f\.js: no global function named handler/);
});

test('a function that replaces JSON or Array methods does not break the harness', async () => {
  const fn = loadFunction('JSON = null; Array.prototype.push = function () { throw new Error("x"); };\n'
    + 'function handler(event) { return event.request; }');
  const results = await fn.runBatch([event('/a'), event('/b')]);
  assert.deepEqual(results.map((r) => r.value.uri), ['/a', '/b']);
});

test('a function that imports the cloudfront module is refused with a clear reason', () => {
  assert.throws(() => loadFunction("import cf from 'cloudfront';\nfunction handler(event) { return event.request; }", { filename: 'kvs.js' }),
    /kvs\.js: imports the cloudfront module \(KeyValueStore, origin selection\), which cfsim's harness does not emulate/);
});

// Each expression evaluates to something the function can reach; its constructor must be the
// function realm's Function, which refuses code from strings, never Node's own.
const ESCAPES = {
  'console.log.constructor': 'console.log.constructor',
  'console.constructor.constructor': 'console.constructor.constructor',
  'require.constructor': 'require.constructor',
  'a module function': 'require("crypto").createHash.constructor',
  'a hash object': 'require("crypto").createHash("sha256").constructor.constructor',
  'a hash method': 'require("crypto").createHmac("sha256", "k").update.constructor',
  'querystring.parse': 'require("querystring").parse.constructor',
  'a parsed query': 'require("querystring").parse("a=1&a=2").a.constructor.constructor',
  'Buffer': 'require("buffer").Buffer.constructor',
  'a buffer': 'require("buffer").Buffer.from("a").constructor.constructor',
  'a digest buffer': 'require("crypto").createHash("sha256").update("a").digest().constructor.constructor',
  'the prototype of console.log': 'Object.getPrototypeOf(console.log).constructor',
  'the prototype of require': 'Object.getPrototypeOf(Object.getPrototypeOf(require)).constructor.constructor',
  'the global object': 'globalThis.constructor.constructor',
  'the prototype of the global object': 'Object.getPrototypeOf(globalThis).constructor.constructor',
  'an error from require': '(function () { try { require("fs"); } catch (e) { return e.constructor.constructor; } })()',
  'an error from a module': '(function () { try { require("crypto").createHash("no-such-hash"); } catch (e) { return e.constructor.constructor; } })()',
  'an error from digest': '(function () { var h = require("crypto").createHash("sha256"); h.digest("hex"); try { h.digest("hex"); } catch (e) { return e.constructor.constructor; } })()',
  'an error from Buffer': '(function () { try { require("buffer").Buffer.from({}); } catch (e) { return e.constructor.constructor; } })()',
  'an error from querystring': '(function () { try { require("querystring").unescape(Symbol()); } catch (e) { return e.constructor.constructor; } })()',
};

for (const [name, expression] of Object.entries(ESCAPES)) {
  test(`a function cannot reach Node through ${name}`, async () => {
    const source = `function handler(event) {
      var F = ${expression};
      try { var p = F("return pro" + "cess")(); return { reached: typeof p }; } catch (e) { return { refused: String(e) }; }
    }`;
    const result = await runOne(source, event('/'));
    assert.equal(result.error, undefined, name);
    assert.equal(result.value.reached, undefined, `${name} reached ${result.value.reached}`);
    assert.match(result.value.refused, /EvalError|TypeError/, name);
  });
}

test('a thenable returned by the handler is not handed Node functions', async () => {
  const source = `function handler(event) {
    return { then: function (resolve) { resolve({ reached: typeof resolve.constructor("return pro" + "cess")() }); } };
  }`;
  const result = await runOne(source, event('/'));
  assert.match(result.error, /EvalError/);
});

test('a function that loops forever is an error for that event only', async () => {
  const fn = loadFunction('function handler(event) { if (event.request.uri === "/loop") { for (;;) {} } return event.request; }', { timeoutMs: 50 });
  const results = await fn.runBatch([event('/loop'), event('/after')]);
  assert.match(results[0].error, /^the function ran longer than 50 ms$/);
  assert.equal(results[1].value.uri, '/after');
});

test('a function that loops forever mid-batch costs only that event; the events around it are answered', async () => {
  const fn = loadFunction('function handler(event) { if (event.request.uri === "/loop") { for (;;) {} } return event.request; }', { timeoutMs: 50 });
  const results = await fn.runBatch([event('/a'), event('/b'), event('/loop'), event('/c'), event('/d')]);
  assert.deepEqual(results.map((r) => r.value ? r.value.uri : r.error),
    ['/a', '/b', 'the function ran longer than 50 ms', '/c', '/d']);
});

test('the time limit is per event: a batch of events each within it is answered whole, however long the batch', async () => {
  // each event busy-waits 150 ms under a 250 ms limit: the batch outlasts the limit, no event does
  const fn = loadFunction('function handler(event) { var end = Date.now() + 150; while (Date.now() < end) {} return event.request; }',
    { timeoutMs: 250 });
  const results = await fn.runBatch([event('/a'), event('/b'), event('/c'), event('/d')]);
  assert.deepEqual(results.map((r) => r.value ? r.value.uri : r.error), ['/a', '/b', '/c', '/d']);
});

test("an async handler's continuations run before the next event starts, as when events run one by one", async () => {
  const fn = loadFunction('var last = "";\n'
    + 'async function handler(event) { var mine = event.request.uri; last = mine; await null; await null;'
    + ' console.log(mine); return { mine: mine, lastAtEnd: last }; }');
  const results = await fn.runBatch([event('/a'), event('/b'), event('/c')]);
  assert.deepEqual(results.map((r) => r.value), [
    { mine: '/a', lastAtEnd: '/a' }, { mine: '/b', lastAtEnd: '/b' }, { mine: '/c', lastAtEnd: '/c' }]);
  assert.deepEqual(fn.logs, ['/a', '/b', '/c']);
});

test('a batch mixing sync and async answers keeps every answer in its place', async () => {
  const fn = loadFunction('function handler(event) { var r = event.request;'
    + ' return r.uri.indexOf("/async") === 0 ? Promise.resolve(r) : r; }');
  const uris = ['/1', '/async/2', '/3', '/4', '/async/5', '/async/6', '/7'];
  const results = await fn.runBatch(uris.map((u) => event(u)));
  assert.deepEqual(results.map((r) => r.value.uri), uris);
});

test('a promise that never settles is an error for that event', async () => {
  const result = await runOne('function handler(event) { return new Promise(function () {}); }', event('/'));
  assert.match(result.error, /promise .*never settled/);
});

test('the runtime modules still work in the function realm', async () => {
  const source = `function handler(event) {
    var crypto = require("crypto"), qs = require("querystring"), Buffer = require("buffer").Buffer;
    return {
      hmac: crypto.createHmac("sha256", "key").update("a").update("b").digest("base64"),
      raw: crypto.createHash("md5").update("a").digest().toString("hex"),
      query: qs.parse("a=1&a=2&b=%20"), joined: qs.stringify({ x: "1 2", y: ["3", "4"] }),
      b64: Buffer.from("hello", "utf8").toString("base64"), back: Buffer.from("aGVsbG8=", "base64").toString(),
      len: Buffer.byteLength("한"), isBuffer: Buffer.isBuffer(Buffer.alloc(2)), cat: Buffer.concat([Buffer.from("a"), Buffer.from("b")]).toString()
    };
  }`;
  const result = await runOne(source, event('/'));
  const nodeCrypto = require('node:crypto');
  assert.deepEqual(result.value, {
    hmac: nodeCrypto.createHmac('sha256', 'key').update('ab').digest('base64'),
    raw: nodeCrypto.createHash('md5').update('a').digest('hex'),
    query: { a: ['1', '2'], b: ' ' }, joined: 'x=1%202&y=3&y=4',
    b64: 'aGVsbG8=', back: 'hello', len: 3, isBuffer: true, cat: 'ab',
  });
});

test('a global handler that is a getter looping forever is stopped on load', () => {
  assert.throws(() => loadFunction('Object.defineProperty(globalThis, "handler", { get: function () { for (;;) {} } });', { timeoutMs: 50 }),
    /timed out/);
});
