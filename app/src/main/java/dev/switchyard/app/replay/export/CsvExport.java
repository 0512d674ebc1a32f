package dev.switchyard.app.replay.export;

import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.grade.Grade;
import dev.switchyard.app.replay.grade.GraderSpec;
import java.util.List;
import java.util.Locale;

/** One row per item (RFC 4180, UTF-8, header row); columns listed in REPLAY.md. */
public final class CsvExport {

    static final List<String> COLUMNS = List.of("position", "prompt", "reference", "category", "grader", "status",
            "why", "route", "final_model", "answer", "pass", "grade_detail", "cost_usd", "latency_ms", "judge_cost_usd");

    private CsvExport() {
    }

    public static String csv(ReplayResult r) {
        StringBuilder sb = new StringBuilder();
        row(sb, COLUMNS);
        for (ItemOutcome o : r.items()) {
            Grade g = o.grade();
            GraderSpec spec = GraderSpec.fromTags(o.item().tagsJson(), o.item().referenceAnswer());
            row(sb, List.of(Integer.toString(o.item().position() + 1), o.item().prompt(),
                    nz(o.item().referenceAnswer()), nz(spec.category()), g == null ? "" : g.grader(), o.status().code(),
                    ReplayReport.why(o), ReplayReport.routeText(r, o), r.modelName(o.finalModelId()),
                    o.route().finalCell().answer(), g == null || g.pass() == null ? "" : g.pass().toString(),
                    g == null ? "" : nz(g.detail()), o.route().unpriced() ? "" : String.format(Locale.ROOT, "%.8f", o.costUsd()),
                    Long.toString(o.latencyMs()), String.format(Locale.ROOT, "%.8f", o.judgeCostUsd())));
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
