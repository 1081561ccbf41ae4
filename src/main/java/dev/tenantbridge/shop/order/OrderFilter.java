package dev.tenantbridge.shop.order;

import dev.tenantbridge.common.QueryParams;
import dev.tenantbridge.common.Where;
import java.time.LocalDate;
import java.util.UUID;

/** The filters of an order list, read from the query string; the date range includes both of its days. */
record OrderFilter(String status, UUID userId, LocalDate from, LocalDate to) {

    static OrderFilter read(QueryParams params) {
        OrderFilter filter = new OrderFilter(
                params.oneOf("status", OrderStatus.NAMES.split("\\|")),
                params.uuid("user_id"),
                params.date("from"),
                params.date("to"));
        params.require(
                filter.from == null || filter.to == null || !filter.to.isBefore(filter.from),
                "to",
                "must not be before from");
        return filter;
    }

    Where where() {
        return new Where()
                .and("status = :status", "status", status)
                .and("userId = :userId", "userId", userId)
                .and("createdAt >= :from", "from", from == null ? null : from.atStartOfDay())
                .and("createdAt < :to", "to", to == null ? null : to.plusDays(1).atStartOfDay());
    }
}
