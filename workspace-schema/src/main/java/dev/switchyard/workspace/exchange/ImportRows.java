package dev.switchyard.workspace.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.exchange.Importer.Each;
import dev.switchyard.workspace.exchange.Importer.Outcome;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Policy;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.ReplayItemStatus;
import dev.switchyard.workspace.model.ReplayMode;
import dev.switchyard.workspace.model.ReplayStatus;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import dev.switchyard.workspace.model.Vote;
import java.util.ArrayList;
import java.util.List;

/** Export nodes → records, with uid references resolved to local ids; one method per aggregate. */
final class ImportRows {

    private final Workspace ws;

    ImportRows(Workspace ws) {
        this.ws = ws;
    }

    Outcome provider(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.providers().findByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        ws.providers().insert(new Provider(0, uid, ProviderKind.of(Nodes.required(n, "kind")), Nodes.text(n, "name"),
                Nodes.text(n, "baseUrl"), Nodes.text(n, "authRef"), Nodes.text(n, "presetId"), Nodes.instant(n, "createdAt")));
        return Outcome.ADDED;
    }

    Outcome model(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.models().findByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long provider = Importer.ref("provider", Nodes.required(n, "providerUid"), ws.providers()::findByUid, Provider::id);
        JsonNode cap = n.path("capabilities");
        Capabilities caps = new Capabilities(Nodes.bool(cap, "streaming"), Nodes.bool(cap, "systemPrompt"),
                Nodes.bool(cap, "temperature"), Nodes.bool(cap, "reasoning"));
        Long window = Nodes.longOrNull(n, "contextWindow");
        ws.models().insert(new Model(0, uid, provider, Nodes.text(n, "apiModelId"), Nodes.text(n, "displayName"),
                ModelKind.of(Nodes.required(n, "kind")), window == null ? null : Math.toIntExact(window), caps,
                Nodes.json(n, "settings"), Nodes.instant(n, "createdAt")));
        return Outcome.ADDED;
    }

    Outcome price(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.prices().findByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long model = Importer.ref("model", Nodes.required(n, "modelUid"), ws.models()::findByUid, Model::id);
        ws.prices().insert(new PriceRow(0, uid, model, Nodes.decimal(n, "inputPerMTok"),
                Nodes.decimal(n, "cachedInputPerMTok"), Nodes.decimal(n, "outputPerMTok"), Nodes.text(n, "currency"),
                Nodes.text(n, "source"), Nodes.date(n, "asOf"), Nodes.instant(n, "createdAt")));
        return Outcome.ADDED;
    }

    Outcome prompt(JsonNode n, Each each) {
        String uid = Nodes.required(n, "uid");
        Prompt existing = ws.prompts().findByUid(uid).orElse(null);
        Prompt p = existing != null ? existing
                : ws.prompts().insert(new Prompt(0, uid, Nodes.text(n, "name"), Nodes.instant(n, "createdAt")));
        each.each("promptVersions", n, "versions", v -> {
            String vuid = Nodes.required(v, "uid");
            if (ws.prompts().findVersionByUid(vuid).isPresent()) {
                return Outcome.PRESENT;
            }
            ws.prompts().insertVersion(new PromptVersion(0, vuid, p.id(), Nodes.intOr(v, "version", 1),
                    Nodes.text(v, "system"), Nodes.text(v, "user"), Nodes.json(v, "variables"), Nodes.json(v, "parameters"),
                    Nodes.instant(v, "createdAt")));
            return Outcome.ADDED;
        });
        return existing != null ? Outcome.PRESENT : Outcome.ADDED;
    }

    Outcome comparison(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.comparisons().findByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long pv = Importer.ref("prompt version", Nodes.text(n, "promptVersionUid"), ws.prompts()::findVersionByUid,
                PromptVersion::id);
        ws.comparisons().insert(new Comparison(0, uid, pv, Nodes.intOr(n, "repeatCount", 1), Nodes.bool(n, "blind"),
                Nodes.instant(n, "createdAt")));
        return Outcome.ADDED;
    }

    Outcome run(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.runs().findByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long pv = Importer.ref("prompt version", Nodes.text(n, "promptVersionUid"), ws.prompts()::findVersionByUid,
                PromptVersion::id);
        Long model = Importer.ref("model", Nodes.required(n, "modelUid"), ws.models()::findByUid, Model::id);
        Long cmp = Importer.ref("comparison", Nodes.text(n, "comparisonUid"), ws.comparisons()::findByUid,
                Comparison::id);
        Long price = Importer.ref("price row", Nodes.text(n, "priceUid"), ws.prices()::findByUid, PriceRow::id);
        JsonNode m = n.path("metrics");
        RunMetrics metrics = new RunMetrics(Nodes.longOrNull(m, "queueMs"), Nodes.longOrNull(m, "ttftMs"),
                Nodes.longOrNull(m, "totalMs"), Nodes.longOrNull(m, "inputTokens"), Nodes.longOrNull(m, "cachedInputTokens"),
                Nodes.longOrNull(m, "outputTokens"), Nodes.longOrNull(m, "reasoningTokens"), Nodes.doubleOrNull(m, "decodeTps"),
                Nodes.doubleOrNull(m, "prefillTps"), Nodes.longOrNull(m, "loadMs"), Nodes.longOrNull(m, "peakMemoryBytes"));
        String costKind = Nodes.text(n, "costKind");
        RunCost cost = new RunCost(Nodes.doubleOrNull(n, "costUsd"), costKind == null ? null : CostKind.of(costKind), price);
        String errorKind = Nodes.text(n, "errorKind");
        String errorMessage = Nodes.text(n, "errorMessage");
        RunError error = errorKind == null && errorMessage == null ? null : new RunError(errorKind, errorMessage);
        ws.runs().insert(new Run(0, uid, pv, model, cmp, Nodes.intOr(n, "repeatIndex", 0), Nodes.json(n, "parameters"),
                Nodes.text(n, "promptText"), Nodes.text(n, "systemText"), Nodes.text(n, "outputText"), Nodes.text(n, "reasoningText"),
                RunStatus.of(Nodes.required(n, "status")), error, metrics, cost, Nodes.bool(n, "tokensEstimated"),
                Nodes.intOr(n, "httpAttempts", 0), Nodes.json(n, "route"), Nodes.json(n, "outcome"), Nodes.json(n, "limits"), Nodes.instant(n, "createdAt"),
                Nodes.instant(n, "finishedAt")));
        return Outcome.ADDED;
    }

    Outcome vote(JsonNode n) {
        String uid = Nodes.required(n, "uid");
        if (ws.comparisons().findVoteByUid(uid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long cmp = Importer.ref("comparison", Nodes.required(n, "comparisonUid"), ws.comparisons()::findByUid,
                Comparison::id);
        Long winner = Importer.ref("run", Nodes.text(n, "winnerRunUid"), ws.runs()::findByUid, Run::id);
        ws.comparisons().insertVote(new Vote(0, uid, cmp, winner, Nodes.instant(n, "createdAt")));
        return Outcome.ADDED;
    }

    Outcome policy(JsonNode n, Each each) {
        String uid = Nodes.required(n, "uid");
        Policy existing = ws.policies().findByUid(uid).orElse(null);
        Policy p = existing != null ? existing
                : ws.policies().insert(new Policy(0, uid, Nodes.text(n, "name"), Nodes.instant(n, "createdAt")));
        each.each("policyVersions", n, "versions", v -> {
            String vuid = Nodes.required(v, "uid");
            if (ws.policies().findVersionByUid(vuid).isPresent()) {
                return Outcome.PRESENT;
            }
            ws.policies().insertVersion(new PolicyVersion(0, vuid, p.id(), Nodes.intOr(v, "version", 1),
                    Nodes.json(v, "body"), Nodes.text(v, "note"), Nodes.instant(v, "createdAt")));
            return Outcome.ADDED;
        });
        return existing != null ? Outcome.PRESENT : Outcome.ADDED;
    }

    Outcome dataset(JsonNode n, Each each) {
        String uid = Nodes.required(n, "uid");
        Dataset existing = ws.datasets().findByUid(uid).orElse(null);
        Dataset d = existing != null ? existing : ws.datasets().insert(new Dataset(0, uid, Nodes.text(n, "name"),
                Nodes.text(n, "description"), Nodes.instant(n, "createdAt")));
        each.each("datasetItems", n, "items", i -> {
            String iuid = Nodes.required(i, "uid");
            if (ws.datasets().findItemByUid(iuid).isPresent()) {
                return Outcome.PRESENT;
            }
            ws.datasets().insertItem(new DatasetItem(0, iuid, d.id(), Nodes.intOr(i, "position", 0),
                    Nodes.text(i, "prompt"), Nodes.text(i, "system"), Nodes.json(i, "variables"),
                    Nodes.text(i, "referenceAnswer"), Nodes.json(i, "tags")));
            return Outcome.ADDED;
        });
        return existing != null ? Outcome.PRESENT : Outcome.ADDED;
    }

    Outcome replay(JsonNode n, Each each) {
        String uid = Nodes.required(n, "uid");
        Replay existing = ws.replays().findByUid(uid).orElse(null);
        Replay r = existing;
        if (r == null) {
            Long pv = Importer.ref("policy version", Nodes.required(n, "policyVersionUid"),
                    ws.policies()::findVersionByUid, PolicyVersion::id);
            Long ds = Importer.ref("dataset", Nodes.required(n, "datasetUid"), ws.datasets()::findByUid, Dataset::id);
            r = ws.replays().insert(new Replay(0, uid, pv, ds, ReplayMode.of(Nodes.required(n, "mode")),
                    ReplayStatus.of(Nodes.required(n, "status")), Nodes.instant(n, "createdAt"),
                    Nodes.instant(n, "finishedAt"), Nodes.json(n, "summary")));
        }
        long replayId = r.id();
        each.each("replayItems", n, "items", i -> replayItem(replayId, i));
        return existing != null ? Outcome.PRESENT : Outcome.ADDED;
    }

    private Outcome replayItem(long replayId, JsonNode i) {
        String iuid = Nodes.required(i, "uid");
        if (ws.replays().findItemByUid(iuid).isPresent()) {
            return Outcome.PRESENT;
        }
        Long item = Importer.ref("dataset item", Nodes.required(i, "datasetItemUid"), ws.datasets()::findItemByUid,
                DatasetItem::id);
        List<Long> runIds = new ArrayList<>();
        for (String runUid : Nodes.strings(i, "runUids")) {
            runIds.add(Importer.ref("run", runUid, ws.runs()::findByUid, Run::id));
        }
        ws.replays().saveItem(new ReplayItem(0, iuid, replayId, item, Nodes.json(i, "decision"),
                Nodes.json(i, "routeTaken"), runIds, Nodes.text(i, "answer"), Nodes.doubleOrNull(i, "costUsd"),
                Nodes.longOrNull(i, "latencyMs"), Nodes.json(i, "grade"), ReplayItemStatus.of(Nodes.required(i, "status"))));
        return Outcome.ADDED;
    }

    Outcome intentSet(JsonNode n, Each each) {
        String uid = Nodes.required(n, "uid");
        IntentSet existing = ws.intentSets().findByUid(uid).orElse(null);
        IntentSet s = existing != null ? existing : ws.intentSets().insert(new IntentSet(0, uid, Nodes.text(n, "name"),
                Nodes.text(n, "description"), Nodes.instant(n, "createdAt")));
        each.each("intents", n, "intents", i -> {
            String iuid = Nodes.required(i, "uid");
            if (ws.intentSets().findIntentByUid(iuid).isPresent()) {
                return Outcome.PRESENT;
            }
            ws.intentSets().insertIntent(new Intent(0, iuid, s.id(), Nodes.text(i, "name"), Nodes.strings(i, "examples"),
                    Nodes.text(i, "responseTemplate"), Nodes.intOr(i, "position", 0)));
            return Outcome.ADDED;
        });
        return existing != null ? Outcome.PRESENT : Outcome.ADDED;
    }
}
