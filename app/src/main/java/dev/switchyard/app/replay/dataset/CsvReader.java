package dev.switchyard.app.replay.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes, a doubled quote inside quotes is one
 * quote, quoted fields may span lines. Each record keeps the 1-based line it starts on, so problems can be
 * reported by line.
 */
final class CsvReader {

    /** One record and the line it starts on; {@code error} is set when the record is malformed. */
    record Record(int line, List<String> fields, String error) {
    }

    private CsvReader() {
    }

    static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        int line = 1;
        int start = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        String error = null;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() == 0 && !afterQuote) {
                        quoted = true;
                    } else if (error == null) {
                        error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    fields.add(field.toString());
                    addRecord(out, start, fields, error);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    afterQuote = false;
                    error = null;
                    line++;
                    start = line;
                }
                default -> {
                    if (afterQuote && error == null) {
                        error = "text after a closing quote";
                    }
                    field.append(c);
                }
            }
        }
        if (quoted) {
            error = "a quoted field is not closed before the end of the file";
        }
        if (field.length() > 0 || !fields.isEmpty() || error != null) {
            fields.add(field.toString());
            addRecord(out, start, fields, error);
        }
        return out;
    }

    private static void addRecord(List<Record> out, int line, List<String> fields, String error) {
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank || error != null) {
            out.add(new Record(line, List.copyOf(fields), error));
        }
    }
}
