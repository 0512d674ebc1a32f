package dev.switchyard.workspace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.ImportReport;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode comparable(byte[] export) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(export);
        node.remove("exportedAt");
        node.remove("workspace");
        return node;
    }

    private static ImportReport importInto(Workspace ws, byte[] doc) {
        return ws.importFrom(new ByteArrayInputStream(doc));
    }

    @Test
    void exportHasFormatNameVersionAndEveryAggregate() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(ws);
            JsonNode doc = JSON.readTree(Samples.export(ws));
            assertThat(doc.get("format").asText()).isEqualTo("switchyard-workspace");
            assertThat(doc.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(doc.get("schemaVersion").asInt()).isEqualTo(Workspace.latestSchemaVersion());
            assertThat(doc.get("workspace").asText()).isEqualTo("a");
            for (String field : new String[] {"providers", "models", "prices", "prompts", "comparisons", "runs", "votes",
                "policies", "datasets", "replays", "intentSets"}) {
                assertThat(doc.get(field).size()).as(field).isPositive();
            }
            assertThat(doc.get("providers")).extracting(n -> n.get("authRef").asText())
                    .containsExactlyInAnyOrder("env:OPENAI_API_KEY", "null");
            assertThat(doc.get("runs").get(0).get("modelUid").asText()).hasSize(36);
            assertThat(doc.get("runs")).extracting(n -> n.path("outcome").path("finishReason").asText(""))
                    .containsExactlyInAnyOrder("stop", "");
            assertThat(doc.get("runs")).extracting(n -> n.get("systemText").isNull() ? null : n.get("systemText").asText())
                    .as("sent without a system message; not recorded").containsExactlyInAnyOrder("", null);
            assertThat(doc.get("runs")).extracting(n -> n.get("limits").isNull() ? null : n.get("limits").path("firstTokenMs").asLong())
                    .as("the first-token limit the run used; not recorded").containsExactlyInAnyOrder(3000L, null);
            assertThat(doc.get("models").get(1).get("settings").get("precision").asText()).isEqualTo("int4");
        }
    }

    @Test
    void exportToAFileMovesItIntoPlaceWholeAndLeavesNoTemporaryFile() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(ws);
            java.nio.file.Path out = dir.resolve("backup.json");
            long bytes = ws.exportTo(out);
            assertThat(bytes).isEqualTo(java.nio.file.Files.size(out)).isPositive();
            assertThat(JSON.readTree(java.nio.file.Files.readString(out)).get("format").asText()).isEqualTo("switchyard-workspace");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ws.exportTo(dir.resolve("no-such-dir").resolve("x.json")))
                    .isInstanceOf(java.io.IOException.class);
            try (var files = java.nio.file.Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
            }
        }
    }

    @Test
    void exportImportIntoAnEmptyWorkspaceAndExportAgainIsEqual() throws Exception {
        byte[] first;
        Map<String, Long> counts;
        try (Workspace a = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(a);
            first = Samples.export(a);
            counts = a.counts();
        }
        try (Workspace b = Workspace.open(dir.resolve("b.switchyard"))) {
            ImportReport report = importInto(b, first);
            assertThat(report.refused()).isEmpty();
            assertThat(report.applied()).isTrue();
            assertThat(report.alreadyPresent()).isEmpty();
            assertThat(report.added()).containsEntry("runs", 2).containsEntry("votes", 2).containsEntry("replayItems", 2);
            assertThat(b.counts()).isEqualTo(counts);
            assertThat(comparable(Samples.export(b))).isEqualTo(comparable(first));
            assertThat(b.check().ok()).isTrue();
        }
    }

    @Test
    void importingTwiceMergesByUidWithoutDuplicates() throws Exception {
        byte[] doc;
        try (Workspace a = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(a);
            doc = Samples.export(a);
            Map<String, Long> before = a.counts();
            ImportReport again = importInto(a, doc);
            assertThat(again.addedTotal()).isZero();
            assertThat(again.alreadyPresent()).containsEntry("runs", 2).containsEntry("providers", 2)
                    .containsEntry("settings", 2);
            assertThat(a.counts()).isEqualTo(before);
        }
        try (Workspace b = Workspace.open(dir.resolve("b.switchyard"))) {
            long own = Fixtures.model(b, Fixtures.openAi(b), "own-model").id();
            b.runs().insert(Fixtures.completedRun(own, "mine", "mine"));
            importInto(b, doc);
            importInto(b, doc);
            assertThat(b.counts()).containsEntry("providers", 3L).containsEntry("models", 3L).containsEntry("runs", 3L);
        }
    }

    @Test
    void aNewerFormatVersionOrAForeignDocumentIsRefusedWhole() throws Exception {
        try (Workspace a = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(a);
            ObjectNode doc = (ObjectNode) JSON.readTree(Samples.export(a));
            doc.put("formatVersion", 2);
            try (Workspace b = Workspace.open(dir.resolve("b.switchyard"))) {
                ImportReport report = importInto(b, JSON.writeValueAsBytes(doc));
                assertThat(report.applied()).isFalse();
                assertThat(report.refused()).singleElement().asString().contains("format version 2")
                        .contains("update Switchyard");
                assertThat(b.counts().values()).allMatch(n -> n == 0);
                assertThat(importInto(b, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)).refused())
                        .singleElement().asString().contains("not a Switchyard workspace export");
                assertThat(importInto(b, "{not json".getBytes(StandardCharsets.UTF_8)).refused())
                        .singleElement().asString().contains("not valid JSON");
            }
        }
    }

    @Test
    void rowsThatReferenceSomethingMissingOrCarryASecretAreRefusedAndListed() throws Exception {
        try (Workspace a = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(a);
            ObjectNode doc = (ObjectNode) JSON.readTree(Samples.export(a));
            for (JsonNode provider : doc.get("providers")) {
                if (provider.get("name").asText().equals("OpenAI")) {
                    ((ObjectNode) provider).put("authRef", "sk-live-1234567890");
                }
            }
            ((ArrayNode) doc.get("prices")).removeAll();
            try (Workspace b = Workspace.open(dir.resolve("b.switchyard"))) {
                ImportReport report = importInto(b, JSON.writeValueAsBytes(doc));
                assertThat(report.applied()).isTrue();
                assertThat(report.refused()).anySatisfy(r -> assertThat(r).startsWith("Provider ")
                        .contains("auth reference"));
                assertThat(report.refused()).anySatisfy(r -> assertThat(r).startsWith("Model ")
                        .contains("refers to provider"));
                assertThat(report.refused()).anySatisfy(r -> assertThat(r).startsWith("Run ")
                        .contains("neither in the file nor in the workspace"));
                assertThat(b.providers().list()).extracting(p -> p.name()).containsExactly("Laptop");
                assertThat(b.counts()).containsEntry("models", 1L).containsEntry("policies", 1L)
                        .as("the local run stays, the priced one is refused").containsEntry("runs", 1L)
                        .as("the tie stays, the vote for the refused run goes").containsEntry("votes", 1L);
                assertThat(b.check().ok()).isTrue();
            }
        }
    }

    @Test
    void anImportThatFailsHalfWayLeavesNothingBehind() throws Exception {
        byte[] doc;
        try (Workspace a = Workspace.open(dir.resolve("a.switchyard"))) {
            Samples.populate(a);
            long model = a.models().list().get(0).id();
            java.util.List<dev.switchyard.workspace.model.Run> bulk = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                bulk.add(Fixtures.completedRun(model, "bulk " + i, "y".repeat(3000)));
            }
            a.runs().insertAll(bulk);
            doc = Samples.export(a);
        }
        Path file = dir.resolve("small.switchyard");
        Workspace.open(file).close();
        long pages;
        try (var c = Fixtures.raw(file); var st = c.createStatement();
             var rs = st.executeQuery("SELECT page_count, page_size FROM pragma_page_count, pragma_page_size")) {
            pages = rs.getLong(1) + 240_000 / rs.getLong(2); // room for ~240 KB more: the import needs ~1 MB
        }
        try (Workspace b = Workspace.open(file, WorkspaceOptions.DEFAULT.withMaxPageCount(pages))) {
            assertThatThrownBy(() -> importInto(b, doc)).isInstanceOfSatisfying(WorkspaceException.class,
                    e -> assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.DISK_FULL));
            assertThat(b.counts().values()).allMatch(n -> n == 0);
            assertThat(b.settings().all()).isEmpty();
        }
    }
}
