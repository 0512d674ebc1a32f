package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void infoCreatesTheWorkspaceAndPrintsJsonCounts() throws Exception {
        Path ws = dir.resolve("team.switchyard");
        CliRunner.Result r = CliRunner.run("workspace", "info", "--workspace", ws.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.path("ok").asBoolean()).isTrue();
        assertThat(node.path("workspace").path("name").asText()).isEqualTo("team");
        assertThat(node.path("workspace").path("schemaVersion").asInt()).isPositive();
        assertThat(node.path("counts").path("runs").asLong()).isZero();
        assertThat(Files.exists(ws)).isTrue();
        assertThat(node.path("counts").has("intentSets")).as("JSON keeps its keys").isTrue();
        assertThat(CliRunner.run("workspace", "info", "--workspace", ws.toString()).out())
                .as("the text names the rows in words").containsPattern("\\n  intent sets +\\d").doesNotContain("intentSets");
    }

    @Test
    void aWorkspaceNamedBeforeTheSubCommandIsTheOneUsedAndOneAfterItWins() throws Exception {
        Path first = dir.resolve("before.switchyard");
        Path second = dir.resolve("after.switchyard");
        CliRunner.Result r = CliRunner.run("-w", first.toString(), "workspace", "info", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("workspace").path("file").asText()).isEqualTo(first.toString());

        r = CliRunner.run("--workspace", first.toString(), "workspace", "info", "-w", second.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("workspace").path("file").asText()).isEqualTo(second.toString());

        r = CliRunner.run("-w", second.toString(), "models", "list", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("intent:smart-home");
        assertThat(Files.exists(second)).isTrue();
    }

    @Test
    void checkOfAHealthyWorkspaceExitsZero() throws Exception {
        Path ws = dir.resolve("a.switchyard");
        CliRunner.Result r = CliRunner.run("workspace", "check", "-w", ws.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void exportThenImportIntoAnotherWorkspace() throws Exception {
        Path source = dir.resolve("source.switchyard");
        Path export = dir.resolve("export.json");
        assertThat(CliRunner.run("workspace", "export", "-w", source.toString(), "-o", export.toString()).code()).isZero();
        JsonNode doc = JSON.readTree(export.toFile());
        assertThat(doc.isObject()).isTrue();

        Path target = dir.resolve("target.switchyard");
        CliRunner.Result r = CliRunner.run("workspace", "import", export.toString(), "-w", target.toString(), "--json");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(JSON.readTree(r.out()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aFileThatIsNotSqliteGivesExitThreeAndAJsonError() throws Exception {
        Path bogus = Files.writeString(dir.resolve("notes.switchyard"), "these are my notes, not a database\n".repeat(200));
        CliRunner.Result r = CliRunner.run("workspace", "info", "-w", bogus.toString(), "--json");

        assertThat(r.code()).isEqualTo(ExitCodes.WORKSPACE);
        assertThat(r.err()).contains("notes.switchyard");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.path("ok").asBoolean()).isFalse();
        assertThat(node.path("error").path("kind").asText()).startsWith("workspace.");
        assertThat(Files.readString(bogus)).startsWith("these are my notes");
    }

    @Test
    void importOfAMissingFileIsAnInputError() {
        CliRunner.Result r = CliRunner.run("workspace", "import", dir.resolve("nope.json").toString(),
                "-w", dir.resolve("w.switchyard").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).contains("nope.json");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(CliRunner.run("workspace", "info", "--frobnicate").code()).isEqualTo(ExitCodes.USAGE);
    }
}
