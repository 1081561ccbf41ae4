package dev.tenantbridge.shop.order;

import dev.tenantbridge.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The {@code Idempotency-Key}s of order requests, in the tenant's {@code idempotency_keys} table.
 *
 * <p>Contract: {@link #claim} runs first in the transaction that places the order. The insert of a key that a
 * parallel, still open transaction has just inserted waits for that transaction: if it commits, the key is read
 * back with its order; if it rolls back, this caller owns the key. So parallel retries of one key place one order.
 */
@ApplicationScoped
class IdempotencyKeys {

    private static final String INSERT = "INSERT INTO idempotency_keys (idempotency_key, request_hash)"
            + " VALUES (?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key";
    private static final String READ = "SELECT request_hash, order_id FROM idempotency_keys WHERE idempotency_key = ?";
    private static final String ATTACH = "UPDATE idempotency_keys SET order_id = ? WHERE idempotency_key = ?";

    private final Session session;

    IdempotencyKeys(Session session) {
        this.session = session;
    }

    /**
     * Claims a key for a request with the given hash.
     *
     * @return empty when this caller now owns the key; the earlier order when the same request came before
     * @throws ProblemException 422 when the key came before with a different request
     */
    Optional<UUID> claim(String key, String requestHash) {
        if (insert(key, requestHash)) {
            return Optional.empty();
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (!rows.getString(1).equals(requestHash)) {
                        throw reused();
                    }
                    return Optional.of(rows.getObject(2, UUID.class));
                }
            }
        });
    }

    /** Records the order a claimed key placed; the order must already be flushed. */
    void attach(String key, UUID orderId) {
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ATTACH)) {
                statement.setObject(1, orderId);
                statement.setString(2, key);
                statement.executeUpdate();
            }
        });
    }

    private boolean insert(String key, String requestHash) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, key);
                statement.setString(2, requestHash);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private static ProblemException reused() {
        return new ProblemException(
                422,
                "idempotency-key-reused",
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new order");
    }
}
