package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineFactory;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.models.InlineCloudModel;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.run.ComparisonRunner;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard run}: one prompt on one or more models, stored as a comparison. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a prompt on each model (N times with --repeat) and store the runs.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    SwitchyardCli root;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--model", paramLabel = "<id>",
            description = "A model configured in the workspace: uid, provider/model, model id or display name. Repeatable.")
    List<String> models = new ArrayList<>();
    @Option(names = "--prompt", required = true, paramLabel = "<text>", description = "The user message.")
    String prompt;
    @Option(names = "--system", paramLabel = "<text>", description = "The system message.")
    String system;
    @Option(names = "--max-tokens", paramLabel = "N")
    Integer maxTokens;
    @Option(names = "--temperature", paramLabel = "T")
    Double temperature;
    @Option(names = "--top-p", paramLabel = "P")
    Double topP;
    @Option(names = "--seed", paramLabel = "N")
    Long seed;
    @Option(names = "--stop", paramLabel = "<text>", description = "Stop string. Repeatable.")
    List<String> stop = new ArrayList<>();
    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Runs per model (default 1).")
    int repeat;
    @Option(names = "--json", description = "Print the runs as JSON (schema in the README).")
    boolean json;
    @ArgGroup(exclusive = false, heading = "Inline model (one per invocation):%n")
    Inline inline;
    @Mixin
    RouteCommand.RoutingOptions routing;

    /** A cloud model given on the command line. */
    static final class Inline {
        @Option(names = "--base-url", required = true, paramLabel = "<url>")
        String baseUrl;
        @Option(names = "--api", paramLabel = "openai|anthropic", defaultValue = "openai")
        String api;
        @Option(names = "--api-model", required = true, paramLabel = "<name>")
        String apiModel;
        @Option(names = "--api-key-env", paramLabel = "<VAR>", description = "Environment variable holding the key.")
        String keyEnv;
        @Option(names = "--price-in", paramLabel = "X", description = "USD per 1M input tokens.")
        BigDecimal priceIn;
        @Option(names = "--price-cached", paramLabel = "X", description = "USD per 1M cached input tokens.")
        BigDecimal priceCached;
        @Option(names = "--price-out", paramLabel = "X", description = "USD per 1M output tokens.")
        BigDecimal priceOut;

        InlineCloudModel toModel() {
            ProviderKind kind = switch (api.toLowerCase(Locale.ROOT)) {
                case "openai" -> ProviderKind.OPENAI_COMPATIBLE;
                case "anthropic" -> ProviderKind.ANTHROPIC;
                default -> throw new CliException(ExitCodes.USAGE, "--api must be 'openai' or 'anthropic', not '" + api + "'.");
            };
            if ((priceIn == null) != (priceOut == null)) {
                throw new CliException(ExitCodes.USAGE, "Give both --price-in and --price-out (and optionally --price-cached).");
            }
            return new InlineCloudModel(kind, baseUrl, apiModel, keyEnv, priceIn, priceCached, priceOut);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || repeat > 1000) {
            throw new CliException(ExitCodes.USAGE, "--repeat must be between 1 and 1000.");
        }
        if (prompt.isBlank()) {
            throw new CliException(ExitCodes.USAGE, "The prompt is empty: give --prompt the user message to send.");
        }
        GenerationParams params;
        try {
            params = new GenerationParams(maxTokens, temperature, topP, seed, stop);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + ".");
        }
        AppContext app = root.context();
        if (routing.policy != null) {
            if (!models.isEmpty() || inline != null || repeat != 1) {
                throw new CliException(ExitCodes.USAGE, "--policy chooses the models: drop --model, the inline model and --repeat.");
            }
            try (Workspace ws = workspace.open()) {
                app.prepare(ws);
                if (ws.models().list().stream().anyMatch(m -> m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD)) {
                    app.warmUpCloud(); // the policy may route to a cloud model: its TTFT is then the provider's
                }
                return RoutedRun.run(app, ws, routing, new EngineRequest(system, prompt, params), json, spec);
            }
        }
        try (Workspace ws = workspace.open()) {
            EngineFactory engines = app.engines(ws);
            app.prepare(ws);
            ModelDirectory directory = app.directory(ws);
            List<Model> chosen = chooseModels(directory);
            if (chosen.stream().anyMatch(m -> m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD)) {
                app.warmUpCloud(); // the first answer's TTFT is then the provider's, not this JVM's (decision 26)
            }
            Comparison comparison = ws.comparisons().create(null, repeat, false);
            ComparisonRunner runner = new ComparisonRunner(new RunService(ws, app.clock(), System::nanoTime), engines::forModel);
            ComparisonRunner.Handle handle = runner.start(chosen, new EngineRequest(system, prompt, params), repeat,
                    comparison.id(), json || chosen.size() > 1 || repeat > 1 ? RunObserver.NONE : new Echo(CliContext.out(spec)));
            Thread onCtrlC = new Thread(handle::cancel, "switchyard-cancel-runs");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            List<Run> runs;
            try {
                runs = handle.finished().join();
            } finally {
                removeHook(onCtrlC);
            }
            print(ws, directory, comparison, runs);
            return runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private List<Model> chooseModels(ModelDirectory directory) {
        List<Model> chosen = new ArrayList<>();
        models.forEach(ref -> chosen.add(directory.resolve(ref)));
        if (inline != null) {
            chosen.add(directory.ensureInline(inline.toModel()));
        }
        if (chosen.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "Name at least one --model, a --policy, or an inline model with --base-url and --api-model.");
        }
        return chosen;
    }

    private void print(Workspace ws, ModelDirectory directory, Comparison comparison, List<Run> runs) {
        if (json) {
            ObjectNode node = CliContext.object();
            node.put("ok", runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED));
            node.put("comparison", comparison.uid());
            ArrayNode array = node.putArray("runs");
            runs.forEach(r -> array.add(RunJson.of(r, ws, directory)));
            CliContext.printJson(spec, node);
            return;
        }
        PrintWriter out = CliContext.out(spec);
        for (Run r : runs) {
            RunJson.printText(r, ws, directory, out, !(runs.size() == 1 && repeat == 1));
        }
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it cancels the runs, which is what the user asked for
        }
    }

    /** Streams the answer of a single run to the terminal as it arrives. */
    private record Echo(PrintWriter out) implements RunObserver {
        @Override
        public void onToken(Run run, String text) {
            synchronized (out) {
                out.print(text);
                out.flush();
            }
        }

        @Override
        public void onFinished(Run run, dev.switchyard.app.run.RunFailure failure) {
            synchronized (out) {
                out.println();
                out.flush();
            }
        }
    }
}
