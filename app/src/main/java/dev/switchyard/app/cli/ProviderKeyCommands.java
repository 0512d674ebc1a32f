package dev.switchyard.app.cli;

import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code providers set-key} and {@code providers remove-key}: where a provider's key lives, as the Models screen's
 * Set key… and Remove key do (the same keyring entry names, {@link ProviderKeys}). A key is never an argument.
 */
final class ProviderKeyCommands {

    private ProviderKeyCommands() {
    }

    @Command(name = "set-key", description = {"Give a provider a key, or move it: an environment variable or keyring "
            + "entry (--key-ref), or a key read from standard input into the OS keyring (--keyring).",
        "A key for this run only does not apply here: the command ends at once; the desktop app offers it."})
    static final class SetKey extends KeyCommand {
        @ArgGroup(multiplicity = "1")
        Where where;

        static final class Where {
            @Option(names = "--key-ref", paramLabel = "<ref>", description = "env:VAR or keyring:NAME. Never the key itself.")
            String keyRef;
            @Option(names = "--keyring", description = "Read the key from standard input (asked for without echo on a "
                    + "terminal) and store it in the OS keyring as switchyard/<provider>.")
            boolean keyring;
        }

        @Override
        public Integer call() {
            if (where.keyRef != null && !(where.keyRef.matches("(env|keyring):\\S+") && Provider.isReference(where.keyRef))) {
                throw new CliException(ExitCodes.USAGE, "--key-ref takes env:VAR or keyring:NAME (e.g. keyring:team/openai), "
                        + "never the key itself.");
            }
            return super.call(); // checked before the workspace is opened
        }

        @Override
        Integer run(Workspace ws, Provider p) {
            String ref = where.keyRef;
            if (where.keyring) {
                String slug = ProviderKeys.slugFor(p, ws.providers().list());
                String key = readKey(p.name());
                try {
                    app().keyring().put(ProviderKeys.PREFIX + slug, key);
                } catch (SecretException e) {
                    throw new CliException(ExitCodes.ENGINE, "The key was not stored: " + e.getMessage()
                            + " Point the provider at an environment variable instead: --key-ref env:VAR.", e);
                }
                ref = ProviderKeys.keyringRef(slug);
            }
            String leftover = p.authRef() == null || p.authRef().equals(ref) ? null : forget(p.authRef());
            Provider updated = ws.providers().update(p.withAuthRef(ref));
            String message = (where.keyring ? "Stored the key of " + p.name() + " in the OS keyring."
                    : p.name() + " now reads its key from " + ref + ".") + (leftover == null ? "" : " " + leftover);
            print(updated, message);
            return ExitCodes.OK;
        }

        private String readKey(String name) {
            Console console = System.console();
            String key;
            if (console != null && !json) {
                char[] typed = console.readPassword("Key for %s: ", name);
                key = typed == null ? "" : new String(typed);
            } else {
                try {
                    key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                } catch (IOException e) {
                    throw new CliException(ExitCodes.INPUT, "Could not read the key from standard input.", e);
                }
            }
            if (key == null || key.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "No key on standard input: pipe it in, e.g. "
                        + "'switchyard providers set-key \"" + name + "\" --keyring < key.txt'.");
            }
            return key.strip();
        }
    }

    @Command(name = "remove-key", description = "Take a provider's key away: a key Switchyard stored in the OS keyring "
            + "is deleted; an environment variable or another keyring entry is left as it is. The provider still needs "
            + "a key: its models do not run until one is set with set-key.")
    static final class RemoveKey extends KeyCommand {
        @Override
        Integer run(Workspace ws, Provider p) {
            String ref = p.authRef();
            if (ref == null || ProviderKeys.removed(ref)) {
                print(p, ref == null ? p.name() + " needs no key." : p.name() + " has no key now.");
                return ExitCodes.OK;
            }
            String leftover = forget(ref);
            Provider updated = ws.providers().update(p.withAuthRef(ProviderKeys.REMOVED)); // it still needs one
            print(updated, ProviderKeys.removedSentence(p.name(), ref) + (leftover == null ? "" : " " + leftover));
            return ExitCodes.OK;
        }
    }

    /** What both share: deleting a key Switchyard stored in the keyring, and printing the provider with a sentence. */
    private abstract static class KeyCommand extends ProviderCommand {

        /** Deletes the keyring entry {@code ref} names when Switchyard stored it; null, or a sentence when it could not. */
        String forget(String ref) {
            String slug = ProviderKeys.ownedSlug(ref);
            if (slug == null || !ref.startsWith("keyring:")) {
                return null; // an environment variable, another keyring entry, or another process's memory
            }
            try {
                app().keyring().delete(ProviderKeys.PREFIX + slug);
                return null;
            } catch (SecretException e) {
                return ProviderKeys.notDeleted(e);
            }
        }

        void print(Provider p, String message) {
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).put("message", message)
                        .set("provider", ProvidersCommand.json(p)));
            } else {
                CliContext.out(spec).println(message);
                CliContext.out(spec).flush();
            }
        }
    }
}
