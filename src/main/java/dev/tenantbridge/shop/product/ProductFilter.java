package dev.tenantbridge.shop.product;

import dev.tenantbridge.common.QueryParams;
import dev.tenantbridge.common.Where;
import io.quarkus.panache.common.Sort;
import java.math.BigDecimal;

/** The filters and sort order of a product list, read from the query string. */
record ProductFilter(String category, BigDecimal minPrice, BigDecimal maxPrice, Boolean inStock, String sort) {

    static final String[] SORTS = {
        "created_at", "-created_at", "name", "-name", "price", "-price", "stock_quantity", "-stock_quantity"
    };

    static ProductFilter read(QueryParams params) {
        ProductFilter filter = new ProductFilter(
                params.text("category", 100),
                params.amount("min_price"),
                params.amount("max_price"),
                params.bool("in_stock"),
                params.oneOf("sort", SORTS));
        params.require(
                filter.minPrice == null || filter.maxPrice == null || filter.minPrice.compareTo(filter.maxPrice) <= 0,
                "max_price",
                "must not be below min_price");
        return filter;
    }

    Where where() {
        return new Where()
                .and("category = :category", "category", category)
                .and("price >= :minPrice", "minPrice", minPrice)
                .and("price <= :maxPrice", "maxPrice", maxPrice)
                .andIf(Boolean.TRUE.equals(inStock), "stockQuantity > 0")
                .andIf(Boolean.FALSE.equals(inStock), "(stockQuantity is null or stockQuantity = 0)");
    }

    /** The requested order, then the product id, so equal values never swap places between pages. */
    Sort order() {
        String key = sort == null ? "created_at" : sort;
        Sort.Direction direction = key.startsWith("-") ? Sort.Direction.Descending : Sort.Direction.Ascending;
        String field = switch (key.replace("-", "")) {
            case "name" -> "name";
            case "price" -> "price";
            case "stock_quantity" -> "stockQuantity";
            default -> "createdAt";
        };
        return Sort.by(field, direction).and("productId", direction);
    }
}
