package dev.tenantbridge.shop;

/** Example bodies for the OpenAPI description of the shop API; constants, so annotations can use them. */
public final class ShopDocs {

    public static final String PROBLEM = "application/problem+json";

    public static final String PRODUCT_REQUEST = "{\"name\": \"Anvil\", \"description\": \"Cast iron, 50 kg\","
            + " \"price\": 19.99, \"stock_quantity\": 5, \"sku\": \"ANV-1\", \"category\": \"tools\"}";
    public static final String PRODUCT = "{\"product_id\": \"0b9e6a4e-5a0e-4f3c-9d47-1c2f3e4d5a6b\","
            + " \"name\": \"Anvil\", \"description\": \"Cast iron, 50 kg\", \"price\": 19.99, \"stock_quantity\": 5,"
            + " \"sku\": \"ANV-1\", \"category\": \"tools\", \"created_at\": \"2026-03-01T09:30:00\","
            + " \"updated_at\": \"2026-03-01T09:30:00\"}";
    public static final String PRODUCT_PAGE =
            "{\"items\": [" + PRODUCT + "], \"page\": 0, \"size\": 20," + " \"total\": 1, \"next_page\": null}";

    public static final String USER_REQUEST =
            "{\"email\": \"ada@example.com\", \"name\": \"Ada\", \"role\": \"user\", \"status\": \"active\"}";
    public static final String USER = "{\"user_id\": \"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\","
            + " \"email\": \"ada@example.com\", \"name\": \"Ada\", \"role\": \"user\", \"status\": \"active\","
            + " \"created_at\": \"2026-03-01T09:30:00\", \"updated_at\": \"2026-03-01T09:30:00\"}";
    public static final String USER_PAGE =
            "{\"items\": [" + USER + "], \"page\": 0, \"size\": 20, \"total\": 1, \"next_page\": null}";

    public static final String ORDER_REQUEST = "{\"user_id\": \"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\","
            + " \"items\": [{\"product_id\": \"0b9e6a4e-5a0e-4f3c-9d47-1c2f3e4d5a6b\", \"quantity\": 2}],"
            + " \"shipping_address\": \"1 Main Street\", \"tax_amount\": 3.20, \"shipping_amount\": 4.95}";
    public static final String ORDER = "{\"order_id\": \"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d\","
            + " \"user_id\": \"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\", \"status\": \"pending\","
            + " \"total_amount\": 48.13, \"tax_amount\": 3.20, \"shipping_amount\": 4.95,"
            + " \"shipping_address\": \"1 Main Street\", \"billing_address\": null,"
            + " \"created_at\": \"2026-03-01T09:30:00\", \"updated_at\": \"2026-03-01T09:30:00\","
            + " \"items\": [{\"order_item_id\": \"3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f\","
            + " \"product_id\": \"0b9e6a4e-5a0e-4f3c-9d47-1c2f3e4d5a6b\", \"quantity\": 2, \"unit_price\": 19.99,"
            + " \"subtotal\": 39.98, \"created_at\": \"2026-03-01T09:30:00\"}]}";
    public static final String ORDER_PAGE =
            "{\"items\": [" + ORDER + "], \"page\": 0, \"size\": 20, \"total\": 1, \"next_page\": null}";
    public static final String STATUS_CHANGE = "{\"status\": \"paid\"}";

    public static final String SALES_SUMMARY = "{\"refreshed_at\": \"2026-03-02T00:00:00\","
            + " \"from\": \"2026-03-01\", \"to\": \"2026-03-31\","
            + " \"days\": [{\"date\": \"2026-03-01\", \"order_count\": 2, \"total_sales\": 96.26}]}";

    public static final String DUPLICATE = "{\"type\": \"urn:tenant-bridge:problem:duplicate\","
            + " \"title\": \"Conflict\", \"status\": 409, \"detail\": \"Another record already has this sku\"}";
    public static final String PRODUCT_IN_USE = "{\"type\": \"urn:tenant-bridge:problem:product-in-use\","
            + " \"title\": \"Conflict\", \"status\": 409, \"detail\": \"Product 0b9e6a4e-5a0e-4f3c-9d47-1c2f3e4d5a6b is"
            + " part of existing orders and cannot be deleted; set its stock to 0 instead\"}";
    public static final String SHORT_STOCK = "{\"type\": \"urn:tenant-bridge:problem:insufficient-stock\","
            + " \"title\": \"Insufficient stock\", \"status\": 409,"
            + " \"detail\": \"Not enough stock for: Anvil; nothing was ordered\","
            + " \"violations\": [{\"field\": \"items[0].quantity\", \"message\": \"Anvil: 7 requested, 5 in stock\"}]}";
    public static final String ILLEGAL_TRANSITION = "{\"type\": \"urn:tenant-bridge:problem:illegal-transition\","
            + " \"title\": \"Conflict\", \"status\": 409, \"detail\": \"An order that is shipped cannot become paid\"}";
    public static final String KEY_REUSED = "{\"type\": \"urn:tenant-bridge:problem:idempotency-key-reused\","
            + " \"title\": \"Idempotency key reused\", \"status\": 422, \"detail\":"
            + " \"This Idempotency-Key was already used for a different request; use a new key for a new order\"}";

    private ShopDocs() {}
}
