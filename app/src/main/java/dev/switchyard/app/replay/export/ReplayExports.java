package dev.switchyard.app.replay.export;

import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.engine.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a replay as CSV, JSON or one self-contained HTML report. */
public final class ReplayExports {

    /** Export formats. */
    public enum Format {
        CSV, JSON, HTML;

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Unknown export format \"" + s
                        + "\"; use csv, json or html.");
            }
        }
    }

    private ReplayExports() {
    }

    public static String render(ReplayResult r, Format f) {
        return render(r, f, null);
    }

    /** {@code runFix}: a JSON report's {@code cli_fix} of each answer that did not complete ({@link ReplayReport#json}). */
    public static String render(ReplayResult r, Format f, java.util.function.LongFunction<String> runFix) {
        return switch (f) {
            case CSV -> CsvExport.csv(r);
            case JSON -> ReplayReport.json(r, true, runFix).toPrettyString();
            case HTML -> HtmlReport.html(r);
        };
    }

    public static void write(ReplayResult r, Format f, Path file) {
        write(r, f, file, null);
    }

    public static void write(ReplayResult r, Format f, Path file, java.util.function.LongFunction<String> runFix) {
        try {
            Files.writeString(file, render(r, f, runFix), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Cannot write " + file + ": " + e.getMessage());
        }
    }
}
