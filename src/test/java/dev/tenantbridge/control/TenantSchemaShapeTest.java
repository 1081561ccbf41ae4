package dev.tenantbridge.control;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Database.columnAsOwner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks a freshly provisioned tenant schema against the bridge model's schema template, from the catalogs. */
@QuarkusTest
class TenantSchemaShapeTest {

    /** Later tenant versions add tables of their own; the template's shape is checked on its four tables. */
    private static final String TEMPLATE_TABLES = "'users', 'products', 'orders', 'order_items'";

    String schema;

    @BeforeEach
    void provision() {
        schema = new TenantId(activeTenant("shape")).schemaName();
    }

    @Test
    void shouldHaveEveryColumnOfTheTemplateWithItsTypeNullabilityAndDefault() {
        List<String> columns = columnAsOwner(
                "SELECT table_name || '.' || column_name || ' ' || data_type"
                        + " || coalesce('(' || character_maximum_length || ')', '')"
                        + " || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')"
                        + " || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END"
                        + " || coalesce(' default ' || column_default, '')"
                        + " || CASE WHEN is_generated = 'ALWAYS' THEN ' generated ' || generation_expression"
                        + " ELSE '' END"
                        + " FROM information_schema.columns WHERE table_schema = ?"
                        + " AND table_name IN (" + TEMPLATE_TABLES + ") ORDER BY table_name, ordinal_position",
                schema);

        assertEquals(
                List.of(
                        "order_items.order_item_id uuid not null default gen_random_uuid()",
                        "order_items.order_id uuid not null",
                        "order_items.product_id uuid not null",
                        "order_items.quantity integer(32,0) not null",
                        "order_items.unit_price numeric(10,2) not null",
                        "order_items.subtotal numeric(10,2) generated ((quantity)::numeric * unit_price)",
                        "order_items.created_at timestamp without time zone default now()",
                        "orders.order_id uuid not null default gen_random_uuid()",
                        "orders.user_id uuid not null",
                        "orders.total_amount numeric(10,2) not null",
                        "orders.tax_amount numeric(10,2) default 0",
                        "orders.shipping_amount numeric(10,2) default 0",
                        "orders.status character varying(50) default 'pending'::character varying",
                        "orders.shipping_address text",
                        "orders.billing_address text",
                        "orders.created_at timestamp without time zone default now()",
                        "orders.updated_at timestamp without time zone default now()",
                        "products.product_id uuid not null default gen_random_uuid()",
                        "products.name character varying(255) not null",
                        "products.description text",
                        "products.price numeric(10,2) not null",
                        "products.stock_quantity integer(32,0) default 0",
                        "products.sku character varying(100)",
                        "products.category character varying(100)",
                        "products.created_at timestamp without time zone default now()",
                        "products.updated_at timestamp without time zone default now()",
                        "users.user_id uuid not null default gen_random_uuid()",
                        "users.email character varying(255) not null",
                        "users.name character varying(255)",
                        "users.role character varying(50) default 'user'::character varying",
                        "users.status character varying(50) default 'active'::character varying",
                        "users.created_at timestamp without time zone default now()",
                        "users.updated_at timestamp without time zone default now()"),
                columns);
    }

    @Test
    void shouldHaveTheTemplatesKeysUniquesChecksAndForeignKeys() {
        List<String> constraints = columnAsOwner(
                "SELECT conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE connamespace = ?::regnamespace"
                        + " AND conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = connamespace"
                        + " AND relname IN (" + TEMPLATE_TABLES + "))"
                        + " ORDER BY 1",
                schema);
        String prefix = schema + ".";

        assertEquals(
                List.of(
                        prefix + "order_items c CHECK ((quantity > 0))",
                        prefix + "order_items f FOREIGN KEY (order_id) REFERENCES " + prefix
                                + "orders(order_id) ON DELETE CASCADE",
                        prefix + "order_items f FOREIGN KEY (product_id) REFERENCES " + prefix + "products(product_id)",
                        prefix + "order_items p PRIMARY KEY (order_item_id)",
                        prefix + "orders f FOREIGN KEY (user_id) REFERENCES " + prefix + "users(user_id)",
                        prefix + "orders p PRIMARY KEY (order_id)",
                        prefix + "products p PRIMARY KEY (product_id)",
                        prefix + "products u UNIQUE (sku)",
                        prefix + "users p PRIMARY KEY (user_id)",
                        prefix + "users u UNIQUE (email)"),
                constraints.stream().map(c -> c.replace("\"", "")).sorted().toList());
    }

    @Test
    void shouldHaveTheTemplatesFiveIndexes() {
        List<String> indexes = columnAsOwner(
                "SELECT indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes"
                        + " WHERE schemaname = ? AND indexname LIKE 'idx_%' ORDER BY indexname",
                schema);

        assertEquals(
                List.of(
                        "idx_order_items_order btree (order_id)",
                        "idx_orders_status btree (status)",
                        "idx_orders_user btree (user_id)",
                        "idx_products_category btree (category)",
                        "idx_users_email btree (email)"),
                indexes);
    }

    @Test
    void shouldHaveTheUpdatedAtTriggerOnUsersProductsAndOrders() {
        List<String> triggers = columnAsOwner(
                "SELECT event_object_table || ' ' || trigger_name || ' ' || action_timing || ' ' || event_manipulation"
                        + " || ' ' || action_orientation || ' ' || action_statement"
                        + " FROM information_schema.triggers WHERE trigger_schema = ? ORDER BY 1",
                schema);

        assertEquals(
                List.of(
                        "orders update_orders_updated_at BEFORE UPDATE ROW EXECUTE FUNCTION update_updated_at()",
                        "products update_products_updated_at BEFORE UPDATE ROW EXECUTE FUNCTION update_updated_at()",
                        "users update_users_updated_at BEFORE UPDATE ROW EXECUTE FUNCTION update_updated_at()"),
                triggers.stream().map(t -> t.replace(schema + ".", "")).toList());
        assertEquals(
                List.of("plpgsql trigger"),
                columnAsOwner(
                        "SELECT l.lanname || ' ' || p.prorettype::regtype FROM pg_proc p JOIN pg_language l"
                                + " ON l.oid = p.prolang WHERE p.pronamespace = ?::regnamespace"
                                + " AND p.proname = 'update_updated_at'",
                        schema));
    }
}
