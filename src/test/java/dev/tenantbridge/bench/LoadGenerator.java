package dev.tenantbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The load generator, run in a JVM of its own so that its work is not counted in the service's process: reads a
 * {@link LoadSpec} from a file, drives it over keep-alive HTTP/1.1 connections with Vert.x on one event loop
 * (closed loop: each connection sends its next request when the last is answered), checks every response with
 * the workload, and writes a {@link LoadResult} to a second file.
 *
 * <p>Usage: {@code LoadGenerator <spec.json> <result.json>}
 */
public final class LoadGenerator {

    private final LoadSpec spec;
    private final Workload workload;
    private final List<Map<String, String>> tenants;
    private final Latencies latencies = new Latencies();
    private long sequence;
    private long checked;
    private long crossings;
    private long failures;
    private String firstFailure;
    private long measureFrom;
    private long stopAt;

    private LoadGenerator(LoadSpec spec) {
        this.spec = spec;
        this.workload =
                Workload.named(spec.workload(), UUID.randomUUID().toString().substring(0, 8));
        this.tenants = spec.tenants();
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        LoadSpec spec = json.readValue(Path.of(args[0]).toFile(), LoadSpec.class);
        LoadResult result = new LoadGenerator(spec).run();
        json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), result);
    }

    private LoadResult run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        URI base = URI.create(spec.baseUrl());
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(base.getHost())
                        .setDefaultPort(base.getPort())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(spec.connections()));
        CountDownLatch done = new CountDownLatch(spec.connections());
        long start = System.nanoTime();
        measureFrom = start + seconds(spec.warmupSeconds());
        stopAt = measureFrom + seconds(spec.durationSeconds());
        vertx.runOnContext(ignored -> {
            for (int i = 0; i < spec.connections(); i++) {
                next(client, done);
            }
        });
        done.await();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        return result();
    }

    /** Sends the next request of one connection's loop; runs on the event loop only. */
    private void next(HttpClient client, CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= stopAt) {
            done.countDown();
            return;
        }
        long number = sequence++;
        Map<String, String> fixture = tenants.get((int) (number % tenants.size()));
        Workload.Request request = workload.request(fixture, number);
        send(client, request).onComplete(reply -> {
            long answered = System.nanoTime();
            if (sent >= measureFrom && answered <= stopAt) {
                latencies.record(answered - sent);
                count(fixture, number, reply.succeeded() ? reply.result() : null, reply.cause());
            }
            next(client, done);
        });
    }

    private record Reply(int status, String body) {}

    private static Future<Reply> send(HttpClient client, Workload.Request request) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(request.path())
                .putHeader("Authorization", "Bearer " + request.token())
                .putHeader("Accept", "application/json");
        if (request.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(call -> request.body() == null ? call.send() : call.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body.toString())));
    }

    private void count(Map<String, String> fixture, long number, Reply reply, Throwable error) {
        Workload.Verdict verdict = reply == null
                ? Workload.Verdict.FAILED
                : workload.verdict(fixture, number, reply.status(), reply.body());
        switch (verdict) {
            case OWN -> checked++;
            case CROSSED -> {
                checked++;
                crossings++;
            }
            case FAILED -> {
                failures++;
                if (firstFailure == null) {
                    firstFailure = reply == null ? String.valueOf(error) : reply.status() + " " + reply.body();
                }
            }
        }
    }

    private LoadResult result() {
        long[] values = latencies.values();
        Arrays.sort(values);
        return new LoadResult(
                spec.label(),
                spec.workload(),
                tenants.size(),
                spec.connections(),
                spec.warmupSeconds(),
                Latencies.Summary.of(values.length, spec.durationSeconds(), values),
                checked,
                crossings,
                failures,
                firstFailure);
    }

    private static long seconds(double value) {
        return (long) (value * 1e9);
    }
}
