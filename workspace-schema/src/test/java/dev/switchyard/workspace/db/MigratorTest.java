package dev.switchyard.workspace.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

    @TempDir
    Path dir;

    private static final Migration V1 = Migration.parse("V001__people.sql",
            "-- first\nCREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);\n"
            + "CREATE TRIGGER people_upper AFTER INSERT ON people\nBEGIN\n"
            + "    UPDATE people SET name = upper(new.name) WHERE id = new.id;\nEND;\n");
    private static final Migration V2 = Migration.parse("V002__email.sql",
            "ALTER TABLE people ADD COLUMN email TEXT;\r\nINSERT INTO people (name) VALUES ('ada');\r\n");

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
    }

    @Test
    void appliesPendingMigrationsInOrderAndRecordsThem() throws Exception {
        try (Connection c = connect()) {
            assertThat(new Migrator(List.of(V1)).migrate(c, dir)).isEqualTo(1);
            assertThat(new Migrator(List.of(V1, V2)).migrate(c, dir)).isEqualTo(1);
            assertThat(new Migrator(List.of(V1, V2)).migrate(c, dir)).isZero();
            assertThat(Migrator.userVersion(c)).isEqualTo(2);
            assertThat(Database.list(c, "SELECT version || ' ' || file_name || ' ' || checksum FROM schema_migrations",
                    rs -> rs.getString(1))).containsExactly("1 V001__people.sql " + V1.checksum(),
                    "2 V002__email.sql " + V2.checksum());
            assertThat(Database.list(c, "SELECT name FROM people", rs -> rs.getString(1))).containsExactly("ADA");
            assertThat(new Migrator(List.of(V1, V2)).verify(c)).isEmpty();
        }
    }

    @Test
    void aFailingMigrationLeavesTheWorkspaceAtItsPreviousVersion() throws Exception {
        Migration broken = Migration.parse("V002__broken.sql",
                "CREATE TABLE half (x);\nINSERT INTO no_such_table VALUES (1);\n");
        try (Connection c = connect()) {
            new Migrator(List.of(V1)).migrate(c, dir);
            assertThatThrownBy(() -> new Migrator(List.of(V1, broken)).migrate(c, dir))
                    .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.MIGRATION_FAILED);
                        assertThat(e.getMessage()).contains("V002__broken.sql").contains("previous version");
                    });
            assertThat(Migrator.userVersion(c)).isEqualTo(1);
            assertThat(Database.list(c, "SELECT name FROM sqlite_master WHERE name = 'half'", rs -> 1)).isEmpty();
            assertThat(Database.list(c, "SELECT count(*) FROM schema_migrations", rs -> rs.getInt(1))).containsExactly(1);
        }
    }

    @Test
    void verifyReportsAChangedChecksumAndUnknownRows() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            new Migrator(List.of(V1, V2)).migrate(c, dir);
            st.executeUpdate("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1");
            st.executeUpdate("INSERT INTO schema_migrations VALUES (7, 'V007__x.sql', 'f', 0, 0)");
            assertThat(new Migrator(List.of(V1, V2)).verify(c)).containsExactly(
                    "Migration V001__people.sql was changed after it was applied (checksum abc recorded, "
                            + V1.checksum().substring(0, 12) + " now).",
                    "Migration V007__x.sql is recorded but unknown to this Switchyard.");
        }
    }

    @Test
    void checksumIgnoresLineEndingsAndSplitterKeepsTriggersWhole() {
        assertThat(Migration.parse("V001__a.sql", "SELECT 1;\r\n").checksum())
                .isEqualTo(Migration.parse("V001__a.sql", "SELECT 1;\n").checksum());
        assertThat(V1.statements()).hasSize(2);
        assertThat(V1.statements().get(1)).startsWith("CREATE TRIGGER").endsWith("END;");
        assertThatThrownBy(() -> Migration.parse("V1_bad.sql", "")).hasMessageContaining("Vnnn__name.sql");
        assertThatThrownBy(() -> Migration.parse("V003__x.sql", "SELECT 1").statements())
                .hasMessageContaining("without ';'");
    }

    @Test
    void theIndexListsExactlyTheMigrationFilesInTheResourceFolder() throws IOException {
        Path folder = Path.of("src/main/resources/dev/switchyard/workspace/migrations");
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().forEach(files::add);
        }
        assertThat(new Migrator().migrations()).extracting(Migration::fileName).containsExactlyElementsOf(files);
        assertThat(new Migrator().latestVersion()).isEqualTo(files.size());
    }
}
