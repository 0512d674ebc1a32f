package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The column filters of a {@link RunQuery} (model, statuses, dates) as SQL conditions with bound arguments, and the
 * words of its text filter. {@code countable}: only model and status are filtered (and no text), so the total comes
 * from {@code run_counts}. The text itself is matched by {@link RunSearch}.
 */
record RunFilter(List<String> conds, List<Object> args, boolean countable, List<String> words) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    static RunFilter of(RunQuery q) {
        List<String> conds = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.modelId() != null) {
            conds.add("model_id = ?");
            args.add(q.modelId());
        }
        if (!q.statuses().isEmpty()) {
            conds.add(statusIn(q));
            args.addAll(statusCodes(q));
        }
        if (q.from() != null) {
            conds.add("created_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            conds.add("created_at < ?");
            args.add(q.to());
        }
        List<String> words = words(q.text());
        boolean countable = q.from() == null && q.to() == null && words.isEmpty();
        return new RunFilter(List.copyOf(conds), List.copyOf(args), countable, words);
    }

    static String statusIn(RunQuery q) {
        return "status IN (" + "?, ".repeat(q.statuses().size() - 1) + "?)";
    }

    static List<Object> statusCodes(RunQuery q) {
        return q.statuses().stream().map(RunStatus::code).sorted().map(s -> (Object) s).toList();
    }

    /** " WHERE …" of the column filters, or "" when there are none. */
    String where() {
        return conds.isEmpty() ? "" : " WHERE " + String.join(" AND ", conds);
    }

    /** The column filters plus {@code extra} (an SQL condition), as " WHERE …". */
    String where(String extra) {
        return " WHERE " + (conds.isEmpty() ? extra : String.join(" AND ", conds) + " AND " + extra);
    }

    /** The words of the user's text (letters, digits, underscore); empty when there are none. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String word : NON_WORD.split(text.trim())) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        }
        return out;
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
