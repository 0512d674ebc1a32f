package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchyard models set-timeouts <model> [--connect T] [--first-token T] [--idle T] [--total T] [--defaults]}:
 * a cloud model's time limits, as the Models screen's Time limits sets them (same bounds and checks).
 */
@Command(name = "set-timeouts", description = "Change a cloud model's time limits (e.g. --first-token 3min for a gateway"
        + " that loads a large model on its first request); the next run uses them. Times: 90s, 5min, 500ms, 1h"
        + " (a bare number is seconds).")
final class SetTimeoutsCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "<model>", description = "A model uid, provider/model, model id or display name.")
    String ref;
    @Option(names = "--connect", paramLabel = "<time>", description = "Connecting to the provider (1 s to 5 min).")
    String connect;
    @Option(names = "--first-token", paramLabel = "<time>",
            description = "From sending the request to the first token, connecting included (1 s to 1 h).")
    String firstToken;
    @Option(names = "--idle", paramLabel = "<time>", description = "The longest gap between chunks of the answer (1 s to 1 h).")
    String idle;
    @Option(names = "--total", paramLabel = "<time>", description = "The whole run, retries included (1 s to 6 h).")
    String total;
    @Option(names = "--defaults", description = "Start from this model's defaults (alone: back to the defaults).")
    boolean defaults;

    @Override
    public Integer call() {
        Map<Limit, String> given = new EnumMap<>(Limit.class);
        put(given, Limit.CONNECT, connect);
        put(given, Limit.FIRST_TOKEN, firstToken);
        put(given, Limit.IDLE_GAP, idle);
        put(given, Limit.TOTAL, total);
        try (Workspace ws = workspace.open()) {
            ModelDirectory directory = app().directory(ws);
            Model m = directory.resolve(ref);
            String name = directory.qualifiedName(m);
            if (m.kind() != ModelKind.CLOUD) {
                throw new CliException(ExitCodes.USAGE, name + " runs on this device; time limits are set for cloud models.");
            }
            Timeouts now = directory.timeouts(m);
            if (given.isEmpty() && !defaults) {
                throw new CliException(ExitCodes.USAGE, "Nothing to change: give --first-token, --idle, --total, --connect"
                        + " or --defaults. " + name + " has " + TimeLimits.describe(now) + ".");
            }
            Timeouts t = defaults ? directory.defaultTimeouts(m) : now;
            for (Map.Entry<Limit, String> e : given.entrySet()) {
                java.time.Duration d;
                try {
                    d = TimeLimits.parse(e.getValue(), e.getKey());
                } catch (IllegalArgumentException bad) {
                    throw new CliException(ExitCodes.USAGE, e.getKey().option() + ": " + bad.getMessage());
                }
                String out = TimeLimits.outOfBounds(e.getKey(), d);
                if (out != null) {
                    throw new CliException(ExitCodes.USAGE, out + " Nothing was changed.");
                }
                t = e.getKey().with(t, d);
            }
            List<TimeLimits.Problem> problems = TimeLimits.check(t);
            if (!problems.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, problems.get(0).sentence() + " Nothing was changed.");
            }
            Model saved = directory.setTimeouts(m, t);
            boolean isDefault = t.equals(directory.defaultTimeouts(saved));
            String message = "Time limits of " + name + ": " + TimeLimits.describe(t)
                    + (isDefault ? " (the defaults)" : "") + ". Runs from now on use them.";
            if (json) {
                ObjectNode model = ModelsCommand.json(saved, directory);
                CliContext.printJson(spec, CliContext.object().put("ok", true).put("message", message).set("model", model));
            } else {
                CliContext.out(spec).println(message);
                CliContext.out(spec).flush();
            }
        }
        return ExitCodes.OK;
    }

    private static void put(Map<Limit, String> given, Limit l, String value) {
        if (value != null) {
            given.put(l, value);
        }
    }

    /** {@code {"connectMs", "firstTokenMs", "idleMs", "totalMs", "defaults"}} of a cloud model; null for a local one. */
    static ObjectNode json(Model m, ModelDirectory directory) {
        if (m.kind() != ModelKind.CLOUD) {
            return null;
        }
        Timeouts t = directory.timeouts(m);
        return CliContext.object().put("connectMs", t.connect().toMillis()).put("firstTokenMs", t.firstToken().toMillis())
                .put("idleMs", t.idleGap().toMillis()).put("totalMs", t.total().toMillis())
                .put("defaults", t.equals(directory.defaultTimeouts(m)));
    }
}
