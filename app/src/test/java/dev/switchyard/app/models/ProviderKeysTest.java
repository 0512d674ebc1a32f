package dev.switchyard.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderKeysTest {

    @Test
    void removingAKeySaysWhatHappenedToWhereItWas() {
        assertThat(ProviderKeys.removedSentence("Gateway", ProviderKeys.keyringRef("gateway")))
                .isEqualTo("Deleted the key of Gateway from the OS keyring.");
        assertThat(ProviderKeys.removedSentence("Gateway", ProviderKeys.sessionRef("gateway")))
                .isEqualTo("Forgot the key of Gateway.");
        assertThat(ProviderKeys.removedSentence("Gateway", "env:GW_KEY"))
                .isEqualTo("Gateway no longer reads its key from the environment variable GW_KEY (which itself is unchanged).");
        assertThat(ProviderKeys.removedSentence("Gateway", "keyring:team/openai"))
                .isEqualTo("Gateway no longer reads its key from the OS keyring entry team/openai (which itself is unchanged).");
    }

    @Test
    void ownedSlugsAndReferences() {
        assertThat(ProviderKeys.ownedSlug("keyring:switchyard/openai")).isEqualTo("openai");
        assertThat(ProviderKeys.ownedSlug("session:switchyard/openai-2")).isEqualTo("openai-2");
        assertThat(ProviderKeys.ownedSlug("keyring:team/openai")).isNull();
        assertThat(ProviderKeys.ownedSlug("env:OPENAI_API_KEY")).isNull();
        assertThat(ProviderKeys.slug("  My Gateway (EU) ")).isEqualTo("my-gateway-eu");
        assertThat(ProviderKeys.removed(ProviderKeys.REMOVED)).isTrue();
    }
}
