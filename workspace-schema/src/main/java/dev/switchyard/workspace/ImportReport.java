package dev.switchyard.workspace;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link Workspace#importFrom}: whether anything was applied (false when the whole document was
 * refused, e.g. a newer format version), rows added and rows already present (merged by uid) per aggregate,
 * and one sentence per refused document or row.
 */
public record ImportReport(boolean applied, Map<String, Integer> added, Map<String, Integer> alreadyPresent,
                           List<String> refused) {
    public ImportReport {
        added = Map.copyOf(added);
        alreadyPresent = Map.copyOf(alreadyPresent);
        refused = List.copyOf(refused);
    }

    public static ImportReport refusedDocument(String reason) {
        return new ImportReport(false, Map.of(), Map.of(), List.of(reason));
    }

    public int addedTotal() {
        return added.values().stream().mapToInt(Integer::intValue).sum();
    }
}
