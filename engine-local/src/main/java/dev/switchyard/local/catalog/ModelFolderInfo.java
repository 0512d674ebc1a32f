package dev.switchyard.local.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * What the basic validation found in a model folder.
 *
 * @param folder    the folder
 * @param layout    {@code onnx-community} or {@code genai} (a genai_config.json is present)
 * @param onnxFiles relative paths of the .onnx graphs found (genai: the decoder file named by genai_config.json)
 * @param modelType {@code model_type} from config.json, or "" when absent
 */
public record ModelFolderInfo(Path folder, String layout, List<String> onnxFiles, String modelType) {

    public ModelFolderInfo {
        onnxFiles = List.copyOf(onnxFiles);
    }
}
