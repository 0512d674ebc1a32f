package dev.switchyard.cloud.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.cloud.Usage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validates the shipped assets/cloud/*.json through the parsers the app uses. */
class CatalogAssetsTest {
    private static final Path DIR = Path.of("..", "assets", "cloud");
    private static CloudCatalog catalog;
    private static PriceTable prices;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream p = Files.newInputStream(DIR.resolve("providers.json"));
             InputStream m = Files.newInputStream(DIR.resolve("models.json"));
             InputStream pr = Files.newInputStream(DIR.resolve("prices.json"))) {
            catalog = CloudCatalog.load(p, m);
            prices = PriceTable.load(pr);
        }
    }

    @Test
    void everyRequiredPresetIsThere() {
        assertThat(catalog.providers()).extracting(ProviderPreset::id).containsExactly("openai", "xroute",
                "openrouter", "groq", "together", "mistral", "deepseek", "gemini", "ollama", "lmstudio", "vllm",
                "anthropic", "custom");
        assertThat(catalog.provider("xroute").orElseThrow().baseUrl()).isEqualTo("https://api.xroute.ai/openai/v1");
        assertThat(catalog.provider("ollama").orElseThrow().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(catalog.provider("anthropic").orElseThrow().api()).isEqualTo(ApiKind.ANTHROPIC);
        assertThat(catalog.provider("openai").orElseThrow().keyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(catalog.provider("ollama").orElseThrow().requiresKey()).isFalse();
        assertThat(catalog.provider("custom").orElseThrow().baseUrl()).isNull();
    }

    @Test
    void everyDefaultModelIsInTheModelCatalogForItsPreset() {
        for (ProviderPreset p : catalog.providers()) {
            for (String model : p.defaultModels()) {
                assertThat(catalog.modelsFor(p.id())).as(p.id() + " default " + model)
                        .anyMatch(m -> m.id().equals(model));
            }
        }
        assertThat(catalog.models()).extracting(CatalogModel::id).contains("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini",
                "o1-mini", "o3-mini", "claude-3-5-haiku-latest", "claude-sonnet-4-20250514", "llama-3.3-70b-versatile",
                "mixtral-8x7b-32768", "deepseek-chat", "deepseek-reasoner", "gemini-2.0-flash", "mistral-small-latest");
    }

    @Test
    void capabilitiesComeFromTheCatalog() {
        ModelCapabilities o1 = catalog.capabilitiesFor("openai", "o1-mini");
        assertThat(o1.reasoning()).isTrue();
        assertThat(o1.usesMaxCompletionTokens()).isTrue();
        assertThat(o1.supportsTemperature()).isFalse();
        assertThat(o1.supportsSystemPrompt()).isFalse();
        assertThat(o1.tokenizerEncoding()).isEqualTo("o200k_base");
        assertThat(catalog.timeoutsFor("openai", "o1-mini")).isEqualTo(Timeouts.REASONING);
        ModelCapabilities ds = catalog.capabilitiesFor("deepseek", "deepseek-reasoner");
        assertThat(ds.reasoning()).isTrue();
        assertThat(ds.usesMaxCompletionTokens()).isFalse();
        assertThat(catalog.capabilitiesFor("custom", "my-own-model")).isEqualTo(ModelCapabilities.defaults());
    }

    @Test
    void presetBuildsAnEndpoint() {
        EndpointConfig e = catalog.provider("openrouter").orElseThrow().endpoint("sk-or-test");
        assertThat(e.baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(e.extraHeaders()).containsEntry("X-Title", "Switchyard");
        EndpointConfig m = catalog.provider("mistral").orElseThrow().endpoint(null);
        assertThat(m.sendStreamOptions()).isFalse();
        assertThatThrownBy(() -> catalog.provider("custom").orElseThrow().endpoint("k"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(catalog.provider("custom").orElseThrow().endpoint("http://10.0.0.5:8080/v1/", null).baseUrl())
                .isEqualTo("http://10.0.0.5:8080/v1");
    }

    @Test
    void everyPriceRowIsSourcedDatedAndForAKnownPreset() {
        assertThat(prices.rows()).hasSizeGreaterThan(15);
        for (Price p : prices.rows()) {
            assertThat(catalog.provider(p.provider())).as(p.provider()).isPresent();
            assertThat(p.source()).as(p.model()).startsWith("https://");
            assertThat(p.asOf()).as(p.model()).matches("\\d{4}-\\d{2}(-\\d{2})?");
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.output()).isGreaterThan(0);
        }
        for (ProviderPreset preset : catalog.providers()) {
            if (preset.local() || preset.id().equals("xroute") || preset.id().equals("openrouter")) {
                continue;
            }
            for (String model : preset.defaultModels()) {
                assertThat(prices.find(preset.id(), model)).as("price of " + preset.id() + "/" + model).isPresent();
            }
        }
    }

    @Test
    void costFormulaAndDatedModelLookup() {
        Price mini = prices.find("openai", "gpt-4o-mini-2024-07-18").orElseThrow();
        assertThat(mini.model()).isEqualTo("gpt-4o-mini");
        // 1M input of which 200k cached, 100k output: 0.8 × 0.15 + 0.2 × 0.075 + 0.1 × 0.60
        double cost = mini.cost(new Usage(1_000_000, 200_000, 0, 100_000, 0, false));
        assertThat(cost).isCloseTo(0.12 + 0.015 + 0.06, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prices.find("openai", "no-such-model")).isEmpty();
        assertThat(prices.find("xroute", "gpt-4o-mini")).as("gateways are priced separately").isEmpty();
    }

    @Test
    void badFilesGiveReadableErrors() {
        assertThatThrownBy(() -> PriceTable.load(stream("{\"prices\":[{\"provider\":\"openai\",\"model\":\"x\"}]}")))
                .hasMessageContaining("prices.json entry 1").hasMessageContaining("input");
        assertThatThrownBy(() -> CloudCatalog.load(stream("{\"providers\":[{\"id\":\"a\",\"api\":\"SOAP\"}]}"),
                stream("{\"models\":[]}"))).hasMessageContaining("unknown api 'SOAP'");
        assertThatThrownBy(() -> CloudCatalog.load(stream("{\"providers\":[]}"),
                stream("{\"models\":[{\"id\":\"m\",\"providers\":[\"nope\"]}]}")))
                .hasMessageContaining("unknown provider 'nope'");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
