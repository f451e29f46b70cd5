'use strict';
// Runs a function's events one by one in a worker thread, exactly as loadFunction runs them
// (each event's call, its microtasks, then its answer), but untimed there: each timed vm call
// arms Node's watchdog, a thread costing about ten times a generated function's run. The time
// limit is kept from outside instead. The worker marks which event it is running in shared
// memory; the supervisor, idle while it waits, looks every few milliseconds, and when one event
// has run past the limit it stops the worker and answers that event with the time-limit error.
// A new worker loads the function afresh, as a new instance at the edge would be (what the
// stopped event, and the batches before, left in its globals is gone), and runs the events not
// yet answered: those after the stopped one, and those of its last chunk whose answers the
// stopped worker had not yet sent.

const path = require('node:path');
const { Worker } = require('node:worker_threads');

/** Answers come back in chunks, so a stopped worker loses at most one chunk's work (run again). */
const CHUNK = 64;
const WORKER = path.join(__dirname, 'supervised-worker.js');
/** Loading is timed inside the worker; this only guards against a worker that never reports. */
const LOAD_GRACE_MS = 10_000;

/**
 * Loads `source` in a worker (a load error rejects with loadFunction's message) and resolves to
 * {runBatchJson(text) -> Promise<answers>, runBatch(events) -> Promise<results>, close()}:
 * answers are JSON texts ({value, undefinedValue, logs} or {error, logs}), results as
 * loadFunction's runBatch gives them.
 */
async function startSupervised(source, { filename = 'function.js', runtime = 'cloudfront-js-2.0', timeoutMs = 1000 } = {}) {
  const options = { source, filename, runtime, timeoutMs };
  let worker = await startWorker(options);

  async function runBatchJson(text) {
    const answers = [];
    let count = -1;
    let next = 0;
    while (count < 0 || next < count) {
      if (worker === null) worker = await startWorker(options);
      const run = await runFrom(worker, text, next, answers, timeoutMs);
      if (run.count >= 0) count = run.count;
      if (run.stopped !== null) {
        await worker.handle.terminate();
        worker = null;
        if (count < 0) throw new Error(run.stopped.error); // it died reading the batch
        if (run.stopped.index < count) answers[run.stopped.index] = JSON.stringify({ error: run.stopped.error, logs: [] });
      } else if (count < 0) {
        throw new Error('a batch is a JSON array of events');
      }
      while (next < count && answers[next] !== undefined) next++;
    }
    answers.length = count;
    return answers;
  }

  async function runBatch(events) {
    const answers = await runBatchJson(JSON.stringify(events));
    return answers.map((text) => {
      const answer = JSON.parse(text);
      return 'error' in answer ? { error: answer.error } : { value: answer.undefinedValue ? undefined : answer.value };
    });
  }

  async function close() {
    if (worker !== null) await worker.handle.terminate();
    worker = null;
  }

  return { runBatchJson, runBatch, close };
}

/** A worker with the function loaded, or a rejection with the load error. */
function startWorker(options) {
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const handle = new Worker(WORKER, { workerData: { ...options, progress } });
  return new Promise((resolve, reject) => {
    const settle = (outcome) => {
      clearTimeout(timer);
      handle.off('message', onMessage);
      handle.off('error', onError);
      handle.off('exit', onExit);
      outcome();
    };
    const fail = (message) => settle(() => {
      handle.terminate();
      reject(new Error(message));
    });
    const onMessage = (m) => (m.type === 'ready' ? settle(() => resolve({ handle, progress })) : fail(m.message));
    const onError = (e) => fail(String(e && e.message || e));
    const onExit = (code) => fail(`the function's worker stopped while loading (exit code ${code})`);
    const timer = setTimeout(() => fail(`${options.filename}: the function did not load within ${LOAD_GRACE_MS} ms`), LOAD_GRACE_MS);
    handle.on('message', onMessage);
    handle.on('error', onError);
    handle.on('exit', onExit);
  });
}

/**
 * Runs the batch's events from `from` on, skipping those already answered, filling `answers`.
 * Resolves to {count, stopped}: the batch's size (-1 if it is not an array), and null when the
 * worker answered every event, or {index, error} for the event it was stopped on (it ran past
 * the limit, or the worker died on it).
 */
function runFrom(worker, text, from, answers, timeoutMs) {
  const { handle, progress } = worker;
  const skip = [];
  for (let i = from; i < answers.length; i++) if (answers[i] !== undefined) skip.push(i);
  return new Promise((resolve) => {
    let count = -1;
    let seen = 0;
    let since = Date.now();
    const finish = (stopped) => {
      clearInterval(timer);
      handle.off('message', onMessage);
      handle.off('error', onError);
      handle.off('exit', onExit);
      resolve({ count, stopped });
    };
    const timer = setInterval(() => {
      const now = Atomics.load(progress, 0); // the event being run, + 1; 0 when none
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (now !== 0 && Date.now() - since > timeoutMs) {
        finish({ index: now - 1, error: `the function ran longer than ${timeoutMs} ms` });
      }
    }, Math.max(5, Math.min(25, timeoutMs / 4)));
    const onMessage = (m) => {
      if (m.type === 'count') {
        count = m.count;
      } else if (m.type === 'answers') {
        for (let k = 0; k < m.answers.length; k++) answers[m.indices[k]] = m.answers[k];
      } else if (m.type === 'done') {
        finish(null);
      }
    };
    const died = (why) => {
      const running = Atomics.load(progress, 0) - 1;
      let index = running;
      if (index < 0) {
        index = from;
        while (index < answers.length && answers[index] !== undefined) index++;
      }
      finish({ index, error: `the function's worker stopped: ${why}` });
    };
    const onError = (e) => died(String(e && e.message || e));
    const onExit = (code) => died(`exit code ${code}`);
    handle.on('message', onMessage);
    handle.on('error', onError);
    handle.on('exit', onExit);
    handle.postMessage({ text, from, skip, chunk: CHUNK });
  });
}

module.exports = { startSupervised };
