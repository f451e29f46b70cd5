'use strict';
// Loads a CloudFront Function the way CloudFront does: one script, strict mode, a global
// function named `handler`, no module system, no timers, no file system and no network. The
// script runs in its own node:vm context whose only globals are the language built-ins plus
// `console.log` and a `require` that knows the runtime's modules. String code generation is
// switched off, so eval and new Function throw as they do at the edge.
//
// Containment: nothing of Node's own realm is reachable from the function. console, require
// and the modules are built by source evaluated inside the context; the one Node function they
// use (`host`, below) is held in a closure the function cannot see, takes and returns strings
// only and never throws, so no Node object, prototype or error crosses into the function's
// realm. Every constructor the function can reach is the context's Function, which obeys the
// no-code-from-strings setting.

const vm = require('node:vm');
const { types } = require('node:util');
const nodeCrypto = require('node:crypto');
const nodeQuerystring = require('node:querystring');

/** Wall-clock limit for one event; CloudFront's compute budget is about 1 ms, so 1 s is ample. */
const EVENT_TIMEOUT_MS = 1000;

const { RUNTIMES } = require('./runtime-check');

/** Node's side of the bridge: strings in, one JSON string out ({ok} or {error}); never throws. */
function makeHost() {
  const operations = {
    digest(algorithm, key, chunksJson, encoding) {
      const h = key === null ? nodeCrypto.createHash(algorithm) : nodeCrypto.createHmac(algorithm, Buffer.from(key, 'hex'));
      for (const hex of JSON.parse(chunksJson)) h.update(Buffer.from(hex, 'hex'));
      return h.digest(encoding);
    },
    checkAlgorithm(algorithm) {
      nodeCrypto.createHash(algorithm);
      return true;
    },
    encode(text, encoding) { return Buffer.from(text, encoding).toString('hex'); },
    decode(hex, encoding) { return Buffer.from(hex, 'hex').toString(encoding); },
    qsParse(text, sep, eq) {
      return JSON.stringify(nodeQuerystring.parse(text, sep === null ? undefined : sep, eq === null ? undefined : eq));
    },
    qsStringify(objectJson, sep, eq) {
      return nodeQuerystring.stringify(JSON.parse(objectJson), sep === null ? undefined : sep, eq === null ? undefined : eq);
    },
    qsEscape(text) { return nodeQuerystring.escape(text); },
    qsUnescape(text) { return nodeQuerystring.unescape(text); },
  };
  return function host(operation, ...args) {
    try {
      if (typeof operation !== 'string' || !Object.hasOwn(operations, operation)) throw new Error(`no operation ${operation}`);
      for (const a of args) {
        if (typeof a !== 'string' && a !== null) throw new TypeError('the host takes strings only');
      }
      return JSON.stringify({ ok: operations[operation](...args) });
    } catch (e) {
      return JSON.stringify({ error: `${e && e.name ? e.name : 'Error'}: ${e && e.message ? e.message : e}` });
    }
  };
}

// Evaluated inside the context before the function's script: captures the built-ins it needs
// (the function may replace them later), installs console and require, and returns the
// harness's own entry points. `host` stays in this closure.
const SETUP_SOURCE = `(function (host, available, logs) {
  'use strict';
  var parse = JSON.parse, stringify = JSON.stringify, apply = Reflect.apply, defineProperty = Object.defineProperty;
  var getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  var freeze = Object.freeze, create = Object.create, keys = Object.keys, isArray = Array.isArray;
  var P = Promise, then = Promise.prototype.then, U8 = Uint8Array, fromCharCode = String.fromCharCode;
  var TypeErrorC = TypeError, ErrorC = Error, RangeErrorC = RangeError, StringC = String, parseIntC = parseInt;
  var splice = Array.prototype.splice;
  var errorTypes = { TypeError: TypeError, RangeError: RangeError, Error: Error, SyntaxError: SyntaxError, URIError: URIError };

  function call(operation) {
    var args = [];
    for (var i = 1; i < arguments.length; i++) args[i - 1] = arguments[i] === null || arguments[i] === undefined ? null : StringC(arguments[i]);
    var reply;
    try {
      reply = apply(host, undefined, [operation].concat(args));
    } catch (e) {
      // host never throws, but entering it with the stack nearly full does: that error is Node's
      // own, with Node's Function one .constructor away, so it must never reach the function
      throw new RangeErrorC('Maximum call stack size exceeded');
    }
    var answer = parse(reply);
    if ('error' in answer) {
      var colon = answer.error.indexOf(': ');
      var Type = errorTypes[answer.error.slice(0, colon)] || ErrorC;
      throw new Type(answer.error.slice(colon + 2));
    }
    return answer.ok;
  }
  function toHex(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }
  function fromHex(hex) {
    var bytes = new U8(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) bytes[i] = parseIntC(hex.substr(i * 2, 2), 16);
    return bytes;
  }

  // Buffer: the subset a function uses (from, alloc, concat, byteLength, isBuffer, toString, equals).
  class Buffer extends U8 {
    static from(value, encoding) {
      if (typeof value === 'string') {
        var bytes = fromHex(call('encode', value, encoding === undefined ? 'utf8' : encoding));
        var b = new Buffer(bytes.length);
        b.set(bytes);
        return b;
      }
      if (value instanceof U8 || isArray(value)) {
        var copy = new Buffer(value.length);
        for (var i = 0; i < value.length; i++) copy[i] = value[i];
        return copy;
      }
      throw new TypeErrorC('The first argument must be a string, Buffer or array');
    }
    static alloc(size, fill) { var b = new Buffer(size); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
    static isBuffer(value) { return value instanceof Buffer; }
    static byteLength(value, encoding) { return typeof value === 'string' ? Buffer.from(value, encoding).length : value.length; }
    static concat(list) {
      var total = 0, i;
      for (i = 0; i < list.length; i++) total += list[i].length;
      var out = new Buffer(total), at = 0;
      for (i = 0; i < list.length; i++) { out.set(list[i], at); at += list[i].length; }
      return out;
    }
    toString(encoding) { return call('decode', toHex(this), encoding === undefined ? 'utf8' : encoding); }
    equals(other) { return toHex(this) === toHex(other); }
  }

  function bytesOf(data, encoding) {
    return toHex(typeof data === 'string' ? Buffer.from(data, encoding) : Buffer.from(data));
  }
  function hasher(algorithm, key) {
    call('checkAlgorithm', algorithm);
    var chunks = [], done = false;
    return freeze({
      update: function update(data, encoding) {
        if (done) throw new ErrorC('Digest already called');
        chunks[chunks.length] = bytesOf(data, encoding);
        return this;
      },
      digest: function digest(encoding) {
        if (done) throw new ErrorC('Digest already called');
        done = true;
        if (encoding === undefined) return Buffer.from(call('digest', algorithm, key, stringify(chunks), 'hex'), 'hex');
        return call('digest', algorithm, key, stringify(chunks), encoding);
      },
    });
  }
  var modules = {
    crypto: freeze({
      createHash: function createHash(algorithm) { return hasher(StringC(algorithm), null); },
      createHmac: function createHmac(algorithm, key) { return hasher(StringC(algorithm), bytesOf(key)); },
    }),
    querystring: {
      parse: function parse_(text, sep, eq) {
        var plain = parse(call('qsParse', text === undefined ? '' : text, sep, eq));
        var out = create(null), names = keys(plain);
        for (var i = 0; i < names.length; i++) out[names[i]] = plain[names[i]];
        return out;
      },
      stringify: function stringify_(object, sep, eq) { return call('qsStringify', stringify(object === undefined ? {} : object), sep, eq); },
      escape: function escape(text) { return call('qsEscape', text); },
      unescape: function unescape(text) { return call('qsUnescape', text); },
    },
    buffer: freeze({ Buffer: Buffer }),
  };
  modules.querystring.decode = modules.querystring.parse;
  modules.querystring.encode = modules.querystring.stringify;
  freeze(modules.querystring);
  freeze(Buffer);
  freeze(Buffer.prototype);

  var console = freeze({ log: function log() {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts[i] = StringC(arguments[i]);
    // defined, not assigned: an Array.prototype setter must not see (and keep) the harness's logs
    defineProperty(logs, logs.length, { value: parts.join(' '), writable: true, enumerable: true, configurable: true });
  } });
  function require(name) {
    if (available.indexOf(name) < 0) throw new ErrorC("Cannot find module '" + name + "'");
    return modules[name];
  }
  defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
  defineProperty(globalThis, 'require', { value: require, writable: true, configurable: true });

  // One event at a time: run() calls the handler, take() answers a JSON string once settled.
  var handler, current, event, queued = [];
  function describe(e) { return StringC(e && e.stack ? StringC(e.stack).split('\\n')[0] : e); }
  function run(evt) {
    // a slot of our own, without a prototype: a function's Object.prototype cannot answer for it
    var slot = current = create(null);
    slot.settled = false;
    try {
      var value = handler(evt);
      if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function') {
        apply(then, P.resolve(value), [
          function (v) { slot.value = v; slot.settled = true; },
          function (e) { slot.error = describe(e); slot.settled = true; }]);
      } else {
        slot.value = value;
        slot.settled = true;
      }
    } catch (e) {
      slot.error = describe(e);
      slot.settled = true;
    }
  }
  // The answer's frame is written by hand, so that whatever a function does to Object.prototype
  // (a toJSON, say) the answer stays one JSON object; only its value is the function's own.
  function quote(text) { return stringify(StringC(text)); }
  function linesJson(lines) {
    var out = '[';
    for (var i = 0; i < lines.length; i++) out += (i > 0 ? ',' : '') + quote(lines[i]);
    return out + ']';
  }
  function errorJson(message, lines) { return '{"error":' + quote(message) + ',"logs":' + linesJson(lines) + '}'; }
  function take() {
    var slot = current, line = apply(splice, logs, [0, logs.length]);
    current = undefined;
    if (!slot.settled) return errorJson("the handler's promise never settled", line);
    if (slot.error !== undefined) return errorJson(slot.error, line);
    var text;
    try {
      text = stringify(slot.value);
    } catch (e) {
      return errorJson('the handler returned a value that is not JSON: ' + describe(e), line);
    }
    // undefined, a function or a symbol: no JSON value, as a handler that returned nothing
    if (typeof text !== 'string') return '{"value":null,"undefinedValue":true,"logs":' + linesJson(line) + '}';
    return '{"value":' + text + ',"undefinedValue":false,"logs":' + linesJson(line) + '}';
  }
  return {
    findHandler: function () { handler = typeof globalThis.handler === 'function' ? globalThis.handler : undefined; return handler !== undefined; },
    // Called by Node directly (untimed): they use only the built-ins captured above.
    setEvent: function (eventJson) { event = parse(eventJson); },
    queue: function (eventsJson) { queued = parse(eventsJson); return isArray(queued) ? queued.length : -1; },
    select: function (index) { event = queued[index]; },
    // Untimed callers (supervisor.js) call these directly; timed ones through the globals below.
    runEvent: function () { var e = event; event = undefined; run(e); },
    take: take,
    clearLogs: function () { apply(splice, logs, [0, logs.length]); },
    install: function () {
      var entries = { __cfsimRun: this.runEvent, __cfsimTake: take }, names = keys(entries);
      for (var i = 0; i < names.length; i++) {
        // fixed for good: a function that defined the name first (writable, or an accessor) is refused
        defineProperty(globalThis, names[i], { value: entries[names[i]], writable: false, enumerable: false, configurable: false });
        var d = getOwnPropertyDescriptor(globalThis, names[i]);
        if (!d || d.value !== entries[names[i]] || d.writable || d.configurable) throw new TypeErrorC('the function defines ' + names[i]);
      }
    },
  };
})`;

/** An own string property of a value from the function's realm, read without running its code. */
function ownString(value, key) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || types.isProxy(value)) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d !== undefined && typeof d.value === 'string' ? d.value : undefined;
}

/**
 * Loads a function's source. Returns {runBatch(events) -> Promise<results>, runOne(event) ->
 * result, queue(text), runQueued(index), logs}. Each result is {value} (what the handler
 * returned, awaited if it returned a promise) or {error}; an event on which the function runs
 * longer than the time limit is an error for that event only. queue and runQueued run events
 * untimed, for a caller that times them itself (supervisor.js); loading is always timed.
 */
function loadFunction(source, { filename = 'function.js', runtime = 'cloudfront-js-2.0', timeoutMs = EVENT_TIMEOUT_MS } = {}) {
  if (!RUNTIMES[runtime]) throw new Error(`unknown runtime ${runtime}`);
  const available = RUNTIMES[runtime].modules;
  if (/^\s*import\s+\w+\s+from\s+['"]cloudfront['"]/m.test(source)) {
    throw new Error(`${filename}: imports the cloudfront module (KeyValueStore, origin selection), which cfsim's harness does not emulate`);
  }
  const logs = [];
  // A null-prototype sandbox: global lookups never fall through to Node's Object.prototype.
  const context = vm.createContext(Object.create(null), {
    name: filename,
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  const contextLogs = new vm.Script('[]').runInContext(context);
  const availableList = new vm.Script(JSON.stringify(available)).runInContext(context);
  const harness = new vm.Script(SETUP_SOURCE).runInContext(context)(makeHost(), availableList, contextLogs);
  // Same line, so line numbers in errors match the file.
  new vm.Script(`'use strict';${source}`, { filename }).runInContext(context, { timeout: timeoutMs });
  // Timed: a global `handler` may be a getter that never returns.
  context.__cfsimFind = harness.findHandler;
  let found;
  try {
    found = new vm.Script('__cfsimFind()').runInContext(context, { timeout: timeoutMs });
  } finally {
    delete context.__cfsimFind;
  }
  if (!found) {
    throw new Error(`${filename}: no global function named handler`);
  }
  // The entry points are fixed before any event, so the function cannot replace them; installed
  // with the harness's own defineProperty, not the one the function's top level may have replaced.
  try {
    harness.install();
  } catch (e) {
    throw new Error(`${filename}: ${ownString(e, 'message') ?? 'the harness could not be installed'}`);
  }
  const drainScript = new vm.Script('');
  const runScript = new vm.Script('__cfsimRun()');
  const takeScript = new vm.Script('__cfsimTake()');

  // The event's answer as JSON text: {value, undefinedValue, logs} or {error, logs}. Each timed
  // call arms Node's watchdog (a thread: about 50 µs, ten times a generated function), which is
  // why supervisor.js runs events with runQueued, untimed, and times them from outside.
  function answerJson() {
    try {
      runScript.runInContext(context, { timeout: timeoutMs });
      return takeScript.runInContext(context, { timeout: timeoutMs });
    } catch (e) {
      return failedJson(e);
    }
  }

  // Node's time limit, or something the function threw past the harness (from a built-in it
  // replaced): read without running its code (no getters, no proxy traps). What the event
  // logged before it failed is dropped, not credited to the next event.
  function failedJson(e) {
    try {
      harness.clearLogs();
    } catch (ignored) {
      // the function broke its own logs; the answer below carries none
    }
    const message = ownString(e, 'code') === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
      ? `the function ran longer than ${timeoutMs} ms`
      : `the harness failed on this event: ${ownString(e, 'message') ?? 'the function threw past it'}`;
    return JSON.stringify({ error: message, logs: [] });
  }

  function runOne(event) {
    harness.setEvent(JSON.stringify(event));
    const answer = JSON.parse(answerJson());
    logs.push(...answer.logs);
    if ('error' in answer) return { error: answer.error };
    return { value: answer.undefinedValue ? undefined : answer.value };
  }

  async function runBatch(events) {
    return events.map(runOne);
  }

  /** Parses a batch (a JSON array of events) in the function's realm; returns its length, or -1. */
  function queue(eventsJson) {
    return harness.queue(eventsJson);
  }

  /**
   * Runs event `index` of the queued batch untimed, for a caller that times it from outside:
   * the handler's call, then its microtasks (drained by evaluating an empty script, as after a
   * timed call), then its answer, as JSON text (see answerJson), all by direct calls, so that
   * nothing the function did to its globals stands between.
   */
  function runQueued(index) {
    harness.select(index);
    try {
      // what earlier events left queued (a continuation Node held while idle) runs first, and
      // what it logs is not this event's
      drainScript.runInContext(context);
      harness.clearLogs();
      harness.runEvent();
      drainScript.runInContext(context);
      return harness.take();
    } catch (e) {
      return failedJson(e);
    }
  }

  return { runBatch, runOne, queue, runQueued, logs };
}

module.exports = { loadFunction };
