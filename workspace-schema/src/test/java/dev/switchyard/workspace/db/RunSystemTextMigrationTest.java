package dev.switchyard.workspace.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceOptions;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import dev.switchyard.workspace.repo.ModelRepository;
import dev.switchyard.workspace.repo.ProviderRepository;
import dev.switchyard.workspace.repo.RunRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V005 adds {@code runs.system_text} to a workspace file that already holds runs (workspace-schema decision 14). */
class RunSystemTextMigrationTest {

    @TempDir
    Path dir;

    @Test
    void runsStoredAtVersion4SurviveTheUpgradeWithTheirSystemMessageNotRecorded() throws Exception {
        Path file = dir.resolve("v4.switchyard");
        List<Migration> upToV4 = new Migrator().migrations().stream().filter(m -> m.version() <= 4).toList();
        List<Run> old;
        try (Database db = Opener.open(file, WorkspaceOptions.DEFAULT, new Migrator(upToV4))) {
            assertThat(db.queryLong("PRAGMA user_version")).isEqualTo(4);
            Provider p = new ProviderRepository(db).insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI",
                    "https://api.openai.com/v1", "env:OPENAI_API_KEY", "openai"));
            Model m = new ModelRepository(db).insert(Model.of(p.id(), "gpt-4o-mini", "GPT", ModelKind.CLOUD, null,
                    Capabilities.CHAT, "{}"));
            // the V004 build's insert: every column but the one V005 adds
            old = new RunRepository(db).insertAll(List.of(
                    Fixtures.completedRun(m.id(), "You are terse.\n\nExplain WAL", "A write-ahead log."),
                    Fixtures.completedRun(m.id(), "kitchen lights on", "Done.").withOutcome("{\"finishReason\":\"stop\"}")));
        }
        try (Connection c = Fixtures.raw(file)) {
            assertThat(Database.list(c, "SELECT name FROM pragma_table_info('runs') WHERE name = 'system_text'",
                    rs -> rs.getString(1))).as("made at version 4").isEmpty();
        }

        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isEqualTo(Workspace.latestSchemaVersion()).isGreaterThanOrEqualTo(5);
            for (Run before : old) {
                Run after = ws.runs().get(before.id()).orElseThrow();
                assertThat(after.systemText()).as("not recorded").isNull();
                assertThat(after).isEqualTo(before);
            }
            assertThat(ws.runs().page(RunQuery.latest().text("WAL")).items()).extracting(Run::uid)
                    .containsExactly(old.get(0).uid());
            assertThat(ws.check().problems()).isEmpty();

            Run recorded = ws.runs().insert(Run.created(old.get(0).modelId(), "Be kind.\n\nHi", "{}")
                    .withSystemText("Be kind.").withOutput(RunStatus.COMPLETED, "Hello!", null));
            assertThat(ws.runs().get(recorded.id()).orElseThrow().systemText()).isEqualTo("Be kind.");
        }
        try (Connection c = Fixtures.raw(file)) {
            assertThat(Database.list(c, "SELECT count(*) FROM runs WHERE system_text IS NULL", rs -> rs.getInt(1)))
                    .containsExactly(2);
        }
    }
}
