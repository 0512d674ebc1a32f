package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.Comparison;
import java.util.List;

/** A stored comparison and its runs (repeat order within each model), for the read-only reopen view. */
public record ComparisonDetail(Comparison comparison, List<HistoryRow> runs) {
}
