package dev.switchyard.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {

    @TempDir
    Path dir;

    @Test
    void aFreshWorkspaceChecksOk() {
        try (Workspace ws = Workspace.open(dir.resolve("ok.switchyard"))) {
            assertThat(ws.check()).isEqualTo(new CheckReport(true, java.util.List.of()));
        }
    }

    @Test
    void aChangedMigrationChecksumIsReported() throws Exception {
        Path file = dir.resolve("tampered.switchyard");
        Workspace.open(file).close();
        try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE schema_migrations SET checksum = '0000' WHERE version = 1");
        }
        try (Workspace ws = Workspace.open(file)) {
            CheckReport report = ws.check();
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).singleElement().asString()
                    .contains("V001__initial_schema.sql was changed after it was applied");
        }
    }

    @Test
    void aDanglingReferenceIsReportedByTheForeignKeyCheck() throws Exception {
        Path file = dir.resolve("fk.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Fixtures.model(ws, Fixtures.openAi(ws), "m");
        }
        try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.executeUpdate("DELETE FROM providers");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.check().problems()).singleElement().asString()
                    .startsWith("Foreign key check: models row 1 refers to a missing providers row");
        }
    }

    @Test
    void aTextIndexOutOfStepIsReportedAndRebuildRepairsIt() throws Exception {
        Path file = dir.resolve("fts.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            long model = Fixtures.model(ws, Fixtures.openAi(ws), "m").id();
            ws.runs().insert(Fixtures.completedRun(model, "indexed prompt", "indexed answer"));
            try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO runs (uid, model_id, prompt_text, output_text, status, created_at)"
                        + " VALUES ('raw', " + model + ", 'sneaky', 'bypassed the index', 'COMPLETED', 0)");
            }
            assertThat(ws.check().problems()).containsExactly(
                    "The text-search index of the runs is out of step with the runs; rebuild it (runs().rebuildIndexes()).",
                    "The run counts are out of step with the runs; rebuild them (runs().rebuildIndexes()).");
            ws.runs().rebuildIndexes();
            assertThat(ws.check().ok()).isTrue();
            assertThat(ws.runs().page(dev.switchyard.workspace.model.RunQuery.latest().text("sneaky")).total()).isEqualTo(1);
        }
    }
}
