package dev.switchyard.ui.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.history.RunPrompts;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison read back from the workspace, its runs grouped by the pane they ran in (in the order the panes first
 * ran): a model's own runs, or the runs an "Auto: &lt;policy&gt;" pane's requests made — the route stored with each of
 * those names its policy, its request, its step and that step's outcome, so the pane shows each request's route and
 * figures again. Made into finished panes for the Compare screen ({@link CompareViewModel#showStored}).
 */
final class StoredComparison {

    private static final String POLICY = "policy:";

    private final Comparison comparison;
    private final Map<String, List<Run>> runsByPane;
    private final Map<Long, Model> models;
    private final String userMessage;

    private StoredComparison(Comparison comparison, Map<String, List<Run>> runsByPane, Map<Long, Model> models,
                             String userMessage) {
        this.comparison = comparison;
        this.runsByPane = runsByPane;
        this.models = models;
        this.userMessage = userMessage;
    }

    /** Reads comparison {@code id}, its runs and their models (off the UI thread). */
    static StoredComparison load(Workspace w, long id) {
        Comparison c = w.comparisons().get(id).orElseThrow(() -> new IllegalStateException("it is no longer in the workspace."));
        Map<String, List<Run>> byPane = new LinkedHashMap<>();
        w.runs().byComparison(id).stream()
                .sorted(Comparator.comparingInt(Run::repeatIndex).thenComparingLong(Run::id))
                .forEach(r -> byPane.computeIfAbsent(paneKey(r), k -> new ArrayList<>()).add(r));
        Map<Long, Model> models = new HashMap<>();
        byPane.values().stream().flatMap(List::stream).map(Run::modelId).distinct()
                .forEach(m -> w.models().get(m).ifPresent(model -> models.put(m, model)));
        Run first = byPane.values().stream().flatMap(List::stream).findFirst().orElse(null);
        return new StoredComparison(c, byPane, models, first == null ? "" : userMessage(w, first));
    }

    /**
     * The user message {@code run} was sent, as History's detail shows it (the user clicked Open in Compare there):
     * exact when the run recorded its system message; for a run stored before schema version 5 the saved prompt
     * versions' system messages are recognised ({@link RunPrompts#of(Run)}) rather than quoting the whole text — the
     * same user message History showed, and no system message in the quote when a saved version had it.
     */
    private static String userMessage(Workspace w, Run run) {
        return (run.systemText() != null ? RunPrompts.recorded(run) : RunPrompts.of(w).of(run)).user();
    }

    /** "policy:&lt;name&gt;" for a routed run, "model:&lt;id&gt;" otherwise. */
    private static String paneKey(Run r) {
        return r.routeJson() == null ? "model:" + r.modelId()
                : POLICY + route(r).path("decision").path("policy").asText("?");
    }

    /** The run's stored route; an empty object when it cannot be read. */
    private static JsonNode route(Run r) {
        try {
            JsonNode n = r.routeJson() == null ? null : PolicyJson.mapper().readTree(r.routeJson());
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** Finished panes with every run applied; {@code choices} name a model as the picker does. */
    List<PaneModel> panes(List<ModelChoice> choices, long nowNanos) {
        List<PaneModel> made = new ArrayList<>();
        int repeat = Math.max(1, comparison.repeatCount());
        runsByPane.forEach((key, runs) -> {
            boolean routed = key.startsWith(POLICY);
            PaneModel pane = routed
                    ? new PaneModel(new RouteModel(key.substring(POLICY.length())),
                            ModelChoice.AUTO + ": " + key.substring(POLICY.length()), ModelChoice.AUTO, null, repeat)
                    : modelPane(runs.get(0).modelId(), choices, repeat);
            pane.apply(routed ? requestEvents(runs, nowNanos) : runEvents(runs, nowNanos));
            made.add(pane);
        });
        return made;
    }

    private static List<StreamBatcher.Event> runEvents(List<Run> runs, long nowNanos) {
        List<StreamBatcher.Event> events = new ArrayList<>();
        runs.forEach(r -> {
            events.add(new StreamBatcher.Started(r, nowNanos));
            events.add(new StreamBatcher.Finished(r, null, nowNanos));
        });
        return events;
    }

    /**
     * What a routed pane saw live, request by request: the decision, each step's run, then the request's result
     * (its steps with their outcomes, the answer, the whole time and cost).
     */
    private List<StreamBatcher.Event> requestEvents(List<Run> runs, long nowNanos) {
        Map<String, List<Run>> byRequest = new LinkedHashMap<>();
        runs.forEach(r -> byRequest.computeIfAbsent(route(r).path("request").asText(""), k -> new ArrayList<>()).add(r));
        List<StreamBatcher.Event> events = new ArrayList<>();
        byRequest.values().forEach(request -> {
            Decision decision = decision(route(request.get(0)));
            if (decision != null) {
                events.add(new StreamBatcher.Note(new PaneModel.Decided(request.get(0).repeatIndex(), decision)));
            }
            events.addAll(runEvents(request, nowNanos));
            events.add(new StreamBatcher.Note(result(request, decision)));
        });
        return events;
    }

    private RoutedResult result(List<Run> request, Decision decision) {
        List<RoutedResult.Step> steps = new ArrayList<>();
        Double cost = null;
        for (int i = 0; i < request.size(); i++) {
            Run r = request.get(i);
            JsonNode n = route(r);
            Model m = models.get(r.modelId());
            String step = n.path("step").asText("route");
            steps.add(new RoutedResult.Step(step, n.path("target").asText(""),
                    n.path("model").asText(m == null ? "model #" + r.modelId() : m.displayName()), r,
                    n.path("outcome").asText(i < request.size() - 1
                            ? step.startsWith("fallback") ? "moved on" : "escalated"
                            : r.status() == RunStatus.COMPLETED ? "answer"
                            : "failed: " + r.status().name().toLowerCase(Locale.ROOT))));
            if (r.cost().usd() != null) {
                cost = (cost == null ? 0 : cost) + r.cost().usd();
            }
        }
        Run first = request.get(0);
        Run last = request.get(request.size() - 1);
        String lastOutcome = steps.get(steps.size() - 1).outcome();
        // a step that escalated or moved on last: the next target could not be resolved, nothing answered
        Run answer = lastOutcome.startsWith("escalated") || lastOutcome.startsWith("moved on") ? null : last;
        Instant end = last.finishedAt() != null ? last.finishedAt() : last.createdAt();
        return new RoutedResult(route(first).path("request").asText(""), decision, steps, answer, cost,
                Math.max(0, Duration.between(first.createdAt(), end).toMillis()));
    }

    private static Decision decision(JsonNode route) {
        try {
            return route.has("decision") ? PolicyJson.mapper().treeToValue(route.get("decision"), Decision.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null; // the steps and figures still show
        }
    }

    private PaneModel modelPane(long modelId, List<ModelChoice> choices, int repeat) {
        Model m = models.get(modelId);
        ModelChoice c = choices.stream().filter(x -> x.model() != null && x.model().id() == modelId).findFirst().orElse(null);
        String name = c != null ? c.name() : m != null ? m.displayName() : "Removed model #" + modelId;
        String subtitle = c != null ? c.provider() + " · " + c.kindLabel()
                : m != null ? ModelChoice.kindLabel(m.kind()) : "no longer in the workspace";
        return new PaneModel(m, name, subtitle, null, repeat).reopened();
    }

    /** "Comparison of 26 Nov, 11:13 from History: 15 runs of “Turn on the kitchen lights”." (the user message) */
    String summary() {
        long count = runsByPane.values().stream().mapToLong(List::size).sum();
        String oneLine = userMessage.strip().replaceAll("\\s+", " ");
        String excerpt = oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "\u2026";
        return "Comparison of " + dev.switchyard.ui.history.Formats.shortWhen(comparison.createdAt(), ZoneId.systemDefault())
                + " from History: " + count
                + (count == 1 ? " run" : " runs") + " of \u201c" + excerpt + "\u201d.";
    }
}
