package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a {@link RunQuery} into a WHERE clause with bound arguments, and an ORDER BY of fixed column names.
 * {@code countable}: only model and status are filtered, so the total can come from {@code run_counts};
 * {@code match}: the FTS5 query of the text filter, or null.
 */
record RunFilter(String where, List<Object> args, boolean countable, String match) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    static RunFilter of(RunQuery q) {
        List<String> conds = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.modelId() != null) {
            conds.add("model_id = ?");
            args.add(q.modelId());
        }
        if (!q.statuses().isEmpty()) {
            conds.add("status IN (" + "?, ".repeat(q.statuses().size() - 1) + "?)");
            q.statuses().stream().map(RunStatus::code).sorted().forEach(args::add);
        }
        if (q.from() != null) {
            conds.add("created_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            conds.add("created_at < ?");
            args.add(q.to());
        }
        String match = ftsQuery(q.text());
        if (match != null) {
            conds.add("id IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?)");
            args.add(match);
        }
        boolean countable = q.from() == null && q.to() == null && match == null;
        return new RunFilter(conds.isEmpty() ? "" : " WHERE " + String.join(" AND ", conds), args, countable, match);
    }

    /** Each word of the user's text as a quoted prefix term; all words must occur. Null when there are none. */
    static String ftsQuery(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : NON_WORD.split(text.trim())) {
            if (!word.isEmpty()) {
                terms.add("\"" + word + "\"*");
            }
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    static String orderBy(RunQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        if (q.sort() == RunSort.CREATED_AT) {
            return " ORDER BY created_at" + dir + ", id" + dir;
        }
        String col = q.sort().column();
        return " ORDER BY (" + col + " IS NULL), " + col + dir + ", id" + dir;
    }
}
