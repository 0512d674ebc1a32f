package dev.switchyard.app.cli;

import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.results.ReplayDiff;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard replay compare <a> <b>}: two replays item by item. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two replays item by item.")
final class ReplayCompareCommand implements Callable<Integer> {

    @ParentCommand
    ReplayCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "<replay a>")
    long a;
    @Parameters(index = "1", paramLabel = "<replay b>")
    long b;
    @Option(names = "--json", description = "Print JSON (with every matched item).")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            ReplayService service = ReplayService.of(parent.root.context(), ws);
            ReplayDiff d = ReplayDiff.of(service.open(a), service.open(b));
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).set("compare", d.toJson(true)));
                return ExitCodes.OK;
            }
            PrintWriter out = CliContext.out(spec);
            out.printf(Locale.ROOT, "A: replay %d pass %s, %s per 1k; B: replay %d pass %s, %s per 1k%n", a,
                    Wording.pct(d.a().passRate()), Wording.costPer1k(d.a()), b, Wording.pct(d.b().passRate()),
                    Wording.costPer1k(d.b()));
            out.printf(Locale.ROOT, "%d matched items: both pass %d, only A passes %d, only B passes %d, both fail %d;"
                    + " route changed for %d. Unmatched: %d in A, %d in B.%n", d.rows().size(), d.bothPass(),
                    d.onlyAPasses(), d.onlyBPasses(), d.bothFail(), d.routeChanged(), d.onlyA(), d.onlyB());
            for (ReplayDiff.Row r : d.rows()) {
                if (r.routeChanged() || !java.util.Objects.equals(r.passA(), r.passB())) {
                    out.printf(Locale.ROOT, "  %s%n    A: %s %s  B: %s %s%n", DatasetCommand.oneLine(r.prompt()),
                            r.routeA(), mark(r.passA()), r.routeB(), mark(r.passB()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (ReplayException e) {
            throw ReplayErrors.cli(e);
        }
    }

    private static String mark(Boolean pass) {
        return pass == null ? "·" : pass ? "✓" : "✗";
    }
}
