package dev.tenantbridge.bench;

/** Prints the run's progress with the time since it started, so a person can follow a long run. */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {}

    static void say(String format, Object... args) {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000;
        System.out.printf("[bench %02d:%02d] %s%n", seconds / 60, seconds % 60, String.format(format, args));
        System.out.flush();
    }
}
