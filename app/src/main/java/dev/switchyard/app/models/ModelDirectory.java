package dev.switchyard.app.models;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.cloud.catalog.CatalogModel;
import dev.switchyard.cloud.catalog.CloudCatalog;
import dev.switchyard.cloud.catalog.Price;
import dev.switchyard.cloud.catalog.PriceTable;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds and registers models in the workspace: resolves what a user typed to a model row, registers
 * cloud models with capabilities from the shipped catalog, and keeps their price rows in step with
 * the shipped price table (history kept; a user's own rows stay in force when newer).
 */
public final class ModelDirectory {

    /** The source recorded on price rows given on the command line. */
    public static final String CLI_PRICE_SOURCE = "command line";
    /** Name of the provider row of local models. */
    public static final String DEVICE_PROVIDER = "This device";

    private final Workspace workspace;
    private final CloudCatalog catalog;
    private final PriceTable priceTable;
    private final Clock clock;

    public ModelDirectory(Workspace workspace, CloudCatalog catalog, PriceTable priceTable, Clock clock) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.priceTable = priceTable;
        this.clock = clock;
    }

    public CloudCatalog catalog() {
        return catalog;
    }

    /**
     * The model a user means by {@code ref}: a uid, {@code provider/model}, an API model id or a display
     * name (case-insensitive). Throws {@link UnknownModelException} when none or several match.
     */
    public Model resolve(String ref) {
        List<Model> all = workspace.models().list();
        for (var matcher : List.<java.util.function.Predicate<Model>>of(
                m -> m.uid().equals(ref),
                m -> qualifiedName(m).equalsIgnoreCase(ref),
                m -> m.apiModelId().equalsIgnoreCase(ref),
                m -> m.displayName().equalsIgnoreCase(ref))) {
            List<Model> hits = all.stream().filter(matcher).toList();
            if (hits.size() == 1) {
                return hits.get(0);
            }
            if (hits.size() > 1) {
                throw new UnknownModelException("'" + ref + "' matches several models ("
                        + String.join(", ", hits.stream().map(this::qualifiedName).toList())
                        + "); name one as provider/model.");
            }
        }
        String known = all.isEmpty() ? "The workspace has no models yet; add one with 'switchyard providers add' "
                + "and 'switchyard models add', or give an inline model with --base-url/--api/--api-model."
                : "Known models: " + String.join(", ", all.stream().map(this::qualifiedName).toList()) + ".";
        throw new UnknownModelException("No model '" + ref + "' in this workspace. " + known);
    }

    /** {@code providerName/apiModelId}. */
    public String qualifiedName(Model m) {
        return workspace.providers().get(m.providerId()).map(Provider::name).orElse("?") + "/" + m.apiModelId();
    }

    /** Registers (or finds) the provider and model of an inline command-line model, and records its price. */
    public Model ensureInline(InlineCloudModel spec) {
        String authRef = spec.keyEnv() == null ? null : "env:" + spec.keyEnv();
        Optional<ProviderPreset> preset = presetFor(spec.kind(), spec.baseUrl());
        Provider provider = workspace.providers().list().stream()
                .filter(p -> p.kind() == spec.kind() && sameUrl(p.baseUrl(), spec.baseUrl())
                        && Objects.equals(p.authRef(), authRef))
                .findFirst()
                .orElseGet(() -> workspace.providers().insert(Provider.of(spec.kind(),
                        preset.map(ProviderPreset::name).orElse("Custom (" + host(spec.baseUrl()) + ")"),
                        spec.baseUrl(), authRef, preset.map(ProviderPreset::id).orElse(null))));
        Model model = workspace.models().find(provider.id(), spec.apiModel())
                .orElseGet(() -> addCloudModel(provider, spec.apiModel()));
        if (spec.hasPrice()) {
            recordPrice(model, spec.priceIn(), spec.priceCached(), spec.priceOut(), CLI_PRICE_SOURCE);
        }
        return model;
    }

    /**
     * Adds a cloud model to a provider, with capabilities from the catalog and the shipped price if known; a model of
     * that id the user removed earlier ({@link RemovedModels}) comes back as it was, with its runs and prices, and so
     * does a removed provider ({@link RemovedProviders}).
     */
    public Model addCloudModel(Provider provider, String apiModelId) {
        RemovedProviders.restore(workspace, provider);
        Optional<Model> removed = workspace.models().find(provider.id(), apiModelId).filter(RemovedModels::isRemoved);
        if (removed.isPresent()) {
            return workspace.models().update(RemovedModels.restored(removed.get()));
        }
        Optional<CatalogModel> known = catalog.model(provider.presetId() == null ? "custom" : provider.presetId(), apiModelId);
        ModelCapabilities caps = known.map(CatalogModel::capabilities).orElseGet(ModelCapabilities::defaults);
        Timeouts timeouts = known.map(CatalogModel::timeouts).orElse(Timeouts.DEFAULT);
        Model model = workspace.models().insert(Model.of(provider.id(), apiModelId,
                known.map(CatalogModel::displayName).orElse(apiModelId), ModelKind.CLOUD,
                caps.contextWindow() == 0 ? null : caps.contextWindow(), CloudModelSettings.columns(caps),
                CloudModelSettings.settingsJson(caps, timeouts)));
        seedShippedPrice(model, provider);
        return model;
    }

    /**
     * The time limits a cloud model gets unless the user changed them: its catalog entry's ({@link Timeouts#REASONING}
     * for reasoning models the catalog knows), else {@code REASONING} for a row marked reasoning, else
     * {@link Timeouts#DEFAULT} — what {@link #addCloudModel} stores.
     */
    public Timeouts defaultTimeouts(Model m) {
        String preset = workspace.providers().get(m.providerId()).map(Provider::presetId).orElse(null);
        return catalog.model(preset == null ? "custom" : preset, m.apiModelId()).map(CatalogModel::timeouts)
                .orElse(m.capabilities().reasoning() ? Timeouts.REASONING : Timeouts.DEFAULT);
    }

    /** The time limits runs of this cloud model use: those stored with the row, a missing one its default. */
    public Timeouts timeouts(Model m) {
        return CloudModelSettings.timeouts(m, defaultTimeouts(m));
    }

    /**
     * Stores new time limits for a cloud model (read again first: only its settings' timeouts change); the next run
     * of the model uses them. Returns the row as stored.
     */
    public Model setTimeouts(Model m, Timeouts t) {
        Model now = workspace.models().get(m.id()).orElseThrow(() -> new UnknownModelException(
                "The model " + m.displayName() + " is no longer in this workspace."));
        if (now.kind() != ModelKind.CLOUD) {
            throw new IllegalArgumentException(now.displayName() + " runs on this device; time limits are set for cloud models.");
        }
        return workspace.models().update(now.withSettings(CloudModelSettings.withTimeouts(now.settingsJson(), t)));
    }

    /** The provider row that stands for this device (local models), created on first use. */
    public Provider deviceProvider() {
        return workspace.providers().list().stream()
                .filter(p -> p.kind() == ProviderKind.LOCAL)
                .findFirst()
                .orElseGet(() -> workspace.providers().insert(Provider.of(ProviderKind.LOCAL, DEVICE_PROVIDER, null, null, "local")));
    }

    /**
     * Registers a validated local model folder (or updates the row of the same id). The id is the
     * catalog id, else the folder name.
     */
    public Model registerLocal(String id, String displayName, Integer contextWindow, ModelKind kind, LocalModelSettings settings) {
        Provider device = deviceProvider();
        Optional<Model> existing = workspace.models().find(device.id(), id);
        Model row = new Model(existing.map(Model::id).orElse(0L), existing.map(Model::uid).orElse(null), device.id(), id,
                displayName, kind, contextWindow, new dev.switchyard.workspace.model.Capabilities(true, true, true, false),
                settings.toJson(), existing.map(Model::createdAt).orElse(null));
        return existing.isPresent() ? workspace.models().update(row) : workspace.models().insert(row);
    }

    /** The local model row of this id (a download's or an import's), if the workspace has one; creates nothing. */
    public Optional<Model> findLocal(String id) {
        return workspace.providers().list().stream().filter(p -> p.kind() == ProviderKind.LOCAL).findFirst()
                .flatMap(p -> workspace.models().find(p.id(), id));
    }

    /** The row of the embedded intent model answering with one intent set, created if missing. */
    public Model registerLocalIntent(String id, String displayName) {
        Provider device = deviceProvider();
        return workspace.models().find(device.id(), id).orElseGet(() -> workspace.models().insert(Model.of(device.id(), id,
                displayName, ModelKind.LOCAL_INTENT, dev.switchyard.local.intent.MiniLmEmbedder.MAX_TOKENS,
                new dev.switchyard.workspace.model.Capabilities(true, false, false, false), "{}")));
    }

    /** Adds the shipped price of every cloud model that has none yet or an older one. Returns rows added. */
    public int syncShippedPrices() {
        int added = 0;
        for (Model m : workspace.models().list()) {
            if (m.kind() == ModelKind.CLOUD) {
                Provider p = workspace.providers().get(m.providerId()).orElseThrow();
                added += seedShippedPrice(m, p) ? 1 : 0;
            }
        }
        return added;
    }

    private boolean seedShippedPrice(Model model, Provider provider) {
        if (provider.presetId() == null) {
            return false;
        }
        Optional<Price> shipped = priceTable.find(provider.presetId(), model.apiModelId());
        if (shipped.isEmpty()) {
            return false;
        }
        Price p = shipped.get();
        LocalDate asOf = asOfDate(p.asOf());
        boolean present = workspace.prices().history(model.id()).stream()
                .anyMatch(r -> r.source().equals(p.source()) && r.asOf().equals(asOf));
        if (present) {
            return false;
        }
        workspace.prices().insert(PriceRow.of(model.id(), bd(p.input()), p.cachedInput() == null ? null : bd(p.cachedInput()),
                bd(p.output()), p.source(), asOf));
        return true;
    }

    /** Inserts a user price row dated today unless the row in force already has these values. */
    public PriceRow recordPrice(Model model, BigDecimal in, BigDecimal cached, BigDecimal out, String source) {
        LocalDate today = LocalDate.now(clock);
        Optional<PriceRow> current = workspace.prices().inForce(model.id(), today);
        if (current.isPresent() && same(current.get().inputPerMTok(), in) && same(current.get().cachedInputPerMTok(), cached)
                && same(current.get().outputPerMTok(), out)) {
            return current.get();
        }
        return workspace.prices().insert(PriceRow.of(model.id(), in, cached, out, source, today));
    }

    /** The preset whose base URL this is, so a gateway given by URL still gets its prices and quirks. */
    public Optional<ProviderPreset> presetFor(ProviderKind kind, String baseUrl) {
        ApiKind api = kind == ProviderKind.ANTHROPIC ? ApiKind.ANTHROPIC : ApiKind.OPENAI;
        return catalog.providers().stream()
                .filter(p -> p.api() == api && p.baseUrl() != null && sameUrl(p.baseUrl(), baseUrl))
                .findFirst();
    }

    static LocalDate asOfDate(String asOf) {
        return asOf.length() == 7 ? LocalDate.parse(asOf + "-01") : LocalDate.parse(asOf);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }

    private static boolean sameUrl(String a, String b) {
        return a != null && b != null && strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        String s = url.strip().toLowerCase(Locale.ROOT);
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
