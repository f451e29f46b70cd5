'use strict';
// Runs a function's events one by one in a worker thread, exactly as loadFunction runs them
// (each event's call, its microtasks, then its answer), but untimed there: each timed vm call
// arms Node's watchdog, a thread costing about ten times a generated function's run. The time
// limit is kept from outside instead. The worker marks which event it is running in shared
// memory and sends each answer as soon as it has it; the supervisor, idle while it waits, looks
// every few milliseconds, and when the worker has made no progress for longer than the limit
// (an event that loops, or anything else that holds the worker: a callback Node runs between
// events) it stops the worker and answers the event it was on with the time-limit error. A new
// worker loads the function afresh, as a new instance at the edge would be (what the stopped
// event, and the events before, left in its globals is gone), and goes on with the next event.

const path = require('node:path');
const { Worker } = require('node:worker_threads');

const WORKER = path.join(__dirname, 'supervised-worker.js');
/** Loading is timed inside the worker; this only guards against a worker that never reports. */
const LOAD_GRACE_MS = 10_000;
/** About the main thread's own stack, so recursion goes as deep as in loadFunction's runs. */
const STACK_MB = 1;

/**
 * Loads `source` in a worker (a load error rejects with loadFunction's message) and resolves to
 * {runBatchJson(text) -> Promise<answers>, runBatch(events) -> Promise<results>, close()}:
 * answers are JSON texts ({value, undefinedValue, logs} or {error, logs}), results as
 * loadFunction's runBatch gives them. One batch at a time.
 */
async function startSupervised(source, { filename = 'function.js', runtime = 'cloudfront-js-2.0', timeoutMs = 1000 } = {}) {
  const options = { source, filename, runtime, timeoutMs };
  let worker = await startWorker(options);
  let closed = false;

  async function runBatchJson(text) {
    const answers = [];
    let count = -1;
    let next = 0;
    let retried = false;
    while (count < 0 || next < count) {
      if (closed) throw new Error('the function runner was closed');
      if (worker === null || worker.dead !== null) {
        if (worker !== null) await worker.handle.terminate();
        worker = await startWorker(options);
        if (closed) {
          await worker.handle.terminate();
          worker = null;
          throw new Error('the function runner was closed');
        }
      }
      const run = await runFrom(worker, text, next, answers, timeoutMs);
      if (run.count >= 0) count = run.count;
      if (run.stopped !== null) {
        await worker.handle.terminate();
        worker = null;
        if (count < 0) {
          // held before it read the batch (by what an earlier event left running): once more, afresh
          if (retried) throw new Error(`the batch could not be read: ${run.stopped.error}`);
          retried = true;
          continue;
        }
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
    closed = true;
    if (worker !== null) await worker.handle.terminate();
    worker = null;
  }

  return { runBatchJson, runBatch, close };
}

/**
 * A worker with the function loaded, or a rejection with the load error. Its `dead` is set
 * (to why) whenever it errors or exits, between batches too, so the next batch starts another.
 */
function startWorker(options) {
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const handle = new Worker(WORKER, { workerData: { ...options, progress }, resourceLimits: { stackSizeMb: STACK_MB } });
  const worker = { handle, progress, dead: null, onDeath: null };
  const die = (why) => {
    if (worker.dead === null) worker.dead = why;
    if (worker.onDeath !== null) worker.onDeath(why);
  };
  handle.on('error', (e) => die(String(e && e.message || e)));
  handle.on('exit', (code) => die(`exit code ${code}`));
  return new Promise((resolve, reject) => {
    const settle = (outcome) => {
      clearTimeout(timer);
      handle.off('message', onMessage);
      worker.onDeath = null;
      outcome();
    };
    const fail = (message) => settle(() => {
      handle.terminate();
      reject(new Error(message));
    });
    const onMessage = (m) => (m.type === 'ready' ? settle(() => resolve(worker)) : fail(m.message));
    const timer = setTimeout(() => fail(`${options.filename}: the function did not load within ${LOAD_GRACE_MS} ms`), LOAD_GRACE_MS);
    worker.onDeath = (why) => fail(`the function's worker stopped while loading: ${why}`);
    handle.on('message', onMessage);
  });
}

/**
 * Runs the batch's events from `from` on (those before are answered), filling `answers`.
 * Resolves to {count, stopped}: the batch's size (-1 if it is not an array, or not yet known),
 * and null when the worker answered every event, or {index, error} for the event it was
 * stopped on (no progress for longer than the limit, or the worker died).
 */
function runFrom(worker, text, from, answers, timeoutMs) {
  const { handle, progress } = worker;
  return new Promise((resolve) => {
    let count = -1;
    let seen = -1;
    let since = Date.now();
    const blamed = () => {
      const running = Atomics.load(progress, 0) - 1; // the event being run; -1 between events
      return running >= 0 ? running : Math.max(from, answers.length); // else the next to run
    };
    const finish = (stopped) => {
      clearInterval(timer);
      handle.off('message', onMessage);
      worker.onDeath = null;
      resolve({ count, stopped });
    };
    const timer = setInterval(() => {
      const now = Atomics.load(progress, 0);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > timeoutMs) {
        finish({ index: blamed(), error: `the function ran longer than ${timeoutMs} ms` });
      }
    }, Math.max(5, Math.min(25, timeoutMs / 4)));
    const onMessage = (m) => {
      if (m.type === 'count') {
        count = m.count;
      } else if (m.type === 'answer') {
        answers[m.index] = m.answer;
        seen = -1; // an answer is progress, even when the next event's mark looks the same
      } else if (m.type === 'done') {
        finish(null);
      }
    };
    if (worker.dead !== null) {
      finish({ index: blamed(), error: `the function's worker stopped: ${worker.dead}` });
      return;
    }
    worker.onDeath = (why) => finish({ index: blamed(), error: `the function's worker stopped: ${why}` });
    handle.on('message', onMessage);
    handle.postMessage({ text, from });
  });
}

module.exports = { startSupervised };
