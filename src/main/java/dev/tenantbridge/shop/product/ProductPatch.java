package dev.tenantbridge.shop.product;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The body of a request that changes a product: a field that is absent (or null) keeps its value. */
public record ProductPatch(
        @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String name,

        String description,

        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
        BigDecimal price,

        @Min(0) Integer stockQuantity,
        @Size(max = 100) String sku,
        @Size(max = 100) String category) {

    void applyTo(Product product) {
        if (name != null) {
            product.name = name;
        }
        if (description != null) {
            product.description = description;
        }
        if (price != null) {
            product.price = price;
        }
        if (stockQuantity != null) {
            product.stockQuantity = stockQuantity;
        }
        if (sku != null) {
            product.sku = sku;
        }
        if (category != null) {
            product.category = category;
        }
    }
}
