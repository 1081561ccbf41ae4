package dev.tenantbridge.shop.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The tenant's sales per day between two dates, as of the last refresh of the {@code sales_summary} view.
 *
 * @param refreshedAt when the view was last refreshed; orders placed after it are not counted yet
 * @param from first day included, or null for no lower bound
 * @param to last day included, or null for no upper bound
 * @param days one entry per day with at least one order that is not cancelled, oldest first
 */
public record SalesSummary(LocalDateTime refreshedAt, LocalDate from, LocalDate to, List<Day> days) {

    /** One day of the summary. */
    public record Day(LocalDate date, long orderCount, BigDecimal totalSales) {}
}
