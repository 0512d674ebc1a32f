package dev.switchyard.ui.shots;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A believable demo workspace for screenshots: two cloud providers with shipped prices, the demo gateway (a loopback
 * server with scripted answers, {@link DemoGateway}) with three priced models, a local intent model and a local
 * generative model, a few dozen runs and comparisons with plausible metrics (deterministic; stored as the
 * run service stores a run, with the system message it was sent, so History shows them as a real workspace's), and a
 * dataset with one finished replay of the default policy over it ({@link DemoReplay}: real replay code, cloud
 * answers from a loopback server, so its latencies vary a little from one seeding to the next).
 */
public final class DemoWorkspace {

    /** What the demo's comparisons asked: a system message (null: none) and a user message. */
    private record Asked(String system, String user) {
    }

    private static final List<Asked> PROMPTS = List.of(
            new Asked(DemoReplay.SMART_HOME, "Turn on the kitchen lights"),
            new Asked(null, "Summarise this support ticket in two sentences: the customer cannot log in after the update"),
            new Asked(DemoReplay.SHOP, "What is your refund policy for annual plans?"),
            new Asked(null, "Write a Python function that merges two sorted lists"),
            new Asked(null, "Translate 'where is the train station' into German and French"),
            new Asked(null, "Explain the difference between TTFT and total latency to a product manager"),
            new Asked(null, "Classify: 'my package arrived broken' — billing, shipping or account?"),
            new Asked("You write short, friendly business emails.", "Draft a polite reply declining a meeting next Tuesday"));

    /** The parameters of the demo's comparisons. */
    private static final GenerationParams PARAMS = new GenerationParams(512, 0.7, null, null, null);

    private DemoWorkspace() {
    }

    /**
     * Seeds {@code ws}; the demo gateway's provider points at {@code gateway}, which also answers the replay's OpenAI
     * calls, so it must run while the demo is used (the Compare shot streams from it).
     */
    public static void seed(Workspace ws, AppContext context, DemoGateway gateway) {
        ModelDirectory dir = context.directory(ws);
        Provider openai = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI",
                "https://api.openai.com/v1", "env:OPENAI_API_KEY", "openai"));
        Provider anthropic = ws.providers().insert(Provider.of(ProviderKind.ANTHROPIC, "Anthropic",
                "https://api.anthropic.com/v1", "keyring:switchyard/anthropic", "anthropic"));
        Model mini = dir.addCloudModel(openai, "gpt-4o-mini");
        dir.addCloudModel(openai, "o1-mini");
        Model haiku = dir.addCloudModel(anthropic, "claude-3-5-haiku-latest");
        context.prepare(ws);
        Model intent = ws.models().list().stream().filter(m -> m.kind() == ModelKind.LOCAL_INTENT).findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded intent model was not registered"));
        Model qwen = dir.registerLocal("qwen2.5-0.5b-instruct", "Qwen2.5 0.5B Instruct (int4)", 32768,
                ModelKind.LOCAL_GENERATIVE, new dev.switchyard.app.models.LocalModelSettings(
                        java.nio.file.Path.of("models", "qwen2.5-0.5b-instruct"), null, "qwen2.5-0.5b-instruct"));

        Random rnd = new Random(7);
        Instant start = Instant.parse("2026-11-18T09:00:00Z");
        List<Model> trio = List.of(qwen, mini, haiku);
        for (int i = 0; i < 14; i++) {
            Asked asked = PROMPTS.get(i % PROMPTS.size());
            Comparison c = ws.comparisons().create(null, 1, i % 5 == 4);
            Instant at = start.plus(Duration.ofMinutes(i * 97L));
            for (Model m : trio) {
                ws.runs().insert(run(dir, m, asked, at, rnd, i).withComparison(c.id(), 0));
            }
            ws.runs().insert(run(dir, intent, asked, at.plusSeconds(2), rnd, i));
        }
        // the "Everyday prompts" dataset and a finished replay of the default policy over it
        DemoReplay.seed(ws, context, gateway);
        // after the replay (its policy picks among the OpenAI models): the Compare shot's models, a keyless
        // OpenAI-compatible endpoint on loopback, named for what it is
        Provider demo = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, DemoGateway.PROVIDER,
                gateway.baseUrl(), null, null));
        for (DemoGateway.DemoModel m : DemoGateway.MODELS) {
            dir.recordPrice(dir.addCloudModel(demo, m.id()), m.inPerMTok(), null, m.outPerMTok(), "the demo's list price");
        }
    }

    /**
     * A finished run of {@code asked}, stored as the run service stores one: its system message recorded, and the time
     * limits its engine stops it at (a cloud model's limits of today, as a run made now would; none for a local one).
     */
    private static Run run(ModelDirectory dir, Model m, Asked asked, Instant at, Random rnd, int i) {
        EngineRequest request = new EngineRequest(asked.system(), asked.user(), PARAMS);
        String prompt = asked.user();
        boolean local = m.kind() != ModelKind.CLOUD;
        boolean intent = m.kind() == ModelKind.LOCAL_INTENT;
        long ttft = intent ? 2 + rnd.nextInt(3) : local ? 90 + rnd.nextInt(80) : 280 + rnd.nextInt(420);
        long out = intent ? 1 : 40 + rnd.nextInt(220);
        double tps = intent ? 0 : local ? 28 + rnd.nextDouble() * 10 : 55 + rnd.nextDouble() * 60;
        long total = intent ? ttft : ttft + (long) (out / tps * 1000);
        long in = 18 + request.promptText().length() / 4;
        RunStatus status = i == 6 && m.kind() == ModelKind.CLOUD && m.apiModelId().startsWith("claude") ? RunStatus.FAILED
                : i == 9 && local && !intent ? RunStatus.CANCELLED : RunStatus.COMPLETED;
        String text = intent ? "intent: " + (prompt.contains("light") ? "lights.on (0.91)" : "faq.refund (0.74)")
                : answer(prompt, m.displayName());
        Run r = RunService.created(m.id(), request).withUid(null, at)
                .withLimits(RunLimits.json(m.kind() == ModelKind.CLOUD ? dir.timeouts(m) : null))
                .withOutput(status, status == RunStatus.FAILED ? "" : text, null);
        RunCost cost = local ? RunCost.device(0) : new RunCost((in * 0.15 + out * 0.6) / 1_000_000, dev.switchyard.workspace.model.CostKind.API, null);
        RunError error = status == RunStatus.FAILED
                ? new RunError("rate_limited", "The provider is rate-limiting requests; wait a moment and try again.") : null;
        RunMetrics metrics = new RunMetrics(3L, ttft, total, in, null, out, null, intent ? null : tps, null, null, null);
        return r.finished(status, error, metrics, status == RunStatus.FAILED ? RunCost.NONE : cost, false, 1,
                at.plusMillis(total));
    }

    private static String answer(String prompt, String model) {
        if (prompt.startsWith("Write a Python")) {
            return "```python\ndef merge(a, b):\n    out, i, j = [], 0, 0\n    while i < len(a) and j < len(b):\n"
                    + "        if a[i] <= b[j]:\n            out.append(a[i]); i += 1\n        else:\n"
                    + "            out.append(b[j]); j += 1\n    return out + a[i:] + b[j:]\n```";
        }
        return "Here is a short answer from " + model + " to: \"" + prompt + "\". It keeps to the point, names the "
                + "trade-off, and ends with one suggestion the reader can act on.";
    }
}
