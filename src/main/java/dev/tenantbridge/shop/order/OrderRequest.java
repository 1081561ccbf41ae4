package dev.tenantbridge.shop.order;

import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The body of a request that places an order. Prices are not sent: they come from the products. */
public record OrderRequest(
        @NotNull UUID userId,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull OrderLine> items,
        @Size(max = 2000) String shippingAddress,
        @Size(max = 2000) String billingAddress,

        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
        BigDecimal taxAmount,

        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
        BigDecimal shippingAmount) {

    /** Refuses an order that lists one product on several lines; a line's quantity says how many. */
    void requireDistinctProducts() {
        Set<UUID> seen = new HashSet<>();
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).productId())) {
                violations.add(new Problem.Violation(
                        "items[" + i + "].product_id", "lists a product an earlier line already has"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input", "Invalid value for: items", violations);
        }
    }

    /** The tax with its two decimals (validation allows no more, so nothing is rounded). */
    BigDecimal tax() {
        return taxAmount == null ? Order.NO_AMOUNT : taxAmount.setScale(2);
    }

    BigDecimal shipping() {
        return shippingAmount == null ? Order.NO_AMOUNT : shippingAmount.setScale(2);
    }
}
