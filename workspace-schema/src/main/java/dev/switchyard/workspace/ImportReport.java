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

    /**
     * The report as a person reads it, a line each: nothing applied (when so), what was added, what was already
     * there ("added: 12 runs, 1 model, 152 dataset items"; "none"), then each refusal.
     */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        if (!applied) {
            out.add("Nothing was imported.");
        }
        out.add("added: " + counts(added));
        out.add("already present: " + counts(alreadyPresent));
        refused.forEach(r -> out.add("refused: " + r));
        return out;
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((k, v) -> {
            if (v > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(RowNames.count(v, k));
            }
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
