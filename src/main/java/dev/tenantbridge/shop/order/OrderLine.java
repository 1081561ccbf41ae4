package dev.tenantbridge.shop.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** One line of a new order: which product and how many units. */
public record OrderLine(
        @NotNull UUID productId,
        @NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {

    static final int MAX_QUANTITY = 100_000;
}
