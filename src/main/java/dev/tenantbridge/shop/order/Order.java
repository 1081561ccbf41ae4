package dev.tenantbridge.shop.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** An order placed by one of the tenant's users; a row of the tenant schema's {@code orders} table. */
@Entity(name = "ShopOrder")
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    /** Zero with the two decimals every amount carries, in the database and in the API. */
    public static final BigDecimal NO_AMOUNT = new BigDecimal("0.00");

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "total_amount", nullable = false, precision = 10, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "tax_amount", precision = 10, scale = 2)
    public BigDecimal taxAmount = NO_AMOUNT;

    @Column(name = "shipping_amount", precision = 10, scale = 2)
    public BigDecimal shippingAmount = NO_AMOUNT;

    @Column(name = "status")
    public String status = "pending";

    @Column(name = "shipping_address")
    public String shippingAddress;

    @Column(name = "billing_address")
    public String billingAddress;

    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", insertable = false, updatable = false)
    public LocalDateTime createdAt;

    /** Maintained by the {@code update_orders_updated_at} trigger. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public LocalDateTime updatedAt;

    /** Listed by product id, the order in which stock was taken; loaded for up to a page of orders at once. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("productId")
    @BatchSize(size = 100)
    public List<OrderItem> items = new ArrayList<>();
}
