package dev.tenantbridge.shop.product;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Moves units in and out of stock with single conditional statements on the tenant's connection, so two orders
 * racing for the last units cannot both get them: the row lock of the update serializes them and the second one
 * sees the first one's result. Callers must run inside the tenant's transaction and, to avoid deadlocks between
 * orders of several products, touch products in ascending id order.
 */
@ApplicationScoped
public class Stock {

    private static final String TAKE = "UPDATE products SET stock_quantity = stock_quantity - ?"
            + " WHERE product_id = ? AND stock_quantity >= ? RETURNING price";
    private static final String PUT_BACK =
            "UPDATE products SET stock_quantity = stock_quantity + ? WHERE product_id = ?";

    private final Session session;

    Stock(Session session) {
        this.session = session;
    }

    /**
     * Takes {@code quantity} units of a product if at least that many are in stock.
     *
     * @return the product's price at this moment, or empty when the product is unknown or short (nothing changed)
     */
    public Optional<BigDecimal> take(UUID productId, int quantity) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TAKE)) {
                statement.setInt(1, quantity);
                statement.setObject(2, productId);
                statement.setInt(3, quantity);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
                }
            }
        });
    }

    /** Returns units to stock, for example those of a cancelled order. */
    public void putBack(UUID productId, int quantity) {
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PUT_BACK)) {
                statement.setInt(1, quantity);
                statement.setObject(2, productId);
                statement.executeUpdate();
            }
        });
    }
}
