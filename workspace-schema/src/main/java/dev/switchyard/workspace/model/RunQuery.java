package dev.switchyard.workspace.model;

import java.time.Instant;
import java.util.Set;

/**
 * A history query: every filter is optional (null = any). {@code text} matches words in the prompt or the
 * answer (each word as a prefix, all words required); {@code from} inclusive, {@code to} exclusive.
 */
public record RunQuery(Long modelId, Set<RunStatus> statuses, Instant from, Instant to, String text, RunSort sort,
                       boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public RunQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? RunSort.CREATED_AT : sort;
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit within 1.." + MAX_LIMIT);
        }
    }

    /** Newest first, first page of 100, no filters. */
    public static RunQuery latest() {
        return new RunQuery(null, Set.of(), null, null, null, RunSort.CREATED_AT, true, 0, 100);
    }

    public RunQuery model(Long id) {
        return new RunQuery(id, statuses, from, to, text, sort, descending, offset, limit);
    }

    public RunQuery statuses(Set<RunStatus> s) {
        return new RunQuery(modelId, s, from, to, text, sort, descending, offset, limit);
    }

    public RunQuery between(Instant fromInclusive, Instant toExclusive) {
        return new RunQuery(modelId, statuses, fromInclusive, toExclusive, text, sort, descending, offset, limit);
    }

    public RunQuery text(String words) {
        return new RunQuery(modelId, statuses, from, to, words, sort, descending, offset, limit);
    }

    public RunQuery sort(RunSort by, boolean desc) {
        return new RunQuery(modelId, statuses, from, to, text, by, desc, offset, limit);
    }

    public RunQuery page(int pageOffset, int pageLimit) {
        return new RunQuery(modelId, statuses, from, to, text, sort, descending, pageOffset, pageLimit);
    }
}
