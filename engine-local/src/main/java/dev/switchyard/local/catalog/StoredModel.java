package dev.switchyard.local.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A model registered in the {@link ModelStore}.
 *
 * @param id          store id (slug, unique in the store)
 * @param displayName name for the UI
 * @param folder      absolute path of the model folder
 * @param managed     true when the store owns the files (downloaded or copied into the store);
 *                    false when registered in place (delete only unregisters)
 * @param layout      onnx-community or genai
 * @param onnxFiles   relative paths of the graphs found at validation
 * @param catalogId   catalog id when downloaded from the catalog, else null
 * @param precision   precision id when downloaded from the catalog, else null
 * @param added       registration time
 */
public record StoredModel(String id, String displayName, Path folder, boolean managed, String layout,
                          List<String> onnxFiles, String catalogId, String precision, Instant added) {

    public StoredModel {
        onnxFiles = List.copyOf(onnxFiles);
    }

    /** True while the folder still exists (an in-place folder may have been moved away by the user). */
    public boolean present() {
        return Files.isDirectory(folder);
    }
}
