package dev.tenantbridge.shop.report;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Reads and refreshes the tenant's {@code sales_summary} materialized view. A refresh goes through the schema's
 * {@code refresh_sales_summary()} function, which runs as the view's owner; the tenant role may execute it and
 * read the view, nothing more. Callers need a tenant in context (a tenant request, or a task that entered one).
 */
@ApplicationScoped
public class SalesSummaryService {

    private static final String DAYS = "SELECT date, order_count, total_sales FROM sales_summary"
            + " WHERE (?::date IS NULL OR date >= ?::date) AND (?::date IS NULL OR date < ?::date + 1) ORDER BY date";
    private static final String REFRESHED = "SELECT refreshed_at FROM sales_summary_refreshed";
    private static final String REFRESH = "SELECT refresh_sales_summary()";

    private final Session session;

    SalesSummaryService(Session session) {
        this.session = session;
    }

    @Transactional
    public SalesSummary read(LocalDate from, LocalDate to) {
        return session.doReturningWork(
                connection -> new SalesSummary(refreshedAt(connection), from, to, days(connection, from, to)));
    }

    /** Brings the view up to date with the orders committed so far; readers are not blocked meanwhile. */
    @Transactional
    public LocalDateTime refresh() {
        long started = System.nanoTime();
        LocalDateTime refreshed = session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(REFRESH);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toLocalDateTime();
            }
        });
        Log.infof("Sales summary refreshed in %d ms", (System.nanoTime() - started) / 1_000_000);
        return refreshed;
    }

    private static LocalDateTime refreshedAt(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REFRESHED);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            Timestamp at = rows.getTimestamp(1);
            return at == null ? null : at.toLocalDateTime();
        }
    }

    private static List<SalesSummary.Day> days(Connection connection, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DAYS)) {
            statement.setObject(1, from);
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setObject(4, to);
            List<SalesSummary.Day> days = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    days.add(new SalesSummary.Day(
                            rows.getTimestamp(1).toLocalDateTime().toLocalDate(),
                            rows.getLong(2),
                            rows.getBigDecimal(3)));
                }
            }
            return days;
        }
    }
}
