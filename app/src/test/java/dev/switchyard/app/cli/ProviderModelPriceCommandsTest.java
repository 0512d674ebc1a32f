package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configure a provider from a preset, add a model, edit its price, and run it: the whole CLI path. */
class ProviderModelPriceCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-PLANTED-providers-000000000000");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private String ws;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ws = dir.resolve("p.switchyard").toString();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode ok(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(ENV, args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
        return List.of(args).contains("--json") ? JSON.readTree(r.out()) : JSON.createObjectNode();
    }

    @Test
    void presetProviderModelWithShippedPriceThenAUserPriceThatWins() throws Exception {
        assertThat(ok("providers", "presets", "--json").path("presets").findValuesAsText("id"))
                .contains("openai", "xroute", "openrouter", "groq", "together", "mistral", "deepseek", "gemini",
                        "ollama", "lmstudio", "vllm", "anthropic", "custom");

        JsonNode provider = ok("providers", "add", "-w", ws, "--preset", "openai", "--name", "Work OpenAI",
                "--base-url", server.url("/v1").toString(), "--json").path("provider");
        assertThat(provider.path("keyRef").asText()).isEqualTo("env:OPENAI_API_KEY");

        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o-mini");
        JsonNode history = ok("prices", "history", "-w", ws, "--model", "gpt-4o-mini", "--json").path("prices");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("source").asText()).startsWith("https://");

        ok("prices", "set", "-w", ws, "--model", "Work OpenAI/gpt-4o-mini", "--in", "1", "--out", "2");
        assertThat(ok("prices", "history", "-w", ws, "--model", "gpt-4o-mini", "--json").path("prices")).hasSize(2);
        JsonNode listed = ok("models", "list", "-w", ws, "--json").path("models").get(0);
        assertThat(listed.path("price").path("input").decimalValue()).isEqualByComparingTo("1");

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(RunCommandTest.openAiStream("gpt-4o-mini", List.of("ok"), 1000, 500)).build());
        JsonNode run = ok("run", "-w", ws, "--model", "gpt-4o-mini", "--prompt", "hi", "--json").path("runs").get(0);
        assertThat(run.path("cost_usd").asDouble()).isCloseTo((1000 * 1.0 + 500 * 2.0) / 1e6, within(1e-12));
        assertThat(run.path("price_source").asText()).contains("entered by the user");
    }

    /**
     * A cloud model with a price (every catalog model has one) cannot lose its row: removing it takes it out of the
     * lists of models to use and the roles, History keeps naming it, and adding it again brings it back.
     */
    @Test
    void aRemovedModelWithPricesLeavesTheListsAndComesBackWhenAddedAgain() throws Exception {
        ok("providers", "add", "-w", ws, "--preset", "openai", "--name", "Work OpenAI", "--base-url",
                server.url("/v1").toString());
        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o-mini");
        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o");
        String uid = mini(ok("models", "list", "-w", ws, "--json")).path("uid").asText();

        JsonNode removed = ok("models", "remove", "-w", ws, "gpt-4o-mini", "--json");
        assertThat(removed.path("removed").asText()).isEqualTo(uid);
        assertThat(removed.path("keptForHistory").asBoolean()).isTrue();
        assertThat(removed.path("message").asText()).isEqualTo("Removed Work OpenAI/gpt-4o-mini from the lists of models;"
                + " its runs and prices keep its row, so History still names it. To bring it back: switchyard models add"
                + " --provider 'Work OpenAI' --model gpt-4o-mini -w " + ws);
        JsonNode listed = ok("models", "list", "-w", ws, "--json");
        assertThat(mini(listed).path("removed").asBoolean()).as("listed, marked removed").isTrue();
        assertThat(CliRunner.run(ENV, "models", "list", "-w", ws).out())
                .contains("removed (its runs and prices keep it for History)");
        try (dev.switchyard.workspace.Workspace w = dev.switchyard.workspace.Workspace.open(Path.of(ws))) {
            var app = new dev.switchyard.app.AppContext(ENV::get, java.time.Clock.systemDefaultZone());
            var targets = new dev.switchyard.app.routing.TargetResolver(w, app.directory(w), java.time.Clock.systemDefaultZone());
            assertThat(targets.resolve("$cloud-cheap").apiModelId()).as("a role skips a removed model").isEqualTo("gpt-4o");
        }

        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o-mini");
        listed = ok("models", "list", "-w", ws, "--json");
        assertThat(mini(listed).path("uid").asText()).as("the same row, with its history").isEqualTo(uid);
        assertThat(mini(listed).path("removed").asBoolean()).isFalse();
        assertThat(ok("prices", "history", "-w", ws, "--model", "gpt-4o-mini", "--json").path("prices")).hasSize(1);
        CliRunner.Result again = CliRunner.run(ENV, "models", "add", "-w", ws, "--provider", "Work OpenAI", "--model",
                "gpt-4o-mini");
        assertThat(again.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(again.err()).contains("already has the model gpt-4o-mini");
    }

    /**
     * Removing a provider removes its models; one that a price keeps stays for History, and so does the provider, out
     * of the lists, until a provider of that name is added again (README decision 35).
     */
    @Test
    void aRemovedProviderWhoseModelsHavePricesLeavesTheListsAndComesBackWhenAddedAgain() throws Exception {
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Bare", "--base-url", server.url("/v1").toString(),
                "--no-key");
        JsonNode bare = ok("providers", "remove", "-w", ws, "bare", "--json");
        assertThat(bare.path("providerDeleted").asBoolean()).as("nothing refers to it").isTrue();
        assertThat(bare.path("message").asText()).isEqualTo("Removed provider Bare.");

        ok("providers", "add", "-w", ws, "--preset", "openai", "--name", "Work OpenAI", "--base-url",
                server.url("/v1").toString());
        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o-mini");
        String uid = work(ok("providers", "list", "-w", ws, "--json")).path("uid").asText();

        JsonNode removed = ok("providers", "remove", "-w", ws, "Work OpenAI", "--json");
        assertThat(removed.path("removed").asText()).isEqualTo(uid);
        assertThat(removed.path("providerDeleted").asBoolean()).isFalse();
        assertThat(removed.path("modelsKeptForHistory").asInt()).as("its shipped price keeps it").isEqualTo(1);
        assertThat(removed.path("message").asText()).isEqualTo("Removed provider Work OpenAI from the lists; 1 model of it"
                + " stays for the runs and prices that refer to it, so History still names it. To bring it back:"
                + " switchyard providers add --preset openai --name 'Work OpenAI' --base-url " + server.url("/v1")
                + " -w " + ws);
        assertThat(work(ok("providers", "list", "-w", ws, "--json")).path("removed").asBoolean()).as("listed, marked removed")
                .isTrue();
        assertThat(CliRunner.run(ENV, "providers", "list", "-w", ws).out()).contains("removed (kept for History)");
        assertThat(mini(ok("models", "list", "-w", ws, "--json")).path("removed").asBoolean()).isTrue();

        JsonNode back = ok("providers", "add", "-w", ws, "--preset", "openai", "--name", "work openai", "--base-url",
                server.url("/v2").toString(), "--json");
        assertThat(back.path("restored").asBoolean()).isTrue();
        assertThat(back.path("provider").path("uid").asText()).as("the same row").isEqualTo(uid);
        assertThat(back.path("provider").path("name").asText()).isEqualTo("Work OpenAI");
        assertThat(back.path("provider").path("baseUrl").asText()).as("as now described").isEqualTo(server.url("/v2").toString());
        assertThat(work(ok("providers", "list", "-w", ws, "--json")).path("removed").asBoolean()).isFalse();
        assertThat(mini(ok("models", "list", "-w", ws, "--json")).path("removed").asBoolean())
                .as("its models stay removed until added").isTrue();

        ok("providers", "remove", "-w", ws, "Work OpenAI");
        ok("models", "add", "-w", ws, "--provider", "Work OpenAI", "--model", "gpt-4o-mini");
        assertThat(work(ok("providers", "list", "-w", ws, "--json")).path("removed").asBoolean())
                .as("adding a model to it brings it back").isFalse();
        assertThat(mini(ok("models", "list", "-w", ws, "--json")).path("removed").asBoolean()).isFalse();

        CliRunner.Result unknown = CliRunner.run(ENV, "providers", "remove", "-w", ws, "nobody");
        assertThat(unknown.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err()).contains("No provider 'nobody'");
        CliRunner.Result device = CliRunner.run(ENV, "providers", "remove", "-w", ws, "This device");
        assertThat(device.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(device.err()).contains("remove them one by one with 'switchyard models remove <model>'");
    }

    private static JsonNode work(JsonNode list) {
        JsonNode found = null;
        for (JsonNode p : list.path("providers")) {
            if (p.path("name").asText().equals("Work OpenAI")) {
                assertThat(found).as("one Work OpenAI in " + list).isNull();
                found = p;
            }
        }
        assertThat(found).as("Work OpenAI in " + list).isNotNull();
        return found;
    }

    private static JsonNode mini(JsonNode list) {
        for (JsonNode m : list.path("models")) {
            if (m.path("apiModelId").asText().equals("gpt-4o-mini")) {
                return m;
            }
        }
        throw new AssertionError("no gpt-4o-mini in " + list);
    }

    @Test
    void listsTheEndpointsModels() throws Exception {
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Gateway", "--base-url",
                server.url("/v1").toString(), "--key-ref", "env:OPENAI_API_KEY");
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"openai\"},"
                        + "{\"id\":\"llama-3.1-8b\",\"object\":\"model\",\"owned_by\":\"meta\"}]}").build());

        JsonNode models = ok("providers", "models", "-w", ws, "Gateway", "--json").path("models");

        assertThat(models.findValuesAsText("id")).containsExactly("gpt-4o-mini", "llama-3.1-8b");
    }

    @Test
    void aKeyIsRefusedWhereAReferenceBelongs() {
        CliRunner.Result r = CliRunner.run(ENV, "providers", "add", "-w", ws, "--preset", "openai",
                "--key-ref", "sk-test-PLANTED-literal-key-000000000000");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain("sk-test-PLANTED");
    }

    @Test
    void aProvidersKeyIsSetFromStandardInputIntoTheKeyringMovedToAVariableAndRemoved() throws Exception {
        dev.switchyard.app.MemoryKeyring keyring = new dev.switchyard.app.MemoryKeyring();
        java.util.function.Supplier<dev.switchyard.cloud.secrets.SecretStore> store = keyring::store;
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Team Gateway", "--base-url",
                server.url("/v1").toString(), "--no-key");

        java.io.InputStream stdin = System.in;
        CliRunner.Result set;
        try {
            System.setIn(new java.io.ByteArrayInputStream("sk-test-PLANTED-stdin-000000000000\n".getBytes()));
            set = CliRunner.run(ENV, store, "providers", "set-key", "-w", ws, "Team Gateway", "--keyring", "--json");
        } finally {
            System.setIn(stdin);
        }
        assertThat(set.code()).as(set.err()).isZero();
        JsonNode done = JSON.readTree(set.out());
        assertThat(done.path("provider").path("keyRef").asText()).isEqualTo("keyring:switchyard/team-gateway");
        assertThat(done.path("message").asText()).isEqualTo("Stored the key of Team Gateway in the OS keyring.");
        assertThat(keyring.entries).containsEntry("Switchyard|switchyard/team-gateway", "sk-test-PLANTED-stdin-000000000000");
        assertThat(set.out() + set.err()).doesNotContain("sk-test-PLANTED");

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}").build());
        assertThat(CliRunner.run(ENV, store, "providers", "models", "-w", ws, "Team Gateway").code()).isZero();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-PLANTED-stdin-000000000000");

        CliRunner.Result moved = CliRunner.run(ENV, store, "providers", "set-key", "-w", ws, "Team Gateway",
                "--key-ref", "env:OPENAI_API_KEY", "--json");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(JSON.readTree(moved.out()).path("provider").path("keyRef").asText()).isEqualTo("env:OPENAI_API_KEY");
        assertThat(keyring.entries).as("the replaced key Switchyard stored is deleted").isEmpty();

        CliRunner.Result removed = CliRunner.run(ENV, store, "providers", "remove-key", "-w", ws, "Team Gateway", "--json");
        assertThat(removed.code()).as(removed.err()).isZero();
        JsonNode gone = JSON.readTree(removed.out());
        assertThat(gone.path("provider").path("keyRef").asText()).as("it still needs a key").isEqualTo("session:none");
        assertThat(gone.path("message").asText())
                .isEqualTo("Team Gateway no longer reads its key from the environment variable OPENAI_API_KEY (which itself is unchanged).");

        int asked = server.getRequestCount();
        CliRunner.Result listed = CliRunner.run(ENV, store, "providers", "models", "-w", ws, "Team Gateway");
        assertThat(listed.code()).isEqualTo(ExitCodes.ENGINE);
        assertThat(listed.err()).contains("No API key is stored for Team Gateway.");
        assertThat(server.getRequestCount()).as("the server is not asked without a key").isEqualTo(asked);
        assertThat(CliRunner.run(ENV, store, "providers", "list", "-w", ws).out())
                .contains("no key (set one with set-key)");
        CliRunner.Result again = CliRunner.run(ENV, store, "providers", "remove-key", "-w", ws, "Team Gateway");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Team Gateway has no key now.");
    }

    @Test
    void theDevicesOwnProviderIsListedAsOnThisDevice() {
        assertThat(CliRunner.run(ENV, "models", "list", "-w", ws).code()).isZero(); // registers the intent models
        assertThat(CliRunner.run(ENV, "providers", "list", "-w", ws).out())
                .containsPattern("This device +local +on this device +no key needed").doesNotContain("null");
    }

    @Test
    void setKeyRefusesAKeyAsAnArgumentAndAnEmptyStandardInput() throws Exception {
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Gateway", "--base-url", "http://127.0.0.1:9/v1", "--no-key");
        CliRunner.Result literal = CliRunner.run(ENV, "providers", "set-key", "-w", ws, "Gateway",
                "--key-ref", "sk-test-PLANTED-literal-key-000000000000");
        assertThat(literal.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(literal.err()).contains("never the key itself").doesNotContain("sk-test-PLANTED");

        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            CliRunner.Result empty = CliRunner.run(ENV, "providers", "set-key", "-w", ws, "Gateway", "--keyring");
            assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(empty.err()).contains("No key on standard input");
        } finally {
            System.setIn(stdin);
        }
        assertThat(CliRunner.run(ENV, "providers", "set-key", "-w", ws, "Gateway").code()).as("where is required")
                .isEqualTo(ExitCodes.USAGE);
    }
}
