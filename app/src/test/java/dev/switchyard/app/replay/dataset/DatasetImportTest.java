package dev.switchyard.app.replay.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.grade.Grader;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.replay.grade.Graders;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.DatasetItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and JSONL import: the field mapping, bad rows reported by line, good rows kept. */
class DatasetImportTest {

    static final Path SAMPLE = Path.of("../assets/datasets/sample.jsonl");

    @TempDir
    Path dir;

    @Test
    void csvKeepsGoodRowsAndReportsBadOnesByTheLineTheyStartOn() {
        String csv = "prompt,system,reference,tags,category,grader,customer\n"
                + "Turn on the lights,,on,smart;home,device,contains,ann\n"
                + "\"Summarize: one, two\nthree\",Be brief,\"say \"\"one\"\"\",,summary,regex,bob\n"
                + ",,missing prompt,,,,\n"
                + "too,few\n"
                + "bad \"quote,,,,,,\n"
                + "Unknown grader,,x,,,fancy,\n"
                + "\n"
                + "Last,,42,,reasoning,numeric,cy\n";
        ParsedDataset p = DatasetParser.parse(csv, DatasetParser.Format.CSV);

        assertThat(p.items()).extracting(DatasetItem::prompt)
                .containsExactly("Turn on the lights", "Summarize: one, two\nthree", "Last");
        assertThat(p.problems()).extracting(ImportProblem::line).containsExactly(5, 6, 7, 8); // the quoted field spans lines 3–4
        assertThat(p.problems().get(0).message()).contains("prompt is missing");
        assertThat(p.problems().get(1).message()).contains("2 fields where the header has 7");
        assertThat(p.problems().get(2).message()).contains("quote");
        assertThat(p.problems().get(3).message()).contains("unknown grader \"fancy\"");
        DatasetItem second = p.items().get(1);
        assertThat(second.system()).isEqualTo("Be brief");
        assertThat(second.referenceAnswer()).isEqualTo("say \"one\"");
        assertThat(p.items().get(0).tagsJson()).isEqualTo("[\"smart\",\"home\",\"category:device\",\"grader:contains\"]");
        assertThat(p.items().get(0).variablesJson()).as("unknown columns become variables").isEqualTo("{\"customer\":\"ann\"}");
    }

    @Test
    void csvWithoutAPromptColumnIsOneProblemOnLineOne() {
        ParsedDataset p = DatasetParser.parse("question_text,answer\nhi,there\n", DatasetParser.Format.CSV);
        assertThat(p.items()).isEmpty();
        assertThat(p.problems()).extracting(ImportProblem::line).containsExactly(1);
    }

    @Test
    void jsonlMapsAliasesAndStructuredReferencesAndReportsBadLines() {
        String jsonl = "{\"prompt\":\"a\",\"reference\":{\"type\":\"object\"},\"tags\":[\"x\"],\"grader\":\"json\"}\n"
                + "{\"question\":\"b\",\"expected\":\"7\",\"variables\":{\"n\":7},\"category\":\"reasoning\"}\n"
                + "not json\n"
                + "[1,2]\n"
                + "\n"
                + "{\"prompt\":\"c\",\"colour\":\"red\"}\n"
                + "{\"prompt\":\"   \"}\n"
                + "{\"prompt\":\"d\",\"variables\":\"[1]\"}\n"
                + "{\"input\":\"e\"}";
        ParsedDataset p = DatasetParser.parse(jsonl, DatasetParser.Format.JSONL);
        assertThat(p.items()).extracting(DatasetItem::prompt).containsExactly("a", "b", "e");
        assertThat(p.items().get(0).referenceAnswer()).isEqualTo("{\"type\":\"object\"}");
        assertThat(p.items().get(1).variablesJson()).isEqualTo("{\"n\":7}");
        assertThat(p.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 6, 7, 8);
        assertThat(p.problems().get(0).message()).contains("not valid JSON");
        assertThat(p.problems().get(2).message()).contains("unknown field \"colour\"");
        assertThat(p.problems().get(4).message()).contains("must be a JSON object");
    }

    /** A bad JSONL line and a missing file are said in plain words, without Jackson's or Java's texts. */
    @Test
    void badJsonLinesAndMissingFilesAreSaidPlainly() {
        ParsedDataset p = DatasetParser.parse("{\"prompt\":\"a\"}\n{\"prompt\": \"b\"\nnot json\n{\"prompt\": 'c'}\n",
                DatasetParser.Format.JSONL);
        assertThat(p.problems()).extracting(ImportProblem::line).containsExactly(2, 3, 4);
        assertThat(p.problems()).extracting(ImportProblem::message).containsExactly(
                "not valid JSON (the line ends before its JSON is closed)",
                "not valid JSON (unexpected text 'not' at column 1)",
                "not valid JSON (unexpected character ' at column 12)");
        assertThat(p.problems()).allSatisfy(x -> assertThat(x.message()).doesNotContain("Source")
                .doesNotContain("StreamReadFeature").doesNotContain("was expecting"));

        try (Workspace ws = Workspace.open(dir.resolve("m.switchyard"))) {
            assertThatThrownBy(() -> new DatasetService(ws).importFile(dir.resolve("nope.csv"), "x"))
                    .isInstanceOf(ReplayException.class)
                    .hasMessage("Cannot read " + dir.resolve("nope.csv").toAbsolutePath() + ": the file does not exist.");
        }
    }

    @Test
    void importStoresGoodRowsAndRefusesAFileWithNone() throws Exception {
        Path good = Files.writeString(dir.resolve("mixed.jsonl"), "{\"prompt\":\"a\"}\n{\"bad\":1}\n{\"prompt\":\"b\"}\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "prompt\n\"unclosed\n");
        try (Workspace ws = Workspace.open(dir.resolve("d.switchyard"))) {
            DatasetService service = new DatasetService(ws);
            DatasetService.Imported r = service.importFile(good, null);
            assertThat(r.dataset().name()).isEqualTo("mixed");
            assertThat(r.added()).isEqualTo(2);
            assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(2);
            assertThat(ws.datasets().items(r.dataset().id())).extracting(DatasetItem::position).containsExactly(0, 1);
            assertThatThrownBy(() -> service.importFile(bad, "x")).isInstanceOf(ReplayException.class)
                    .hasMessageContaining("No usable row").hasMessageContaining("line 2");
            assertThat(ws.datasets().list()).hasSize(1);

            DatasetItem first = ws.datasets().items(r.dataset().id()).get(0);
            DatasetItem edited = service.updateItem(new DatasetItem(first.id(), first.uid(), first.datasetId(),
                    first.position(), "a, edited", "sys", "{}", "ref", "[\"grader:exact\"]"));
            assertThat(edited.prompt()).isEqualTo("a, edited");
            assertThat(service.items(r.dataset().id()).get(0).referenceAnswer()).isEqualTo("ref");
            service.deleteItem(first.id());
            assertThat(service.items(r.dataset().id())).extracting(DatasetItem::prompt).containsExactly("b");
        }
    }

    @Test
    void theSampleDatasetHasAtLeast150CheckableItemsInSixCategories() throws Exception {
        ParsedDataset p = DatasetParser.parse(Files.readString(SAMPLE), DatasetParser.Format.JSONL);
        assertThat(p.problems()).isEmpty();
        assertThat(p.items()).hasSizeGreaterThanOrEqualTo(150);
        Map<String, Long> byCategory = p.items().stream().collect(Collectors.groupingBy(
                i -> GraderSpec.fromTags(i.tagsJson(), i.referenceAnswer()).category(), Collectors.counting()));
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder("device", "faq", "summary", "extraction", "code",
                "reasoning");
        Graders graders = Graders.basic();
        for (DatasetItem i : p.items()) {
            GraderSpec spec = GraderSpec.fromTags(i.tagsJson(), i.referenceAnswer());
            assertThat(List.of(GraderKind.JSON, GraderKind.CONTAINS, GraderKind.REGEX, GraderKind.NUMERIC))
                    .contains(spec.kind());
            // an empty answer gets a verdict (fail): the reference is a usable rule, not "ungraded"
            var g = graders.grade(new Grader.GradeInput(i.prompt(), "", i.referenceAnswer(), spec, null));
            assertThat(g.pass()).as(i.prompt()).isFalse();
        }
    }
}
