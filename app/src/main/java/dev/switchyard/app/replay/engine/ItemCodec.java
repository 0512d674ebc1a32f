package dev.switchyard.app.replay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.grade.Grade;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item outcome as a replay_items row and back (formats in REPLAY.md): decision_json holds the decision,
 * plan and fork; route_taken_json the steps taken; grade_json the final grade and each answer's source, run and
 * grade; replay_item_runs every run the item used.
 */
public final class ItemCodec {

    static final ObjectMapper JSON = new ObjectMapper();

    private ItemCodec() {
    }

    public static ReplayItem toRow(long replayId, ItemOutcome o) {
        ObjectNode rest = JSON.createObjectNode();
        rest.set("plan", steps(o.plan()));
        if (o.fork() != null) {
            ObjectNode f = rest.putObject("fork");
            f.put("observed", o.fork().observed());
            f.set("ifPass", steps(o.fork().ifPass()));
            f.set("ifFail", steps(o.fork().ifFail()));
        }
        // the decision is JSON already (validated by the repository): spliced in, not parsed again
        String restJson = rest.toString();
        String decision = "{\"decision\":" + (o.decisionJson() == null ? "null" : o.decisionJson()) + ","
                + restJson.substring(1);
        ObjectNode route = JSON.createObjectNode();
        ArrayNode taken = route.putArray("steps");
        for (StepTaken s : o.route().steps()) {
            ObjectNode n = taken.addObject().put("modelId", s.modelId()).put("source", s.source().code())
                    .put("role", s.role()).put("accepted", s.accepted()).put("why", s.why());
            if (s.runId() != null) {
                n.put("runId", s.runId());
            }
        }
        route.put("finalModelId", o.finalModelId());
        ObjectNode grade = JSON.createObjectNode();
        grade.set("final", o.grade() == null ? null : o.grade().toJson());
        ObjectNode cells = grade.putObject("cells");
        List<Long> runIds = new ArrayList<>();
        for (Cell c : o.cells().values()) {
            ObjectNode n = cells.putObject(Long.toString(c.modelId())).put("source", c.source().code());
            if (c.runId() != null) {
                n.put("runId", c.runId());
                runIds.add(c.runId());
            }
            if (c.confidence() != null) {
                n.put("confidence", c.confidence());
            }
            n.set("grade", c.grade() == null ? null : c.grade().toJson());
        }
        Cell f = o.route().finalCell();
        return ReplayItem.of(replayId, o.item().id(), decision, route.toString(), runIds, f.answer(),
                o.costUsd(), o.latencyMs(), grade.toString(), o.status());
    }

    /** Rebuilds an outcome from its row, its dataset item and the runs it names. */
    public static ItemOutcome fromRow(ReplayItem row, DatasetItem item, Map<Long, Run> runs) {
        JsonNode decision = parse(row.decisionJson());
        JsonNode grade = parse(row.gradeJson());
        Map<Long, Cell> cells = new LinkedHashMap<>();
        grade.path("cells").fields().forEachRemaining(e -> {
            long modelId = Long.parseLong(e.getKey());
            JsonNode n = e.getValue();
            Cell.Source source = Cell.Source.valueOf(n.path("source").asText("missing").toUpperCase(java.util.Locale.ROOT));
            Grade g = n.path("grade").isObject() ? Grade.fromJson(n.get("grade")) : null;
            Run run = n.has("runId") ? runs.get(n.get("runId").asLong()) : null;
            Double confidence = n.hasNonNull("confidence") ? n.get("confidence").asDouble() : null;
            cells.put(modelId, run == null ? Cell.missing(modelId, "no stored run").withGrade(g)
                    : CellFactory.fromRun(run, source, confidence).withGrade(g));
        });
        List<PlanStep> plan = steps(decision.path("plan"));
        RoutePlan.SweepFork fork = decision.path("fork").isObject() ? new RoutePlan.SweepFork(
                decision.path("fork").path("observed").asDouble(), steps(decision.path("fork").path("ifPass")),
                steps(decision.path("fork").path("ifFail"))) : null;
        RouteExecutor.Route route = RouteExecutor.follow(plan, m -> cells.getOrDefault(m, Cell.missing(m, "not run")));
        return new ItemOutcome(item, decision.path("decision").toString(), plan, fork, route, cells, row.status());
    }

    static ArrayNode steps(List<PlanStep> steps) {
        ArrayNode a = JSON.createArrayNode();
        for (PlanStep s : steps) {
            a.addObject().put("modelId", s.modelId()).put("role", s.role()).set("accept", s.accept().toJson());
        }
        return a;
    }

    static List<PlanStep> steps(JsonNode a) {
        List<PlanStep> out = new ArrayList<>();
        a.forEach(n -> out.add(new PlanStep(n.path("modelId").asLong(), n.path("role").asText("route"),
                StepRule.fromJson(n.path("accept")))));
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
