package dev.switchyard.app.cli;

import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RoutingException;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the policy a command names: {@code template:<name>}, a JSON file, a saved policy, or (nothing named) the
 * workspace's default.
 */
record PolicySource(Policy policy, String label, Integer version) {

    static PolicySource of(Workspace ws, String ref) {
        if (ref == null) {
            ref = ws.settings().get(SettingsRepository.DEFAULT_POLICY).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "Name a policy with --policy; this workspace has no default policy."));
        }
        if (ref.startsWith("template:")) {
            try {
                return new PolicySource(PolicyTemplates.load(ref.substring("template:".length())), ref, null);
            } catch (RoutingException e) {
                throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
            }
        }
        Path file = Path.of(ref);
        if (ref.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(file)) {
            return new PolicySource(readFile(file), file.toString(), null);
        }
        try {
            PolicyVersion v = new PolicyStore(ws).version(ref, null);
            return new PolicySource(PolicyJson.read(v.bodyJson()), ref, v.version());
        } catch (RoutingException e) {
            throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
        }
    }

    /** The file's text as the Routing screen's Import reads it ({@link PolicyFile}); a file that cannot be read exits 4. */
    static String readText(Path file) {
        try {
            return PolicyFile.readText(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INPUT, dev.switchyard.app.ReadProblem.sentence(file, e), e);
        }
    }

    static Policy readFile(Path file) {
        PolicyJson.Parsed parsed = PolicyJson.parse(readText(file));
        if (parsed.policy() == null) {
            throw new CliException(ExitCodes.INPUT, file + " is not a readable policy: "
                    + String.join("; ", parsed.problems().stream().map(Problem::toString).toList()));
        }
        return parsed.policy();
    }
}
