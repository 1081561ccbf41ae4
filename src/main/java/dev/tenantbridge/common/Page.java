package dev.tenantbridge.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a client needs to fetch the next one.
 *
 * @param nextPage the page number to ask for next, or null on the last page
 */
public record Page<T>(List<T> items, int page, int size, long total, Integer nextPage) {

    /** The page size of a list request that names none. */
    public static final int DEFAULT_SIZE = 20;

    /** A validated page request: page from 0, size from 1 to the configured maximum. */
    public record Request(int page, int size) {

        public int offset() {
            return page * size;
        }

        /** Runs a query for this page and its total, showing each entity through the given view. */
        public <E, T> Page<T> of(PanacheQuery<E> query, Function<E, T> view) {
            List<T> items = query.page(page, size).list().stream().map(view).toList();
            return of(items, query.count());
        }

        public <T> Page<T> of(List<T> items, long total) {
            boolean more = (long) offset() + items.size() < total;
            return new Page<>(items, page, size, total, more ? page + 1 : null);
        }
    }

    public static Request request(int page, int size, int maxSize) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Problem.Violation("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            violations.add(new Problem.Violation("size", "must be between 1 and " + maxSize));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input", "Invalid paging parameters", violations);
        }
        return new Request(page, size);
    }
}
