package dev.tenantbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-up: time from the process start to the first successful tenant request, and the resident memory right
 * after it, for the plain JVM jar and with a class-data archive. Archives come from a training run of the same
 * jar that serves tenant requests and stops: AppCDS ({@code -XX:ArchiveClassesAtExit}) on this JVM, and Java
 * 25's AOT cache ({@code -XX:AOTCacheOutput}) when a Java 25 is present. Each variant is compared with the plain
 * jar on the same Java.
 */
final class StartupSection implements Section {

    private static final int TRAINING_REQUESTS = 300;

    /** A way to start the service; {@code training} options make its archive, or none when null. */
    private record Variant(String name, String java, List<String> options, List<String> training, Path archive) {}

    @Override
    public String key() {
        return "startup";
    }

    @Override
    public String name() {
        return "start-up";
    }

    @Override
    public void run(Run run) throws Exception {
        Path folder = run.folder("archives");
        List<Variant> variants = new ArrayList<>();
        Path cds = folder.resolve("app-cds.jsa").toAbsolutePath();
        variants.add(new Variant("jvm", Run.java(), List.of(), null, null));
        variants.add(new Variant(
                "appcds",
                Run.java(),
                List.of("-XX:SharedArchiveFile=" + cds),
                List.of("-XX:ArchiveClassesAtExit=" + cds),
                cds));
        if (run.options.hasJava25()) {
            String java25 = run.options.java25().resolve("bin/java").toString();
            Path aot = folder.resolve("app.aot").toAbsolutePath();
            variants.add(new Variant("jvm-java25", java25, List.of(), null, null));
            variants.add(new Variant(
                    "aot-java25", java25, List.of("-XX:AOTCache=" + aot), List.of("-XX:AOTCacheOutput=" + aot), aot));
        }
        List<Map<String, String>> tenants = run.tenantsSoFar(1);
        List<List<String>> rows = new ArrayList<>();
        double[] plain = null;
        for (Variant variant : variants) {
            if (variant.training() != null && !train(run, variant, tenants)) {
                rows.add(List.of(variant.name(), String.join(" ", variant.options()), "no archive", "", "", ""));
                continue;
            }
            double[] medians = measure(run, variant, tenants.get(0));
            if (variant.training() == null) {
                plain = medians;
            }
            rows.add(List.of(
                    variant.name(),
                    variant.options().isEmpty() ? "(none)" : String.join(" ", variant.options()),
                    Report.number(medians[0]),
                    Report.number(medians[1]),
                    Report.number(medians[0] / plain[0]),
                    Report.number(medians[1] / plain[1])));
        }
        run.report.table(new Report.Table(
                "Start-up",
                "Median of " + run.options.startupRuns() + " starts per variant against the prepared database;"
                        + " default heap settings; ratios against the plain jar on the same Java.",
                List.of(
                        "Variant",
                        "JVM options",
                        "start to first tenant request ms",
                        "RSS after it MB",
                        "time ÷ plain",
                        "RSS ÷ plain"),
                rows,
                List.of("Archives are made by a training run that serves " + TRAINING_REQUESTS
                        + " tenant requests and stops.")));
    }

    private static boolean train(Run run, Variant variant, List<Map<String, String>> tenants) throws Exception {
        Files.deleteIfExists(variant.archive());
        Service service =
                run.startService(variant.name() + "-training", variant.java(), variant.training(), Run.TRANSACTION);
        try {
            Map<String, String> fixture = tenants.get(0);
            service.awaitTenantRequest(path(fixture), fixture.get(Fixture.USER_TOKEN), Duration.ofMinutes(2));
            Fixture client = new Fixture(service.baseUrl(), run.key);
            for (int i = 0; i < TRAINING_REQUESTS; i++) {
                client.send("GET", path(fixture), fixture.get(Fixture.USER_TOKEN), null);
            }
        } finally {
            service.stop(Duration.ofMinutes(3));
        }
        boolean made = Files.exists(variant.archive());
        Progress.say("  training run of %s: %s", variant.name(), made ? "archive " + variant.archive() : "no archive");
        return made;
    }

    /** Median start-to-first-request time (ms) and RSS (MB) over the configured number of starts. */
    private static double[] measure(Run run, Variant variant, Map<String, String> fixture) throws Exception {
        double[] millis = new double[run.options.startupRuns()];
        double[] megabytes = new double[millis.length];
        for (int i = 0; i < millis.length; i++) {
            try (Service service = run.startService(
                    variant.name() + "-" + (i + 1), variant.java(), variant.options(), Run.TRANSACTION)) {
                Duration took = service.awaitTenantRequest(
                        path(fixture), fixture.get(Fixture.USER_TOKEN), Duration.ofMinutes(2));
                millis[i] = took.toNanos() / 1e6;
                megabytes[i] = service.residentKilobytes() / 1024.0;
                Progress.say(
                        "  %s: first tenant request after %.0f ms, RSS %.0f MB",
                        variant.name(), millis[i], megabytes[i]);
            }
        }
        run.report.figures("startup_" + variant.name(), Map.of("millis", millis, "rss_mb", megabytes));
        return new double[] {median(millis), median(megabytes)};
    }

    private static String path(Map<String, String> fixture) {
        return "/api/products/" + fixture.get(Fixture.PRODUCT_ID);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
