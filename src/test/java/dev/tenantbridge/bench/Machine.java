package dev.tenantbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Describes the machine a run measured on, so that absolute figures can be read with it. */
final class Machine {

    private Machine() {}

    static void describe(Report report, Cluster cluster) throws Exception {
        report.machine(
                "date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.machine("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.machine("CPU", procLine("/proc/cpuinfo", "model name").orElse("unknown"));
        report.machine("memory", procLine("/proc/meminfo", "MemTotal").orElse("unknown"));
        report.machine("load average at start", firstLine("/proc/loadavg"));
        report.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.machine("PostgreSQL", cluster.version());
    }

    private static Optional<String> procLine(String file, String key) throws IOException {
        if (!Files.exists(Path.of(file))) {
            return Optional.empty();
        }
        return Files.readAllLines(Path.of(file)).stream()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static String firstLine(String file) throws IOException {
        Path path = Path.of(file);
        return Files.exists(path) ? Files.readAllLines(path).get(0) : "unknown";
    }
}
