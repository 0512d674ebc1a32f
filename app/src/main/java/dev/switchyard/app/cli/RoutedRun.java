package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RouteRequest;
import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.app.routing.RoutedRunner;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run --policy}: route, run live (cascade and fallback steps included), print the route and every run. */
final class RoutedRun {

    private RoutedRun() {
    }

    static int run(AppContext app, Workspace ws, RouteCommand.RoutingOptions routing, EngineRequest request, boolean json,
                   CommandSpec spec) {
        PolicySource source = PolicySource.of(ws, routing.policy);
        WorkspaceRouting wr = new WorkspaceRouting(app, ws, routing.networkState(app, ws));
        List<Problem> problems = wr.validator().validate(source.policy());
        Decision decision = wr.router().decide(source.policy(), new RouteRequest(request.user(), routing.metadata()));
        RoutedRunner runner = new RoutedRunner(new RunService(ws, app.clock(), System::nanoTime), app.engines(ws)::forModel,
                wr.targets());
        RoutedRunner.Handle handle = runner.start(decision, request, RunObserver.NONE);
        Thread onCtrlC = new Thread(handle::cancel, "switchyard-cancel-routed-run");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RoutedResult result;
        try {
            result = handle.finished().join();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is cancelling the run, as asked
            }
        }
        ModelDirectory directory = app.directory(ws);
        if (json) {
            ObjectNode node = CliContext.object();
            node.put("ok", result.ok());
            node.put("policy", source.label());
            node.put("version", source.version());
            node.put("request", result.request());
            node.set("problems", RouteCommand.problemsJson(problems));
            node.set("route", PolicyJson.tree(decision));
            node.put("answer_run", result.answer() == null ? null : result.answer().uid());
            node.put("total_cost_usd", result.totalCostUsd());
            node.put("total_ms", result.totalMs());
            ArrayNode steps = node.putArray("steps");
            ArrayNode runs = node.putArray("runs");
            for (RoutedResult.Step s : result.steps()) {
                ObjectNode st = steps.addObject().put("role", s.role()).put("target", s.target()).put("model", s.model())
                        .put("outcome", s.outcome()).put("run", s.run() == null ? null : s.run().uid());
                if (s.run() != null) {
                    runs.add(RunJson.of(s.run(), ws, directory).put("step", st.path("role").asText()));
                }
            }
            CliContext.printJson(spec, node);
        } else {
            PrintWriter out = CliContext.out(spec);
            out.println(decision.why());
            for (RoutedResult.Step s : result.steps()) {
                out.printf("· %s → %s: %s%n", s.role(), s.model() == null ? s.target() : s.model(), s.outcome());
                if (s.run() != null) {
                    RunJson.printText(s.run(), ws, directory, out, s.run() == result.answer());
                }
            }
            out.printf("total %d ms · %s%n", result.totalMs(), result.totalCostUsd() == null ? "no price"
                    : String.format(Locale.ROOT, "$%.6f", result.totalCostUsd()));
            out.flush();
        }
        return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
