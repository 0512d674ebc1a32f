package dev.switchyard.workspace.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
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
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V006 adds {@code runs.limits_json} to a workspace file that already holds runs (workspace-schema decision 15); a
 * file from a build newer than this one is still refused as before.
 */
class RunLimitsMigrationTest {

    private static final String LIMITS = "{\"connectMs\":10000,\"firstTokenMs\":3000,\"idleMs\":30000,\"totalMs\":600000}";

    @TempDir
    Path dir;

    @Test
    void runsStoredAtVersion5SurviveTheUpgradeWithTheirTimeLimitsNotRecorded() throws Exception {
        Path file = dir.resolve("v5.switchyard");
        List<Migration> upToV5 = new Migrator().migrations().stream().filter(m -> m.version() <= 5).toList();
        List<Run> old;
        try (Database db = Opener.open(file, WorkspaceOptions.DEFAULT, new Migrator(upToV5))) {
            assertThat(db.queryLong("PRAGMA user_version")).isEqualTo(5);
            Provider p = new ProviderRepository(db).insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI",
                    "https://api.openai.com/v1", "env:OPENAI_API_KEY", "openai"));
            Model m = new ModelRepository(db).insert(Model.of(p.id(), "gpt-4o-mini", "GPT", ModelKind.CLOUD, null,
                    Capabilities.CHAT, "{\"timeouts\":{\"firstTokenMs\":3000}}"));
            // the V005 build's insert: every column but the one V006 adds
            old = new RunRepository(db).insertAll(List.of(
                    Fixtures.completedRun(m.id(), "You are terse.\n\nExplain WAL", "A write-ahead log.")
                            .withSystemText("You are terse."),
                    Run.created(m.id(), "slow gateway", "{}").withSystemText("")
                            .withOutput(RunStatus.FAILED, "", null)
                            .finished(RunStatus.FAILED, new dev.switchyard.workspace.model.RunError("first_token_timeout",
                                    "No first token within 3 s."), null, null, false, 1, null)));
        }
        try (Connection c = Fixtures.raw(file)) {
            assertThat(Database.list(c, "SELECT name FROM pragma_table_info('runs') WHERE name = 'limits_json'",
                    rs -> rs.getString(1))).as("made at version 5").isEmpty();
        }

        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isEqualTo(Workspace.latestSchemaVersion()).isGreaterThanOrEqualTo(6);
            for (Run before : old) {
                Run after = ws.runs().get(before.id()).orElseThrow();
                assertThat(after.limitsJson()).as("not recorded").isNull();
                assertThat(after).isEqualTo(before);
            }
            assertThat(ws.runs().page(RunQuery.latest().text("WAL")).items()).extracting(Run::uid)
                    .containsExactly(old.get(0).uid());
            assertThat(ws.check().problems()).isEmpty();

            Run recorded = ws.runs().insert(Run.created(old.get(0).modelId(), "Hi", "{}").withSystemText("")
                    .withLimits(LIMITS).withOutput(RunStatus.COMPLETED, "Hello!", null));
            assertThat(ws.runs().get(recorded.id()).orElseThrow().limitsJson()).isEqualTo(LIMITS);
        }
        try (Connection c = Fixtures.raw(file)) {
            assertThat(Database.list(c, "SELECT count(*) FROM runs WHERE limits_json IS NULL", rs -> rs.getInt(1)))
                    .containsExactly(2);
        }
    }

    @Test
    void aFileFromABuildNewerThanVersion6IsStillRefusedWithTheSameSentence() throws Exception {
        Path file = dir.resolve("v7.switchyard");
        Workspace.open(file).close();
        int newer = Workspace.latestSchemaVersion() + 1;
        assertThat(newer).isGreaterThanOrEqualTo(7);
        try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO schema_migrations VALUES (" + newer + ", 'V00" + newer + "__future.sql', 'x', 0, 0)");
            st.executeUpdate("PRAGMA user_version = " + newer);
        }
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("schema version " + newer).hasMessageContaining("update Switchyard");
    }
}
