-- Version 2 of every tenant schema: what the shop API needs beyond the template.
-- Flyway runs this as the owner role with the tenant schema as the search path; ${flyway:defaultSchema} is that
-- schema, whose name is also the tenant role's name (a validated id: lowercase letters, digits and '_').

-- Emails are unique regardless of case. The template's UNIQUE (email) stays; this index is stricter.
CREATE UNIQUE INDEX users_email_ci_key ON users (lower(email));

-- Lists filter orders by date and page through products in a stable order. (The template's own indexes are
-- the ones named idx_*.)
CREATE INDEX orders_created_at_idx ON orders (created_at, order_id);
CREATE INDEX products_created_at_idx ON products (created_at, product_id);

-- One row per Idempotency-Key of POST /api/orders. The first request inserts its key and holds the row's lock
-- until its transaction ends, so a parallel retry waits and then reads the order it created.
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    request_hash CHAR(64) NOT NULL,
    order_id UUID REFERENCES orders(order_id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL DEFAULT NOW()
);

-- The template's report, per day. Cancelled orders are no sales and stay out; rows without a date cannot be
-- placed on a day. The unique index on the day is what REFRESH ... CONCURRENTLY needs.
CREATE MATERIALIZED VIEW sales_summary AS
SELECT DATE_TRUNC('day', created_at) AS date,
       COUNT(*) AS order_count,
       SUM(total_amount) AS total_sales
FROM orders
WHERE created_at IS NOT NULL AND status IS DISTINCT FROM 'cancelled'
GROUP BY DATE_TRUNC('day', created_at);

CREATE UNIQUE INDEX sales_summary_date_key ON sales_summary (date);

-- When sales_summary was last refreshed, as a one-row materialized view refreshed with it: nobody can write to a
-- materialized view, so the tenant role's default table grants cannot falsify the time.
CREATE MATERIALIZED VIEW sales_summary_refreshed AS
SELECT NOW()::TIMESTAMP AS refreshed_at;

-- Only a materialized view's owner may refresh it. This function runs as that owner (SECURITY DEFINER) with a
-- pinned search path, so the tenant role can refresh its own report and do nothing else as the owner.
CREATE FUNCTION refresh_sales_summary() RETURNS TIMESTAMP
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = "${flyway:defaultSchema}", pg_temp
AS $func$
DECLARE
    refreshed TIMESTAMP;
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;
    REFRESH MATERIALIZED VIEW sales_summary_refreshed;
    SELECT refreshed_at INTO refreshed FROM sales_summary_refreshed;
    RETURN refreshed;
END;
$func$;

-- Grants, stated here although provisioning's default privileges would give the same, so a schema migrated by a
-- later wave ends up exactly like a new one: the tenant role reads both views and may only execute the refresh.
REVOKE ALL ON FUNCTION refresh_sales_summary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_sales_summary() TO "${flyway:defaultSchema}";
REVOKE ALL ON sales_summary, sales_summary_refreshed FROM "${flyway:defaultSchema}";
GRANT SELECT ON sales_summary, sales_summary_refreshed TO "${flyway:defaultSchema}";
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO "${flyway:defaultSchema}";
