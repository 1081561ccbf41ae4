package dev.tenantbridge.shop.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a request that creates a user; role defaults to {@code user} and status to {@code active}. */
public record UserRequest(
        @NotBlank @Email @Size(max = 255) String email,
        @Size(max = 255) String name,

        @Pattern(regexp = User.ROLES, message = "must be user or admin")
        String role,

        @Pattern(regexp = User.STATUSES, message = "must be active or inactive")
        String status) {

    User toUser() {
        User user = new User();
        user.email = email.strip();
        user.name = name;
        user.role = role == null ? "user" : role;
        user.status = status == null ? User.ACTIVE : status;
        return user;
    }
}
