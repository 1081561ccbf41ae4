package dev.tenantbridge.shop.order;

import java.util.Locale;
import java.util.Set;

/**
 * The life of an order: {@code pending -> paid -> shipped -> delivered}, and {@code pending} or {@code paid} to
 * {@code cancelled}, which returns the items to stock. No other move is allowed.
 */
enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    static final String NAMES = "pending|paid|shipped|delivered|cancelled";

    static OrderStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean canBecome(OrderStatus next) {
        return next().contains(next);
    }

    private Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PAID, CANCELLED);
            case PAID -> Set.of(SHIPPED, CANCELLED);
            case SHIPPED -> Set.of(DELIVERED);
            case DELIVERED, CANCELLED -> Set.of();
        };
    }
}
