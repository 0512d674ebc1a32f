package dev.switchyard.workspace.model;

import java.util.List;

/** One page of a query: the rows, the total number of matching rows, and the offset/limit asked for. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
