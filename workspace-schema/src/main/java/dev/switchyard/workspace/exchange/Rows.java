package dev.switchyard.workspace.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Policy;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.Vote;
import java.util.List;

/** Records → export nodes. Every field is always written (null as null) so exports compare field by field. */
final class Rows {

    private Rows() {
    }

    static ObjectNode provider(Provider p) {
        ObjectNode n = Nodes.object().put("uid", p.uid()).put("kind", p.kind().code()).put("name", p.name())
                .put("baseUrl", p.baseUrl()).put("authRef", p.authRef()).put("presetId", p.presetId());
        return n.put("createdAt", Nodes.instant(p.createdAt()));
    }

    static ObjectNode model(Model m, String providerUid) {
        ObjectNode n = Nodes.object().put("uid", m.uid()).put("providerUid", providerUid).put("apiModelId", m.apiModelId())
                .put("displayName", m.displayName()).put("kind", m.kind().code()).put("contextWindow", m.contextWindow());
        n.putObject("capabilities").put("streaming", m.capabilities().streaming())
                .put("systemPrompt", m.capabilities().systemPrompt()).put("temperature", m.capabilities().temperature())
                .put("reasoning", m.capabilities().reasoning());
        n.set("settings", Nodes.embed(m.settingsJson()));
        return n.put("createdAt", Nodes.instant(m.createdAt()));
    }

    static ObjectNode price(PriceRow p, String modelUid) {
        return Nodes.object().put("uid", p.uid()).put("modelUid", modelUid)
                .put("inputPerMTok", Nodes.decimal(p.inputPerMTok()))
                .put("cachedInputPerMTok", Nodes.decimal(p.cachedInputPerMTok()))
                .put("outputPerMTok", Nodes.decimal(p.outputPerMTok())).put("currency", p.currency())
                .put("source", p.source()).put("asOf", p.asOf().toString()).put("createdAt", Nodes.instant(p.createdAt()));
    }

    static ObjectNode prompt(Prompt p) {
        ObjectNode n = Nodes.object().put("uid", p.uid()).put("name", p.name()).put("createdAt", Nodes.instant(p.createdAt()));
        n.putArray("versions");
        return n;
    }

    static ObjectNode promptVersion(PromptVersion v) {
        ObjectNode n = Nodes.object().put("uid", v.uid()).put("version", v.version()).put("system", v.system())
                .put("user", v.user());
        n.set("variables", Nodes.embed(v.variablesJson()));
        n.set("parameters", Nodes.embed(v.parametersJson()));
        return n.put("createdAt", Nodes.instant(v.createdAt()));
    }

    static ObjectNode comparison(Comparison c, String promptVersionUid) {
        return Nodes.object().put("uid", c.uid()).put("promptVersionUid", promptVersionUid)
                .put("repeatCount", c.repeatCount()).put("blind", c.blind()).put("createdAt", Nodes.instant(c.createdAt()));
    }

    static ObjectNode run(Run r, String promptVersionUid, String modelUid, String comparisonUid, String priceUid) {
        ObjectNode n = Nodes.object().put("uid", r.uid()).put("promptVersionUid", promptVersionUid)
                .put("modelUid", modelUid).put("comparisonUid", comparisonUid).put("repeatIndex", r.repeatIndex());
        n.set("parameters", Nodes.embed(r.parametersJson()));
        n.put("promptText", r.promptText()).put("systemText", r.systemText()).put("outputText", r.outputText()).put("reasoningText", r.reasoningText())
                .put("status", r.status().code())
                .put("errorKind", r.error() == null ? null : r.error().kind())
                .put("errorMessage", r.error() == null ? null : r.error().message());
        RunMetrics m = r.metrics();
        n.putObject("metrics").put("queueMs", m.queueMs()).put("ttftMs", m.ttftMs()).put("totalMs", m.totalMs())
                .put("inputTokens", m.inputTokens()).put("cachedInputTokens", m.cachedInputTokens())
                .put("outputTokens", m.outputTokens()).put("reasoningTokens", m.reasoningTokens())
                .put("decodeTps", m.decodeTps()).put("prefillTps", m.prefillTps()).put("loadMs", m.loadMs())
                .put("peakMemoryBytes", m.peakMemoryBytes());
        n.put("costUsd", r.cost().usd()).put("costKind", r.cost().kind() == null ? null : r.cost().kind().code())
                .put("priceUid", priceUid).put("tokensEstimated", r.tokensEstimated()).put("httpAttempts", r.httpAttempts());
        n.set("route", Nodes.embed(r.routeJson()));
        n.set("outcome", Nodes.embed(r.outcomeJson()));
        n.set("limits", Nodes.embed(r.limitsJson()));
        return n.put("createdAt", Nodes.instant(r.createdAt())).put("finishedAt", Nodes.instant(r.finishedAt()));
    }

    static ObjectNode vote(Vote v, String comparisonUid, String winnerRunUid) {
        return Nodes.object().put("uid", v.uid()).put("comparisonUid", comparisonUid).put("winnerRunUid", winnerRunUid)
                .put("createdAt", Nodes.instant(v.createdAt()));
    }

    static ObjectNode policy(Policy p) {
        ObjectNode n = Nodes.object().put("uid", p.uid()).put("name", p.name()).put("createdAt", Nodes.instant(p.createdAt()));
        n.putArray("versions");
        return n;
    }

    static ObjectNode policyVersion(PolicyVersion v) {
        ObjectNode n = Nodes.object().put("uid", v.uid()).put("version", v.version());
        n.set("body", Nodes.embed(v.bodyJson()));
        return n.put("note", v.note()).put("createdAt", Nodes.instant(v.createdAt()));
    }

    static ObjectNode dataset(Dataset d) {
        return Nodes.object().put("uid", d.uid()).put("name", d.name()).put("description", d.description())
                .put("createdAt", Nodes.instant(d.createdAt()));
    }

    static ObjectNode datasetItem(DatasetItem i) {
        ObjectNode n = Nodes.object().put("uid", i.uid()).put("position", i.position()).put("prompt", i.prompt())
                .put("system", i.system());
        n.set("variables", Nodes.embed(i.variablesJson()));
        n.put("referenceAnswer", i.referenceAnswer());
        n.set("tags", Nodes.embed(i.tagsJson()));
        return n;
    }

    static ObjectNode replay(Replay r, String policyVersionUid, String datasetUid) {
        ObjectNode n = Nodes.object().put("uid", r.uid()).put("policyVersionUid", policyVersionUid)
                .put("datasetUid", datasetUid).put("mode", r.mode().code()).put("status", r.status().code())
                .put("createdAt", Nodes.instant(r.createdAt())).put("finishedAt", Nodes.instant(r.finishedAt()));
        n.set("summary", Nodes.embed(r.summaryJson()));
        return n;
    }

    static ObjectNode replayItem(ReplayItem i, String datasetItemUid, List<String> runUids) {
        ObjectNode n = Nodes.object().put("uid", i.uid()).put("datasetItemUid", datasetItemUid);
        n.set("decision", Nodes.embed(i.decisionJson()));
        n.set("routeTaken", Nodes.embed(i.routeTakenJson()));
        runUids.forEach(n.putArray("runUids")::add);
        n.put("answer", i.answer()).put("costUsd", i.costUsd()).put("latencyMs", i.latencyMs());
        n.set("grade", Nodes.embed(i.gradeJson()));
        return n.put("status", i.status().code());
    }

    static ObjectNode intentSet(IntentSet s) {
        return Nodes.object().put("uid", s.uid()).put("name", s.name()).put("description", s.description())
                .put("createdAt", Nodes.instant(s.createdAt()));
    }

    static ObjectNode intent(Intent i) {
        ObjectNode n = Nodes.object().put("uid", i.uid()).put("name", i.name());
        i.examples().forEach(n.putArray("examples")::add);
        return n.put("responseTemplate", i.responseTemplate()).put("position", i.position());
    }
}
