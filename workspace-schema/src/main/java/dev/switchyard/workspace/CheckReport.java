package dev.switchyard.workspace;

import java.util.List;

/**
 * The result of {@link Workspace#check()}: {@code ok} when SQLite's integrity check, the foreign-key check and
 * the migration checksums found nothing; otherwise one sentence per problem.
 */
public record CheckReport(boolean ok, List<String> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public static CheckReport of(List<String> problems) {
        return new CheckReport(problems.isEmpty(), problems);
    }
}
