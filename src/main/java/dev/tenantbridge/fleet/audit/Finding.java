package dev.tenantbridge.fleet.audit;

/**
 * One thing an audit found wrong in a tenant schema.
 *
 * @param category {@code drift} (shape differs from the expected one of its version), {@code version} (a version
 *     this build does not know), {@code privilege}, {@code owner} or {@code reach}
 */
public record Finding(String category, String detail) {}
