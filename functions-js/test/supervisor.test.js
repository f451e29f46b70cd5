'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFunction } = require('../lib/harness');
const { startSupervised } = require('../lib/supervisor');

function event(uri) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.10' },
    request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} },
  };
}

/** The same function and events through the supervisor and through loadFunction (timed in-thread). */
async function both(source, uris, options = {}) {
  const supervised = await startSupervised(source, options);
  try {
    const events = uris.map(event);
    return { supervised: await supervised.runBatch(events), alone: await loadFunction(source, options).runBatch(events) };
  } finally {
    await supervised.close();
  }
}

test('events run as loadFunction runs them one by one: values, errors, async answers, in order', async () => {
  const source = `function handler(event) { var u = event.request.uri;
    if (u === '/throw') throw new TypeError('boom');
    if (u === '/async') return Promise.resolve({ statusCode: 200, statusDescription: 'OK' });
    if (u === '/undefined') return undefined;
    if (u === '/cycle') { var o = {}; o.o = o; return o; }
    return event.request; }`;
  const { supervised, alone } = await both(source, ['/a', '/throw', '/async', '/undefined', '/cycle', '/b']);
  assert.deepEqual(supervised, alone);
  assert.equal(supervised[0].value.uri, '/a');
  assert.equal(supervised[1].error, 'TypeError: boom');
  assert.equal(supervised[2].value.statusCode, 200);
  assert.ok('value' in supervised[3] && supervised[3].value === undefined);
  assert.match(supervised[4].error, /not JSON/);
});

test("a sync handler's microtasks run before the next event, as when each event is its own call", async () => {
  const source = `var state = 'init';
    function handler(event) { var seen = state; state = 'pending';
      Promise.resolve().then(function () { state = 'reset'; });
      return { seen: seen }; }`;
  const { supervised, alone } = await both(source, ['/a', '/b', '/c']);
  assert.deepEqual(supervised.map((r) => r.value.seen), ['init', 'reset', 'reset']);
  assert.deepEqual(supervised, alone);
});

test('an event that runs past the limit is that event\'s error; the events after it are answered', async () => {
  const source = 'function handler(event) { if (event.request.uri === "/loop") { for (;;) {} } return event.request; }';
  const fn = await startSupervised(source, { timeoutMs: 100 });
  try {
    const started = Date.now();
    const results = await fn.runBatch(['/a', '/loop', '/c', '/loop', '/e'].map(event));
    assert.deepEqual(results.map((r) => (r.value ? r.value.uri : r.error)),
      ['/a', 'the function ran longer than 100 ms', '/c', 'the function ran longer than 100 ms', '/e']);
    assert.ok(Date.now() - started < 5000, 'two limits, not a hang');
  } finally {
    await fn.close();
  }
});

test('a microtask that never ends is blamed on the event whose handler queued it', async () => {
  const source = `function handler(event) {
    if (event.request.uri === '/b') Promise.resolve().then(function () { for (;;) {} });
    return event.request; }`;
  // (not compared with loadFunction here: a timed-out microtask in this thread upsets Node's
  // bookkeeping of the worker messages that follow, and Node aborts)
  const fn = await startSupervised(source, { timeoutMs: 100 });
  try {
    const results = await fn.runBatch(['/a', '/b', '/c'].map(event));
    assert.deepEqual(results.map((r) => (r.value ? r.value.uri : r.error)),
      ['/a', 'the function ran longer than 100 ms', '/c']);
  } finally {
    await fn.close();
  }
});

test('the time limit is per event, however long the batch', async () => {
  const source = 'function handler(event) { var end = Date.now() + 60; while (Date.now() < end) {} return event.request; }';
  const fn = await startSupervised(source, { timeoutMs: 250 });
  try {
    const results = await fn.runBatch(['/a', '/b', '/c', '/d', '/e', '/f'].map(event));
    assert.deepEqual(results.map((r) => (r.value ? r.value.uri : r.error)), ['/a', '/b', '/c', '/d', '/e', '/f']);
  } finally {
    await fn.close();
  }
});

test('after an event is stopped the next one runs in a fresh instance; no event runs twice', async () => {
  const source = `var n = 0;
    function handler(event) { n++; if (event.request.uri === '/loop') { for (;;) {} } return { n: n }; }`;
  const fn = await startSupervised(source, { timeoutMs: 100 });
  try {
    const first = await fn.runBatch(['/a', '/b'].map(event));
    assert.deepEqual(first.map((r) => r.value.n), [1, 2]);
    const results = await fn.runBatch(['/c', '/d', '/loop', '/e', '/f'].map(event));
    assert.deepEqual(results.map((r) => (r.value ? r.value.n : r.error)),
      [3, 4, 'the function ran longer than 100 ms', 1, 2]);
  } finally {
    await fn.close();
  }
});

test('a function that replaces Array.prototype.splice (to throw a proxy whose traps never return) leaves the harness alone', async () => {
  const source = `function handler(event) {
    if (event.request.uri === '/b') {
      Array.prototype.splice = function () { throw new Proxy({}, { get: function () { for (;;) {} }, getOwnPropertyDescriptor: function () { for (;;) {} } }); };
    }
    return event.request; }`;
  const fn = await startSupervised(source, { timeoutMs: 100 });
  try {
    const results = await fn.runBatch(['/a', '/b', '/c'].map(event));
    assert.equal(results[0].value.uri, '/a');
    assert.equal(results[1].value.uri, '/b');
    assert.equal(results[2].value.uri, '/c');
  } finally {
    await fn.close();
  }
});

test('a function that replaces Object.defineProperty or Object.prototype.toJSON still loads and answers', async () => {
  const source = `Object.defineProperty = function () { for (;;) {} };
    var n = 0;
    function handler(event) { if (++n === 2) Object.prototype.toJSON = function () { return undefined; }; return event.request; }`;
  const fn = await startSupervised(source, { timeoutMs: 100 });
  try {
    const answers = await fn.runBatchJson(JSON.stringify(['/a', '/b'].map(event)));
    assert.equal(JSON.parse(answers[0]).value.uri, '/a');
    assert.deepEqual(JSON.parse(answers[1]), { value: null, undefinedValue: true, logs: [] }, 'its value serialises to nothing');
  } finally {
    await fn.close();
  }
});

test('a function that cannot load is refused with the reason loadFunction gives', async () => {
  await assert.rejects(startSupervised('var handle = 1;', { filename: 'f.js' }), /f\.js: no global function named handler/);
  await assert.rejects(startSupervised('for (;;) {}\nfunction handler(e) { return e.request; }', { timeoutMs: 100 }),
    /timed out after 100ms/);
});

test('a batch that is not a JSON array of events is refused', async () => {
  const fn = await startSupervised('function handler(event) { return event.request; }');
  try {
    await assert.rejects(fn.runBatchJson('{"request": {}}'), /a batch is a JSON array of events/);
    assert.equal((await fn.runBatch([event('/after')]))[0].value.uri, '/after');
  } finally {
    await fn.close();
  }
});

test('a function cannot replace the harness entry points, so every answer keeps its frame', async () => {
  const source = `Object.defineProperty(globalThis, '__cfsimTake', { value: null, writable: true });
    function handler(event) { try { __cfsimTake = function () { return '}'; }; } catch (e) {} return event.request; }`;
  const fn = await startSupervised(source);
  try {
    const answers = await fn.runBatchJson(JSON.stringify(['/a', '/b'].map(event)));
    assert.deepEqual(answers.map((a) => JSON.parse(a).value.uri), ['/a', '/b']);
  } finally {
    await fn.close();
  }
  await assert.rejects(startSupervised('var __cfsimTake;\nfunction handler(e) { return e.request; }', { filename: 'f.js' }),
    /f\.js: Cannot redefine property: __cfsimTake/);
});

test('what Node would run of the function between events (rejections nobody handles, their stack formatting) holds nothing up', async () => {
  const source = `function handler(event) { Error.prepareStackTrace = function () { for (;;) {} };
    Promise.reject(new Error('nobody waits')); return event.request; }`;
  const fn = await startSupervised(source, { timeoutMs: 200 });
  try {
    for (const batch of [['/a', '/b'], ['/c', '/d']]) {
      const results = await fn.runBatch(batch.map(event));
      assert.deepEqual(results.map((r) => r.value.uri), batch);
    }
  } finally {
    await fn.close();
  }
});

test('a runner closed during a batch stops it rather than starting another worker', async () => {
  const fn = await startSupervised('function handler(event) { var end = Date.now() + 150; while (Date.now() < end) {} return event.request; }');
  const running = fn.runBatch(['/a', '/b', '/c'].map(event));
  setTimeout(() => fn.close(), 50);
  await assert.rejects(running, /the function runner was closed/);
});

test("Node's own errors at the bridge (a stack overflow entering it) never reach the function", async () => {
  const source = `var qs = require('querystring'), leaked = null, C = 'constr' + 'uctor', mine = (function () {})[C];
    function dive() { try { dive(); } catch (e) {}
      if (leaked === null) try { qs.unescape('a'); } catch (e) { if (e[C][C] !== mine) leaked = e; } }
    function handler(event) { dive(); return { leaked: leaked !== null }; }`;
  const fn = await startSupervised(source);
  try {
    const [result] = await fn.runBatch([event('/a')]);
    assert.deepEqual(result.value, { leaked: false });
  } finally {
    await fn.close();
  }
});

test('a function that grabs and freezes the harness logs array spoils only its own logs', async () => {
  const source = `var grabbed = null;
    Object.defineProperty(Array.prototype, '0', { set: function (v) { if (grabbed === null) { grabbed = this; } }, configurable: true });
    function handler(event) { console.log('x'); if (grabbed) Object.freeze(grabbed); return event.request; }`;
  const fn = await startSupervised(source);
  try {
    const started = Date.now();
    const results = await fn.runBatch(['/a', '/b'].map(event));
    assert.deepEqual(results.map((r) => r.value.uri), ['/a', '/b']);
    assert.ok(Date.now() - started < 900, 'answered, not stopped for the time limit');
  } finally {
    await fn.close();
  }
});

test('a line that is not JSON is refused at once as a batch, not blamed on the function', async () => {
  const fn = await startSupervised('function handler(event) { return event.request; }');
  try {
    const started = Date.now();
    await assert.rejects(fn.runBatchJson('['), /a batch is a JSON array of events/);
    assert.ok(Date.now() - started < 900);
  } finally {
    await fn.close();
  }
});
