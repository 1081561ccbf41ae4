package dev.tenantbridge.shop.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** An order with its items as the API shows it, with the seed's column names as field names. */
public record OrderView(
        UUID orderId,
        UUID userId,
        String status,
        BigDecimal totalAmount,
        BigDecimal taxAmount,
        BigDecimal shippingAmount,
        String shippingAddress,
        String billingAddress,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        List<Item> items) {

    /** One line of the order; {@code subtotal} is computed by the database. */
    public record Item(
            UUID orderItemId,
            UUID productId,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal subtotal,
            LocalDateTime createdAt) {

        static Item of(OrderItem i) {
            return new Item(i.orderItemId, i.productId, i.quantity, i.unitPrice, i.subtotal, i.createdAt);
        }
    }

    static OrderView of(Order o) {
        return new OrderView(
                o.orderId,
                o.userId,
                o.status,
                o.totalAmount,
                o.taxAmount,
                o.shippingAmount,
                o.shippingAddress,
                o.billingAddress,
                o.createdAt,
                o.updatedAt,
                o.items.stream().map(Item::of).toList());
    }
}
