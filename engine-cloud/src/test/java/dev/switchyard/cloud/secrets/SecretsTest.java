package dev.switchyard.cloud.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String KEY = "sk-test-PLANTED-0123456789abcdef";

    /** An in-memory keyring backend. */
    static class FakeBackend implements KeyringSecretStore.Backend {
        final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public String get(String service, String account) {
            return entries.get(service + "/" + account);
        }

        @Override
        public void set(String service, String account, String secret) {
            entries.put(service + "/" + account, secret);
        }

        @Override
        public void delete(String service, String account) {
            entries.remove(service + "/" + account);
        }
    }

    @Test
    void systemProbeAnswersWithAReasonAndNeverHangs() {
        KeyringSecretStore.Availability a = KeyringSecretStore.probeSystem();
        assertThat(a.reason()).isNotBlank();
        if (!a.available()) {
            assertThat(a.reason()).doesNotContain("PLANTED");
        }
    }

    @Test
    void systemStoreFailsFastWithASentenceWhenUnavailable() {
        KeyringSecretStore.Availability a = KeyringSecretStore.probeSystem();
        org.junit.jupiter.api.Assumptions.assumeFalse(a.available(), "a keyring is available here");
        assertThatThrownBy(() -> KeyringSecretStore.system().get("openai")).isInstanceOf(SecretException.class)
                .hasMessageContaining("keyring");
    }

    @Test
    void sessionBusDetection() {
        assertThat(KeyringSecretStore.hasSessionBus(v -> null)).isFalse();
        assertThat(KeyringSecretStore.hasSessionBus(v -> "unix:path=/run/user/1000/bus")).isTrue();
    }

    @Test
    void hangingKeyringIsReportedUnavailableWithinTheLimit() {
        CountDownLatch never = new CountDownLatch(1);
        KeyringSecretStore.Backend hanging = new FakeBackend() {
            @Override
            public String get(String service, String account) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
        };
        KeyringSecretStore store = KeyringSecretStore.over(hanging, Duration.ofMillis(200));
        KeyringSecretStore.Availability a = store.probe();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("did not answer");
        assertThatThrownBy(() -> store.get("x")).isInstanceOf(SecretException.class);
    }

    @Test
    void whileAnEarlierCallWaitsForTheKeyringLaterOnesFailAtOnceAndItIsAskedAgainOnceThatOneReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        KeyringSecretStore.Backend locked = new FakeBackend() {
            @Override
            public String get(String service, String account) {
                asked.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.get(service, account);
            }
        };
        KeyringSecretStore store = KeyringSecretStore.over(locked, Duration.ofMillis(200));
        assertThatThrownBy(() -> store.get("openai")).isInstanceOf(SecretException.class)
                .hasMessageContaining("did not answer");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> store.get("openai")).isInstanceOf(SecretException.class)
                    .hasMessageContaining("did not answer");
        }
        assertThat(asked.get()).as("the keyring is not asked again while the first call waits").isEqualTo(1);
        release.countDown(); // the user unlocked the keyring: the waiting call returns
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (asked.get() == 1 && System.nanoTime() < until) {
            try {
                store.get("openai");
            } catch (SecretException stillWaiting) {
                Thread.sleep(20);
            }
        }
        assertThat(asked.get()).isEqualTo(2);
        assertThat(store.get("openai")).isEmpty();
    }

    @Test
    void failingKeyringIsUnavailableWithReason() {
        KeyringSecretStore.Backend broken = new FakeBackend() {
            @Override
            public String get(String service, String account) {
                throw new IllegalStateException("no backend " + KEY);
            }
        };
        KeyringSecretStore.Availability a = KeyringSecretStore.over(broken, Duration.ofSeconds(1)).probe();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("not usable").doesNotContain("PLANTED");
    }

    @Test
    void keyringStoreRoundTrip() {
        FakeBackend backend = new FakeBackend();
        KeyringSecretStore store = KeyringSecretStore.over(backend, Duration.ofSeconds(1));
        assertThat(store.probe().available()).isTrue();
        store.put("openai-work", KEY);
        assertThat(store.get("openai-work")).contains(KEY);
        assertThat(backend.entries).containsKey("Switchyard/openai-work");
        store.delete("openai-work");
        assertThat(store.get("openai-work")).isEmpty();
        assertThat(store.toString()).doesNotContain("PLANTED");
    }

    @Test
    void resolverUsesEachSchemeOnlyFromItsStore() {
        EnvironmentSecrets env = new EnvironmentSecrets(Map.of("OPENAI_API_KEY", KEY)::get);
        FakeBackend backend = new FakeBackend();
        KeyringSecretStore keyring = KeyringSecretStore.over(backend, Duration.ofSeconds(1));
        keyring.put("anthropic", "sk-ant-test-PLANTED-keyring-000000");
        SessionSecretStore session = SessionSecretStore.afterUserConsent("No D-Bus session bus.");
        session.put("groq", "gsk_test_PLANTED_session_0000000");
        SecretResolver resolver = new SecretResolver(env, keyring, session);

        assertThat(resolver.resolve("env:OPENAI_API_KEY")).isEqualTo(KEY);
        assertThat(resolver.resolve("keyring:anthropic")).startsWith("sk-ant-test");
        assertThat(resolver.resolve("session:groq")).startsWith("gsk_test");
        assertThatThrownBy(() -> resolver.resolve("env:GROQ_API_KEY")).isInstanceOf(SecretException.class)
                .hasMessageContaining("GROQ_API_KEY is not set");
        assertThatThrownBy(() -> resolver.resolve("session:anthropic")).hasMessageContaining("enter it again");
        assertThatThrownBy(() -> resolver.resolve("file:/tmp/key")).hasMessageContaining("Unknown key reference");
        assertThatThrownBy(() -> resolver.resolve("OPENAI_API_KEY")).hasMessageContaining("env:VAR");
    }

    @Test
    void noSilentFallbackWhenKeyringOrSessionIsMissing() {
        SecretResolver resolver = new SecretResolver(new EnvironmentSecrets(v -> null), null, null);
        assertThatThrownBy(() -> resolver.resolve("keyring:openai")).hasMessageContaining("not available");
        assertThatThrownBy(() -> resolver.resolve("session:openai")).hasMessageContaining("enter it again");
        assertThatThrownBy(() -> SessionSecretStore.afterUserConsent(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentIsReadOnlyAndNothingPrintsTheKey() {
        EnvironmentSecrets env = new EnvironmentSecrets(Map.of("K", KEY)::get);
        assertThatThrownBy(() -> env.put("K", KEY)).isInstanceOf(SecretException.class)
                .hasMessageNotContaining("PLANTED");
        SessionSecretStore session = SessionSecretStore.afterUserConsent("keyring unavailable");
        session.put("a", KEY);
        assertThat(session.toString()).doesNotContain("PLANTED");
        assertThat(SecretRef.parse("env:K").toString()).isEqualTo("env:K");
        assertThat(SecretRef.hint(KEY)).isEqualTo("…cdef");
        assertThat(SecretRef.hint("short")).isEqualTo("…");
    }
}
