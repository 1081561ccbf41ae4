package dev.tenantbridge.observability;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** Ready only when every control-schema migration of this build is applied and none has failed. */
@Readiness
@ApplicationScoped
public class ControlSchemaReadiness implements HealthCheck {

    static final String NAME = "Control schema migrations";

    private final Flyway flyway;

    ControlSchemaReadiness(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            int pending = info.pending().length;
            boolean failed =
                    Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
            return HealthCheckResponse.named(NAME)
                    .status(pending == 0 && !failed && current != null)
                    .withData(
                            "version",
                            current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending)
                    .withData("failed", failed)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", "The control schema could not be read")
                    .build();
        }
    }
}
