package dev.switchyard.ui.replay;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers of the replay screen (a test answers them without a native dialog). */
public interface FileDialogs {

    /** A CSV or JSONL file to import, or null. */
    Path openDataset(Window owner);

    /** Where to write an export, or null. */
    Path saveExport(Window owner, ReplayBackend.ExportFormat format, String suggestedName);

    /** The platform file choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Path openDataset(Window owner) {
                FileChooser c = new FileChooser();
                c.setTitle("Import a dataset");
                c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or JSONL", "*.csv", "*.jsonl",
                        "*.ndjson"), new FileChooser.ExtensionFilter("All files", "*.*"));
                File f = c.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path saveExport(Window owner, ReplayBackend.ExportFormat format, String suggestedName) {
                FileChooser c = new FileChooser();
                c.setTitle("Export replay as " + format.name());
                c.setInitialFileName(suggestedName + "." + format.extension());
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
                File f = c.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }
}
