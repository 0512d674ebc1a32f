package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A structural JSON diff: objects compared by key, arrays by index, each difference at its JSON pointer. */
public final class JsonDiff {

    /** Kinds of difference. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One difference.
     *
     * @param before the old value (null when added)
     * @param after  the new value (null when removed)
     */
    public record Change(String path, Kind kind, JsonNode before, JsonNode after) {
    }

    private JsonDiff() {
    }

    public static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a == null || a.isMissingNode()) {
            if (b != null && !b.isMissingNode()) {
                out.add(new Change(path, Kind.ADDED, null, b));
            }
            return;
        }
        if (b == null || b.isMissingNode()) {
            out.add(new Change(path, Kind.REMOVED, a, null));
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            for (String k : keys) {
                walk(path + "/" + PolicyValidator.Paths.escape(k), a.get(k), b.get(k), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(new Change(path, Kind.CHANGED, a, b));
        }
    }
}
