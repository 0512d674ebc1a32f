package dev.switchyard.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.secrets.EnvironmentSecrets;
import dev.switchyard.cloud.secrets.SecretResolver;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import org.junit.jupiter.api.Test;

/** A provider without a usable key is not ready, and its fix leads to Set key… on the Models screen. */
class KeyLookupTest {

    private final SecretResolver secrets = new SecretResolver(new EnvironmentSecrets(n -> null), null, null);

    private static Provider provider(String ref) {
        return Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI", "https://api.openai.com/v1", ref, "openai");
    }

    @Test
    void noReferenceIsReadyOnlyWhenTheEndpointNeedsNoKey() {
        assertThat(KeyLookup.of(provider(null), secrets, false).availability().ready()).isTrue();

        Availability missing = KeyLookup.of(provider(null), secrets, true).availability();
        assertThat(missing.ready()).isFalse();
        assertThat(missing.reason()).isEqualTo("No API key is stored for OpenAI.");
        assertThat(missing.fix()).isEqualTo("Open Models and providers, pick OpenAI and use Set key…");
    }

    @Test
    void aKeyKeptForAnEarlierRunPointsToSetKey() {
        Availability gone = KeyLookup.of(provider("session:switchyard/openai"), secrets, true).availability();
        assertThat(gone.ready()).isFalse();
        assertThat(gone.fix()).isEqualTo("Open Models and providers, pick OpenAI and use Set key…");
    }
}
