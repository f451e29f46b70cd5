'use strict';
// Loads a CloudFront Function the way CloudFront does: one script, strict mode, a global
// function named `handler`, no module system, no timers, no file system and no network. The
// script runs in its own node:vm context whose only globals are the language built-ins plus
// `console.log` and a `require` that knows the runtime's modules. String code generation is
// switched off, so eval and new Function throw as they do at the edge.

const vm = require('node:vm');
const nodeCrypto = require('node:crypto');
const nodeQuerystring = require('node:querystring');

/** Upper bound for one batch of handler calls; a function that loops forever is stopped. */
const BATCH_TIMEOUT_MS = 10000;

const MODULES = Object.freeze({
  'cloudfront-js-1.0': ['crypto', 'querystring'],
  'cloudfront-js-2.0': ['crypto', 'querystring', 'buffer'],
});

// Runs inside the function's context, so the events are objects of that realm (as they would
// be at the edge) and each call is guarded. It uses the context's JSON.parse taken before the
// function's script runs, and is held by the harness only, so the function cannot replace either.
const BATCH_RUNNER_SOURCE = `(function (handler, parse) {
  'use strict';
  return function runBatch(eventsJson) {
    var events = parse(eventsJson);
    var results = [];
    for (var i = 0; i < events.length; i++) {
      try {
        results[i] = { value: handler(events[i]) };
      } catch (e) {
        results[i] = { error: String(e && e.stack ? e.stack.split('\\n')[0] : e) };
      }
    }
    return results;
  };
})`;

function makeRequire(runtime) {
  const available = MODULES[runtime];
  if (!available) throw new Error(`unknown runtime ${runtime}`);
  const modules = {
    crypto: Object.freeze({ createHash: nodeCrypto.createHash, createHmac: nodeCrypto.createHmac }),
    querystring: nodeQuerystring,
    buffer: Object.freeze({ Buffer }),
  };
  return function require(name) {
    if (!available.includes(name)) throw new Error(`Cannot find module '${name}'`);
    return modules[name];
  };
}

/**
 * Loads a function's source. Returns {runBatch(events) -> Promise<results>, logs}. Each result
 * is {value} (what the handler returned, awaited if it returned a promise) or {error}.
 */
function loadFunction(source, { filename = 'function.js', runtime = 'cloudfront-js-2.0', timeoutMs = BATCH_TIMEOUT_MS } = {}) {
  const logs = [];
  const sandbox = {
    console: Object.freeze({ log: (...args) => { logs.push(args.map(String).join(' ')); } }),
    require: makeRequire(runtime),
  };
  const context = vm.createContext(sandbox, {
    name: filename,
    codeGeneration: { strings: false, wasm: false },
  });
  const parse = new vm.Script('JSON.parse').runInContext(context);
  if (/^\s*import\s+\w+\s+from\s+['"]cloudfront['"]/m.test(source)) {
    throw new Error(`${filename}: imports the cloudfront module (KeyValueStore, origin selection), which cfsim's harness does not emulate`);
  }
  // Same line, so line numbers in errors match the file.
  new vm.Script(`'use strict';${source}`, { filename }).runInContext(context, { timeout: timeoutMs });
  const handler = new vm.Script('typeof handler === "function" ? handler : undefined').runInContext(context);
  if (typeof handler !== 'function') {
    throw new Error(`${filename}: no global function named handler`);
  }
  const batchRunner = new vm.Script(BATCH_RUNNER_SOURCE).runInContext(context)(handler, parse);
  const callBatch = new vm.Script('__cfsimBatch(__cfsimEvents)');

  async function runBatch(events) {
    context.__cfsimBatch = batchRunner;
    context.__cfsimEvents = JSON.stringify(events);
    let raw;
    try {
      raw = callBatch.runInContext(context, { timeout: timeoutMs });
    } finally {
      delete context.__cfsimBatch;
      delete context.__cfsimEvents;
    }
    const results = [];
    for (const r of raw) {
      if ('error' in r) {
        results.push({ error: r.error });
      } else if (r.value && typeof r.value.then === 'function') {
        try {
          results.push({ value: await r.value });
        } catch (e) {
          results.push({ error: String(e) });
        }
      } else {
        results.push({ value: r.value });
      }
    }
    return results;
  }

  return { runBatch, logs };
}

module.exports = { loadFunction, BATCH_TIMEOUT_MS };
