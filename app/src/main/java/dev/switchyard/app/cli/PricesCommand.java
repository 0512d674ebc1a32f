package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchyard prices history|set}: price rows are history; a new row supersedes, nothing is overwritten. */
@Command(name = "prices", mixinStandardHelpOptions = true, description = "Show and edit model prices (history kept).",
        subcommands = {PricesCommand.History.class, PricesCommand.Set.class})
final class PricesCommand {

    private PricesCommand() {
    }

    /** Options every prices sub-command shares. */
    abstract static class Base extends AppCommand {
        @Option(names = "--model", required = true, paramLabel = "<id>")
        String model;

        Model resolve(ModelDirectory directory) {
            return directory.resolve(model);
        }
    }

    @Command(name = "history", description = "Every price row of a model, newest first; the first one dated today or earlier is in force.")
    static final class History extends Base {
        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                Model m = resolve(app().directory(ws));
                List<PriceRow> rows = ws.prices().history(m.id());
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", true);
                    ArrayNode array = node.putArray("prices");
                    rows.forEach(r -> array.add(json(r)));
                    CliContext.printJson(spec, node);
                } else {
                    PrintWriter out = CliContext.out(spec);
                    rows.forEach(r -> out.printf("%s  in %s  cached %s  out %s %s per 1M  (%s)%n", r.asOf(),
                            r.inputPerMTok().toPlainString(), r.cachedInputPerMTok() == null ? "–" : r.cachedInputPerMTok().toPlainString(),
                            r.outputPerMTok().toPlainString(), r.currency(), r.source()));
                    if (rows.isEmpty()) {
                        out.println("No price: runs of this model show \"no price\". Add one with 'switchyard prices set'.");
                    }
                    out.flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", description = "Add a price row dated today (USD per 1M tokens); older rows stay as history.")
    static final class Set extends Base {
        @Option(names = "--in", required = true, paramLabel = "X")
        BigDecimal in;
        @Option(names = "--cached", paramLabel = "X", description = "Cached input price (default: billed as input).")
        BigDecimal cached;
        @Option(names = "--out", required = true, paramLabel = "X")
        BigDecimal out;
        @Option(names = "--source", paramLabel = "<text>", defaultValue = "entered by the user")
        String source;

        @Override
        public Integer call() {
            if (in.signum() < 0 || out.signum() < 0 || (cached != null && cached.signum() < 0)) {
                throw new CliException(ExitCodes.USAGE, "Prices cannot be negative.");
            }
            try (Workspace ws = workspace.open()) {
                ModelDirectory directory = app().directory(ws);
                PriceRow row = directory.recordPrice(resolve(directory), in, cached, out, source);
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("price", json(row)));
                } else {
                    CliContext.out(spec).printf("Price in force from %s: in %s, out %s per 1M tokens.%n", row.asOf(),
                            row.inputPerMTok().toPlainString(), row.outputPerMTok().toPlainString());
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    static ObjectNode json(PriceRow r) {
        return CliContext.object().put("uid", r.uid()).put("input", r.inputPerMTok()).put("cachedInput", r.cachedInputPerMTok())
                .put("output", r.outputPerMTok()).put("currency", r.currency()).put("source", r.source())
                .put("asOf", r.asOf().toString());
    }
}
