package dev.tenantbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Percentiles and rates of the benchmark's figures, on fixed numbers. */
class LatenciesTest {

    @Test
    void shouldTakeNearestRankPercentilesAcrossRecorders() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? first : second).record(ms * 1_000_000L);
        }

        Latencies.Summary summary = Latencies.summarize(4.0, first, second);

        assertEquals(100, summary.requests());
        assertEquals(25.0, summary.requestsPerSecond());
        assertEquals(50.0, summary.p50Ms());
        assertEquals(99.0, summary.p99Ms());
        assertEquals(50.5, summary.meanMs(), 1e-9);
    }

    @Test
    void shouldReportZeroForAPhaseWithoutRequests() {
        Latencies.Summary summary = Latencies.summarize(2.0, new Latencies());

        assertEquals(0, summary.requests());
        assertEquals(0.0, summary.p99Ms());
    }
}
