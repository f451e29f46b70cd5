package dev.cfsim.api;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the heavy requests (emulations, function checks) with a deadline: past the request
 * timeout the caller gets a 503 problem and the work is interrupted, so one slow upload cannot
 * hold a request thread forever. Estimates are microseconds of work and run inline.
 */
final class TimeLimitedWork implements AutoCloseable {
  private final Duration limit;
  private final ExecutorService pool;

  TimeLimitedWork(Duration limit) {
    this.limit = limit;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "cfsim-work-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            (r, executor) -> {
              throw ProblemException.busy("the server is busy with other long requests; retry shortly");
            });
  }

  /** The work's result, or a 503 problem once the limit has passed. */
  <T> T run(Callable<T> work) {
    Future<T> future = pool.submit(work);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw ProblemException.timeout(
          "the request needed more than " + limit.toSeconds() + " s; send less data");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw ProblemException.stopping("the server is stopping; send the request again");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
