package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.ModelStore;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsViewModelTest {

    static final String MODELS_JSON = "{\"object\":\"list\",\"data\":[{\"id\":\"tiny-2\",\"object\":\"model\",\"owned_by\":\"me\"},"
            + "{\"id\":\"tiny-1\",\"object\":\"model\",\"owned_by\":\"me\"}]}";

    /** The real vault (session store and keyring of the app context) with the keyring probe answered by the test. */
    static final class TestVault implements KeyVault {
        final SystemKeyVault real;
        final Status status;

        TestVault(AppContext ctx, Status status) {
            this.real = new SystemKeyVault(ctx);
            this.status = status;
        }

        @Override
        public Status probe() {
            return status;
        }

        @Override
        public String storeInKeyring(String name, String key) {
            return real.storeInKeyring(name, key); // the context's keyring: in memory, never the user's
        }

        @Override
        public String storeForSession(String name, String key, String reasonShown) {
            return real.storeForSession(name, key, reasonShown);
        }

        @Override
        public Provider effective(Provider p) {
            return real.effective(p);
        }

        @Override
        public KeyState locate(Provider p) {
            return real.locate(p);
        }

        @Override
        public void forget(String ref) {
            real.forget(ref);
        }
    }

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final dev.switchyard.app.MemoryKeyring keyring = new dev.switchyard.app.MemoryKeyring();
    private AppContext ctx;
    private Workspace ws;
    private ModelsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        ctx = new AppContext(Map.of("GW_KEY", "env-key-123")::get, Clock.systemDefaultZone(),
                dev.switchyard.local.LocalEngine::inWorker,
                keyring::store);
        ws = Workspace.open(dir.resolve("m.switchyard"));
        KeyVault vault = new TestVault(ctx, new KeyVault.Status(false, "No D-Bus session bus."));
        vm = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault, ctx.catalog().providers(),
                new FakeLocalModels(), Clock.systemDefaultZone());
        vm.setWorkspace(ws);
    }

    @AfterEach
    void tearDown() {
        ws.close();
        ctx.close();
        server.close();
    }

    private void fillCustom(String name, KeySource source) {
        fillCustomOn(vm, name, source);
    }

    @Test
    void addsACustomEndpointListsItsModelsAndAddsOne() throws Exception {
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.EMPTY);
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();

        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.VIEWING);
        assertThat(vm.selectedProviderProperty().get().name()).isEqualTo("Loopback");
        assertThat(vm.selectedProviderProperty().get().authRef()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Added Loopback. Test the connection to list its models.");

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.OK);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Connected: 2 models listed.");
        assertThat(vm.messageProperty().get()).as("the advice to test is done with").isEmpty();
        assertThat(vm.remoteModels()).extracting(ModelsViewModel.RemoteRow::id).containsExactly("tiny-1", "tiny-2");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/v1/models");

        vm.addRemoteModels(List.of(vm.remoteModels().get(0)));
        assertThat(vm.models()).extracting(r -> r.model().apiModelId()).containsExactly("tiny-1");
        assertThat(vm.models().get(0).priceText()).isEqualTo("no price");
        assertThat(vm.remoteModels().get(0).added()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Added 1 model to Loopback.");
    }

    @Test
    void aFailedConnectionShowsTheErrorSentence() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());

        vm.testConnection();

        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.FAILED);
        assertThat(vm.connectionTextProperty().get()).startsWith(CloudException.Kind.AUTHENTICATION.userMessage());
        assertThat(vm.remoteModels()).isEmpty();
    }

    /** Nothing listening at the base URL: the sentence, without a Java exception's name and text. */
    @Test
    void anEndpointWhereNothingListensSaysSoWithoutExceptionNames() throws Exception {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.close(); // the provider's base URL now has nothing listening

        vm.testConnection();

        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.FAILED);
        assertThat(vm.connectionTextProperty().get()).isEqualTo(CloudException.Kind.NETWORK.userMessage());
    }

    @Test
    void withoutAKeyringTheKeyIsKeptForThisRunOnlyAfterConsentAndNeverWrittenToTheWorkspace() throws Exception {
        fillCustom("Gateway", KeySource.KEYRING);
        assertThat(vm.form().keys().keyringProperty().get().keyringAvailable()).isFalse();
        vm.form().keys().keyProperty().set("sk-test-secret-123456789");
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).contains("The OS keyring is not available: No D-Bus session bus.");
        assertThat(vm.providers()).isEmpty();

        vm.form().keys().sourceProperty().set(KeySource.SESSION);
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).contains("Tick the box");
        assertThat(vm.providers()).isEmpty();

        vm.form().keys().sessionConsentProperty().set(true);
        vm.addProvider();
        Provider p = vm.selectedProviderProperty().get();
        assertThat(p.authRef()).isEqualTo("session:switchyard/gateway");
        assertThat(vm.form().keys().keyProperty().get()).isEmpty();

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.OK);
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret-123456789");

        ws.close();
        byte[] bytes = Files.readAllBytes(dir.resolve("m.switchyard"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("sk-test-secret");
        ws = Workspace.open(dir.resolve("m.switchyard"));
    }

    @Test
    void anEnvironmentVariableCanHoldTheKey() throws Exception {
        fillCustom("Env gateway", KeySource.ENVIRONMENT);
        vm.form().keys().envVarProperty().set("not valid!");
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).contains("Name the environment variable");

        vm.form().keys().envVarProperty().set("GW_KEY");
        vm.addProvider();
        assertThat(vm.selectedProviderProperty().get().authRef()).isEqualTo("env:GW_KEY");

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer env-key-123");
    }

    @Test
    void theFormRejectsBadUrlsAndDuplicateNamesAndPresetsFillTheFields() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        fillCustom("loopback", KeySource.NONE);
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).contains("exists already");

        fillCustom("Other", KeySource.NONE);
        vm.form().baseUrlProperty().set("ftp://x");
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).contains("must start with http");

        ProviderPreset openai = vm.form().presets().stream().filter(p -> p.id().equals("openai")).findFirst().orElseThrow();
        vm.form().presetProperty().set(openai);
        assertThat(vm.form().nameProperty().get()).isEqualTo("OpenAI");
        assertThat(vm.form().baseUrlProperty().get()).isEqualTo("https://api.openai.com/v1");
        assertThat(vm.form().keys().envVarProperty().get()).isEqualTo("OPENAI_API_KEY");
        assertThat(vm.form().keys().sourceProperty().get()).as("keyring unavailable → environment").isEqualTo(KeySource.ENVIRONMENT);
        vm.cancelAdd();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.VIEWING);
    }

    /** Adds the provider "Loopback", lists its two models and adds both; the second gets a price, which it returns. */
    private Model loopbackWithBothModelsTheSecondPriced() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.copyOf(vm.remoteModels()));
        Model priced = vm.models().get(1).model();
        ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(priced.id(), java.math.BigDecimal.ONE, null,
                java.math.BigDecimal.ONE, "test", java.time.LocalDate.of(2026, 1, 1)));
        return priced;
    }

    @Test
    void aCloudModelIsRemovedOrWithAPriceKeptForHistoryAndAddedBackFromTheEndpointsList() throws Exception {
        Model priced = loopbackWithBothModelsTheSecondPriced();

        vm.selectedModelProperty().set(vm.models().get(0));
        vm.removeSelectedModel();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed tiny-1.");
        assertThat(ws.models().find(priced.providerId(), "tiny-1")).as("nothing kept it").isEmpty();
        assertThat(vm.remoteModels().get(0).added()).isFalse();

        vm.selectedModelProperty().set(vm.models().get(0));
        vm.removeSelectedModel();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed tiny-2 from the lists of models; its runs and prices keep"
                + " it in History. Adding it again from the endpoint's models brings it back.");
        assertThat(vm.models()).isEmpty();
        assertThat(vm.selectedModelProperty().get()).isNull();
        assertThat(ws.models().get(priced.id())).get().matches(dev.switchyard.app.models.RemovedModels::isRemoved);
        assertThat(vm.remoteModels()).noneMatch(ModelsViewModel.RemoteRow::added);

        vm.addRemoteModels(List.of(vm.remoteModels().get(1)));
        assertThat(vm.models()).extracting(r -> r.model().id()).as("the same row, with its price").containsExactly(priced.id());
        assertThat(vm.models().get(0).priceText()).isNotEqualTo("no price");
    }

    @Test
    void aProviderIsRemovedWithItsModelsOrKeptOutOfTheListsForTheirHistoryAndComesBackWhenAddedAgain() throws Exception {
        fillCustom("Empty endpoint", KeySource.NONE);
        vm.addProvider();
        vm.removeSelectedProvider();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed Empty endpoint.");
        assertThat(ws.providers().list()).as("nothing kept it").isEmpty();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.EMPTY);

        Model priced = loopbackWithBothModelsTheSecondPriced();
        Provider loopback = vm.selectedProviderProperty().get();

        vm.removeSelectedProvider();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed Loopback from the lists; History keeps 1 model of it for"
                + " its runs and prices. Adding a provider named Loopback again brings it back.");
        assertThat(vm.providers()).as("out of the list").isEmpty();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.EMPTY);
        assertThat(ws.models().byProvider(loopback.id())).as("the priced model kept, the other deleted")
                .extracting(Model::id).containsExactly(priced.id());
        assertThat(ws.models().get(priced.id())).get().matches(dev.switchyard.app.models.RemovedModels::isRemoved);
        assertThat(dev.switchyard.app.models.RemovedProviders.isRemoved(ws, loopback)).isTrue();
        assertThat(dev.switchyard.app.models.RemovedProviders.inUse(ws)).isEmpty();

        ModelsViewModel fresh = withKeyring(false);
        assertThat(fresh.providers()).as("a screen opened later does not list it either").isEmpty();

        fillCustom("loopback", KeySource.NONE);
        vm.addProvider();
        assertThat(vm.providers()).extracting(Provider::uid).as("the same row back").containsExactly(loopback.uid());
        assertThat(vm.messageProperty().get()).isEqualTo("Added Loopback back; its models removed with it come back, with"
                + " their history, when added from the endpoint's list. Test the connection to list its models.");
        assertThat(vm.models()).as("its models stay removed until added").isEmpty();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.of(vm.remoteModels().get(1)));
        assertThat(vm.models()).extracting(r -> r.model().id()).as("with its price").containsExactly(priced.id());
    }

    @Test
    void pricesAreAddedAsNewRowsWithTheRowInForceShown() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.of(vm.remoteModels().get(1)));
        PriceEditor prices = vm.prices();
        assertThat(prices.summaryProperty().get()).isEqualTo(PriceEditor.PICK_A_MODEL);
        assertThat(prices.hasModelProperty().get()).isFalse();
        vm.selectedModelProperty().set(vm.models().get(0));
        assertThat(prices.summaryProperty().get()).startsWith("No price");
        assertThat(prices.hasModelProperty().get()).isTrue();
        assertThat(prices.titleProperty().get()).isEqualTo("Prices of " + vm.models().get(0).model().displayName()
                + " (USD per 1M tokens)");
        assertThat(prices.history()).isEmpty();

        prices.inputProperty().set("abc");
        prices.outputProperty().set("1.5");
        prices.save();
        assertThat(prices.errorProperty().get()).contains("'abc' is not a number");
        assertThat(prices.messageProperty().get()).isEmpty();

        prices.inputProperty().set("0.5");
        assertThat(prices.errorProperty().get()).as("cleared once fixed").isEmpty();
        prices.cachedProperty().set("0.075");
        prices.save();
        String today = java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ENGLISH)
                .format(java.time.LocalDate.now());
        assertThat(prices.messageProperty().get()).isEqualTo("Saved the price of tiny-2; it applies to runs from "
                + today + " on.");
        assertThat(prices.history()).hasSize(1);
        assertThat(prices.inForceIdProperty().get()).isEqualTo(prices.history().get(0).id());
        assertThat(prices.summaryProperty().get()).isEqualTo("In force since " + today
                + ": $0.50 in · $0.075 cached · $1.50 out per 1M (entered in Switchyard)");
        assertThat(vm.models().get(0).priceText()).isEqualTo("$0.50 in · $1.50 out");
        assertThat(prices.status(prices.history().get(0))).isEqualTo("in force");
        dev.switchyard.workspace.model.PriceRow r = prices.history().get(0);
        java.time.LocalDate later = java.time.LocalDate.now().plusDays(3);
        assertThat(prices.status(new dev.switchyard.workspace.model.PriceRow(r.id() + 1, null, r.modelId(),
                r.inputPerMTok(), null, r.outputPerMTok(), r.currency(), r.source(), later, null)))
                .isEqualTo("upcoming");
        assertThat(prices.status(new dev.switchyard.workspace.model.PriceRow(r.id() + 2, null, r.modelId(),
                r.inputPerMTok(), null, r.outputPerMTok(), r.currency(), r.source(), r.asOf().minusDays(30), null)))
                .isEqualTo("replaced");

        prices.outputProperty().set("-2");
        prices.save();
        assertThat(prices.errorProperty().get()).contains("cannot be negative");
    }

    /**
     * What the Models screen names before quitting or opening another workspace: a price, a device cost, a provider being
     * added and a key being set, each only once the user changed it (what a preset or the stored row filled in, the same
     * amount written another way, a saved or cancelled form are not).
     */
    @Test
    void typedAndNotSavedFieldsAreNamedAsUnsavedWork() {
        assertThat(vm.unsavedWork()).isNull();

        // a provider being added: the preset's own filling is not typing; a name or a key typed is
        vm.beginAdd();
        assertThat(vm.unsavedWork()).isNull();
        vm.form().presetProperty().set(vm.form().presets().stream().filter(p -> p.id().equals("openai")).findFirst().orElseThrow());
        assertThat(vm.unsavedWork()).as("a preset picked").isNull();
        vm.form().nameProperty().set("OpenAI team");
        assertThat(vm.unsavedWork()).isEqualTo("the new provider OpenAI team");
        vm.form().nameProperty().set("OpenAI");
        vm.form().keys().keyProperty().set("sk-typed");
        assertThat(vm.unsavedWork()).isEqualTo("the new provider OpenAI");
        vm.cancelAdd();
        assertThat(vm.unsavedWork()).as("cancelled").isNull();
        fillCustom("Loopback", KeySource.NONE);
        assertThat(vm.unsavedWork()).isEqualTo("the new provider Loopback");
        vm.addProvider();
        assertThat(vm.unsavedWork()).as("added").isNull();

        // a key being set: opening Set key… is not typing; a key pasted or another variable typed is
        vm.keys().begin();
        assertThat(vm.unsavedWork()).isNull();
        vm.keys().form().sourceProperty().set(KeySource.ENVIRONMENT);
        vm.keys().form().envVarProperty().set("LOOP_KEY");
        assertThat(vm.unsavedWork()).isEqualTo("the key of Loopback");
        vm.keys().cancel();
        assertThat(vm.unsavedWork()).isNull();

        // a price typed for the picked model
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.of(vm.remoteModels().get(1)));
        vm.selectedModelProperty().set(vm.models().get(0));
        assertThat(vm.unsavedWork()).isNull();
        vm.prices().inputProperty().set("0.5");
        assertThat(vm.unsavedWork()).isEqualTo("prices of tiny-2");
        vm.prices().outputProperty().set("1.5");
        vm.prices().save();
        assertThat(vm.unsavedWork()).as("saved").isNull();
        vm.prices().inputProperty().set("0.500"); // the same price written another way
        assertThat(vm.unsavedWork()).isNull();
        vm.prices().cachedProperty().set("0.1");
        vm.limits().textProperty(dev.switchyard.app.models.TimeLimits.Limit.CONNECT).set("5 s");
        assertThat(vm.unsavedWork()).isEqualTo("prices of tiny-2, time limits of tiny-2");
        vm.prices().cachedProperty().set("");
        vm.limits().textProperty(dev.switchyard.app.models.TimeLimits.Limit.CONNECT).set("10 s");

        // the device cost typed and not saved
        LocalModelsModel local = vm.local();
        local.deviceCostProperty().set("0.4");
        assertThat(vm.unsavedWork()).isEqualTo("the device cost per hour");
        local.deviceCostProperty().set("0.40");
        local.saveDeviceCost();
        assertThat(vm.unsavedWork()).as("saved as 0.4").isNull();
        local.deviceCostProperty().set("");
        assertThat(vm.unsavedWork()).isEqualTo("the device cost per hour");
    }

    @Test
    void deviceCostPerHourIsSavedInTheWorkspaceSettings() {
        LocalModelsModel local = vm.local();
        assertThat(local.deviceCostProperty().get()).isEqualTo("0");
        local.deviceCostProperty().set("0.40");
        local.saveDeviceCost();
        assertThat(ws.settings().getDouble(SettingsRepository.DEVICE_COST_PER_HOUR, -1)).isEqualTo(0.4);
        assertThat(local.messageProperty().get()).contains("$0.4 per busy hour");

        local.deviceCostProperty().set("cheap");
        local.saveDeviceCost();
        assertThat(local.messageProperty().get()).contains("is not a number");
    }

    @Test
    void aCatalogModelDownloadsWithProgressAndAppearsAmongLocalModels() {
        LocalModelsModel local = vm.local();
        assertThat(local.catalog()).isNotEmpty();
        assertThat(local.chosenProperty().get()).isNotNull();
        String name = local.chosenProperty().get().displayName();
        assertThat(LocalModelsModel.describe(new dev.switchyard.local.catalog.DownloadProgress("m", "int4",
                dev.switchyard.local.catalog.DownloadProgress.Phase.DOWNLOADING, "onnx/model.onnx", 1, 2, 5, 10, 50_000_000,
                120_000_000, 8_000_000, java.time.Duration.ofSeconds(9))))
                .isEqualTo("Downloading model.onnx (1/2) · 50 / 120 MB · 8.0 MB/s · 9 s left");

        local.download();

        assertThat(local.busyProperty().get()).isFalse();
        assertThat(local.messageProperty().get()).isEqualTo("Downloaded and validated " + name + "; it is ready in Compare.");
        assertThat(local.models()).extracting(r -> r.model().displayName()).contains(name);

        local.importFolder(Path.of("/nowhere/folder"));
        assertThat(local.messageProperty().get()).isEqualTo("Could not import folder: No config.json in folder.");
    }

    @Test
    void anotherPrecisionOfACatalogModelIsDownloadedAsItsOwnModel() {
        LocalModelsModel local = vm.local();
        dev.switchyard.local.catalog.CatalogModel smol = local.catalog().stream()
                .filter(m -> m.id().equals("smollm2-135m-instruct")).findFirst().orElseThrow();
        local.chosenProperty().set(smol);
        assertThat(local.precisionProperty().get().id()).as("the recommended one first").isEqualTo("q4");
        local.download();
        local.precisionProperty().set(smol.precisions().stream().filter(p -> p.id().equals("fp32")).findFirst().orElseThrow());
        local.download();

        assertThat(local.models()).extracting(r -> r.model().apiModelId())
                .contains("smollm2-135m-instruct", "smollm2-135m-instruct-fp32");
        String fp32Label = smol.precisions().stream().filter(p -> p.id().equals("fp32")).findFirst().orElseThrow().label();
        assertThat(local.models()).extracting(r -> r.model().displayName())
                .contains(smol.displayName(), smol.displayName() + " (" + fp32Label + ")");
        local.chosenProperty().set(local.catalog().get(1));
        assertThat(local.precisionProperty().get()).isEqualTo(local.catalog().get(1).recommendedPrecision());
    }

    @Test
    void aFolderWithSeveralOnnxFilesListsThemAndEachCanBeImportedAsItsOwnModel() {
        LocalModelsModel local = vm.local();
        List<dev.switchyard.app.models.LocalModelManager.Variant> variants = local.variants(TINY);
        assertThat(variants).extracting(v -> v.file()).containsExactly("model.onnx", "model_fp16.onnx");
        assertThat(variants.get(0).preferred()).isTrue();
        assertThat(variants.get(1).preferred()).isFalse();
        assertThat(variants.get(0).note()).isEqualTo("32-bit float: full precision, the largest");
        assertThat(variants.get(1).note()).isEqualTo("float16: slow on a CPU");
        assertThat(variants).allSatisfy(v -> assertThat(v.bytes()).isGreaterThan(400_000));
        assertThat(local.variants(Path.of("/nowhere/folder"))).isEmpty();

        local.importFolder(TINY);
        local.importFolder(TINY, "model_fp16.onnx");

        assertThat(local.models()).extracting(r -> r.model().apiModelId())
                .contains("tiny-random-llama", "tiny-random-llama-model_fp16");
        assertThat(local.models()).extracting(r -> r.model().displayName())
                .contains("tiny-random (nonsense output, for tests)", "tiny-random (nonsense output, for tests) (model_fp16.onnx)");
        assertThat(local.messageProperty().get()).isEqualTo("Imported tiny-random (nonsense output, for tests) (model_fp16.onnx).");
    }

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();

    @Test
    void aDownloadedModelIsRemovedWithItsFilesAndAnImportedFolderStays() throws Exception {
        Path root = dir.resolve("models-root");
        FakeLocalModels service = new FakeLocalModels();
        service.modelsRoot = root;
        KeyVault vault = new TestVault(ctx, new KeyVault.Status(false, "No D-Bus session bus."));
        ModelsViewModel local = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault,
                ctx.catalog().providers(), service, Clock.systemDefaultZone());
        // a download: the tiny model in the store's managed folder, registered in the store and the workspace
        ModelStore store = new ModelStore(root, info -> { });
        CatalogModel entry = LocalModelManager.catalog().require("smollm2-135m-instruct");
        Path downloaded = store.downloadFolder(entry, "int4");
        copyTree(TINY, downloaded);
        store.registerDownloaded(entry, "int4", downloaded);
        ModelDirectory directory = new ModelDirectory(ws, ctx.catalog(), ctx.priceTable(), Clock.systemDefaultZone());
        directory.registerLocal("smollm2-135m-instruct", "SmolLM2 135M", 8192, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(downloaded, null, entry.id()));
        // an imported folder elsewhere
        Path imported = dir.resolve("my-model");
        copyTree(TINY, imported);
        directory.registerLocal("my-model", "My model", 8192, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(imported, null, null));
        LocalModelsModel models = local.local();
        local.setWorkspace(ws);

        LocalModelRow dl = row(models, "SmolLM2 135M");
        assertThat(dl.statusText()).isEqualTo("Ready");
        assertThat(dl.files().downloaded()).isTrue();
        assertThat(dl.files().bytes()).isGreaterThan(10_000);
        assertThat(dl.filesText()).matches("[\\d.,]+ (KB|MB), downloaded");
        assertThat(row(models, "My model").filesText()).containsAnyOf("KB in " + imported, "MB in " + imported);

        models.selectedProperty().set(dl);
        models.removeSelected(true);
        assertThat(models.messageProperty().get()).startsWith("Removed SmolLM2 135M and deleted its files (");
        assertThat(downloaded).doesNotExist();
        assertThat(ws.models().list()).extracting(Model::displayName).doesNotContain("SmolLM2 135M");
        assertThat(models.models()).extracting(r -> r.model().displayName()).doesNotContain("SmolLM2 135M");

        models.selectedProperty().set(row(models, "My model"));
        models.removeSelected(true);
        assertThat(models.messageProperty().get()).isEqualTo("Removed My model; its folder " + imported.toAbsolutePath()
                + " was imported, so it stays on disk.");
        assertThat(imported.resolve("config.json")).exists();
    }

    @Test
    void aModelWithRunsLeavesTheListsWhenRemovedButKeepsItsRowAndItsFilesShowAsMissingWhenGone() throws Exception {
        Path gone = dir.resolve("moved-away");
        Model m = new ModelDirectory(ws, ctx.catalog(), ctx.priceTable(), Clock.systemDefaultZone()).registerLocal("gone",
                "Gone model", 8192, ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(gone, null, null));
        ws.runs().insert(Run.created(m.id(), "hi", "{}"));
        LocalModelsModel models = vm.local();
        vm.setWorkspace(ws);
        LocalModelRow row = row(models, "Gone model");
        assertThat(row.statusText()).isEqualTo("Folder not found");
        assertThat(row.filesText()).isEqualTo("expected in " + gone.toAbsolutePath());
        assertThat(row.problemText()).isEqualTo("Model folder not found: " + gone.toAbsolutePath() + ".");
        assertThat(row.fix()).as("imported: where is the folder now?").isEqualTo(LocalModelRow.Fix.LOCATE_FOLDER);

        models.selectedProperty().set(row);
        models.removeSelected(false);

        assertThat(models.messageProperty().get())
                .isEqualTo("Removed Gone model from the lists of models; History keeps it for its runs. Its folder "
                        + gone.toAbsolutePath() + " was imported, so it stays on disk.");
        assertThat(models.models()).extracting(r -> r.model().displayName()).doesNotContain("Gone model");
        assertThat(ws.models().get(m.id())).as("the row stays for its run").get()
                .matches(dev.switchyard.app.models.RemovedModels::isRemoved);

        // importing it again (here: registering the folder under its id) brings the row back, with its run
        Model back = new ModelDirectory(ws, ctx.catalog(), ctx.priceTable(), Clock.systemDefaultZone()).registerLocal(
                "gone", "Gone model", 8192, ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(gone, null, null));
        assertThat(back.id()).isEqualTo(m.id());
        assertThat(dev.switchyard.app.models.RemovedModels.isRemoved(back)).isFalse();
        vm.setWorkspace(ws);
        assertThat(models.models()).extracting(r -> r.model().displayName()).contains("Gone model");
    }

    @Test
    void aLocalModelWhoseFilesChangedSaysWhichAndIsImportedAgainIntoItsOwnRowOnceTheyAreBack() throws Exception {
        Path folder = dir.resolve("tiny-copy");
        copyTree(TINY, folder);
        LocalModelsModel local = vm.local();
        local.importFolder(folder);
        String name = "tiny-random (nonsense output, for tests)";
        assertThat(row(local, name).statusText()).isEqualTo("Ready");
        assertThat(row(local, name).fix()).isEqualTo(LocalModelRow.Fix.NONE);

        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, java.util.Arrays.copyOf(all, 12_000));
        local.refresh(); // F5, the window focused again, or the screen shown again
        LocalModelRow row = row(local, name);
        assertThat(row.statusText()).isEqualTo("Files changed");
        assertThat(row.problemText()).isEqualTo("Files changed since import: onnx/model.onnx is 12 KB, expected 516 KB.");
        assertThat(row.filesText()).as("where it is; what changed shows under the table").contains(" in " + folder);
        assertThat(row.fix()).isEqualTo(LocalModelRow.Fix.IMPORT_AGAIN);

        local.selectedProperty().set(row);
        local.checkSelectedFiles();
        assertThat(local.messageProperty().get()).isEqualTo("Files changed since import: onnx/model.onnx is 12 KB, "
                + "expected 516 KB. Import it again in Models → Local models once its files are complete, or remove it there.");

        Files.write(onnx, all); // the complete file put back (a new time: its content is read once and found as recorded)
        local.refresh();
        assertThat(row(local, name).statusText()).isEqualTo("Ready");
        Files.write(onnx, new byte[0]);
        local.refresh();
        assertThat(row(local, name).problemText()).isEqualTo("Files changed since import: onnx/model.onnx is 0 bytes, "
                + "expected 516 KB.");
        Files.write(onnx, all);
        local.selectedProperty().set(row(local, name));
        local.fixSelected(); // Import again
        assertThat(local.messageProperty().get()).isEqualTo("Imported " + name + " again; its files are recorded as they "
                + "are now and it is ready in Compare.");
        assertThat(local.models()).filteredOn(r -> r.model().displayName().equals(name)).singleElement()
                .satisfies(r -> assertThat(r.statusText()).isEqualTo("Ready"));
        assertThat(local.selectedProperty().get().model().id()).as("still the selected row").isEqualTo(row.model().id());

        local.checkSelectedFiles();
        assertThat(local.messageProperty().get()).isEqualTo("The files of " + name + " are as they were when it was "
                + "imported (5 files read and compared).");
    }

    @Test
    void aDownloadedModelWhoseFileWasOverwrittenIsDownloadedAgain() throws Exception {
        FakeLocalModels service = new FakeLocalModels();
        KeyVault vault = new TestVault(ctx, new KeyVault.Status(false, "No D-Bus session bus."));
        ModelsViewModel screen = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault,
                ctx.catalog().providers(), service, Clock.systemDefaultZone());
        Path folder = dir.resolve("models-root/models/smollm2-135m-instruct-q4");
        copyTree(TINY, folder);
        var files = service.localModels.integrity().record(folder,
                dev.switchyard.local.onnx.ModelFolder.resolve(folder, null).filesToRun());
        Model m = new ModelDirectory(ws, ctx.catalog(), ctx.priceTable(), Clock.systemDefaultZone()).registerLocal(
                "smollm2-135m-instruct", "SmolLM2 135M Instruct", 8192, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(folder, null, "smollm2-135m-instruct", files));
        Path tokenizer = folder.resolve("tokenizer.json");
        byte[] text = Files.readAllBytes(tokenizer);
        text[10] = (byte) (text[10] == 'x' ? 'y' : 'x');
        Files.write(tokenizer, text);
        Files.setLastModifiedTime(tokenizer, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        LocalModelsModel local = screen.local();
        screen.setWorkspace(ws);
        local.selectModel(m.id()); // what Compare's "Fix in Models…" asks for
        LocalModelRow row = local.selectedProperty().get();
        assertThat(row.model().id()).isEqualTo(m.id());
        assertThat(row.statusText()).isEqualTo("Files changed");
        assertThat(row.problemText()).isEqualTo("Files changed since download: tokenizer.json was overwritten (same size, "
                + "other content).");
        assertThat(row.fix()).isEqualTo(LocalModelRow.Fix.DOWNLOAD_AGAIN);

        local.fixSelected();
        assertThat(service.downloadedAgain).containsExactly("smollm2-135m-instruct");
        assertThat(local.messageProperty().get()).isEqualTo("Downloaded SmolLM2 135M Instruct again; its files are "
                + "complete and it is ready in Compare.");
    }

    /**
     * A model downloaded from a mirror that has gone away: Download again fails from that mirror and says what happened,
     * and Download from Hugging Face gets it from the hub and forgets the mirror, as `models download --mirror
     * https://huggingface.co/` does; Download of such a model likewise. Nothing is offered before a failure.
     */
    @Test
    void aDownloadFromAMirrorThatIsGoneOffersTheHubInsteadWhichThenForgetsTheMirror() throws Exception {
        FakeLocalModels service = new FakeLocalModels();
        service.mirrorGone = true;
        KeyVault vault = new TestVault(ctx, new KeyVault.Status(false, "No D-Bus session bus."));
        ModelsViewModel screen = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault,
                ctx.catalog().providers(), service, Clock.systemDefaultZone());
        ModelDirectory directory = new ModelDirectory(ws, ctx.catalog(), ctx.priceTable(), Clock.systemDefaultZone());
        String mirror = "http://mirror.lan/";
        Model m = directory.registerLocal("smollm2-135m-instruct", "SmolLM2 135M Instruct", 8192,
                ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(dir.resolve("gone"), null, "smollm2-135m-instruct")
                        .withMirror(mirror));
        LocalModelsModel local = screen.local();
        screen.setWorkspace(ws);
        local.selectModel(m.id());
        assertThat(local.selectedProperty().get().fix()).isEqualTo(LocalModelRow.Fix.DOWNLOAD_AGAIN);
        assertThat(local.hubOfferedProperty().get()).isFalse();

        local.fixSelected();
        assertThat(service.downloadedAgain).containsExactly("smollm2-135m-instruct");
        assertThat(local.messageProperty().get()).isEqualTo("Could not download SmolLM2 135M Instruct again from the "
                + "mirror http://mirror.lan/: Could not connect to http://mirror.lan/ (connection refused). If the mirror "
                + "is gone or out of date, Download from Hugging Face gets the files from the hub instead and stops using "
                + "the mirror for SmolLM2 135M Instruct.");
        assertThat(local.hubOfferedProperty().get()).isTrue();
        local.downloadFromHub();
        assertThat(service.fromHub).containsExactly("smollm2-135m-instruct");
        assertThat(local.messageProperty().get()).isEqualTo("Downloaded SmolLM2 135M Instruct again from Hugging Face; "
                + "its files are complete and it is ready in Compare. It no longer uses the mirror http://mirror.lan/.");
        assertThat(local.hubOfferedProperty().get()).isFalse();
        assertThat(LocalModelSettings.of(ws.models().get(m.id()).orElseThrow()).mirror()).isNull();

        // Download of the catalog model whose row keeps a mirror: the same way back to the hub
        directory.registerLocal("smollm2-135m-instruct", "SmolLM2 135M Instruct", 8192, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(dir.resolve("gone"), null, "smollm2-135m-instruct").withMirror(mirror));
        local.refresh();
        local.chosenProperty().set(local.catalog().stream().filter(c -> c.id().equals("smollm2-135m-instruct"))
                .findFirst().orElseThrow());
        local.download();
        assertThat(local.messageProperty().get()).startsWith("Could not download SmolLM2 135M Instruct from the mirror "
                + "http://mirror.lan/: ").endsWith("Download from Hugging Face gets the files from the hub instead and "
                + "stops using the mirror for SmolLM2 135M Instruct.");
        assertThat(local.hubOfferedProperty().get()).isTrue();
        local.downloadFromHub();
        assertThat(service.fromHub).hasSize(2);
        assertThat(local.messageProperty().get()).isEqualTo("Downloaded and validated SmolLM2 135M Instruct from Hugging "
                + "Face; it is ready in Compare. It no longer uses the mirror http://mirror.lan/.");
        assertThat(LocalModelSettings.of(ws.models().get(m.id()).orElseThrow()).mirror()).isNull();
    }

    private static LocalModelRow row(LocalModelsModel models, String name) {
        return models.models().stream().filter(r -> r.model().displayName().equals(name)).findFirst().orElseThrow();
    }

    /** Copies a model folder (the tiny test model) with its subfolders. */
    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private ModelsViewModel withKeyring(boolean available) {
        KeyVault vault = new TestVault(ctx, new KeyVault.Status(available, available ? "The OS keyring is available."
                : "No D-Bus session bus."));
        ModelsViewModel m = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault,
                ctx.catalog().providers(), new FakeLocalModels(), Clock.systemDefaultZone());
        m.setWorkspace(ws);
        return m;
    }

    @Test
    void aKeyKeptForAnEarlierRunIsMissingSaysSoWithoutAskingTheServerAndIsSetAgainOnTheProvidersPage() throws Exception {
        // what a restart leaves: the reference in the workspace, the key gone with the last run's memory
        ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Loopback gateway",
                server.url("/v1").toString(), "session:switchyard/loopback-gateway", null));
        vm.setWorkspace(ws);
        ProviderKeyEditor keys = vm.keys();
        assertThat(keys.whereProperty().get()).isEqualTo("key: none now (it was kept for an earlier app run only)");
        assertThat(keys.presentProperty().get()).isFalse();
        assertThat(keys.referencedProperty().get()).isTrue();

        vm.testConnection();
        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.FAILED);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("No key is stored for Loopback gateway (it was kept "
                + "for an earlier app run only) — set one with Set key…");
        assertThat(server.getRequestCount()).as("no request without the key").isZero();

        keys.begin();
        assertThat(keys.editingProperty().get()).isTrue();
        assertThat(keys.form().sourceProperty().get()).as("keyring unavailable → this run").isEqualTo(KeySource.SESSION);
        keys.save();
        assertThat(keys.form().errorProperty().get()).isEqualTo("Paste the API key.");
        keys.form().keyProperty().set("sk-test-again-123456789");
        assertThat(keys.form().errorProperty().get()).as("cleared once fixed").isEmpty();
        keys.save();
        assertThat(keys.form().errorProperty().get()).contains("Tick the box");
        keys.form().sessionConsentProperty().set(true);
        keys.save();

        assertThat(keys.editingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Keeping the key of Loopback gateway in memory for this app run only.");
        assertThat(vm.selectedProviderProperty().get().authRef()).isEqualTo("session:switchyard/loopback-gateway");
        assertThat(keys.whereProperty().get()).isEqualTo("key: kept in memory for this app run only");
        assertThat(keys.presentProperty().get()).isTrue();
        assertThat(keys.form().keyProperty().get()).isEmpty();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        assertThat(vm.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.OK);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer sk-test-again-123456789");
    }

    @Test
    void aKeyIsReplacedInTheKeyringTheOneItReplacesIsForgottenAndRemoveKeyDeletesIt() {
        ModelsViewModel m = withKeyring(true);
        fillCustomOn(m, "Gateway", KeySource.SESSION);
        m.form().keys().keyProperty().set("sk-test-first-123456789");
        m.form().keys().sessionConsentProperty().set(true);
        m.addProvider();
        ProviderKeyEditor keys = m.keys();
        assertThat(keys.presentProperty().get()).isTrue();

        keys.begin();
        assertThat(keys.form().sourceProperty().get()).isEqualTo(KeySource.KEYRING);
        keys.form().keyProperty().set("sk-test-second-123456789");
        keys.save();
        assertThat(m.selectedProviderProperty().get().authRef()).isEqualTo("keyring:switchyard/gateway");
        assertThat(keyring.entries).containsEntry("Switchyard|switchyard/gateway", "sk-test-second-123456789");
        assertThat(m.messageProperty().get()).isEqualTo("Stored the key of Gateway in the OS keyring.");
        assertThat(keys.whereProperty().get()).isEqualTo("key: OS keyring (switchyard/gateway)");
        assertThat(ctx.secrets().resolve(dev.switchyard.cloud.secrets.SecretRef.parse("keyring:switchyard/gateway")))
                .isEqualTo("sk-test-second-123456789");
        assertThat(m.keys().whereProperty().get()).doesNotContain("sk-test");

        Model model = ctx.directory(ws).addCloudModel(m.selectedProviderProperty().get(), "gw-1");
        keys.remove();
        assertThat(keyring.entries).isEmpty();
        assertThat(m.selectedProviderProperty().get().authRef()).as("it still needs a key")
                .isEqualTo(dev.switchyard.app.models.ProviderKeys.REMOVED);
        assertThat(m.messageProperty().get()).isEqualTo("Deleted the key of Gateway from the OS keyring.");
        assertThat(keys.whereProperty().get()).isEqualTo("key: none now (it was removed)");
        assertThat(keys.presentProperty().get()).isFalse();
        assertThat(keys.referencedProperty().get()).as("nothing left to remove").isFalse();
        assertNeedsAKeyAgain(m, "Gateway", model);
    }

    /** After Remove key: Test connection asks no server, and the provider's models are not ready until a key is set. */
    private void assertNeedsAKeyAgain(ModelsViewModel m, String name, Model model) {
        int before = server.getRequestCount();
        m.testConnection();
        assertThat(m.connectionProperty().get()).isEqualTo(ModelsViewModel.Connection.FAILED);
        assertThat(m.connectionTextProperty().get())
                .isEqualTo("No key is stored for " + name + " (it was removed) — set one with Set key…");
        assertThat(server.getRequestCount()).as("no request without a key").isEqualTo(before);
        dev.switchyard.app.engine.Availability a = new dev.switchyard.app.engine.EngineFactory(ctx, ws).forModel(model)
                .availability();
        assertThat(a.ready()).isFalse();
        assertThat(a.reason()).isEqualTo("No API key is stored for " + name + ".");
        assertThat(a.fix()).contains("Set key…");
    }

    @Test
    void anEnvironmentReferenceIsRemovedWithoutTouchingTheVariableAndAPresetThatNeedsAKeyIsNotAskedWithoutOne() {
        fillCustom("Env gateway", KeySource.ENVIRONMENT);
        vm.form().keys().envVarProperty().set("GW_KEY");
        vm.addProvider();
        assertThat(vm.keys().whereProperty().get()).isEqualTo("key: environment variable GW_KEY");
        Model model = ctx.directory(ws).addCloudModel(vm.selectedProviderProperty().get(), "gw-1");
        vm.keys().remove();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Env gateway no longer reads its key from the environment variable GW_KEY (which itself is unchanged).");
        assertThat(vm.selectedProviderProperty().get().authRef()).isEqualTo(dev.switchyard.app.models.ProviderKeys.REMOVED);
        assertNeedsAKeyAgain(vm, "Env gateway", model);
        vm.keys().remove();
        assertThat(vm.messageProperty().get()).as("nothing to remove twice")
                .isEqualTo("Env gateway no longer reads its key from the environment variable GW_KEY (which itself is unchanged).");

        ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "OpenAI",
                server.url("/v1").toString(), null, "openai"));
        vm.setWorkspace(ws);
        vm.selectedProviderProperty().set(vm.providers().stream().filter(p -> p.name().equals("OpenAI")).findFirst().orElseThrow());
        vm.testConnection();
        assertThat(vm.connectionTextProperty().get()).isEqualTo("No key is stored for OpenAI — set one with Set key…");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aNameThatExistsSaysHowToGiveThatProviderAKeyAndMessagesClearOnceFixed() {
        fillCustom("", KeySource.NONE);
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).isEqualTo("Give the provider a name.");
        vm.form().nameProperty().set("Loopback");
        assertThat(vm.form().errorProperty().get()).isEmpty();
        vm.addProvider();

        fillCustom("loopback", KeySource.NONE);
        vm.addProvider();
        assertThat(vm.form().errorProperty().get()).isEqualTo("A provider named 'loopback' exists already. To give it a "
                + "key, pick it in the list and use Set key…; to add another one, choose another name.");
        vm.form().nameProperty().set("Loopback 2");
        assertThat(vm.form().errorProperty().get()).isEmpty();
    }

    /**
     * Picking another model, another provider or starting a second "+ Add provider" asks "Save …?" naming what would be
     * lost (limits, prices, a key being set, the provider being added); Cancel keeps the pick and the typing, Discard
     * goes on, Save stores first and goes on only once stored (a wrong field keeps everything and says why). Nothing
     * typed: no question.
     */
    @Test
    void pickingAnotherModelOrProviderOrAddingAgainAsksAboutTypedWork() {
        List<String> asked = new java.util.ArrayList<>();
        dev.switchyard.ui.UnsavedChoice[] answer = {dev.switchyard.ui.UnsavedChoice.CANCEL};
        vm.setAskToSave(q -> {
            asked.add(q);
            return answer[0];
        });
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.copyOf(vm.remoteModels()));
        assertThat(vm.models()).hasSize(2);
        ModelRow first = vm.models().get(0);
        ModelRow second = vm.models().get(1);
        vm.pickModel(first);
        assertThat(asked).as("nothing typed: no question").isEmpty();
        var connect = dev.switchyard.app.models.TimeLimits.Limit.CONNECT;

        // Cancel: the model stays picked, the typed price and limit stay
        vm.prices().inputProperty().set("0.5");
        vm.limits().textProperty(connect).set("5 s");
        vm.pickModel(second);
        assertThat(asked).containsExactly("Save time limits of " + first.model().displayName() + " and prices of "
                + first.model().displayName() + "?");
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(first.model().id());
        assertThat(vm.prices().inputProperty().get()).isEqualTo("0.5");
        assertThat(vm.limits().textProperty(connect).get()).isEqualTo("5 s");

        // Save with a price that cannot be stored: the limits are stored, the price and the pick stay, the error says why
        answer[0] = dev.switchyard.ui.UnsavedChoice.SAVE;
        vm.pickModel(second);
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(first.model().id());
        assertThat(vm.prices().errorProperty().get()).isEqualTo("Enter the output price in USD per 1M tokens.");
        assertThat(vm.prices().inputProperty().get()).isEqualTo("0.5");
        assertThat(vm.unsavedWork()).isEqualTo("prices of " + first.model().displayName());

        // Save once it can be stored: stored, and the other model is picked
        vm.prices().outputProperty().set("1.5");
        vm.pickModel(second);
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(second.model().id());
        assertThat(ws.prices().history(first.model().id())).hasSize(1);
        assertThat(vm.unsavedWork()).isNull();

        // Discard: the other model is picked and the typing is gone
        asked.clear();
        answer[0] = dev.switchyard.ui.UnsavedChoice.DISCARD;
        vm.prices().inputProperty().set("9");
        vm.pickModel(first);
        assertThat(asked).containsExactly("Save prices of " + second.model().displayName() + "?");
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(first.model().id());
        assertThat(ws.prices().history(second.model().id())).isEmpty();
        assertThat(vm.unsavedWork()).isNull();

        // a key being set, then another provider picked: Cancel keeps the provider and the key form as typed
        Provider loop = vm.selectedProviderProperty().get();
        Provider other = ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE,
                "Other", "http://127.0.0.1:9/v1", null, null));
        vm.refresh();
        assertThat(vm.providers()).hasSize(2);
        vm.keys().begin();
        vm.keys().form().sourceProperty().set(KeySource.ENVIRONMENT);
        vm.keys().form().envVarProperty().set("LOOP_KEY");
        asked.clear();
        answer[0] = dev.switchyard.ui.UnsavedChoice.CANCEL;
        vm.pickProvider(other);
        assertThat(asked).containsExactly("Save the key of Loopback?");
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(loop.id());
        assertThat(vm.keys().editingProperty().get()).isTrue();
        assertThat(vm.keys().form().envVarProperty().get()).isEqualTo("LOOP_KEY");
        // Save: the key is stored where typed, then the other provider is shown
        answer[0] = dev.switchyard.ui.UnsavedChoice.SAVE;
        vm.pickProvider(other);
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(other.id());
        assertThat(ws.providers().get(loop.id()).orElseThrow().authRef()).isEqualTo("env:LOOP_KEY");

        // a second "+ Add provider" while a name is typed in the first: Cancel keeps it, Discard starts over
        fillCustom("Team gateway", KeySource.NONE);
        asked.clear();
        answer[0] = dev.switchyard.ui.UnsavedChoice.CANCEL;
        vm.beginAdd();
        assertThat(asked).containsExactly("Save the new provider Team gateway?");
        assertThat(vm.form().nameProperty().get()).isEqualTo("Team gateway");
        answer[0] = dev.switchyard.ui.UnsavedChoice.DISCARD;
        vm.beginAdd();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.ADDING);
        assertThat(vm.form().nameProperty().get()).isNotEqualTo("Team gateway");
        assertThat(vm.unsavedWork()).isNull();
    }

    /**
     * A jump to a provider from another screen (Get started's links, Compare's "Fix in Models…": selectProvider) and
     * "+ Add provider" ask about the typed work they would drop, as a pick in the list does: Cancel keeps the provider's
     * page and the typing (and asks for nothing later), Discard goes on without it, Save stores it first. A provider being
     * added with a name typed is asked about too when a jump shows another provider's page.
     */
    @Test
    void jumpingToAProviderFromElsewhereOrAddingOneAsksAboutTypedWork() {
        List<String> asked = new java.util.ArrayList<>();
        dev.switchyard.ui.UnsavedChoice[] answer = {dev.switchyard.ui.UnsavedChoice.CANCEL};
        vm.setAskToSave(q -> {
            asked.add(q);
            return answer[0];
        });
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(MODELS_JSON).build());
        vm.testConnection();
        vm.addRemoteModels(List.copyOf(vm.remoteModels()));
        ModelRow first = vm.models().get(0);
        vm.pickModel(first);
        Provider loop = vm.selectedProviderProperty().get();
        Provider other = ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE,
                "Other", "http://127.0.0.1:9/v1", null, null));
        vm.refresh();
        var connect = dev.switchyard.app.models.TimeLimits.Limit.CONNECT;
        vm.limits().textProperty(connect).set("5 s");
        String question = "Save time limits of " + first.model().displayName() + "?";

        // a jump to a provider the list holds: Cancel keeps the page and the typing
        vm.selectProvider(other.id());
        assertThat(asked).containsExactly(question);
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(loop.id());
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(first.model().id());
        assertThat(vm.limits().textProperty(connect).get()).isEqualTo("5 s");
        // to one it does not hold yet (added from a terminal): Cancel, and the next read does not select it either
        Provider third = ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE,
                "Third", "http://127.0.0.1:9/v1", null, null));
        vm.selectProvider(third.id());
        assertThat(asked).containsExactly(question, question);
        vm.refresh();
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(loop.id());
        assertThat(vm.limits().textProperty(connect).get()).isEqualTo("5 s");

        // "+ Add provider" with the limit typed: Cancel keeps the page as typed
        asked.clear();
        vm.beginAdd();
        assertThat(asked).containsExactly(question);
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.VIEWING);
        assertThat(vm.limits().textProperty(connect).get()).isEqualTo("5 s");
        // Discard: the form opens and the typing is gone (Cancel on the form shows the page as stored)
        answer[0] = dev.switchyard.ui.UnsavedChoice.DISCARD;
        vm.beginAdd();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.ADDING);
        vm.cancelAdd();
        assertThat(vm.limits().textProperty(connect).get()).isNotEqualTo("5 s");
        assertThat(vm.unsavedWork()).isNull();
        // Save: the limit is stored, then the form opens
        vm.limits().textProperty(connect).set("5 s");
        answer[0] = dev.switchyard.ui.UnsavedChoice.SAVE;
        vm.beginAdd();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.ADDING);
        assertThat(ctx.directory(ws).timeouts(ws.models().get(first.model().id()).orElseThrow()).connect())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        vm.cancelAdd();

        // a provider being added with a name typed, then a jump to another provider: asked about; Cancel keeps the form
        fillCustom("Team gateway", KeySource.NONE);
        asked.clear();
        answer[0] = dev.switchyard.ui.UnsavedChoice.CANCEL;
        vm.selectProvider(other.id());
        assertThat(asked).containsExactly("Save the new provider Team gateway?");
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.ADDING);
        assertThat(vm.form().nameProperty().get()).isEqualTo("Team gateway");
        // Save: the provider is added, then the page asked for is shown
        answer[0] = dev.switchyard.ui.UnsavedChoice.SAVE;
        vm.selectProvider(other.id());
        assertThat(ws.providers().list()).extracting(Provider::name).contains("Team gateway");
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.VIEWING);
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(other.id());
        assertThat(vm.unsavedWork()).isNull();
    }

    private void fillCustomOn(ModelsViewModel m, String name, KeySource source) {
        m.beginAdd();
        m.form().presetProperty().set(m.form().presets().stream().filter(p -> p.id().equals("custom")).findFirst().orElseThrow());
        m.form().nameProperty().set(name);
        m.form().baseUrlProperty().set(server.url("/v1").toString());
        m.form().keys().sourceProperty().set(source);
    }

    @Test
    void pricesPerMillionTokensReadAsMoneyWithCentsAndMoreDigitsOnlyWhenThePriceHasThem() {
        assertThat(dev.switchyard.app.compare.Formats.usdPerMTok(new java.math.BigDecimal("0.5"))).isEqualTo("$0.50");
        assertThat(dev.switchyard.app.compare.Formats.usdPerMTok(new java.math.BigDecimal("0.0750"))).isEqualTo("$0.075");
        assertThat(dev.switchyard.app.compare.Formats.usdPerMTok(new java.math.BigDecimal("15"))).isEqualTo("$15.00");
        assertThat(dev.switchyard.app.compare.Formats.usdPerMTok(new java.math.BigDecimal("1E+1"))).isEqualTo("$10.00");
        assertThat(dev.switchyard.app.compare.Formats.usdPerMTok(null)).isEqualTo("no price");
    }

    @Test
    void keyringEntryNamesAreSlugs() {
        assertThat(dev.switchyard.app.models.ProviderKeys.slug("My Gateway (EU)")).isEqualTo("my-gateway-eu");
        assertThat(dev.switchyard.app.models.ProviderKeys.slug("!!!")).isEqualTo("provider");
    }

    /**
     * File → Refresh and the window focused again read what the CLI wrote to the workspace meanwhile (a provider, a
     * provider's key, a model, a price, a local model) and keep what the user is in the middle of: the selected provider
     * and model, Set key… with the half-typed key, the price fields and the device cost being typed.
     */
    @Test
    void refreshShowsWhatTheCliAddedAndKeepsWhatIsBeingTyped() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        Provider loopback = vm.selectedProviderProperty().get();
        Model first = ws.models().insert(Model.of(loopback.id(), "tiny-1", "tiny-1", ModelKind.CLOUD, null, null, "{}"));
        vm.refresh();
        assertThat(vm.models()).extracting(r -> r.model().apiModelId()).containsExactly("tiny-1");
        vm.selectedModelProperty().set(vm.models().get(0));
        vm.prices().inputProperty().set("0.3");
        vm.keys().begin();
        vm.keys().form().sourceProperty().set(KeySource.ENVIRONMENT);
        vm.keys().form().envVarProperty().set("MY_HALF_TYP");
        vm.local().deviceCostProperty().set("0.4");

        // a terminal: `providers add`, `providers set-key Loopback --key-ref env:GW_KEY`, `models add`, `prices set`,
        // `models import`
        ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Team gateway",
                "https://gw.example.com/v1", "env:GW_KEY", null));
        ws.providers().update(loopback.withAuthRef("env:GW_KEY"));
        ws.models().insert(Model.of(loopback.id(), "tiny-2", "tiny-2", ModelKind.CLOUD, null, null, "{}"));
        ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(first.id(), new java.math.BigDecimal("0.15"), null,
                new java.math.BigDecimal("0.60"), "cli", java.time.LocalDate.now()));
        var device = ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.LOCAL, "This device",
                null, null, "local"));
        ws.models().insert(Model.of(device.id(), "tiny-llama", "Tiny Llama", ModelKind.LOCAL_GENERATIVE, 256, null, "{}"));

        vm.refresh();
        assertThat(vm.providers()).extracting(Provider::name).containsExactly("Loopback", "Team gateway");
        assertThat(vm.selectedProviderProperty().get().id()).isEqualTo(loopback.id());
        assertThat(vm.selectedProviderProperty().get().authRef()).isEqualTo("env:GW_KEY");
        assertThat(vm.keys().whereProperty().get()).as("the key as stored now").contains("GW_KEY");
        assertThat(vm.keys().editingProperty().get()).as("Set key… stays open").isTrue();
        assertThat(vm.keys().form().envVarProperty().get()).isEqualTo("MY_HALF_TYP");
        assertThat(vm.models()).extracting(r -> r.model().apiModelId()).containsExactly("tiny-1", "tiny-2");
        assertThat(vm.selectedModelProperty().get().model().id()).isEqualTo(first.id());
        assertThat(vm.models().get(0).priceText()).isEqualTo("$0.15 in · $0.60 out");
        assertThat(vm.prices().history()).hasSize(1);
        assertThat(vm.prices().inputProperty().get()).as("the price being typed").isEqualTo("0.3");
        assertThat(vm.local().models()).extracting(r -> r.model().apiModelId()).contains("tiny-llama");
        assertThat(vm.local().deviceCostProperty().get()).isEqualTo("0.4");

        // the price fields emptied back to what they showed: they follow the price the CLI set
        vm.prices().inputProperty().set("");
        vm.refresh();
        assertThat(vm.prices().inputProperty().get()).isEqualTo("0.15");
        assertThat(vm.prices().outputProperty().get()).isEqualTo("0.60");
    }

    /** The add form half filled in stays open and filled across a refresh; the list behind it gains the CLI's provider. */
    @Test
    void refreshKeepsTheAddFormAsTyped() {
        fillCustom("Half typ", KeySource.NONE);
        ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Team gateway",
                "https://gw.example.com/v1", null, null));
        vm.refresh();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.ADDING);
        assertThat(vm.form().nameProperty().get()).isEqualTo("Half typ");
        assertThat(vm.form().baseUrlProperty().get()).isEqualTo(server.url("/v1").toString());
        assertThat(vm.providers()).extracting(Provider::name).containsExactly("Team gateway");
        vm.cancelAdd();
        assertThat(vm.modeProperty().get()).isEqualTo(ModelsViewModel.Mode.VIEWING);
    }

    /**
     * Get started's "Add a model" opens the provider the CLI added: one the list does not hold yet (the screen built
     * just now, or not refreshed since) is selected once the providers are read again, not the first one instead.
     */
    @Test
    void aProviderAskedForBeforeTheListHoldsItIsSelectedOnceRead() {
        fillCustom("Loopback", KeySource.NONE);
        vm.addProvider();
        Provider team = ws.providers().insert(Provider.of(dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE,
                "Team gateway", "https://gw.example.com/v1", null, null));
        vm.selectProvider(team.id());
        assertThat(vm.selectedProviderProperty().get().name()).isEqualTo("Team gateway");
        vm.selectProvider(vm.providers().get(0).id());
        assertThat(vm.selectedProviderProperty().get().name()).isEqualTo("Loopback");
    }
}
