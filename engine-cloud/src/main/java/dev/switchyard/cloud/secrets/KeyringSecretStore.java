package dev.switchyard.cloud.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Keys in the OS keyring via java-keyring (macOS Keychain, Windows Credential Manager, freedesktop
 * Secret Service over D-Bus). Every keyring call runs on a daemon thread with a time limit, so a
 * missing or locked Secret Service can never hang the app; {@link #probe()} says whether it works and why not.
 * While a call that ran out of time is still waiting for the keyring, later calls fail at once with the same
 * sentence instead of each waiting out the limit on another abandoned thread (screens ask for keys whenever the window
 * gets the focus back: a locked keyring cost each of them the whole limit, and left one more thread waiting).
 */
public final class KeyringSecretStore implements SecretStore {

    /** The keyring's answer to "can I use you?". */
    public record Availability(boolean available, String reason) {
    }

    /** The few keyring operations used; the real one wraps java-keyring. */
    public interface Backend {
        String get(String service, String account) throws Exception;

        void set(String service, String account, String secret) throws Exception;

        void delete(String service, String account) throws Exception;
    }

    public static final String SERVICE = "Switchyard";
    static final String NO_BUS = "No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so the "
            + "Secret Service keyring is not reachable.";
    static final String NO_BACKEND = "No OS keyring is available (on Linux: no Secret Service such as "
            + "GNOME Keyring or KeePassXC is running).";
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String PROBE_ACCOUNT = "switchyard-probe";

    private final Backend backend;
    private final Duration timeout;
    /** The thread of the last call that ran out of time, while it still waits for the keyring; else null. */
    private volatile Thread unanswered;

    private KeyringSecretStore(Backend backend, Duration timeout) {
        this.backend = backend;
        this.timeout = timeout;
    }

    /** The OS keyring, with a 10 s limit per call (an unlock prompt may need a moment). */
    public static KeyringSecretStore system() {
        return new KeyringSecretStore(new JavaKeyringBackend(), Duration.ofSeconds(10));
    }

    /** Over a given backend (tests, other keyrings). */
    public static KeyringSecretStore over(Backend backend, Duration timeout) {
        return new KeyringSecretStore(backend, timeout);
    }

    /** Probes the OS keyring (never hangs longer than {@link #PROBE_TIMEOUT}). */
    public static Availability probeSystem() {
        String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (osName.contains("linux") && !hasSessionBus(System::getenv)) {
            return new Availability(false, NO_BUS);
        }
        return over(new JavaKeyringBackend(), PROBE_TIMEOUT).probe();
    }

    static boolean hasSessionBus(UnaryOperator<String> env) {
        String bus = env.apply("DBUS_SESSION_BUS_ADDRESS");
        return bus != null && !bus.isBlank();
    }

    /** Reads a probe entry within this store's time limit; available when that read answers at all. */
    public Availability probe() {
        try {
            timed(() -> backend.get(SERVICE, PROBE_ACCOUNT));
            return new Availability(true, "The OS keyring is available.");
        } catch (SecretException e) {
            return new Availability(false, e.getMessage());
        }
    }

    private String notAnswered() {
        return "The OS keyring did not answer within " + Math.max(1, timeout.toSeconds()) + " s (is it locked or missing?).";
    }

    @Override
    public Optional<String> get(String name) {
        String v = timed(() -> backend.get(SERVICE, name));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public void put(String name, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new SecretException("The key is empty.");
        }
        timed(() -> {
            backend.set(SERVICE, name, secret);
            return null;
        });
    }

    @Override
    public void delete(String name) {
        timed(() -> {
            backend.delete(SERVICE, name);
            return null;
        });
    }

    @Override
    public String scheme() {
        return SecretRef.KEYRING;
    }

    private <T> T timed(Callable<T> op) {
        Thread waiting = unanswered;
        if (waiting != null && waiting.isAlive()) {
            throw new SecretException(notAnswered());
        }
        FutureTask<T> task = new FutureTask<>(op);
        Thread t = new Thread(task, "switchyard-keyring");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(false); // the daemon thread is abandoned, never interrupted mid-D-Bus call
            unanswered = t;
            throw new SecretException(notAnswered());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretException("Interrupted while waiting for the OS keyring.");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BackendNotSupportedException) {
                throw new SecretException(NO_BACKEND);
            }
            if (c instanceof SecretException se) {
                throw se;
            }
            if (c instanceof PasswordAccessException && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("not found")) {
                return null;
            }
            throw new SecretException("The OS keyring is not usable: " + c.getClass().getSimpleName() + ".", null);
        }
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[" + SERVICE + "]";
    }

    /** java-keyring, one Keyring per call (cheap; avoids holding a D-Bus connection). */
    static final class JavaKeyringBackend implements Backend {

        private interface Op<T> {
            T apply(Keyring k) throws Exception;
        }

        private static <T> T with(Op<T> op) throws Exception {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                    && !hasSessionBus(System::getenv)) {
                throw new SecretException(NO_BUS); // fail fast instead of letting D-Bus discovery time out
            }
            Keyring k = Keyring.create();
            try {
                return op.apply(k);
            } finally {
                try {
                    k.close();
                } catch (Exception ignored) {
                    // nothing to do about a failed close
                }
            }
        }

        @Override
        public String get(String service, String account) throws Exception {
            return with(k -> {
                try {
                    return k.getPassword(service, account);
                } catch (PasswordAccessException e) {
                    return null; // absent entry
                }
            });
        }

        @Override
        public void set(String service, String account, String secret) throws Exception {
            with(k -> {
                k.setPassword(service, account, secret);
                return null;
            });
        }

        @Override
        public void delete(String service, String account) throws Exception {
            with(k -> {
                k.deletePassword(service, account);
                return null;
            });
        }
    }
}
