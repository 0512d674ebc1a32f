package dev.switchyard.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private static Path shipped() {
        Path p = Path.of("..", "assets", "models", "catalog.json");
        return Files.isRegularFile(p) ? p : Path.of("assets", "models", "catalog.json");
    }

    private static ModelCatalog parse(String json) throws CatalogException {
        return ModelCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedCatalogHasTheRecommendedModels() throws Exception {
        ModelCatalog catalog = ModelCatalog.load(shipped());
        assertThat(catalog.models()).extracting(CatalogModel::id).contains("smollm2-135m-instruct",
                "smollm2-360m-instruct", "qwen2.5-0.5b-instruct", "llama-3.2-1b-instruct", "phi-3.5-mini-instruct");
        for (CatalogModel m : catalog.models()) {
            assertThat(m.baseUrl()).isEqualTo("https://huggingface.co/" + m.repo() + "/resolve/main/");
            assertThat(m.license()).isNotBlank();
            assertThat(m.contextLength()).isPositive();
            for (CatalogPrecision p : m.precisions()) {
                assertThat(m.filesFor(p.id())).extracting(CatalogFile::target)
                        .contains("config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json")
                        .anyMatch(t -> t.endsWith(".onnx"));
                // checksums are either real SHA-256 digests or null ("not published") — never placeholders
                assertThat(m.filesFor(p.id())).allSatisfy(f -> {
                    if (f.sha256() == null) {
                        assertThat(f.checksumLabel()).isEqualTo("not published");
                    } else {
                        assertThat(f.sha256()).matches("[0-9a-f]{64}");
                    }
                });
            }
        }
        CatalogModel llama = catalog.require("llama-3.2-1b-instruct");
        assertThat(llama.filesFor("fp32")).extracting(CatalogFile::path).contains("onnx/model.onnx", "onnx/model.onnx_data");
        assertThat(catalog.require("smollm2-135m-instruct").recommendedPrecision().id()).isEqualTo("q4");
        assertThat(catalog.require("phi-3.5-mini-instruct").layout()).isEqualTo("genai");
    }

    @Test
    void unknownIdsAreTyped() throws Exception {
        ModelCatalog catalog = ModelCatalog.load(shipped());
        assertThatThrownBy(() -> catalog.require("gpt-5")).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNKNOWN_MODEL));
        assertThatThrownBy(() -> catalog.require("smollm2-135m-instruct").filesFor("int2"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNKNOWN_PRECISION);
                    assertThat(e.getMessage()).contains("int2").contains("q4");
                });
    }

    @Test
    void minimalEntryGetsTheDefaultBaseUrl() throws Exception {
        ModelCatalog c = parse("{\"models\":[{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[{\"id\":\"q4\","
                + "\"files\":[{\"path\":\"onnx/model_q4.onnx\",\"size\":12,\"sha256\":\"" + "AB".repeat(32) + "\"}]}]}]}");
        CatalogModel m = c.require("m");
        assertThat(m.baseUrl()).isEqualTo("https://huggingface.co/o/r/resolve/main/");
        CatalogFile f = m.filesFor("q4").get(0);
        assertThat(f.size()).isEqualTo(12);
        assertThat(f.sha256()).isEqualTo("ab".repeat(32));
        assertThat(f.target()).isEqualTo("onnx/model_q4.onnx");
    }

    @Test
    void invalidCatalogsAreRejectedWithTheReason() {
        assertBad("{\"models\": [", "not valid JSON");
        assertBad("[]", "JSON object");
        assertBad("{\"format\":\"x\",\"models\":[]}", "not a model catalog");
        assertBad("{\"version\":7,\"models\":[]}", "version 7");
        assertBad("{\"models\":[{\"repo\":\"o/r\",\"precisions\":[]}]}", "model #1", "\"id\"");
        assertBad("{\"models\":[{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[]}]}", "model 'm'", "precisions");
        assertBad("{\"models\":[{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[{\"id\":\"q4\",\"files\":"
                + "[{\"path\":\"../etc/passwd\"}]}]}]}", "relative path");
        assertBad("{\"models\":[{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[{\"id\":\"q4\",\"files\":"
                + "[{\"path\":\"a.onnx\",\"sha256\":\"1234\"}]}]}]}", "64 hex");
        assertBad("{\"models\":[{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[{\"id\":\"q4\",\"files\":"
                + "[{\"path\":\"a.onnx\",\"size\":\"big\"}]}]}]}", "whole number");
        String one = "{\"id\":\"m\",\"repo\":\"o/r\",\"precisions\":[{\"id\":\"q4\",\"files\":[{\"path\":\"a.onnx\"}]}]}";
        assertBad("{\"models\":[" + one + "," + one + "]}", "twice");
    }

    private static void assertBad(String json, String... parts) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.kind()).isEqualTo(CatalogException.Kind.INVALID_CATALOG);
            assertThat(e.getMessage()).contains(parts);
        });
    }
}
