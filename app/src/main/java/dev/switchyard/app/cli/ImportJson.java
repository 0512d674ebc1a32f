package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.ImportReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** How an {@link ImportReport} is printed, as JSON and as text. */
final class ImportJson {

    private ImportJson() {
    }

    static ObjectNode of(ImportReport report) {
        ObjectNode node = CliContext.object();
        node.put("ok", report.applied() && report.refused().isEmpty());
        node.put("applied", report.applied());
        ObjectNode added = node.putObject("added");
        new TreeMap<>(report.added()).forEach(added::put);
        ObjectNode present = node.putObject("alreadyPresent");
        new TreeMap<>(report.alreadyPresent()).forEach(present::put);
        report.refused().forEach(node.putArray("refused")::add);
        return node;
    }

    static void print(ImportReport report, PrintWriter out) {
        if (!report.applied()) {
            out.println("  nothing was imported.");
        }
        line(out, "added", report.added());
        line(out, "already present", report.alreadyPresent());
        report.refused().forEach(r -> out.println("  refused: " + r));
    }

    private static void line(PrintWriter out, String label, Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> {
            if (v > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k);
            }
        });
        out.println("  " + label + ": " + (sb.length() == 0 ? "none" : sb));
    }
}
