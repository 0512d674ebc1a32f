package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Replay;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchyard replay list}: stored replays, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Stored replays, newest first.")
final class ReplayListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            ArrayNode arr = CliContext.JSON.createArrayNode();
            for (Replay r : ws.replays().list()) {
                String policy = ws.policies().getVersion(r.policyVersionId())
                        .flatMap(v -> ws.policies().get(v.policyId()).map(p -> p.name() + " v" + v.version())).orElse("?");
                String dataset = ws.datasets().get(r.datasetId()).map(d -> d.name()).orElse("?");
                arr.addObject().put("id", r.id()).put("policy", policy).put("dataset", dataset)
                        .put("mode", r.mode().code()).put("status", r.status().code())
                        .put("createdAt", String.valueOf(r.createdAt()));
                if (!json) {
                    CliContext.out(spec).printf("%5d  %-24s %-24s %-7s %-10s %s%n", r.id(), policy, dataset,
                            r.mode().code(), r.status().code(), r.createdAt());
                }
            }
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).set("replays", arr));
            }
            CliContext.out(spec).flush();
            return ExitCodes.OK;
        }
    }
}
