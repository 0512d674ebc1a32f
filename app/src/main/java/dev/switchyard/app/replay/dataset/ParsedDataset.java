package dev.switchyard.app.replay.dataset;

import dev.switchyard.workspace.model.DatasetItem;
import java.util.List;

/** What a file held: the good items in file order and the rows that were left out. */
public record ParsedDataset(List<DatasetItem> items, List<ImportProblem> problems) {
    public ParsedDataset {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
