package dev.tenantbridge.observability;

import dev.tenantbridge.tenancy.TenantConnectionListener;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows each tenant transaction from the moment it takes its pooled connection to its commit or rollback:
 * connection wait, connections held, duration and the number of statements Hibernate ran in it.
 */
@ApplicationScoped
public class TransactionMeter implements TenantConnectionListener {

    /** Hibernate reports a transaction's first statement before it asks for the connection: count from there. */
    private static final String STATEMENTS = TransactionMeter.class.getName() + ".statements";

    private final TenantMeters meters;
    private final TransactionSynchronizationRegistry transactions;

    TransactionMeter(TenantMeters meters, TransactionSynchronizationRegistry transactions) {
        this.meters = meters;
        this.transactions = transactions;
    }

    @Override
    public void connectionAcquired(String tenantId, long waitNanos) {
        meters.connectionWait(tenantId).record(waitNanos, TimeUnit.NANOSECONDS);
        try {
            Tally tally = new Tally(
                    tenantId, meters.connectionsHeld(tenantId), statementsOfThisTransaction(), System.nanoTime());
            transactions.registerInterposedSynchronization(tally);
            tally.held.incrementAndGet();
        } catch (IllegalStateException e) {
            Log.debugf("Transaction of tenant %s is already completing; its duration is not measured", tenantId);
        }
    }

    /** Counts one statement in the current transaction; does nothing outside one or once it is completing. */
    void statementPrepared() {
        try {
            if (transactions.getTransactionKey() != null) {
                statementsOfThisTransaction().incrementAndGet();
            }
        } catch (IllegalStateException e) {
            Log.debug("A statement ran while its transaction was completing; it is not counted");
        }
    }

    private AtomicInteger statementsOfThisTransaction() {
        if (transactions.getResource(STATEMENTS) instanceof AtomicInteger count) {
            return count;
        }
        AtomicInteger count = new AtomicInteger();
        transactions.putResource(STATEMENTS, count);
        return count;
    }

    /** One tenant transaction under way; ends the measurement when the transaction completes. */
    private final class Tally implements Synchronization {

        private final String tenantId;
        private final AtomicInteger held;
        private final AtomicInteger statements;
        private final long started;

        Tally(String tenantId, AtomicInteger held, AtomicInteger statements, long started) {
            this.tenantId = tenantId;
            this.held = held;
            this.statements = statements;
            this.started = started;
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            held.decrementAndGet();
            String outcome = status == Status.STATUS_COMMITTED ? "committed" : "rolled_back";
            meters.transaction(tenantId, outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            meters.statements(tenantId).record(statements.get());
        }
    }
}
