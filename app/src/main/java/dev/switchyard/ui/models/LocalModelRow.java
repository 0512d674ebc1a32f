package dev.switchyard.ui.models;

import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.Locale;

/**
 * A row of the Local models tab: a local model and what is on disk for it ({@code files} is null for the embedded
 * intent model, which has no files of its own).
 */
public record LocalModelRow(Model model, LocalModelManager.LocalFiles files) {

    public String kindText() {
        return new ModelRow(model, null).kindText();
    }

    public String contextText() {
        return new ModelRow(model, null).contextText();
    }

    /** "Built in", "Ready" or "Files missing" (moved or deleted outside Switchyard). */
    public String statusText() {
        if (files == null) {
            return "Built in";
        }
        return files.present() ? "Ready" : "Files missing";
    }

    /** "870 MB, downloaded" or "12 MB in /path/to/folder" (imported), or where the missing files were expected. */
    public String filesText() {
        if (files == null) {
            return "";
        }
        if (!files.present()) {
            return "expected in " + files.folder();
        }
        return files.downloaded() ? sizeText() + ", downloaded" : sizeText() + " in " + files.folder();
    }

    /** "870 MB": the size of the model's files ("" for the intent model). */
    public String sizeText() {
        return files == null ? "" : megabytes(files.bytes());
    }

    /** "870 MB", "0.5 MB" below one megabyte. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes < 1_000_000 ? "%.1f MB" : "%,.0f MB", bytes / 1e6);
    }

    /** Local generative models can be removed here (intent models belong to their intent sets). */
    public boolean removable() {
        return model.kind() == ModelKind.LOCAL_GENERATIVE;
    }
}
