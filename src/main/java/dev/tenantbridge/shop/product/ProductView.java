package dev.tenantbridge.shop.product;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/** A product as the API shows it, with the seed's column names as field names. */
public record ProductView(
        UUID productId,
        String name,
        String description,
        BigDecimal price,
        Integer stockQuantity,
        String sku,
        String category,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    static ProductView of(Product p) {
        return new ProductView(
                p.productId,
                p.name,
                p.description,
                p.price,
                p.stockQuantity,
                p.sku,
                p.category,
                p.createdAt,
                p.updatedAt);
    }
}
