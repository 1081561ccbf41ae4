package dev.tenantbridge.common;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Finds which database constraint a failed write broke, wherever in the cause chain Hibernate put it. */
public final class Constraints {

    private Constraints() {}

    /** The name of the broken constraint, or empty when the failure was not a constraint violation. */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return Optional.ofNullable(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }
}
