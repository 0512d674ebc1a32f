package dev.switchyard.app.models;

import dev.switchyard.app.engine.local.LocalModels;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.catalog.FileCheck;
import dev.switchyard.local.catalog.ModelFileIntegrity;
import dev.switchyard.local.onnx.ModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a local generative model's files are still as they were when it was imported or downloaded, in the words the
 * model picker, the Models screen and a refused run use (INTENT-AND-CATALOG.md §2.5 says what is checked when). Quick
 * unless asked: sizes and times, a hash only for a file whose time alone changed, and that once.
 *
 * @param state    how the files are
 * @param folder   the model folder
 * @param reason   what is wrong, naming the file ("Files changed since import: onnx/model.onnx is 12 MB, expected
 *                 1.1 GB."); null when OK
 * @param fix      what fixes it, with the Models screen's own actions; null when OK
 * @param problems the changed files (empty when OK or the folder is gone)
 * @param recorded the files were recorded at import or download (false: an older row, checked by presence only)
 * @param hashed   files this check read to hash them
 */
public record LocalModelHealth(State state, Path folder, String reason, String fix, List<FileCheck.Problem> problems,
                               boolean recorded, int hashed) {

    /** How a local model's files are. */
    public enum State {
        OK("Ready"), FOLDER_MISSING("Folder not found"), FILES_CHANGED("Files changed"),
        /** Its files are as recorded (or were never recorded), but the engine refused them at the last load. */
        LOAD_FAILED("Cannot load");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The Models screen's status column. */
        public String label() {
            return label;
        }
    }

    /** The fix of a catalog model's files: its download, done again. */
    static final String DOWNLOAD_AGAIN = "Download it again in Models → Local models.";

    public LocalModelHealth {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return state == State.OK;
    }

    /**
     * The quick check (every picker refresh, the Models screen, a run's start), with the last load the files made fail
     * ({@link LocalModels#loadFailure}) while they are as they were then.
     */
    public static LocalModelHealth check(LocalModels models, LocalModelSettings s) {
        return check(models, s, false);
    }

    /** {@code full}: every recorded file hashed again (the user asked: Models → Check files). */
    public static LocalModelHealth check(LocalModels models, LocalModelSettings s, boolean full) {
        LocalModelHealth h = check(models.integrity(), s, full);
        if (!h.ok()) {
            return h;
        }
        return models.loadFailure(s.path().toAbsolutePath().normalize(), s.variant())
                .map(f -> new LocalModelHealth(State.LOAD_FAILED, h.folder(), "Loading it failed: "
                        + f.message().replace(h.folder() + java.io.File.separator, ""),
                        s.catalogId() != null ? DOWNLOAD_AGAIN : "Import it again in Models → Local models once its "
                                + "files are complete, or remove it there.", List.of(), h.recorded(), h.hashed()))
                .orElse(h);
    }

    /** The files alone: {@link #check(LocalModels, LocalModelSettings, boolean)} without the last load's failure. */
    public static LocalModelHealth check(ModelFileIntegrity integrity, LocalModelSettings s, boolean full) {
        Path folder = s.path().toAbsolutePath().normalize();
        boolean downloaded = s.catalogId() != null;
        if (!Files.isDirectory(folder)) {
            return new LocalModelHealth(State.FOLDER_MISSING, folder, "Model folder not found: " + folder + ".",
                    downloaded ? DOWNLOAD_AGAIN : "Import it again from where the folder is now in Models → Local models, "
                            + "or remove it there.",
                    List.of(), s.recorded(), 0);
        }
        List<String> changes = new ArrayList<>();
        List<FileCheck.Problem> problems = List.of();
        int hashed = 0;
        if (s.recorded()) {
            FileCheck c = full ? integrity.verify(folder, s.files()) : integrity.check(folder, s.files());
            hashed = c.hashed();
            problems = c.problems();
            problems.forEach(p -> changes.add(describe(p)));
        } else {
            changes.addAll(unrecordedProblems(folder, s.variant()));
        }
        if (changes.isEmpty()) {
            return new LocalModelHealth(State.OK, folder, null, null, List.of(), s.recorded(), hashed);
        }
        String listed = changes.size() <= 3 ? String.join("; ", changes)
                : String.join("; ", changes.subList(0, 2)) + "; and " + (changes.size() - 2) + " more files";
        return new LocalModelHealth(State.FILES_CHANGED, folder,
                "Files changed since " + (downloaded ? "download" : "import") + ": " + listed + ".",
                downloaded ? DOWNLOAD_AGAIN : "Import it again in Models → Local models once its files are complete, "
                        + "or remove it there.",
                problems, s.recorded(), hashed);
    }

    /** "onnx/model.onnx is 12 MB, expected 1.1 GB", "tokenizer.json is missing", "… was overwritten (same size)". */
    static String describe(FileCheck.Problem p) {
        return switch (p.change()) {
            case MISSING -> p.path() + " is missing";
            case SIZE_CHANGED -> p.path() + " is " + sizes(p.actualSize(), p.expectedSize());
            case CONTENT_CHANGED -> p.path() + " was overwritten (same size, other content)";
        };
    }

    /** "12 MB, expected 1.1 GB"; exact bytes when both would read alike ("516,100 bytes, expected 516,239"). */
    static String sizes(long actual, long expected) {
        String a = size(actual);
        String e = size(expected);
        if (a.equals(e)) {
            return String.format(Locale.ROOT, "%,d bytes, expected %,d", actual, expected);
        }
        return a + ", expected " + e;
    }

    /** "0 bytes", "820 bytes", "516 KB", "12 MB", "1.1 GB" (decimal units, as file managers and the hub show them). */
    public static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, bytes < 10_000_000 ? "%.1f MB" : "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /**
     * A row registered before files were recorded: the ONNX file that runs and tokenizer.json exist, and the ONNX
     * file's first bytes can start an ONNX model.
     */
    private static List<String> unrecordedProblems(Path folder, String variant) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            out.add("tokenizer.json is missing");
        }
        Path onnx = null;
        if (variant != null) {
            Path inOnnx = folder.resolve("onnx").resolve(variant);
            onnx = Files.isRegularFile(inOnnx) ? inOnnx : folder.resolve(variant);
            if (!Files.isRegularFile(onnx)) {
                out.add("onnx/" + variant + " is missing");
                onnx = null;
            }
        } else if (out.isEmpty()) {
            try {
                onnx = ModelFolder.resolve(folder, null).modelFile();
            } catch (LocalEngineException e) {
                out.add("no ONNX model file is left in it");
            }
        }
        if (onnx != null) {
            String why = ModelFolder.notOnnxReason(onnx);
            if (why != null) {
                out.add(folder.relativize(onnx).toString().replace('\\', '/') + " " + why);
            }
        }
        return out;
    }
}
