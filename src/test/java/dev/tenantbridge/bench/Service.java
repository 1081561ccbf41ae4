package dev.tenantbridge.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service under test as a process of its own: {@code java [options] -jar target/quarkus-app/quarkus-run.jar}
 * with its settings in environment variables, the production way. Its output goes to a log file.
 */
final class Service implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final long startedNanos;
    private final String baseUrl;
    private final Path log;

    private Service(Process process, long startedNanos, String baseUrl, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static Service start(String java, List<String> jvmOptions, Map<String, String> environment, int port, Path log)
            throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("No " + JAR + ": package the service first (./mvnw -Pbench verify does)");
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        return new Service(process, started, "http://localhost:" + port, log);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Polls the readiness check until it passes; returns the time from the process start. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        return awaitTenantRequest("/q/health/ready", null, timeout);
    }

    /**
     * Polls a tenant request until it succeeds and returns the time from the process start to that first
     * success.
     */
    Duration awaitTenantRequest(String path, String token, Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped during start-up; see " + log);
            }
            if (answers(http, request.build())) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(
                "The service did not serve a tenant request within " + timeout + "; see " + log);
    }

    private static boolean answers(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (ConnectException | HttpTimeoutException e) {
            return false;
        }
    }

    /** The resident set size of the service process in kilobytes, from {@code /proc}. */
    long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS for process " + process.pid());
    }

    /** Asks the service to stop (SIGTERM, a graceful shutdown) and waits for it, up to the given time. */
    void stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
