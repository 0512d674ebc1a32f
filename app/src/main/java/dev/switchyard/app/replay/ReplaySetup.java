package dev.switchyard.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import dev.switchyard.app.run.RunService;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay was started with, kept in replays.summary_json under "setup" from the start (so an interrupted
 * replay can be resumed and any replay reopened): policy label, target model ids, threshold, sourcing,
 * baselines, parameters, seed, grader override.
 */
record ReplaySetup(String policyLabel, List<Long> targetIds, ThresholdSpec threshold, Sourcing sourcing,
                   boolean baselines, String paramsJson, long seed, String grader) {

    static final ObjectMapper JSON = new ObjectMapper();

    static ReplaySetup of(ReplayPolicy p, ReplayOptions o) {
        return new ReplaySetup(p.label(), p.targets().stream().map(m -> m.id()).toList(), p.threshold().orElse(null),
                o.sourcing(), o.baselines(), RunService.parametersJson(o.params()), o.seed(),
                o.graders().override().map(k -> k.code()).orElse("per-item"));
    }

    ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode().put("policy", policyLabel);
        var t = n.putArray("targets");
        targetIds.forEach(t::add);
        if (threshold != null) {
            n.putObject("threshold").put("label", threshold.label()).put("op", threshold.op())
                    .put("current", threshold.current()).put("min", threshold.min()).put("max", threshold.max());
        }
        n.put("sourcing", sourcing.code()).put("baselines", baselines).put("seed", seed).put("grader", grader);
        try {
            n.set("params", JSON.readTree(paramsJson));
        } catch (Exception e) {
            n.putObject("params");
        }
        return n;
    }

    static ReplaySetup fromSummary(String summaryJson) {
        JsonNode s;
        try {
            s = JSON.readTree(summaryJson == null ? "{}" : summaryJson).path("setup");
        } catch (Exception e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "The replay's stored setup is unreadable.");
        }
        List<Long> ids = new ArrayList<>();
        s.path("targets").forEach(x -> ids.add(x.asLong()));
        JsonNode t = s.path("threshold");
        ThresholdSpec spec = t.isObject() ? new ThresholdSpec(t.path("label").asText(), t.path("op").asText(">="),
                t.path("current").asDouble(), t.path("min").asDouble(), t.path("max").asDouble()) : null;
        return new ReplaySetup(s.path("policy").asText("policy"), ids, spec,
                Sourcing.parse(s.path("sourcing").asText("prefer-cached")), s.path("baselines").asBoolean(true),
                s.path("params").toString(), s.path("seed").asLong(42), s.path("grader").asText("per-item"));
    }
}
