package dev.switchyard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file or environment ends in a WorkspaceException of the right kind, naming the file. */
class WorkspaceErrorsTest {

    @TempDir
    Path dir;

    private static void assertKind(ThrowingCallable call, Kind kind, Path file) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WorkspaceException.class, e -> {
            assertThat(e.kind()).as(e.getMessage() + " / cause: " + e.getCause()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(file.getFileName().toString()).endsWith(".");
            assertThat(e.file()).isEqualTo(file.toAbsolutePath());
        });
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("notes.switchyard");
        Files.writeString(file, "these are my notes, not a database\n".repeat(20));
        String before = Fixtures.sha256(file);
        assertKind(() -> Workspace.open(file), Kind.NOT_SQLITE, file);
        assertThat(Fixtures.sha256(file)).isEqualTo(before);
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE contacts (name TEXT)");
        }
        String before = Fixtures.sha256(file);
        assertKind(() -> Workspace.open(file), Kind.NOT_A_WORKSPACE, file);
        assertThat(Fixtures.sha256(file)).isEqualTo(before);
    }

    @Test
    void aWorkspaceFromANewerSwitchyardIsRefusedAndLeftByteForByteUntouched() throws Exception {
        Path file = dir.resolve("future.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Fixtures.openAi(ws);
        }
        int newer = Workspace.latestSchemaVersion() + 1;
        try (Connection c = Fixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO schema_migrations VALUES (" + newer + ", 'V00" + newer + "__future.sql', 'x', 0, 0)");
            st.executeUpdate("PRAGMA user_version = " + newer);
        }
        assertThat(Files.exists(dir.resolve("future.switchyard-wal"))).isFalse();
        String before = Fixtures.sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        assertKind(() -> Workspace.open(file), Kind.NEWER_SCHEMA, file);

        assertThat(Fixtures.sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThatThrownBy(() -> Workspace.open(file)).hasMessageContaining("schema version " + newer)
                .hasMessageContaining("update Switchyard");
    }

    @Test
    void aWriteLockHeldByAnotherConnectionPastTheBusyTimeoutIsReportedAsLocked() throws Exception {
        Path file = dir.resolve("busy.switchyard");
        Workspace.open(file).close();
        try (Connection other = Fixtures.raw(file); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.executeUpdate("INSERT INTO settings (key, value, updated_at) VALUES ('holder', 'x', 0)");
            try (Workspace ws = Workspace.open(file, WorkspaceOptions.DEFAULT.withBusyTimeout(Duration.ofMillis(200)))) {
                assertThat(ws.providers().list()).isEmpty();
                assertKind(() -> Fixtures.openAi(ws), Kind.LOCKED, file);
            }
            other.rollback();
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(Fixtures.openAi(ws).id()).isPositive();
        }
    }

    @Test
    void aReadOnlyFileIsRefused() throws Exception {
        Path file = dir.resolve("ro.switchyard");
        Workspace.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertKind(() -> Workspace.open(file), Kind.READ_ONLY, file);
        assertThatThrownBy(() -> Workspace.open(file)).hasMessageContaining("writable");
    }

    @Test
    void aReadOnlyFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked-folder"));
        Path file = folder.resolve("w.switchyard");
        Workspace.open(file).close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertKind(() -> Workspace.open(file), Kind.READ_ONLY, file);
            assertKind(() -> Workspace.open(folder.resolve("new.switchyard")), Kind.READ_ONLY,
                    folder.resolve("new.switchyard"));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDamagedFileIsReportedAsCorruptAndCheckNamesTheProblem() throws Exception {
        Path file = dir.resolve("broken.switchyard");
        long rootPage;
        long pageSize;
        try (Workspace ws = Workspace.open(file)) {
            long model = Fixtures.model(ws, Fixtures.openAi(ws), "m").id();
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                runs.add(Fixtures.completedRun(model, "prompt " + i, "answer number " + i + " ".repeat(200)));
            }
            ws.runs().insertAll(runs);
            rootPage = ws.database().queryLong("SELECT rootpage FROM sqlite_master WHERE name = 'runs'");
            pageSize = ws.database().queryLong("PRAGMA page_size");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek((rootPage - 1) * pageSize);
            raf.write("garbage garbage garbage garbage".getBytes(StandardCharsets.US_ASCII));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertKind(() -> ws.runs().page(RunQuery.latest()), Kind.CORRUPT, file);
            CheckReport report = ws.check();
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).isNotEmpty().allMatch(p -> p.startsWith("Integrity check"));
        }
    }

    @Test
    void aFullDiskFailsTheWriteWithDiskFullAndKeepsWhatWasCommitted() {
        Path file = dir.resolve("full.switchyard");
        long pages;
        try (Workspace ws = Workspace.open(file)) {
            pages = ws.database().queryLong("PRAGMA page_count");
        }
        try (Workspace ws = Workspace.open(file, WorkspaceOptions.DEFAULT.withMaxPageCount(pages + 40))) {
            long model = Fixtures.model(ws, Fixtures.openAi(ws), "m").id();
            List<String> stored = new ArrayList<>();
            assertKind(() -> {
                for (int i = 0; i < 10_000; i++) {
                    stored.add(ws.runs().insert(Fixtures.completedRun(model, "p" + i, "x".repeat(4000) + i)).uid());
                }
            }, Kind.DISK_FULL, file);
            assertThat(stored).isNotEmpty();
            assertThat(ws.runs().count()).isEqualTo(stored.size());
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.check().ok()).isTrue();
            assertThat(ws.runs().count()).isPositive();
        }
    }

    @Test
    void aSecretWhereAnAuthReferenceBelongsIsRefused() {
        Path file = dir.resolve("s.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            assertKind(() -> ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI", null,
                    "sk-proj-abcdefghijklmnop", null)), Kind.INVALID_INPUT, file);
            assertThat(ws.providers().list()).isEmpty();
        }
    }

    @Test
    void aFolderInPlaceOfTheFileCannotBeOpened() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.switchyard"));
        assertKind(() -> Workspace.open(folder), Kind.CANNOT_OPEN, folder);
    }

    @Test
    void unknownSqliteResultCodesStillGiveASentence() throws Exception {
        try (Connection c = Fixtures.raw(dir.resolve("q.db")); Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
            try {
                st.executeUpdate("CREATE TABLE t (x)");
            } catch (java.sql.SQLException e) {
                WorkspaceException we = dev.switchyard.workspace.db.Opener.classify(dir.resolve("q.db"), e);
                assertThat(we.kind()).isEqualTo(Kind.READ_ONLY);
                assertThat(we.getMessage()).contains("q.db").contains("writable");
                return;
            }
            try (ResultSet ignored = st.executeQuery("SELECT 1")) {
                throw new AssertionError("query_only did not refuse the write");
            }
        }
    }
}
