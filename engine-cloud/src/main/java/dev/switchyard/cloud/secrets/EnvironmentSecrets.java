package dev.switchyard.cloud.secrets;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Read-only keys from environment variables (the preset's {@code keyEnv}, e.g. OPENAI_API_KEY). */
public final class EnvironmentSecrets implements SecretStore {

    private final UnaryOperator<String> env;

    /** Reads the process environment. */
    public EnvironmentSecrets() {
        this(System::getenv);
    }

    /** Reads from the given lookup (tests). */
    public EnvironmentSecrets(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public Optional<String> get(String variable) {
        String v = env.apply(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    @Override
    public void put(String name, String secret) {
        throw new SecretException("Environment variables are set outside Switchyard; set " + name
                + " in your shell or system settings.");
    }

    @Override
    public void delete(String name) {
        put(name, null);
    }

    @Override
    public String scheme() {
        return SecretRef.ENV;
    }

    @Override
    public String toString() {
        return "EnvironmentSecrets";
    }
}
