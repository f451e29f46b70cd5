'use strict';
// The worker side of supervisor.js: loads the function with loadFunction (its top level timed
// as usual), then runs each batch's events one by one, untimed, marking in shared memory which
// event is running (index + 1; 0 between events) and sending each answer (JSON text) as soon as
// it has it, so that a stopped worker loses no answer and no event runs twice.

const { parentPort, workerData } = require('node:worker_threads');
const { loadFunction } = require('./harness');

// A promise the function rejects and never handles, or an error thrown from a callback Node runs
// later (a FinalizationRegistry's): Node would format it, running the function's code untimed
// (Error.prepareStackTrace), or stop the worker. Neither is an answer; both are ignored here, as
// they are no event's result.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

const { source, filename, runtime, timeoutMs, progress } = workerData;
let fn;
try {
  fn = loadFunction(source, { filename, runtime, timeoutMs });
} catch (e) {
  parentPort.postMessage({ type: 'fatal', message: String(e && e.message || e) });
}

if (fn) {
  parentPort.on('message', ({ text, from }) => {
    let count;
    try {
      count = fn.queue(text);
    } catch (e) {
      count = -1; // not JSON: refused as a batch that is not an array of events
    }
    parentPort.postMessage({ type: 'count', count });
    for (let i = from; i < count; i++) {
      Atomics.store(progress, 0, i + 1);
      let answer;
      try {
        answer = fn.runQueued(i);
      } catch (e) {
        answer = JSON.stringify({ error: 'the harness failed on this event', logs: [] });
      }
      Atomics.store(progress, 0, 0);
      parentPort.postMessage({ type: 'answer', index: i, answer });
    }
    fn.logs.length = 0;
    parentPort.postMessage({ type: 'done' });
  });
  parentPort.postMessage({ type: 'ready' });
}
