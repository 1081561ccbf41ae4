package dev.tenantbridge.shop.product;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The body of a request that creates a product. */
public record ProductRequest(
        @NotBlank @Size(max = 255) String name,
        String description,

        @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
        BigDecimal price,

        @Min(0) Integer stockQuantity,
        @Size(max = 100) String sku,
        @Size(max = 100) String category) {

    Product toProduct() {
        Product product = new Product();
        product.name = name;
        product.description = description;
        product.price = price;
        product.stockQuantity = stockQuantity == null ? 0 : stockQuantity;
        product.sku = sku;
        product.category = category;
        return product;
    }
}
