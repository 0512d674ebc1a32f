package dev.switchyard.ui.models;

import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
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

    /** What fixes a local model whose files changed or went missing, with this screen's actions. */
    public enum Fix {
        /** Nothing to fix. */
        NONE,
        /** A catalog model: download it again (the files that differ are replaced). */
        DOWNLOAD_AGAIN,
        /** An imported folder that is there: validate and record it again (after its files were put back or replaced). */
        IMPORT_AGAIN,
        /** An imported folder that is gone: choose where it is now, imported again into the same row. */
        LOCATE_FOLDER
    }

    /**
     * "Built in", "Ready", "Folder not found" or "Files changed" (since it was imported or downloaded: truncated,
     * overwritten, deleted outside Switchyard).
     */
    public String statusText() {
        if (files == null) {
            return "Built in";
        }
        if (files.health() != null) {
            return files.health().state().label();
        }
        return files.present() ? "Ready" : "Folder not found";
    }

    /** True for a local generative model whose files are as recorded (and the built-in intent model). */
    public boolean ok() {
        return files == null || (files.health() != null ? files.health().ok() : files.present());
    }

    /** What is wrong with the files, naming them ("Files changed since import: onnx/model.onnx is 12 MB, …"); "" when OK. */
    public String problemText() {
        if (ok()) {
            return "";
        }
        return files.health() != null ? files.health().reason() : "Model folder not found: " + files.folder() + ".";
    }

    /** The action that fixes a damaged or missing model: download again (catalog), import again (imported). */
    public Fix fix() {
        if (ok() || !removable()) {
            return Fix.NONE;
        }
        String catalogId;
        try {
            catalogId = LocalModelSettings.of(model).catalogId();
        } catch (IllegalStateException unreadable) {
            catalogId = null; // its settings say nothing of a download: fixed as an imported folder
        }
        if (catalogId != null) {
            return Fix.DOWNLOAD_AGAIN;
        }
        return files.present() ? Fix.IMPORT_AGAIN : Fix.LOCATE_FOLDER;
    }

    /**
     * The mirror a catalog model was downloaded from ({@code models download --mirror}), which Download again fetches
     * from too; null for the hub or an imported model.
     */
    public String mirror() {
        return LocalModelManager.keptMirror(model, null);
    }

    /** "870 MB, downloaded" or "12 MB in /path/to/folder" (imported), or where the missing folder was expected. */
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

    /** "870 MB", "0.5 MB" below one megabyte, "12 KB" below 0.1 MB, "no bytes" for empty files (a damaged model). */
    static String megabytes(long bytes) {
        if (bytes <= 0) {
            return "no bytes";
        }
        if (bytes < 100_000) {
            return String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(bytes / 1e3)));
        }
        return String.format(Locale.ROOT, bytes < 1_000_000 ? "%.1f MB" : "%,.0f MB", bytes / 1e6);
    }

    /** Local generative models can be removed here (intent models belong to their intent sets). */
    public boolean removable() {
        return model.kind() == ModelKind.LOCAL_GENERATIVE;
    }
}
