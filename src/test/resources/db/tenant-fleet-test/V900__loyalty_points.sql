-- A later tenant version used only by tests and benchmarks of fleet migrations: one additive change.
ALTER TABLE users ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0;
