package dev.switchyard.ui.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * those names its policy. Made into finished panes for the Compare screen ({@link CompareViewModel#showStored}).
 */
final class StoredComparison {

    private static final String POLICY = "policy:";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final Comparison comparison;
    private final Map<String, List<Run>> runsByPane;
    private final Map<Long, Model> models;

    private StoredComparison(Comparison comparison, Map<String, List<Run>> runsByPane, Map<Long, Model> models) {
        this.comparison = comparison;
        this.runsByPane = runsByPane;
        this.models = models;
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
        return new StoredComparison(c, byPane, models);
    }

    /** "policy:&lt;name&gt;" for a routed run, "model:&lt;id&gt;" otherwise. */
    private static String paneKey(Run r) {
        if (r.routeJson() == null) {
            return "model:" + r.modelId();
        }
        try {
            return POLICY + PolicyJson.mapper().readTree(r.routeJson()).path("decision").path("policy").asText("?");
        } catch (JsonProcessingException e) {
            return POLICY + "?";
        }
    }

    /** Finished panes with every run applied; {@code choices} name a model as the picker does. */
    List<PaneModel> panes(List<ModelChoice> choices, long nowNanos) {
        List<PaneModel> made = new ArrayList<>();
        int repeat = Math.max(1, comparison.repeatCount());
        runsByPane.forEach((key, runs) -> {
            PaneModel pane = key.startsWith(POLICY)
                    ? new PaneModel((Model) null, ModelChoice.AUTO + ": " + key.substring(POLICY.length()),
                            ModelChoice.AUTO + " · each step as a run", null, repeat)
                    : modelPane(runs.get(0).modelId(), choices, repeat);
            List<StreamBatcher.Event> events = new ArrayList<>();
            runs.forEach(r -> {
                events.add(new StreamBatcher.Started(r, nowNanos));
                events.add(new StreamBatcher.Finished(r, null, nowNanos));
            });
            pane.apply(events);
            made.add(pane);
        });
        return made;
    }

    private PaneModel modelPane(long modelId, List<ModelChoice> choices, int repeat) {
        Model m = models.get(modelId);
        ModelChoice c = choices.stream().filter(x -> x.model() != null && x.model().id() == modelId).findFirst().orElse(null);
        String name = c != null ? c.name() : m != null ? m.displayName() : "Removed model #" + modelId;
        String subtitle = c != null ? c.provider() + " · " + c.kindLabel()
                : m != null ? ModelChoice.kindLabel(m.kind()) : "no longer in the workspace";
        return new PaneModel(m, name, subtitle, null, repeat);
    }

    /** "Comparison of 26 Nov, 11:13 from History: 15 runs of “Turn on the kitchen lights”." */
    String summary() {
        long count = runsByPane.values().stream().mapToLong(List::size).sum();
        String prompt = runsByPane.values().stream().flatMap(List::stream).map(Run::promptText).findFirst().orElse("");
        String oneLine = prompt.strip().replaceAll("\\s+", " ");
        String excerpt = oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "\u2026";
        return "Comparison of " + WHEN.format(comparison.createdAt()) + " from History: " + count
                + (count == 1 ? " run" : " runs") + " of \u201c" + excerpt + "\u201d.";
    }
}
