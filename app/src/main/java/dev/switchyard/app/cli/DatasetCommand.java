package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.app.replay.dataset.ImportProblem;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchyard dataset import|list|show}: prompt sets to replay policies over. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Import, list and show datasets.",
        subcommands = {DatasetCommand.Import.class, DatasetCommand.ListDatasets.class, DatasetCommand.Show.class})
final class DatasetCommand {

    private DatasetCommand() {
    }

    /** Options every dataset sub-command shares. */
    abstract static class Base extends AppCommand {

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                return run(ws, new DatasetService(ws), CliContext.out(spec));
            } catch (ReplayException e) {
                throw ReplayErrors.cli(e);
            }
        }

        abstract int run(Workspace ws, DatasetService datasets, PrintWriter out);
    }

    @Command(name = "import", description = "Import a CSV or JSONL file (field mapping in REPLAY.md); bad rows are"
            + " reported with their line and left out.")
    static final class Import extends Base {
        @Parameters(paramLabel = "<file>")
        Path file;
        @Option(names = "--name", paramLabel = "N", description = "Dataset name (default: the file name).")
        String name;

        @Override
        int run(Workspace ws, DatasetService datasets, PrintWriter out) {
            DatasetService.Imported r = datasets.importFile(file, name);
            if (json) {
                ObjectNode n = CliContext.object().put("ok", true);
                n.set("dataset", json(r.dataset(), r.added()));
                ArrayNode p = n.putArray("problems");
                r.problems().forEach(x -> p.addObject().put("line", x.line()).put("message", x.message()));
                CliContext.printJson(spec, n);
            } else {
                out.printf("Imported %d %s into dataset %d \"%s\".%n", r.added(), r.added() == 1 ? "item" : "items",
                        r.dataset().id(), r.dataset().name());
                PrintWriter err = CliContext.err(spec);
                for (ImportProblem x : r.problems()) {
                    err.println("Skipped " + x);
                }
                err.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Datasets with their item counts.")
    static final class ListDatasets extends Base {
        @Override
        int run(Workspace ws, DatasetService datasets, PrintWriter out) {
            ArrayNode arr = CliContext.JSON.createArrayNode();
            for (Dataset d : ws.datasets().list()) {
                long n = ws.datasets().itemCount(d.id());
                arr.add(json(d, n));
                if (!json) {
                    out.printf("%5d  %-32s %6d items  %s%n", d.id(), d.name(), n, d.description() == null ? ""
                            : d.description());
                }
            }
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).set("datasets", arr));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "The items of a dataset.")
    static final class Show extends Base {
        @Parameters(paramLabel = "<id|name>")
        String dataset;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Items to print (default 50).")
        int limit;

        @Override
        int run(Workspace ws, DatasetService datasets, PrintWriter out) {
            Dataset d = datasets.find(dataset);
            List<DatasetItem> items = datasets.items(d.id());
            ArrayNode arr = CliContext.JSON.createArrayNode();
            if (!json) {
                out.printf("Dataset %d \"%s\": %d %s%s%n", d.id(), d.name(), items.size(),
                        items.size() == 1 ? "item" : "items",
                        items.size() > limit ? " (the first " + limit + " below; --limit N for more)" : "");
            }
            for (DatasetItem i : items.subList(0, Math.min(limit, items.size()))) {
                GraderSpec g = GraderSpec.fromTags(i.tagsJson(), i.referenceAnswer());
                ObjectNode n = arr.addObject().put("id", i.id()).put("position", i.position()).put("prompt", i.prompt())
                        .put("system", i.system()).put("reference", i.referenceAnswer()).put("grader", g.kind().code())
                        .put("category", g.category());
                n.set("tags", CliJson.parse(i.tagsJson()));
                n.set("variables", CliJson.parse(i.variablesJson()));
                if (!json) {
                    out.printf("%4d  %-12s %-9s %s%n", i.position() + 1, g.category() == null ? "" : g.category(),
                            g.kind().code(), oneLine(i.prompt()));
                }
            }
            if (json) {
                ObjectNode n = CliContext.object().put("ok", true);
                n.set("dataset", json(d, items.size()));
                n.set("items", arr);
                CliContext.printJson(spec, n);
            }
            return ExitCodes.OK;
        }
    }

    static ObjectNode json(Dataset d, long items) {
        return CliContext.object().put("id", d.id()).put("uid", d.uid()).put("name", d.name())
                .put("description", d.description()).put("items", items);
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 90 ? t.substring(0, 89) + "…" : t;
    }
}
