package dev.switchyard.app.replay.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.Vote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Datasets for the UI and the CLI: import a file, build one from history or a comparison, edit items. */
public final class DatasetService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Workspace workspace;

    public DatasetService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A dataset with what it holds. */
    public record Imported(Dataset dataset, int added, List<ImportProblem> problems) {
    }

    /**
     * Imports a CSV or JSONL file as a new dataset: good rows are kept, bad rows reported with their line.
     * Nothing is stored when no row is usable.
     */
    public Imported importFile(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, dev.switchyard.app.ReadProblem.sentence(file, e));
        }
        DatasetParser.Format format;
        try {
            format = DatasetParser.Format.forFile(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Cannot import " + file + ": " + e.getMessage());
        }
        ParsedDataset parsed = DatasetParser.parse(text, format);
        if (parsed.items().isEmpty()) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "No usable row in " + file
                    + (parsed.problems().isEmpty() ? "" : " (" + parsed.problems().get(0) + ")"));
        }
        String datasetName = name == null || name.isBlank() ? stem(file) : name;
        Dataset d = workspace.datasets().create(datasetName, "Imported from " + file.getFileName());
        workspace.datasets().addItems(d.id(), parsed.items());
        return new Imported(d, parsed.items().size(), parsed.problems());
    }

    /** A dataset of the distinct prompts of the runs a history query finds (all pages), newest first. */
    public Imported fromHistory(String name, RunQuery query, boolean answerAsReference) {
        Map<String, DatasetItem> byPrompt = new LinkedHashMap<>();
        int offset = query.offset();
        while (true) {
            Page<Run> page = workspace.runs().page(query.page(offset, query.limit()));
            for (Run r : page.items()) {
                if (!r.promptText().isBlank()) {
                    byPrompt.putIfAbsent(r.promptText(), DatasetItem.of(r.promptText(), null, "{}",
                            answerAsReference && !r.outputText().isBlank() ? r.outputText() : null,
                            tags("source:history", answerAsReference ? "grader:embedding" : null)));
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || !page.hasMore()) {
                break;
            }
        }
        return store(name, "From history", new ArrayList<>(byPrompt.values()));
    }

    /**
     * A one-item dataset from a comparison's prompt (system, user and variables of its prompt version, else its
     * first run's prompt); the answer that won its blind vote, when there is one, becomes the reference.
     */
    public Imported fromComparison(String name, long comparisonId) {
        Comparison c = workspace.comparisons().get(comparisonId).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no comparison " + comparisonId + " in this workspace."));
        List<Run> runs = workspace.runs().byComparison(comparisonId);
        Optional<PromptVersion> pv = Optional.ofNullable(c.promptVersionId()).flatMap(workspace.prompts()::getVersion);
        String reference = workspace.comparisons().votes(comparisonId).stream().map(Vote::winnerRunId)
                .filter(java.util.Objects::nonNull).findFirst()
                .flatMap(id -> runs.stream().filter(r -> r.id() == id).findFirst()).map(Run::outputText).orElse(null);
        DatasetItem item;
        if (pv.isPresent()) {
            item = DatasetItem.of(pv.get().user(), pv.get().system(), pv.get().variablesJson(), reference,
                    tags("source:comparison", reference == null ? null : "grader:embedding"));
        } else if (!runs.isEmpty()) {
            item = DatasetItem.of(runs.get(0).promptText(), null, "{}", reference,
                    tags("source:comparison", reference == null ? null : "grader:embedding"));
        } else {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Comparison " + comparisonId + " has no prompt.");
        }
        return store(name, "From comparison " + comparisonId, List.of(item));
    }

    public List<DatasetItem> items(long datasetId) {
        return workspace.datasets().items(datasetId);
    }

    /** Appends one item to a dataset. */
    public DatasetItem addItem(long datasetId, DatasetItem item) {
        return workspace.datasets().addItems(datasetId, List.of(item)).get(0);
    }

    /** Changes an item's prompt, system, variables, reference or tags. */
    public DatasetItem updateItem(DatasetItem item) {
        return workspace.datasets().updateItem(item);
    }

    /** Removes an item (refused when a stored replay used it). */
    public void deleteItem(long itemId) {
        workspace.datasets().deleteItem(itemId);
    }

    /** A dataset by numeric id or name (the newest of that name). */
    public Dataset find(String idOrName) {
        Optional<Dataset> d = idOrName.matches("\\d+") ? workspace.datasets().get(Long.parseLong(idOrName))
                : Optional.empty();
        return d.or(() -> workspace.datasets().findByName(idOrName)).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no dataset \"" + idOrName + "\" in this workspace."));
    }

    private Imported store(String name, String description, List<DatasetItem> items) {
        if (items.isEmpty()) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "No prompt found to make a dataset from.");
        }
        Dataset d = workspace.datasets().create(name, description);
        workspace.datasets().addItems(d.id(), items);
        return new Imported(d, items.size(), List.of());
    }

    private static String tags(String... tags) {
        var arr = JSON.createArrayNode();
        for (String t : tags) {
            if (t != null) {
                arr.add(t);
            }
        }
        return arr.toString();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
