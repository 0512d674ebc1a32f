package dev.switchyard.ui.history;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file; the native dialog in the app, a fixed path in window tests. */
@FunctionalInterface
public interface SaveFileChooser {

    /** The chosen file, or null when the user cancelled. */
    Path choose(Window owner, String title, String suggestedName, String extension);

    /** The platform's save dialog. */
    static SaveFileChooser nativeDialog() {
        return (owner, title, suggestedName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT)
                    + " files", "*." + extension));
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }
}
