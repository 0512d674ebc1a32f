package dev.switchyard.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.StepTaken;
import dev.switchyard.app.replay.results.Wording;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One replayed item as the screen and the exports show it: decision, route taken (cascade and fallback steps
 * with where each answer came from), answer, cost, latency, grade.
 */
public record ItemRow(int position, long datasetItemId, String prompt, String decision, String route, String source,
                      String answer, double costUsd, boolean costPartial, long latencyMs, Boolean pass, String grade) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ItemRow of(ReplayResult r, ItemOutcome o) {
        return of(r, o, java.util.Map.of());
    }

    /**
     * As above; an item whose route ended in a call that did not complete and left no text reads "Failed: " and the
     * run's error from {@code errors} (by run id), not an empty answer.
     */
    public static ItemRow of(ReplayResult r, ItemOutcome o, java.util.Map<Long, String> errors) {
        String route = o.route().steps().stream().map(s -> step(r, s)).collect(Collectors.joining(" → "));
        String source = o.route().steps().stream().map(s -> s.source().code()).distinct()
                .collect(Collectors.joining("+"));
        var g = o.grade();
        String grade = g == null ? "not graded" : (g.pass() == null ? "not graded" : g.pass() ? "pass" : "fail")
                + " (" + g.grader() + (g.detail() == null || g.detail().isBlank() ? "" : ": " + g.detail()) + ")";
        Cell last = o.route().finalCell();
        return new ItemRow(o.item().position() + 1, o.item().id(), o.item().prompt(), decision(o.decisionJson()),
                route, source, answer(last, errors), o.costUsd(), o.route().unpriced(), o.latencyMs(),
                g == null ? null : g.pass(), grade);
    }

    private static String answer(Cell last, java.util.Map<Long, String> errors) {
        String text = last.answer() == null ? "" : last.answer();
        if (!text.isBlank() || !didNotComplete(last)) {
            return text;
        }
        String why = last.runId() == null ? null : errors.get(last.runId());
        return "Failed: " + (why == null ? "the call did not complete (History shows the run)." : why);
    }

    /** A call this replay made or reused that ended without completing (not an answer missing from the store). */
    static boolean didNotComplete(Cell c) {
        return c.source() != Cell.Source.MISSING && c.status() != dev.switchyard.workspace.model.RunStatus.COMPLETED;
    }

    private static String step(ReplayResult r, StepTaken s) {
        String name = r.modelName(s.modelId());
        if ("route".equals(s.role())) {
            return name;
        }
        return name + " (" + s.role() + (s.accepted() ? "" : ", not kept") + ")";
    }

    /** A short reading of the router's decision JSON: "rule 1 · device command" or "default", else the JSON itself. */
    static String decision(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(json);
            // the router's Decision: as a replay outcome holds it, or wrapped as the replay_items row stores it
            JsonNode d = n.has("rule_index") ? n : n.get("decision");
            if (d != null && d.isObject() && d.has("rule_index")) {
                int index = d.get("rule_index").asInt();
                String name = d.path("rule_name").asText("");
                return index < 0 ? "default" : "rule " + (index + 1) + (name.isBlank() ? "" : " · " + name);
            }
            for (String k : new String[] {"matchedRule", "rule", "ruleName", "matched", "reason"}) {
                JsonNode v = n.get(k);
                if (v != null && v.isValueNode()) {
                    return v.asText() + (n.has("pass") ? (n.get("pass").asBoolean() ? " ✓" : " ✗") : "");
                }
                if (v != null && v.isObject() && v.has("name")) {
                    return v.get("name").asText();
                }
            }
            return json.length() > 80 ? json.substring(0, 80) + "…" : json;
        } catch (Exception e) {
            return json.length() > 80 ? json.substring(0, 80) + "…" : json;
        }
    }

    public String passText() {
        return pass == null ? "—" : pass ? "pass" : "fail";
    }

    /** "$X", or "at least $X" / "cost unknown" when a model of the route has no price. */
    public String costText() {
        return Format.cost(costUsd, costPartial);
    }

    /** Small number formats shared by the screen and the exports. */
    public static final class Format {
        private Format() {
        }

        public static String usd(double v) {
            return Wording.usd(v);
        }

        /** "$X"; "at least $X" or "cost unknown" when part of the cost is unknown (a model has no price). */
        public static String cost(double usd, boolean partlyUnknown) {
            return Wording.cost(usd, partlyUnknown);
        }

        public static String pct(Double v) {
            return Wording.pct(v);
        }

        public static String ms(long v) {
            return v >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000.0) : v + " ms";
        }
    }
}
