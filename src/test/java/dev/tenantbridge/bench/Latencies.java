package dev.tenantbridge.bench;

import java.util.Arrays;

/** Latencies of one measured phase, in nanoseconds; not thread-safe, one recorder per thread. */
final class Latencies {

    /** What a phase comes to: requests, their rate and their latency in milliseconds. */
    record Summary(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms, double meanMs) {

        static Summary of(long requests, double seconds, long[] sortedNanos) {
            return new Summary(
                    requests,
                    seconds,
                    seconds > 0 ? requests / seconds : 0,
                    percentile(sortedNanos, 0.50),
                    percentile(sortedNanos, 0.99),
                    mean(sortedNanos));
        }
    }

    private long[] nanos = new long[16_384];
    private int count;

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    long[] values() {
        return Arrays.copyOf(nanos, count);
    }

    /** Merges the recorders of several threads into one summary over a phase of {@code seconds}. */
    static Summary summarize(double seconds, Latencies... recorders) {
        long[] all = Arrays.stream(recorders)
                .flatMapToLong(r -> Arrays.stream(r.values()))
                .sorted()
                .toArray();
        return Summary.of(all.length, seconds, all);
    }

    /** The nearest-rank percentile of sorted values, in milliseconds; 0 when there are none. */
    static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    private static double mean(long[] nanos) {
        return nanos.length == 0 ? 0 : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
