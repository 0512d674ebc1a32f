package dev.switchyard.workspace.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.db.Errors;
import dev.switchyard.workspace.db.Json;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Policy;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.Vote;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a workspace as one JSON document, streaming (runs are never all in memory). References between rows
 * are written as uids; JSON columns are embedded as JSON values. Providers carry only their auth reference.
 */
public final class Exporter {

    private final Workspace ws;
    private final Map<Long, String> providerUids = new HashMap<>();
    private final Map<Long, String> modelUids = new HashMap<>();
    private final Map<Long, String> priceUids = new HashMap<>();
    private final Map<Long, String> promptVersionUids = new HashMap<>();
    private final Map<Long, String> comparisonUids = new HashMap<>();

    public Exporter(Workspace ws) {
        this.ws = ws;
    }

    public void write(OutputStream out) {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", ExportFormat.NAME);
            g.writeNumberField("formatVersion", ExportFormat.VERSION);
            g.writeNumberField("schemaVersion", ws.schemaVersion());
            g.writeStringField("exportedAt", Instant.now().toString());
            g.writeStringField("workspace", ws.name());
            writeSettings(g);
            writeCatalog(g);
            writeHistory(g);
            writeDesigns(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw Errors.of(Kind.UNEXPECTED, ws.file(), "export failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw Errors.of(Kind.UNEXPECTED, ws.file(), "export failed: " + e.getCause().getMessage(), e);
        }
    }

    private void writeSettings(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("settings");
        for (Map.Entry<String, String> e : ws.settings().all().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private void writeCatalog(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("providers");
        for (Provider p : ws.providers().list()) {
            providerUids.put(p.id(), p.uid());
            g.writeTree(Rows.provider(p));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("models");
        for (Model m : ws.models().list()) {
            modelUids.put(m.id(), m.uid());
            g.writeTree(Rows.model(m, providerUids.get(m.providerId())));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("prices");
        for (PriceRow p : ws.prices().list()) {
            priceUids.put(p.id(), p.uid());
            g.writeTree(Rows.price(p, modelUids.get(p.modelId())));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("prompts");
        for (Prompt p : ws.prompts().list()) {
            ObjectNode node = Rows.prompt(p);
            for (PromptVersion v : ws.prompts().versions(p.id())) {
                promptVersionUids.put(v.id(), v.uid());
                node.withArray("versions").add(Rows.promptVersion(v));
            }
            g.writeTree(node);
        }
        g.writeEndArray();
    }

    private void writeHistory(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("comparisons");
        for (Comparison c : ws.comparisons().list()) {
            comparisonUids.put(c.id(), c.uid());
            g.writeTree(Rows.comparison(c, promptVersionUids.get(c.promptVersionId())));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("runs");
        ws.runs().forEach(r -> writeTree(g, Rows.run(r, promptVersionUids.get(r.promptVersionId()),
                modelUids.get(r.modelId()), comparisonUids.get(r.comparisonId()), priceUids.get(r.cost().priceId()))));
        g.writeEndArray();
        g.writeArrayFieldStart("votes");
        for (Vote v : ws.comparisons().allVotes()) {
            g.writeTree(Rows.vote(v, comparisonUids.get(v.comparisonId()), runUid(v.winnerRunId())));
        }
        g.writeEndArray();
    }

    private void writeDesigns(JsonGenerator g) throws IOException {
        Map<Long, String> policyVersionUids = new HashMap<>();
        g.writeArrayFieldStart("policies");
        for (Policy p : ws.policies().list()) {
            ObjectNode node = Rows.policy(p);
            ws.policies().versions(p.id()).forEach(v -> {
                policyVersionUids.put(v.id(), v.uid());
                node.withArray("versions").add(Rows.policyVersion(v));
            });
            g.writeTree(node);
        }
        g.writeEndArray();
        Map<Long, String> datasetUids = new HashMap<>();
        Map<Long, String> itemUids = new HashMap<>();
        g.writeArrayFieldStart("datasets");
        for (var d : ws.datasets().list()) {
            datasetUids.put(d.id(), d.uid());
            ObjectNode node = Rows.dataset(d);
            node.withArray("items");
            for (DatasetItem i : ws.datasets().items(d.id())) {
                itemUids.put(i.id(), i.uid());
                node.withArray("items").add(Rows.datasetItem(i));
            }
            g.writeTree(node);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("replays");
        for (Replay r : ws.replays().list()) {
            ObjectNode node = Rows.replay(r, policyVersionUids.get(r.policyVersionId()), datasetUids.get(r.datasetId()));
            node.withArray("items");
            for (var item : ws.replays().items(r.id())) {
                node.withArray("items").add(Rows.replayItem(item, itemUids.get(item.datasetItemId()),
                        item.runIds().stream().map(this::runUid).toList()));
            }
            g.writeTree(node);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("intentSets");
        for (IntentSet s : ws.intentSets().list()) {
            ObjectNode node = Rows.intentSet(s);
            node.withArray("intents");
            ws.intentSets().intents(s.id()).forEach(i -> node.withArray("intents").add(Rows.intent(i)));
            g.writeTree(node);
        }
        g.writeEndArray();
    }

    private String runUid(Long runId) {
        return runId == null ? null : ws.runs().get(runId).map(r -> r.uid()).orElse(null);
    }

    private static void writeTree(JsonGenerator g, JsonNode node) {
        try {
            g.writeTree(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
