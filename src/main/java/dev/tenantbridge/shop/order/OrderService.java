package dev.tenantbridge.shop.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.shop.product.Product;
import dev.tenantbridge.shop.product.Stock;
import dev.tenantbridge.shop.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Places orders and moves them through their statuses, each in one tenant transaction. */
@ApplicationScoped
public class OrderService {

    /** The largest amount a {@code DECIMAL(10, 2)} column holds. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

    private final Stock stock;
    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    OrderService(Stock stock, IdempotencyKeys keys, ObjectMapper json) {
        this.stock = stock;
        this.keys = keys;
        this.json = json;
    }

    /** An order and whether it was placed by an earlier request with the same idempotency key. */
    public record Placed(Order order, boolean replayed) {}

    /**
     * Places an order: takes every line's units from stock at the product's current price and stores the order
     * with its items, or changes nothing. With an idempotency key, a repeat of an earlier request returns the
     * order that request placed.
     */
    @Transactional
    public Placed place(OrderRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<UUID> earlier = keys.claim(idempotencyKey, hash(request));
            if (earlier.isPresent()) {
                Log.debugf("Idempotency key replayed order %s", earlier.get());
                return new Placed(find(earlier.get(), false), true);
            }
        }
        Order order = create(request);
        if (idempotencyKey != null) {
            keys.attach(idempotencyKey, order.orderId);
        }
        return new Placed(order, false);
    }

    private Order create(OrderRequest request) {
        requireActiveUser(request.userId());
        List<OrderLine> lines = new ArrayList<>(request.items());
        lines.sort(Comparator.comparing(OrderLine::productId));
        Order order = new Order();
        order.userId = request.userId();
        order.taxAmount = request.tax();
        order.shippingAmount = request.shipping();
        order.shippingAddress = request.shippingAddress();
        order.billingAddress = request.billingAddress();
        List<OrderLine> short_ = takeStock(lines, order);
        if (!short_.isEmpty()) {
            throw shortOrUnknown(short_, request.items());
        }
        order.totalAmount = total(order);
        order.persist();
        Order.flush();
        Log.debugf("Order %s placed with %d items, total %s", order.orderId, order.items.size(), order.totalAmount);
        return order;
    }

    /** Takes stock for every line, in product id order; returns the lines that could not be served. */
    private List<OrderLine> takeStock(List<OrderLine> lines, Order order) {
        List<OrderLine> unserved = new ArrayList<>();
        for (OrderLine line : lines) {
            Optional<BigDecimal> price = stock.take(line.productId(), line.quantity());
            if (price.isEmpty()) {
                unserved.add(line);
                continue;
            }
            OrderItem item = new OrderItem();
            item.order = order;
            item.productId = line.productId();
            item.quantity = line.quantity();
            item.unitPrice = price.get();
            order.items.add(item);
        }
        return unserved;
    }

    private static BigDecimal total(Order order) {
        BigDecimal total = order.taxAmount.add(order.shippingAmount);
        for (OrderItem item : order.items) {
            BigDecimal subtotal = item.unitPrice.multiply(BigDecimal.valueOf(item.quantity));
            if (subtotal.compareTo(MAX_AMOUNT) > 0) {
                throw tooLarge("The subtotal of product " + item.productId);
            }
            total = total.add(subtotal);
        }
        if (total.compareTo(MAX_AMOUNT) > 0) {
            throw tooLarge("The order's total");
        }
        return total.setScale(2);
    }

    private static void requireActiveUser(UUID userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw new ProblemException(
                    422,
                    "unknown-reference",
                    "Unknown reference",
                    "user_id names no user of this tenant",
                    List.of(new Problem.Violation("user_id", "names no user of this tenant")));
        }
        if (!User.ACTIVE.equals(user.status)) {
            throw ProblemException.conflict("user-inactive", "User " + userId + " is not active and cannot order");
        }
    }

    /** 422 when a line names an unknown product, else 409 naming each product that is short of stock. */
    private static ProblemException shortOrUnknown(List<OrderLine> unserved, List<OrderLine> asSent) {
        List<Problem.Violation> unknown = new ArrayList<>();
        List<Problem.Violation> short_ = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OrderLine line : unserved) {
            String field = "items[" + asSent.indexOf(line) + "]";
            Product product = Product.findById(line.productId());
            if (product == null) {
                unknown.add(new Problem.Violation(field + ".product_id", "names no product of this tenant"));
            } else {
                names.add(product.name);
                short_.add(new Problem.Violation(
                        field + ".quantity",
                        product.name + ": " + line.quantity() + " requested, " + available(product) + " in stock"));
            }
        }
        if (!unknown.isEmpty()) {
            return new ProblemException(
                    422, "unknown-reference", "Unknown reference", "The order names unknown products", unknown);
        }
        return new ProblemException(
                409,
                "insufficient-stock",
                "Insufficient stock",
                "Not enough stock for: " + String.join(", ", names) + "; nothing was ordered",
                short_);
    }

    private static int available(Product product) {
        return product.stockQuantity == null ? 0 : product.stockQuantity;
    }

    private static ProblemException tooLarge(String what) {
        return new ProblemException(
                422,
                "amount-too-large",
                "Amount too large",
                what + " would pass " + MAX_AMOUNT + "; nothing was ordered");
    }

    /**
     * Moves an order to another status under a row lock, so two parallel changes cannot both pass the check. A
     * cancel returns the items to stock.
     */
    @Transactional
    public Order changeStatus(UUID orderId, String target) {
        Order order = find(orderId, true);
        OrderStatus next = OrderStatus.of(target);
        OrderStatus current = current(order);
        if (!current.canBecome(next)) {
            throw ProblemException.conflict(
                    "illegal-transition", "An order that is " + current.label() + " cannot become " + next.label());
        }
        if (next == OrderStatus.CANCELLED) {
            order.items.stream()
                    .sorted(Comparator.comparing(item -> item.productId))
                    .forEach(item -> stock.putBack(item.productId, item.quantity));
        }
        order.status = next.label();
        Order.flush();
        Log.debugf("Order %s is now %s", orderId, next.label());
        return order;
    }

    private static OrderStatus current(Order order) {
        try {
            return OrderStatus.of(String.valueOf(order.status));
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict(
                    "illegal-transition", "The order's status " + order.status + " cannot be changed through the API");
        }
    }

    /** One order of the tenant, or 404. */
    @Transactional
    public Order find(UUID orderId, boolean forUpdate) {
        Order order = forUpdate ? Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE) : Order.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("Order " + orderId);
        }
        return order;
    }

    /**
     * A fingerprint of the request, to tell a retry from a different request under the same key. Amounts count by
     * value ({@code 3.1} and {@code 3.10} are one amount, an absent tax is a tax of zero).
     */
    private String hash(OrderRequest request) {
        OrderRequest canonical = new OrderRequest(
                request.userId(),
                request.items(),
                request.shippingAddress(),
                request.billingAddress(),
                request.tax().setScale(2),
                request.shipping().setScale(2));
        try {
            byte[] bytes = json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint an order request", e);
        }
    }
}
