package dev.switchyard.local;

import java.nio.file.Path;

/** Where models run: in this JVM or in a worker process. Internal seam behind {@link LocalEngine}; the app uses LocalEngine. */
public interface Backend extends AutoCloseable {
    ModelInfo validate(Path dir, LoadOptions options) throws LocalEngineException;

    ModelInfo load(String modelId, Path dir, LoadOptions options) throws LocalEngineException;

    GenerationHandle generate(GenerationRequest request, TokenListener listener);

    void unload(String modelId);

    @Override
    void close();
}
