package dev.tenantbridge.observability;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Counts every statement Hibernate prepares towards the tenant transaction it runs in; the SQL is unchanged. */
@ApplicationScoped
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private final TransactionMeter transactions;

    StatementCounter(TransactionMeter transactions) {
        this.transactions = transactions;
    }

    @Override
    public String inspect(String sql) {
        transactions.statementPrepared();
        return sql;
    }
}
