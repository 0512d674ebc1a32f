package dev.switchyard.ui.replay.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.ui.replay.ItemRow;
import dev.switchyard.ui.replay.ReplayBackend.ExportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a replay as CSV (one row per item), JSON (summary, baselines, items) or the HTML report. */
public final class ReplayExport {

    static final ObjectMapper JSON = new ObjectMapper();

    private ReplayExport() {
    }

    public static void write(ReplayResult r, ExportFormat format, Path file) {
        String text = switch (format) {
            case CSV -> csv(r);
            case JSON -> json(r);
            case HTML -> HtmlReport.render(r, Summary.of(r));
        };
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Cannot write " + file + ": " + e.getMessage());
        }
    }

    static String csv(ReplayResult r) {
        StringBuilder b = new StringBuilder("position,prompt,decision,route,source,answer,cost_usd,latency_ms,pass,grade\n");
        for (ItemOutcome o : r.items()) {
            ItemRow row = ItemRow.of(r, o);
            b.append(row.position()).append(',').append(cell(row.prompt())).append(',').append(cell(row.decision()))
                    .append(',').append(cell(row.route())).append(',').append(row.source()).append(',')
                    .append(cell(row.answer())).append(',').append(row.costUsd()).append(',').append(row.latencyMs())
                    .append(',').append(row.pass() == null ? "" : row.pass()).append(',').append(cell(row.grade()))
                    .append('\n');
        }
        return b.toString();
    }

    static String json(ReplayResult r) {
        ObjectNode n = JSON.createObjectNode().put("replay", r.replay().id()).put("policy", r.policyLabel())
                .put("sourcing", r.sourcing().code()).put("status", r.replay().status().code());
        n.set("summary", Summary.of(r).toJson());
        ArrayNode items = n.putArray("items");
        for (ItemOutcome o : r.items()) {
            ItemRow row = ItemRow.of(r, o);
            ObjectNode i = items.addObject().put("position", row.position()).put("prompt", row.prompt())
                    .put("route", row.route()).put("source", row.source()).put("answer", row.answer())
                    .put("costUsd", row.costUsd()).put("latencyMs", row.latencyMs()).put("grade", row.grade());
            if (row.pass() == null) {
                i.putNull("pass");
            } else {
                i.put("pass", row.pass());
            }
            try {
                i.set("decision", JSON.readTree(o.decisionJson() == null ? "null" : o.decisionJson()));
            } catch (IOException e) {
                i.put("decision", o.decisionJson());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r", "");
        return t.contains(",") || t.contains("\"") || t.contains("\n") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
