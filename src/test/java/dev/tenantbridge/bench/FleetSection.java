package dev.tenantbridge.bench;

/**
 * Provisioning and fleet migration at the run's base size ({@code -Dbench.tenants}, prepared here when no earlier
 * section did); the many-schemas section measures them again at each larger size.
 */
final class FleetSection implements Section {

    static final String KEY = "fleet";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "provisioning and fleet migration";
    }

    @Override
    public void run(Run run) throws Exception {
        if (run.tenantCount() < run.options.tenants()) {
            try (Service service = run.startReady("fleet-fill", Run.TRANSACTION)) {
                run.tenants(service, run.options.tenants());
            }
        }
        FleetFigures.measure(run);
    }
}
