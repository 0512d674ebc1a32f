package dev.switchyard.workspace.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.workspace.ImportReport;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an export document and merges it into the workspace in ONE transaction: rows whose uid is already
 * present are left as they are; rows that cannot be stored (a missing reference, a secret instead of an auth
 * reference, a name clash) are refused and listed; any other failure rolls everything back.
 */
public final class Importer {

    /** Whether a row was added or already present. */
    enum Outcome { ADDED, PRESENT }

    /** Imports one row. */
    @FunctionalInterface
    interface RowImport {
        Outcome apply(JsonNode row);
    }

    /** Imports the child rows of a parent row (versions, items, intents). */
    @FunctionalInterface
    interface Each {
        void each(String aggregate, JsonNode parent, String field, RowImport importer);
    }

    private final Workspace ws;
    private final Database db;
    private final Map<String, Integer> added = new LinkedHashMap<>();
    private final Map<String, Integer> present = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();

    public Importer(Workspace ws, Database db) {
        this.ws = ws;
        this.db = db;
    }

    public ImportReport read(InputStream in) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            return ImportReport.refusedDocument("The file is not a Switchyard export (not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse("") + ").");
        }
        Optional<String> problem = documentProblem(doc);
        if (problem.isPresent()) {
            return ImportReport.refusedDocument(problem.get());
        }
        ImportRows rows = new ImportRows(ws);
        db.write(c -> {
            settings(doc.get("settings"));
            each("providers", doc, "providers", rows::provider);
            each("models", doc, "models", rows::model);
            each("prices", doc, "prices", rows::price);
            each("prompts", doc, "prompts", row -> rows.prompt(row, this::each));
            each("comparisons", doc, "comparisons", rows::comparison);
            each("runs", doc, "runs", rows::run);
            each("votes", doc, "votes", rows::vote);
            each("policies", doc, "policies", row -> rows.policy(row, this::each));
            each("datasets", doc, "datasets", row -> rows.dataset(row, this::each));
            each("replays", doc, "replays", row -> rows.replay(row, this::each));
            each("intentSets", doc, "intentSets", row -> rows.intentSet(row, this::each));
            return null;
        });
        return new ImportReport(true, added, present, refused);
    }

    static Optional<String> documentProblem(JsonNode doc) {
        if (doc == null || !doc.isObject() || !ExportFormat.NAME.equals(doc.path("format").asText())) {
            return Optional.of("The file is not a Switchyard workspace export (its \"format\" is not \""
                    + ExportFormat.NAME + "\").");
        }
        JsonNode version = doc.get("formatVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            return Optional.of("The export has no valid \"formatVersion\"; it cannot be imported.");
        }
        if (version.asInt() > ExportFormat.VERSION) {
            return Optional.of("The export has format version " + version.asInt() + ", written by a newer Switchyard"
                    + " (this one reads up to " + ExportFormat.VERSION + "); update Switchyard to import it.");
        }
        return Optional.empty();
    }

    /** Imports each element of {@code parent[field]} as one row of {@code aggregate}, recording the outcome. */
    void each(String aggregate, JsonNode parent, String field, RowImport importer) {
        for (JsonNode row : Nodes.array(parent, field)) {
            String uid = row.path("uid").asText("?");
            try {
                Outcome o = importer.apply(row);
                (o == Outcome.ADDED ? added : present).merge(aggregate, 1, Integer::sum);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                refused.add(label(aggregate) + " " + uid + ": " + e.getMessage() + ".");
            } catch (WorkspaceException e) {
                if (e.kind() != WorkspaceException.Kind.INVALID_INPUT && e.kind() != WorkspaceException.Kind.CONFLICT
                        && e.kind() != WorkspaceException.Kind.NOT_FOUND) {
                    throw e;
                }
                refused.add(label(aggregate) + " " + uid + ": " + stripFile(e.getMessage()));
            }
        }
    }

    private void settings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        Map<String, String> local = ws.settings().all();
        node.fields().forEachRemaining(e -> {
            if (local.containsKey(e.getKey())) {
                present.merge("settings", 1, Integer::sum);
            } else {
                ws.settings().put(e.getKey(), e.getValue().asText());
                added.merge("settings", 1, Integer::sum);
            }
        });
    }

    private static String label(String aggregate) {
        String singular = aggregate.endsWith("ies") ? aggregate.substring(0, aggregate.length() - 3) + "y"
                : aggregate.endsWith("s") ? aggregate.substring(0, aggregate.length() - 1) : aggregate;
        return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }

    private String stripFile(String message) {
        return message.replace(" for the workspace " + ws.file(), "").replace(" in the workspace " + ws.file(), "");
    }

    /** Resolves a uid to a local id through {@code finder}; absent uid → null; unknown uid → refused row. */
    static <T> Long ref(String what, String uid, Function<String, Optional<T>> finder, Function<T, Long> id) {
        if (uid == null) {
            return null;
        }
        return finder.apply(uid).map(id).orElseThrow(() -> new IllegalArgumentException(
                "refers to " + what + " " + uid + ", which is neither in the file nor in the workspace"));
    }
}
