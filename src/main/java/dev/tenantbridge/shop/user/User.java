package dev.tenantbridge.shop.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A user of the tenant's shop; a row of the tenant schema's {@code users} table. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    /** The roles a shop user may have, as a pattern for validation. */
    static final String ROLES = "user|admin";

    /** The statuses a shop user may have; only an active user may place orders. */
    static final String STATUSES = "active|inactive";

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "email", nullable = false, unique = true)
    public String email;

    @Column(name = "name")
    public String name;

    @Column(name = "role")
    public String role = "user";

    @Column(name = "status")
    public String status = ACTIVE;

    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", insertable = false, updatable = false)
    public LocalDateTime createdAt;

    /** Maintained by the {@code update_users_updated_at} trigger. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public LocalDateTime updatedAt;
}
