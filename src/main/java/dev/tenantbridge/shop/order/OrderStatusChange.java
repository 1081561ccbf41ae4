package dev.tenantbridge.shop.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of a request that moves an order to another status. */
public record OrderStatusChange(
        @NotNull @Pattern(regexp = OrderStatus.NAMES, message = "must be one of " + OrderStatus.NAMES)
        String status) {}
