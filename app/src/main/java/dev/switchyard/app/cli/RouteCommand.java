package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RouteRequest;
import dev.switchyard.app.routing.TimedDecision;
import dev.switchyard.app.routing.TraceText;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard route}: the decision and its trace for one prompt, without running anything. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Show where a policy sends a prompt and why (every rule and condition), without running it.")
final class RouteCommand implements Callable<Integer> {

    @ParentCommand
    SwitchyardCli root;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    RoutingOptions routing;
    @Option(names = "--prompt", required = true, paramLabel = "<text>")
    String prompt;
    @Option(names = "--json", description = "Print the decision as JSON (schema in ROUTING.md).")
    boolean json;

    /** Options shared by route and run --policy. */
    static final class RoutingOptions {
        @Option(names = "--policy", paramLabel = "<name|file>",
                description = "A saved policy or a policy JSON file (default: the workspace's default policy).")
        String policy;
        @Option(names = "--network", paramLabel = "auto|online|offline", defaultValue = "auto",
                description = "Network state seen by 'network' conditions (auto: online when a cloud provider's host "
                        + "answers, as the app's status bar checks).")
        String network;
        @Option(names = "--meta", paramLabel = "key=value", description = "Request metadata. Repeatable.")
        List<String> meta = List.of();

        NetworkState networkState(AppContext app, Workspace ws) {
            return switch (network.toLowerCase(Locale.ROOT)) {
                case "online" -> () -> true;
                case "offline" -> () -> false;
                case "auto" -> dev.switchyard.app.net.ProbedNetworkState.of(ws, app.clock());
                default -> throw new CliException(ExitCodes.USAGE, "--network must be auto, online or offline.");
            };
        }

        Map<String, String> metadata() {
            Map<String, String> out = new HashMap<>();
            for (String kv : meta) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new CliException(ExitCodes.USAGE, "--meta takes key=value, not '" + kv + "'.");
                }
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return out;
        }
    }

    @Override
    public Integer call() {
        if (prompt.isBlank()) {
            throw new CliException(ExitCodes.USAGE, "The prompt is empty: give --prompt the text to route.");
        }
        AppContext app = root.context();
        try (Workspace ws = workspace.open()) {
            app.prepare(ws);
            PolicySource source = PolicySource.of(ws, routing.policy);
            WorkspaceRouting wr = new WorkspaceRouting(app, ws, routing.networkState(app, ws));
            List<Problem> problems = wr.validator().validate(source.policy());
            RouteRequest request = new RouteRequest(prompt, routing.metadata());
            TimedDecision timed = TimedDecision.of(() -> wr.router().decide(source.policy(), request));
            Decision d = timed.decision();
            if (json) {
                ObjectNode node = CliContext.object();
                node.put("ok", problems.isEmpty());
                node.put("policy", source.label());
                node.put("version", source.version());
                node.set("problems", problemsJson(problems));
                node.set("decision", PolicyJson.tree(d));
                node.put("first_decision_micros", timed.firstMicros());
                CliContext.printJson(spec, node);
            } else {
                printText(CliContext.out(spec), source, problems, timed);
            }
            return ExitCodes.OK;
        }
    }

    static ArrayNode problemsJson(List<Problem> problems) {
        ArrayNode a = CliContext.JSON.createArrayNode();
        problems.forEach(p -> a.addObject().put("path", p.path()).put("message", p.message()));
        return a;
    }

    /** A terminal line: plain spaces (the window's no-break spaces keep a number with its unit when it wraps). */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    static void printText(PrintWriter out, PolicySource source, List<Problem> problems, TimedDecision timed) {
        Decision d = timed.decision();
        out.println(d.why());
        out.printf("policy %s%s · decided in %s%n", source.label(), source.version() == null ? "" : " v" + source.version(),
                plain(timed.time()));
        TraceText.lines(d).forEach(line -> out.println("  " + plain(line)));
        d.features().forEach((k, v) -> out.println("  feature " + k + " = " + v));
        problems.forEach(p -> out.println("  problem " + p));
        out.flush();
    }
}
