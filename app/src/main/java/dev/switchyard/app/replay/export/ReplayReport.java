package dev.switchyard.app.replay.export;

import dev.switchyard.app.replay.ReplayService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.StepTaken;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The report of a replay as JSON (the export format, and what the CLI prints with --json; schema in
 * REPLAY.md): the replay, its summary with baselines and savings, the chart points, the sweep curve with the
 * prompts that change route, and every item.
 */
public final class ReplayReport {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Slider positions in exported sweeps. */
    public static final int SWEEP_POSITIONS = 21;

    private ReplayReport() {
    }

    public static ObjectNode json(ReplayResult r, boolean withItems) {
        return json(r, withItems, null);
    }

    /**
     * With {@code runFix} (the command line's report): each item's answer that did not complete says the command that
     * fixes what its run failed on, {@code "cli_fix"} (null when none) — {@code runFix} maps a run id to it.
     */
    public static ObjectNode json(ReplayResult r, boolean withItems, LongFunction<String> runFix) {
        Summary s = Summary.of(r);
        ObjectNode n = JSON.createObjectNode();
        ObjectNode rep = n.putObject("replay").put("id", r.replay().id()).put("uid", r.replay().uid())
                .put("policy", r.policyLabel()).put("policyVersionId", r.replay().policyVersionId())
                .put("datasetId", r.replay().datasetId()).put("mode", r.replay().mode().code())
                .put("sourcing", r.sourcing().code()).put("status", r.replay().status().code())
                .put("createdAt", String.valueOf(r.replay().createdAt()))
                .put("finishedAt", r.replay().finishedAt() == null ? null : r.replay().finishedAt().toString());
        ArrayNode t = rep.putArray("targets");
        r.targets().forEach(m -> t.addObject().put("id", m.id()).put("name", m.displayName()).put("kind", m.kind().code()));
        // the models it was to call that could not run when it started, as the user was warned before it
        List<ReplayService.Blocked> blocked = ReplayService.Blocked.stored(r.replay().summaryJson());
        n.set("blocked", ReplayService.Blocked.toJson(blocked));
        n.put("warning", blocked.isEmpty() ? null : ReplayService.Blocked.warning(blocked));
        n.set("summary", s.toJson());
        ArrayNode points = n.putObject("chart").putArray("points");
        points.add(s.policy().toJson());
        s.baselines().forEach(p -> points.add(p.toJson()));
        Sweep.of(r).ifPresent(sw -> n.set("sweep", sweep(sw)));
        if (withItems) {
            ArrayNode items = n.putArray("items");
            r.items().forEach(o -> items.add(item(r, o, runFix)));
        }
        return n;
    }

    static ObjectNode sweep(Sweep sw) {
        ObjectNode n = JSON.createObjectNode().put("label", sw.spec().label()).put("op", sw.spec().op())
                .put("current", sw.spec().current()).put("min", sw.spec().min()).put("max", sw.spec().max());
        ArrayNode pos = n.putArray("positions");
        for (Sweep.Position p : sw.curve(SWEEP_POSITIONS)) {
            ObjectNode o = pos.addObject().put("threshold", p.threshold());
            o.set("point", p.point().toJson());
            ArrayNode ch = o.putArray("changed");
            p.changed().forEach(c -> ch.addObject().put("datasetItemId", c.datasetItemId()).put("prompt", c.prompt())
                    .put("observed", c.observed()).put("from", c.from()).put("to", c.to()));
        }
        return n;
    }

    static ObjectNode item(ReplayResult r, ItemOutcome o, LongFunction<String> runFix) {
        ObjectNode n = JSON.createObjectNode().put("position", o.item().position()).put("datasetItemId", o.item().id())
                .put("prompt", o.item().prompt()).put("reference", o.item().referenceAnswer())
                .put("category", GraderSpec.fromTags(o.item().tagsJson(), null).category())
                .put("status", o.status().code()).put("why", why(o)).put("route", routeText(r, o))
                .put("finalModel", r.modelName(o.finalModelId())).put("answer", o.route().finalCell().answer())
                .put("costUsd", o.costUsd()).put("unpriced", o.route().unpriced()).put("latencyMs", o.latencyMs())
                .put("judgeCostUsd", o.judgeCostUsd());
        n.set("grade", o.grade() == null ? null : o.grade().toJson());
        n.set("decision", parse(o.decisionJson()));
        ArrayNode steps = n.putArray("steps");
        for (StepTaken s : o.route().steps()) {
            ObjectNode x = steps.addObject().put("model", r.modelName(s.modelId())).put("role", s.role())
                    .put("source", s.source().code()).put("accepted", s.accepted()).put("why", s.why());
            if (s.runId() != null) {
                x.put("runId", s.runId());
            }
        }
        ObjectNode answers = n.putObject("answers");
        for (Cell c : o.cells().values()) {
            ObjectNode a = answers.putObject(r.modelName(c.modelId())).put("source", c.source().code());
            if (c.costUsd() == null) {
                a.putNull("costUsd"); // no price (or no answer): unknown, not 0
            } else {
                a.put("costUsd", c.costUsd());
            }
            a.put("latencyMs", c.latency());
            a.set("grade", c.grade() == null ? null : c.grade().toJson());
            if (runFix != null) {
                a.put("cli_fix", c.runId() == null || c.status() == RunStatus.COMPLETED ? null : runFix.apply(c.runId()));
            }
        }
        return n;
    }

    /** The decision's one-sentence reason ("Rule 2 (…) matched on …"). */
    static String why(ItemOutcome o) {
        JsonNode d = parse(o.decisionJson());
        return d.path("why").asText(d.isTextual() ? d.asText() : "");
    }

    static String routeText(ReplayResult r, ItemOutcome o) {
        List<String> parts = new ArrayList<>();
        for (StepTaken s : o.route().steps()) {
            parts.add(r.modelName(s.modelId()) + " [" + s.source().code() + (s.accepted() ? "" : ", not kept") + "]");
        }
        return String.join(" → ", parts);
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    static List<Point> points(Summary s) {
        List<Point> all = new ArrayList<>();
        all.add(s.policy());
        all.addAll(s.baselines());
        return all;
    }
}
