package dev.switchyard.workspace.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.WorkspaceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenerUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void upgradingAnExistingWorkspaceKeepsABackupAtTheOldVersion() throws Exception {
        Path file = dir.resolve("up.switchyard");
        Opener.open(file, WorkspaceOptions.DEFAULT, new Migrator()).close();
        List<Migration> next = new ArrayList<>(new Migrator().migrations());
        int v = next.size() + 1;
        next.add(Migration.parse(String.format("V%03d__notes.sql", v), "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n"));

        try (Database db = Opener.open(file, WorkspaceOptions.DEFAULT, new Migrator(next))) {
            assertThat(db.queryLong("PRAGMA user_version")).isEqualTo(v);
        }
        List<Path> backups = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".bak")).forEach(backups::add);
        }
        assertThat(backups).singleElement().asString().contains("up.switchyard.v" + (v - 1) + "-");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backups.get(0))) {
            assertThat(Migrator.userVersion(c)).isEqualTo(v - 1);
        }
    }

    @Test
    void aNewWorkspaceGetsNoBackup() throws Exception {
        Opener.open(dir.resolve("new.switchyard"), WorkspaceOptions.DEFAULT, new Migrator()).close();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("new.switchyard");
        }
    }
}
