-- Fleet operations: the migration ledger, long-running jobs with their per-tenant work, maintenance runs and
-- audit findings.

-- One row per tenant and tenant migration version: where that migration stands in that schema.
CREATE TABLE migration_ledger (
    tenant_id   text        NOT NULL,
    version     text        NOT NULL,
    description text,
    status      text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at  timestamptz NOT NULL,
    duration_ms bigint,
    error       text,
    attempts    integer     NOT NULL DEFAULT 1,
    job_id      uuid,
    PRIMARY KEY (tenant_id, version)
);

CREATE INDEX migration_ledger_status_idx ON migration_ledger (status);

-- A long operation over many tenants. Its state lives here, so a restarted replica can continue it.
CREATE TABLE jobs (
    id             uuid PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('migration', 'audit', 'maintenance')),
    status         text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'stopped')),
    target_version text,
    parallelism    integer,
    failure_threshold integer,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);

CREATE INDEX jobs_running_idx ON jobs (status) WHERE status = 'running';

-- The tenants a job works on, and how each one came out.
CREATE TABLE job_tenants (
    job_id      uuid    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    tenant_id   text    NOT NULL,
    position    integer NOT NULL,
    canary      boolean NOT NULL DEFAULT false,
    status      text    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped')),
    error       text,
    finished_at timestamptz,
    PRIMARY KEY (job_id, tenant_id)
);

CREATE INDEX job_tenants_pending_idx ON job_tenants (job_id, position) WHERE status = 'pending';

-- Each ANALYZE / VACUUM / materialized view refresh run on a tenant schema.
CREATE TABLE maintenance_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text        NOT NULL,
    operation   text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('succeeded', 'failed')),
    started_at  timestamptz NOT NULL,
    duration_ms bigint      NOT NULL,
    detail      text
);

CREATE INDEX maintenance_runs_tenant_idx ON maintenance_runs (tenant_id, started_at DESC);

-- What an audit found wrong in a tenant schema: drift from the expected shape, or an unexpected privilege.
CREATE TABLE audit_findings (
    audit_id    uuid        NOT NULL,
    tenant_id   text        NOT NULL,
    category    text        NOT NULL,
    detail      text        NOT NULL,
    found_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_findings_audit_idx ON audit_findings (audit_id, tenant_id);
