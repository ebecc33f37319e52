package org.yunxie.bot.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * Sends sealed robot callbacks, bounded in count and time: closed loop (N workers, each waiting for its
 * answer before the next) or open loop (a fixed offered rate, latency counted from the moment each request
 * was due, so that a slow server cannot hide its queue behind the client). Every request gives up after
 * WeCom's 5 s.
 */
final class VoteDriver {

    /** WeCom waits this long for an answer before it retries. */
    static final int WECOM_TIMEOUT_MS = 5_000;
    static final int IO_ERROR = -1;
    static final int TIMEOUT = -2;

    private VoteDriver() {
    }

    /** One delivery and what came back. */
    record Attempt(RobotWire.Sealed sealed, String target, int status, long nanos, long startedNanos,
                   RobotWire.Reading reading, boolean ok) {

        RobotWire.Vote vote() {
            return sealed.vote();
        }
    }

    static boolean answeredLater(Attempt attempt) {
        return attempt.reading() != null && attempt.reading().answer() == RobotWire.Answer.LATER;
    }

    static final class Run {
        final String name;
        final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        final long startNanos = System.nanoTime();
        volatile long endNanos;
        volatile int notSent;
        double offeredPerSecond;

        Run(String name) {
            this.name = name;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        int ok() {
            synchronized (attempts) {
                return (int) attempts.stream().filter(Attempt::ok).count();
            }
        }

        int failed() {
            synchronized (attempts) {
                return attempts.size() - ok();
            }
        }

        double perSecond() {
            return ok() / Math.max(1e-9, seconds());
        }

        /** Answered "稍后在群里回复": taken in during a burst, recorded and answered through response_url later. */
        int later() {
            synchronized (attempts) {
                return (int) attempts.stream().filter(a -> a.ok() && answeredLater(a)).count();
            }
        }

        /** Answered with what the request asked for (for a vote: recorded before the answer), per second. */
        double answeredAtOncePerSecond() {
            return (ok() - later()) / Math.max(1e-9, seconds());
        }

        /** Latencies of the answered (ok) requests, sorted, in nanoseconds. */
        long[] sorted() {
            return sorted(attempt -> true);
        }

        /** As {@link #sorted()}, of the answered requests that also pass {@code which}. */
        long[] sorted(Predicate<Attempt> which) {
            synchronized (attempts) {
                long[] nanos = attempts.stream().filter(Attempt::ok).filter(which).mapToLong(Attempt::nanos).toArray();
                Arrays.sort(nanos);
                return nanos;
            }
        }

        /**
         * The latencies of the two kinds of answer apart: what made a burst's p99 (a wait for a turn that ended
         * in "later", or a queue in front of the instance) shows in which kind carries it.
         */
        String byKind() {
            long[] later = sorted(VoteDriver::answeredLater);
            long[] atOnce = sorted(attempt -> !answeredLater(attempt));
            return String.format(Locale.ROOT, "%s: recorded before the answer p50 %s ms, p99 %s ms; answered later "
                    + "p50 %s ms, p99 %s ms", name.strip(), LoadHarness.fmt(percentile(atOnce, 50)), LoadHarness.fmt(percentile(atOnce, 99)),
                    LoadHarness.fmt(percentile(later, 50)), LoadHarness.fmt(percentile(later, 99)));
        }

        double percentile(double p) {
            return percentile(sorted(), p);
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line() {
            long[] s = sorted();
            return String.format(Locale.ROOT,
                    "%-34s %7.1f/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms  ok %d  failed %d%s",
                    name, perSecond(), percentile(s, 50), percentile(s, 90), percentile(s, 99), percentile(s, 100),
                    ok(), failed(), (notSent > 0 ? "  not sent " + notSent : "")
                            + (later() > 0 ? "  (" + later() + " of the ok answered later)" : ""));
        }
    }

    static CloseableHttpClient client(int connections) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections);
        // Apache HttpClient writes each request in one go (the JDK client's split writes meet delayed ACKs).
        return HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(1_000)
                        .setSocketTimeout(WECOM_TIMEOUT_MS).setConnectionRequestTimeout(60_000).build())
                .build();
    }

    /**
     * Closed loop: {@code concurrency} workers send the deliveries in order (spread over the targets round
     * robin, as a load balancer would) until all are sent or {@code maxNanos} has passed.
     */
    static Run closed(String name, List<String> targets, List<RobotWire.Sealed> deliveries, int concurrency,
                      long maxNanos, RobotWire reader, Consumer<Attempt> observer) throws Exception {
        Run run = new Run(name);
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try (CloseableHttpClient client = client(concurrency)) {
            long deadline = run.startNanos + maxNanos;
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                futures.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
                        if (System.nanoTime() > deadline) {
                            synchronized (run) {
                                run.notSent++;
                            }
                            continue;
                        }
                        Attempt attempt = send(client, targets.get(i % targets.size()), deliveries.get(i), reader,
                                System.nanoTime(), run.startNanos);
                        run.attempts.add(attempt);
                        if (observer != null) {
                            observer.accept(attempt);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            run.endNanos = System.nanoTime();
        } finally {
            workers.shutdownNow();
        }
        return run;
    }

    /**
     * Open loop: request i is due at start + i / rate and is sent by the next free one of {@code threads};
     * its latency counts from when it was due. What is still queued {@code graceNanos} after the last one
     * was due is dropped and counted as not sent.
     */
    static Run open(String name, String target, List<RobotWire.Sealed> deliveries, double rate, int threads,
                    long graceNanos, RobotWire reader) throws Exception {
        Run run = new Run(name);
        run.offeredPerSecond = rate;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>());
        try (CloseableHttpClient client = client(threads)) {
            long start = run.startNanos;
            double gap = 1e9 / rate;
            for (int i = 0; i < deliveries.size(); i++) {
                long due = start + (long) (i * gap);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                RobotWire.Sealed sealed = deliveries.get(i);
                pool.execute(() -> {
                    Attempt attempt = send(client, target, sealed, reader, due, start);
                    run.attempts.add(attempt);
                });
            }
            pool.shutdown();
            long lastDue = start + (long) (deliveries.size() * gap);
            long waitMore = lastDue + graceNanos - System.nanoTime();
            if (!pool.awaitTermination(Math.max(1, waitMore), TimeUnit.NANOSECONDS)) {
                run.notSent = pool.shutdownNow().size();
                pool.awaitTermination(WECOM_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
            }
            run.endNanos = System.nanoTime();
        } finally {
            pool.shutdownNow();
        }
        return run;
    }

    /** Sends one delivery; latency counts from {@code from} (now, or when it was due). */
    static Attempt send(CloseableHttpClient client, String target, RobotWire.Sealed sealed, RobotWire reader,
                        long from, long runStart) {
        long started = System.nanoTime();
        try (CloseableHttpResponse response = client.execute(sealed.post(target))) {
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            long nanos = System.nanoTime() - from;
            int status = response.getStatusLine().getStatusCode();
            RobotWire.Reading reading = reader != null && status == 200 ? reader.read(body) : null;
            boolean ok = status == 200 && (reading != null ? reading.answer() != RobotWire.Answer.UNREADABLE
                    : new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("msgsignature"));
            return new Attempt(sealed, target, status, nanos, started - runStart, reading, ok);
        } catch (SocketTimeoutException e) {
            return new Attempt(sealed, target, TIMEOUT, System.nanoTime() - from, started - runStart, null, false);
        } catch (IOException e) {
            return new Attempt(sealed, target, IO_ERROR, System.nanoTime() - from, started - runStart, null, false);
        }
    }
}
