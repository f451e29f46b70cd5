'use strict';
// The worker side of supervisor.js: loads the function with loadFunction (its top level timed
// as usual), then runs each batch's events one by one, untimed, marking in shared memory which
// event is running (index + 1; 0 when idle) and posting the answers (JSON text) in chunks.

const { parentPort, workerData } = require('node:worker_threads');
const { loadFunction } = require('./harness');

const { source, filename, runtime, timeoutMs, progress } = workerData;
let fn;
try {
  fn = loadFunction(source, { filename, runtime, timeoutMs, timeEvents: false });
} catch (e) {
  parentPort.postMessage({ type: 'fatal', message: String(e && e.message || e) });
}

if (fn) {
  parentPort.on('message', ({ text, from, skip, chunk }) => {
    const count = fn.queue(text);
    parentPort.postMessage({ type: 'count', count });
    const skipped = new Set(skip);
    let indices = [];
    let answers = [];
    for (let i = from; i < count; i++) {
      if (skipped.has(i)) continue;
      Atomics.store(progress, 0, i + 1);
      answers.push(fn.runQueued(i));
      indices.push(i);
      if (answers.length === chunk) {
        parentPort.postMessage({ type: 'answers', indices, answers });
        indices = [];
        answers = [];
      }
    }
    Atomics.store(progress, 0, 0);
    fn.logs.length = 0;
    parentPort.postMessage({ type: 'answers', indices, answers });
    parentPort.postMessage({ type: 'done' });
  });
  parentPort.postMessage({ type: 'ready' });
}
