-- A later tenant version used only by tests and benchmarks of fleet migrations: one additive change. A test makes
-- it fail in one schema on purpose by creating a role named after that schema with the suffix _fails_900.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${flyway:defaultSchema}_fails_900') THEN
        RAISE EXCEPTION 'planted failure of version 900 in schema ${flyway:defaultSchema}';
    END IF;
END
$$;

ALTER TABLE users ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0;
