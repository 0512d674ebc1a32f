package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.ImportReport;
import java.io.PrintWriter;
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
        report.lines().forEach(line -> out.println("  " + line));
    }
}
