package dev.switchyard.app.replay.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchyard.workspace.model.DatasetItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads CSV (a header row, then one item per record) and JSONL (one JSON object per line). Bad rows are kept apart. */
public final class DatasetParser {

    /** File formats, chosen from the extension (.csv, .jsonl/.ndjson/.json). */
    public enum Format {
        CSV, JSONL;

        public static Format forFile(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return JSONL;
            }
            throw new IllegalArgumentException("\"" + name + "\" is neither .csv nor .jsonl");
        }
    }

    private DatasetParser() {
    }

    public static ParsedDataset parse(String text, Format format) {
        return format == Format.CSV ? csv(text) : jsonl(text);
    }

    static ParsedDataset jsonl(String text) {
        List<DatasetItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = ItemFields.JSON.readTree(line);
                if (n == null || !n.isObject()) {
                    throw new IllegalArgumentException("the line is not a JSON object");
                }
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                n.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                items.add(ItemFields.item(fields, false));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(i + 1, e.getMessage()));
            } catch (Exception e) {
                problems.add(new ImportProblem(i + 1, "not valid JSON (" + jsonProblem(e) + ")"));
            }
        }
        return new ParsedDataset(items, problems);
    }

    static ParsedDataset csv(String text) {
        List<CsvReader.Record> records = CsvReader.parse(text);
        List<DatasetItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(new ImportProblem(1, "the file is empty (a header row naming the columns is required)"));
            return new ParsedDataset(items, problems);
        }
        CsvReader.Record header = records.get(0);
        List<String> names = header.fields().stream().map(String::strip).toList();
        if (header.error() != null || names.stream().noneMatch(h -> ItemFields.PROMPT.contains(h.toLowerCase(Locale.ROOT)))) {
            problems.add(new ImportProblem(header.line(), "the header row has no \"prompt\" column"));
            return new ParsedDataset(items, problems);
        }
        for (CsvReader.Record r : records.subList(1, records.size())) {
            if (r.error() != null) {
                problems.add(new ImportProblem(r.line(), r.error()));
                continue;
            }
            if (r.fields().size() != names.size()) {
                problems.add(new ImportProblem(r.line(), r.fields().size() + " fields where the header has "
                        + names.size()));
                continue;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                fields.put(names.get(c), TextNode.valueOf(r.fields().get(c)));
            }
            try {
                items.add(ItemFields.item(fields, true));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(r.line(), e.getMessage()));
            }
        }
        return new ParsedDataset(items, problems);
    }

    /** A JSON syntax error without Jackson's source description ("[Source: REDACTED …]"): what and where. */
    static String jsonProblem(Exception e) {
        if (!(e instanceof com.fasterxml.jackson.core.JsonProcessingException j)) {
            return firstLine(e.getMessage());
        }
        String m = firstLine(j.getOriginalMessage());
        String where = j.getLocation() == null || j.getLocation().getColumnNr() < 1 ? ""
                : " at column " + j.getLocation().getColumnNr();
        if (m.startsWith("Unexpected end-of-input")) {
            return "the line ends before its JSON is closed";
        }
        m = m.replaceAll(" ?\\(start marker at .*", "").replaceAll(":? (?:was )?expect(?:ing|ed) .*", "")
                .replaceAll("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)", "unexpected character $1")
                .replace("Unrecognized token", "unexpected text");
        return m + where;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
