package dev.tenantbridge.shop.user;

import java.time.LocalDateTime;
import java.util.UUID;

/** A user as the API shows it, with the seed's column names as field names. */
public record UserView(
        UUID userId,
        String email,
        String name,
        String role,
        String status,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    static UserView of(User u) {
        return new UserView(u.userId, u.email, u.name, u.role, u.status, u.createdAt, u.updatedAt);
    }
}
