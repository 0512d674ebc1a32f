package dev.switchyard.workspace.model;

import java.util.List;

/**
 * One page of a query: the rows, the number of matching rows, and the offset/limit asked for.
 *
 * <p>{@code totalExact} false means counting every match would have cost more than the page (a text or date filter
 * over a large history): then more than {@code total} rows match, and {@code total} is at least {@code offset +
 * limit} — show it as "1,000+". {@code hasMore()} is right in both cases.
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page with an exact total. */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, true, offset, limit);
    }

    public boolean hasMore() {
        return !totalExact || offset + items.size() < total;
    }
}
