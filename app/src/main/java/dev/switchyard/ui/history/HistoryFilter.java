package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The filters of the history screen as the user set them; {@code to} is inclusive (the whole day); a state stands
 * for the stored statuses it covers.
 * Null means "any".
 */
public record HistoryFilter(Long modelId, RunState status, LocalDate from, LocalDate to, String text,
                            RunSort sort, boolean descending) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, RunSort.CREATED_AT, true);

    /** The repository query for one page. */
    public RunQuery query(ZoneId zone, int offset, int limit) {
        return new RunQuery(modelId, status == null ? Set.of() : status.statuses(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                text == null || text.isBlank() ? null : text.strip(), sort, descending, offset, limit);
    }
}
