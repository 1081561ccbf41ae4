-- The tenant catalog: one row per tenant, telling where its schema lives and what state it is in.
CREATE TABLE tenants (
    id                   text PRIMARY KEY,
    schema_name          text        NOT NULL UNIQUE,
    status               text        NOT NULL
        CHECK (status IN ('provisioning', 'active', 'suspended', 'archived', 'failed')),
    cluster              text        NOT NULL DEFAULT 'default',
    schema_version       text,
    statement_timeout_ms integer CHECK (statement_timeout_ms > 0),
    last_error           text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tenants_status_idx ON tenants (status);
CREATE INDEX tenants_cluster_idx ON tenants (cluster);
