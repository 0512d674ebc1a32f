package dev.switchyard.app.models;

import dev.switchyard.workspace.model.Provider;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names under which Switchyard keeps providers' keys, the same for the Models screen and the CLI: an OS keyring
 * entry (or, in the app, an entry of this run's memory) {@code switchyard/<slug>}, referenced from the provider as
 * {@code keyring:switchyard/<slug>} or {@code session:switchyard/<slug>}. A provider without a reference needs no key
 * (a local server); one whose key was removed refers to {@link #REMOVED}: it still needs a key and has none.
 */
public final class ProviderKeys {

    /** Prefix of every entry Switchyard writes. */
    public static final String PREFIX = "switchyard/";
    private static final List<String> OWNED_SCHEMES = List.of("keyring:", "session:");
    /**
     * The reference of a provider whose key was removed (Remove key, {@code providers remove-key}): a key is needed
     * and none is set, so its models are not ready and its server is not asked until one is set again. No store ever
     * holds an entry of this name.
     */
    public static final String REMOVED = "session:none";

    private ProviderKeys() {
    }

    /** A slug from a provider name: lower case, letters, digits and dashes. */
    public static String slug(String providerName) {
        String s = providerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "provider" : s;
    }

    /**
     * The slug to keep {@code provider}'s key under: the one its reference names when Switchyard stored the key
     * before (so a replaced key takes the old one's place), otherwise one no other provider of {@code all} uses.
     */
    public static String slugFor(Provider provider, Collection<Provider> all) {
        String own = ownedSlug(provider.authRef());
        if (own != null) {
            return own;
        }
        Set<String> used = all.stream().filter(p -> p.id() != provider.id())
                .map(p -> ownedSlug(p.authRef())).filter(Objects::nonNull).collect(Collectors.toSet());
        String base = slug(provider.name());
        String slug = base;
        for (int i = 2; used.contains(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    /** True when {@code ref} says the provider needs a key and has none ({@link #REMOVED}). */
    public static boolean removed(String ref) {
        return REMOVED.equals(ref);
    }

    /** The slug a {@code keyring:switchyard/…} or {@code session:switchyard/…} reference names, else null. */
    public static String ownedSlug(String ref) {
        if (ref == null) {
            return null;
        }
        return OWNED_SCHEMES.stream().filter(s -> ref.startsWith(s + PREFIX)).findFirst()
                .map(s -> ref.substring(s.length() + PREFIX.length())).orElse(null);
    }

    /**
     * What taking away the key {@code ref} of {@code providerName} did, as the Models screen and {@code providers
     * remove-key} both say it: a key Switchyard stored is deleted (keyring) or forgotten (this run's memory); an
     * environment variable or someone else's keyring entry is only no longer read.
     */
    public static String removedSentence(String providerName, String ref) {
        if (ownedSlug(ref) != null) {
            return ref.startsWith("keyring:") ? "Deleted the key of " + providerName + " from the OS keyring."
                    : "Forgot the key of " + providerName + ".";
        }
        int colon = ref.indexOf(':');
        return providerName + " no longer reads its key from " + (ref.startsWith("env:") ? "the environment variable "
                : "the OS keyring entry ") + ref.substring(colon + 1) + " (which itself is unchanged).";
    }

    /** The sentence added when the keyring refused to delete the key Switchyard stored there. */
    public static String notDeleted(Exception keyringError) {
        return "The old key could not be deleted from the OS keyring: " + keyringError.getMessage();
    }

    /** {@code keyring:switchyard/<slug>}. */
    public static String keyringRef(String slug) {
        return "keyring:" + PREFIX + slug;
    }

    /** {@code session:switchyard/<slug>}. */
    public static String sessionRef(String slug) {
        return "session:" + PREFIX + slug;
    }
}
