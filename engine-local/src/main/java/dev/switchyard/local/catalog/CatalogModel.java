package dev.switchyard.local.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recommended model of the catalog.
 *
 * @param id            stable id ({@code smollm2-135m-instruct})
 * @param displayName   name for the UI
 * @param family        architecture family ({@code llama}, {@code qwen2}, {@code phi3})
 * @param parameters    parameter count as text ("135M")
 * @param repo          Hugging Face repository ({@code owner/name})
 * @param baseUrl       {@code https://huggingface.co/<repo>/resolve/main/}; file paths are appended
 * @param license       licence id ({@code apache-2.0}, {@code mit}, {@code llama3.2})
 * @param contextLength maximum context in tokens
 * @param layout        local folder layout: {@code onnx-community} (onnx/model*.onnx + json files) or {@code genai}
 * @param chatTemplate  prompt format family ({@code chatml}, {@code llama3}, {@code phi3})
 * @param notes         what was and was not verified about this entry
 * @param commonFiles   files every precision needs (config.json, tokenizer.json …)
 * @param precisions    downloadable precisions, the recommended one first
 */
public record CatalogModel(String id, String displayName, String family, String parameters, String repo,
                           String baseUrl, String license, int contextLength, String layout, String chatTemplate,
                           String notes, List<CatalogFile> commonFiles, List<CatalogPrecision> precisions) {

    public CatalogModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl of " + id + " must end with '/'");
        }
        commonFiles = List.copyOf(commonFiles);
        precisions = List.copyOf(precisions);
        if (precisions.isEmpty()) {
            throw new IllegalArgumentException("model " + id + " lists no precisions");
        }
    }

    public Optional<CatalogPrecision> precision(String precisionId) {
        return precisions.stream().filter(p -> p.id().equals(precisionId)).findFirst();
    }

    /** The recommended precision (the first one marked so, else the first). */
    public CatalogPrecision recommendedPrecision() {
        return precisions.stream().filter(CatalogPrecision::recommended).findFirst().orElse(precisions.get(0));
    }

    /** All files to download for {@code precisionId}: the precision's files, then the common files. */
    public List<CatalogFile> filesFor(String precisionId) throws CatalogException {
        CatalogPrecision p = precision(precisionId).orElseThrow(() -> new CatalogException(
                CatalogException.Kind.UNKNOWN_PRECISION, precisionId,
                "Model " + displayName + " has no precision '" + precisionId + "'; choose one of "
                        + precisions.stream().map(CatalogPrecision::id).toList() + "."));
        List<CatalogFile> all = new ArrayList<>(p.files());
        all.addAll(commonFiles);
        return all;
    }
}
