package dev.tenantbridge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark: starts (or reaches) PostgreSQL, runs the packaged service as separate processes, prepares the
 * tenants, drives load from a generator process, and writes {@code report.md} and {@code report.json}. Run it
 * with {@code ./mvnw -Pbench verify}; options are system properties ({@link BenchOptions}).
 */
public final class Benchmark {

    private Benchmark() {}

    /** The report's sections in the order they run; later ones use the tenants and results of earlier ones. */
    static List<Section> sections() {
        return List.of(
                new RoutingSection(),
                new FloorSection(),
                new FleetSection(),
                new ScaleSection(),
                new ProvisioningSection(),
                new StartupSection(),
                new IsolationSection());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Report report = new Report();
        List<String> failed = new ArrayList<>();
        Progress.say("benchmark options: %s", options.describe());
        report.machine("options", options.describe());
        try (Cluster cluster = Cluster.open(options)) {
            Machine.describe(report, cluster);
            Run run = new Run(options, cluster, new SigningKey(), report);
            for (Section section : sections()) {
                if (!options.runs(section.key())) {
                    continue;
                }
                Progress.say("== %s", section.name());
                try {
                    section.run(run);
                } catch (Exception e) {
                    e.printStackTrace();
                    failed.add(section.name() + ": " + e);
                }
                report.write(options.output()); // a long run cut short still leaves the sections it finished
            }
        }
        failed.forEach(failure -> report.machine("section failed", failure));
        report.write(options.output());
        Path folder = options.output().toAbsolutePath();
        Progress.say("report written: %s and %s", folder.resolve("report.md"), folder.resolve("report.json"));
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
