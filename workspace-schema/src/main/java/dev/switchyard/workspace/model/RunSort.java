package dev.switchyard.workspace.model;

/** Columns the run history can be sorted by. */
public enum RunSort {
    CREATED_AT("created_at"),
    TOTAL_MS("total_ms"),
    TTFT_MS("ttft_ms"),
    OUTPUT_TOKENS("output_tokens"),
    COST_USD("cost_usd");

    private final String column;

    RunSort(String column) {
        this.column = column;
    }

    /** The SQL column (a fixed identifier, never user text). */
    public String column() {
        return column;
    }
}
