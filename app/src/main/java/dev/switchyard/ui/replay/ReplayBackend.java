package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayJob;
import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Replay;
import java.nio.file.Path;
import java.util.List;

/**
 * What the replay screen needs from the replay core, for one open workspace. Every method may block (SQLite,
 * routing decisions): view models call it through the TaskRunner only.
 */
public interface ReplayBackend {

    /** A policy version the user can replay. */
    record PolicyChoice(long versionId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A stored replay for the "reopen" list. */
    record ReplayRow(Replay replay, String policyLabel, String datasetName) {
        @Override
        public String toString() {
            return "#" + replay.id() + " · " + policyLabel + " on " + datasetName + " · " + replay.status().code()
                    .toLowerCase(java.util.Locale.ROOT);
        }
    }

    List<Dataset> datasets();

    /** How many items each dataset holds, by dataset id. */
    java.util.Map<Long, Long> itemCounts();

    DatasetService.Imported importFile(Path file);

    DatasetService.Imported fromHistory(String name);

    DatasetService.Imported fromComparison(String name, long comparisonId);

    List<DatasetItem> items(long datasetId);

    DatasetItem updateItem(DatasetItem item);

    List<PolicyChoice> policies();

    /** Decides every item and estimates the calls; nothing is called yet. */
    Prepared prepare(long policyVersionId, long datasetId, Sourcing sourcing);

    /** Prepares the rest of an interrupted or cancelled replay. */
    Prepared prepareResume(long replayId);

    /**
     * The models the prepared replay calls live that cannot run now, why, their planned calls and what fixes it
     * (Compare's picker's words). May ask the OS keyring.
     */
    default List<dev.switchyard.app.replay.ReplayService.Blocked> blocked(Prepared prepared) {
        return List.of();
    }

    /** Starts (the job runs on its own threads; its listener is called on them). */
    ReplayJob start(Prepared prepared, boolean confirmed, ReplayListener listener);

    /**
     * As above; {@code blocked} (what {@link #blocked} said of it, the user's warning) is kept with the replay, so its
     * JSON export says which models could not run when it started.
     */
    default ReplayJob start(Prepared prepared, List<dev.switchyard.app.replay.ReplayService.Blocked> blocked,
                            boolean confirmed, ReplayListener listener) {
        return start(prepared, confirmed, listener);
    }

    List<ReplayRow> replays();

    ReplayResult open(long replayId);

    /** The error sentence each of these stored runs ended with, by run id (runs without one are left out). */
    default java.util.Map<Long, String> runErrors(java.util.Collection<Long> runIds) {
        return java.util.Map.of();
    }

    /** Writes the replay as CSV, JSON or the self-contained HTML report. */
    void export(ReplayResult result, ExportFormat format, Path file);

    /** Export formats. */
    enum ExportFormat {
        CSV("csv"), JSON("json"), HTML("html");

        private final String extension;

        ExportFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }
}
