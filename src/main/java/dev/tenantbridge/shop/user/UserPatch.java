package dev.tenantbridge.shop.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a request that changes a user: a field that is absent (or null) keeps its value. */
public record UserPatch(
        @Email @Size(min = 3, max = 255) String email,
        @Size(max = 255) String name,

        @Pattern(regexp = User.ROLES, message = "must be user or admin")
        String role,

        @Pattern(regexp = User.STATUSES, message = "must be active or inactive")
        String status) {

    void applyTo(User user) {
        if (email != null) {
            user.email = email.strip();
        }
        if (name != null) {
            user.name = name;
        }
        if (role != null) {
            user.role = role;
        }
        if (status != null) {
            user.status = status;
        }
    }
}
