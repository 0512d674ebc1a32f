package dev.switchyard.app.replay.engine;

import dev.switchyard.workspace.model.Run;

/** Cells from stored runs. */
final class CellFactory {

    private CellFactory() {
    }

    static Cell fromRun(Run r, Cell.Source source, Double confidence) {
        Long total = r.metrics().totalMs();
        return new Cell(r.modelId(), r.id(), source, r.status(), r.outputText(), r.cost().usd(), total,
                r.metrics().ttftMs(), r.metrics().outputTokens(), confidence, null);
    }
}
