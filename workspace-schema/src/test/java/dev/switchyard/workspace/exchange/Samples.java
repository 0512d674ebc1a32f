package dev.switchyard.workspace.exchange;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.PriceRow;
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
import dev.switchyard.workspace.repo.SettingsRepository;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A workspace with at least one row of every aggregate, every nullable field used both ways. */
final class Samples {

    private Samples() {
    }

    static void populate(Workspace ws) {
        Provider p = Fixtures.openAi(ws);
        Provider local = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "Laptop", null, null, null));
        Model gpt = Fixtures.model(ws, p, "gpt-4o-mini");
        Model phi = ws.models().insert(Model.of(local.id(), "phi-3-mini", "Phi-3 mini", dev.switchyard.workspace.model
                .ModelKind.LOCAL_GENERATIVE, 4096, null, "{\"path\":\"/models/phi3\",\"precision\":\"int4\"}"));
        PriceRow price = ws.prices().insert(PriceRow.of(gpt.id(), new BigDecimal("0.150"), null, new BigDecimal("0.6"),
                "openai.com/pricing", LocalDate.of(2026, 3, 1)));
        var prompt = ws.prompts().create("Triage");
        PromptVersion pv = ws.prompts().addVersion(prompt.id(), "Be brief.", "Classify {{t}}", "{\"t\":\"\"}", null);
        Comparison cmp = ws.comparisons().create(pv.id(), 2, true);
        List<Run> runs = ws.runs().insertAll(List.of(
                Fixtures.completedRun(gpt.id(), "Classify printer on fire", "urgent").withSystemText("")
                        .withPromptVersion(pv.id())
                        .withComparison(cmp.id(), 0)
                        .finished(RunStatus.COMPLETED, null, new RunMetrics(1L, 200L, 900L, 30L, 10L, 3L, 0L, 4.5, null,
                                null, null), RunCost.api(0.0000063, price.id()), false, 1, Instant.parse(
                                "2026-11-20T10:00:00.123Z")).withOutcome("{\"finishReason\":\"stop\",\"servedModel\":\"gpt-x\"}")
                        .withLimits("{\"connectMs\":10000,\"firstTokenMs\":3000,\"idleMs\":30000,\"totalMs\":600000}"),
                Fixtures.completedRun(phi.id(), "Classify printer on fire", "urgent?").withComparison(cmp.id(), 0)
                        .finished(RunStatus.INCOMPLETE, new RunError("oom", "Out of memory."), new RunMetrics(0L, 50L,
                                400L, 30L, null, 2L, null, 10.0, 600.0, 1200L, 900_000_000L), RunCost.device(0.00001),
                                true, 0, null).withRoute("{\"policyVersion\":1,\"trace\":[{\"rule\":0,\"pass\":true}]}")));
        ws.comparisons().vote(cmp.id(), runs.get(0).id());
        ws.comparisons().vote(cmp.id(), null);
        var policy = ws.policies().create("offline-first");
        PolicyVersion v1 = ws.policies().addVersion(policy.id(), "{\"rules\":[],\"default\":\"local\"}", "v1");
        var ds = ws.datasets().create("tickets", null);
        List<DatasetItem> items = ws.datasets().addItems(ds.id(), List.of(
                DatasetItem.of("printer on fire", "Be brief.", "{\"x\":1}", "urgent", "[\"hw\"]"),
                DatasetItem.of("hello", null, null, null, null)));
        Replay replay = ws.replays().start(v1.id(), ds.id(), ReplayMode.CACHED);
        ws.replays().saveItem(ReplayItem.of(replay.id(), items.get(0).id(), "{\"target\":\"local\"}", "{\"target\":"
                + "\"local\"}", List.of(runs.get(1).id(), runs.get(0).id()), "urgent", 0.00001, 400L, "{\"pass\":true}",
                ReplayItemStatus.DONE));
        ws.replays().saveItem(ReplayItem.of(replay.id(), items.get(1).id(), null, null, null, null, null, null, null,
                ReplayItemStatus.PENDING));
        ws.replays().finish(replay.id(), ReplayStatus.PAUSED, "{\"done\":1}");
        var set = ws.intentSets().create("home", "smart home");
        ws.intentSets().addIntent(set.id(), Intent.of("lights_on", List.of("turn on the lights", "lights on"), "On."));
        ws.settings().put(SettingsRepository.DEFAULT_POLICY, "offline-first");
        ws.settings().put(SettingsRepository.DEVICE_COST_PER_HOUR, "0.02");
    }

    static byte[] export(Workspace ws) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ws.exportTo(out);
        return out.toByteArray();
    }
}
