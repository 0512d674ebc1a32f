package dev.switchyard.local.catalog;

/**
 * The deeper check of a model folder, supplied by the decoder engine (e.g. open each graph with ONNX
 * Runtime, check the input names, reject external-data locations outside the folder). Called by
 * {@link ModelStore} after the basic checks pass and before a model is registered; throw a
 * {@link CatalogException} of kind {@code INVALID_MODEL_FOLDER} to refuse the folder.
 */
@FunctionalInterface
public interface ModelFolderCheck {

    void check(ModelFolderInfo folder) throws CatalogException;

    /** No deeper check (basic validation only). */
    static ModelFolderCheck none() {
        return folder -> { };
    }
}
