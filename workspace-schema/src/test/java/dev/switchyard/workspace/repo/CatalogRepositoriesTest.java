package dev.switchyard.workspace.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers, models and prices. */
class CatalogRepositoriesTest {

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("catalog.switchyard"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void providersStoreOnlyAuthReferences() {
        Provider p = Fixtures.openAi(ws);
        Provider local = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "This laptop", null, null, null));
        Provider kr = ws.providers().insert(Provider.of(ProviderKind.ANTHROPIC, "Anthropic",
                "https://api.anthropic.com", "keyring:switchyard/anthropic", "anthropic"));
        assertThat(ws.providers().list()).containsExactly(kr, p, local);
        assertThat(ws.providers().findByUid(p.uid())).contains(p);
        for (String secret : new String[] {"sk-ant-api03-abc", "env:", "keyring:nope", "Bearer sk-x", "env:A B"}) {
            assertKind(() -> ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "x", null, secret, null)),
                    Kind.INVALID_INPUT);
        }
        Provider renamed = ws.providers().update(new Provider(p.id(), p.uid(), p.kind(), "OpenAI (work)", p.baseUrl(),
                "env:WORK_OPENAI_KEY", p.presetId(), p.createdAt()));
        assertThat(renamed.name()).isEqualTo("OpenAI (work)");
        assertThat(renamed.authRef()).isEqualTo("env:WORK_OPENAI_KEY");
        assertKind(() -> ws.providers().insert(Provider.of(ProviderKind.LOCAL, " ", null, null, null)), Kind.INVALID_INPUT);
    }

    @Test
    void modelsBelongToAProviderAndAreUniquePerProvider() {
        Provider p = Fixtures.openAi(ws);
        Model m = ws.models().insert(Model.of(p.id(), "o1-mini", "o1 mini", ModelKind.CLOUD, 128_000,
                new Capabilities(true, false, false, true), "{\"timeoutMs\":60000}"));
        assertThat(ws.models().get(m.id())).contains(m);
        assertThat(ws.models().find(p.id(), "o1-mini")).contains(m);
        assertThat(ws.models().byProvider(p.id())).containsExactly(m);
        assertThat(m.capabilities().reasoning()).isTrue();
        assertKind(() -> ws.models().insert(Model.of(p.id(), "o1-mini", "dup", ModelKind.CLOUD, null, null, null)),
                Kind.CONFLICT);
        assertKind(() -> ws.models().insert(Model.of(777, "x", "x", ModelKind.CLOUD, null, null, null)), Kind.NOT_FOUND);
        assertKind(() -> ws.models().insert(Model.of(p.id(), "y", "y", ModelKind.LOCAL_GENERATIVE, null, null, "not json")),
                Kind.INVALID_INPUT);
        Model local = ws.models().update(new Model(m.id(), m.uid(), p.id(), "o1-mini", "o1 mini (slow)", ModelKind.CLOUD,
                64_000, Capabilities.CHAT, "{}", m.createdAt()));
        assertThat(local.displayName()).isEqualTo("o1 mini (slow)");
        assertThat(local.contextWindow()).isEqualTo(64_000);
        assertKind(() -> ws.providers().delete(p.id()), Kind.CONFLICT);
        ws.models().delete(m.id());
        ws.providers().delete(p.id());
        assertThat(ws.providers().list()).isEmpty();
    }

    @Test
    void priceRowsAreHistoryAndTheNewestAsOfNotAfterTheDateIsInForce() throws Exception {
        Model m = Fixtures.model(ws, Fixtures.openAi(ws), "gpt-4o-mini");
        PriceRow jan = ws.prices().insert(PriceRow.of(m.id(), new BigDecimal("0.15"), new BigDecimal("0.075"),
                new BigDecimal("0.60"), "openai.com", LocalDate.of(2026, 1, 1)));
        PriceRow jun = ws.prices().insert(PriceRow.of(m.id(), new BigDecimal("0.10"), null, new BigDecimal("0.40"),
                "openai.com", LocalDate.of(2026, 6, 1)));
        assertThat(ws.prices().inForce(m.id(), LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(ws.prices().inForce(m.id(), LocalDate.of(2026, 1, 1))).contains(jan);
        assertThat(ws.prices().inForce(m.id(), LocalDate.of(2026, 5, 31))).contains(jan);
        assertThat(ws.prices().inForce(m.id(), LocalDate.of(2026, 6, 1))).contains(jun);
        assertThat(ws.prices().inForce(m.id(), java.time.Instant.parse("2026-05-31T23:59:59Z"))).contains(jan);
        assertThat(ws.prices().inForce(m.id(), java.time.Instant.parse("2026-06-01T00:00:00Z"))).contains(jun);
        assertThat(ws.prices().history(m.id())).containsExactly(jun, jan);
        assertThat(jan.inputPerMTok()).isEqualByComparingTo("0.15");
        assertThat(ws.prices().get(jan.id()).orElseThrow().cachedInputPerMTok()).isEqualByComparingTo("0.075");

        try (var c = Fixtures.raw(ws.file()); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE prices SET output_per_mtok = '9' WHERE id = " + jan.id()))
                    .hasMessageContaining("price rows are never updated");
        }
        assertThat(ws.prices().get(jan.id())).contains(jan);
        assertKind(() -> ws.prices().insert(PriceRow.of(m.id(), new BigDecimal("-1"), null, BigDecimal.ONE, "x",
                LocalDate.now())), Kind.INVALID_INPUT);
        assertKind(() -> ws.models().delete(m.id()), Kind.CONFLICT);
    }
}
