package dev.switchyard.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** An export's format: {@code --format} when given, else the output file's extension ({@code -o runs.csv}). */
final class FileFormats {

    private FileFormats() {
    }

    /**
     * {@code format} when given, else the one of {@code known} that {@code output}'s name ends with.
     *
     * @throws CliException (usage) when neither tells
     */
    static String of(String format, Path output, List<String> known) {
        if (format != null) {
            return format;
        }
        if (output != null && output.getFileName() != null) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String k : known) {
                if (name.endsWith("." + k)) {
                    return k;
                }
            }
        }
        String last = "." + known.get(known.size() - 1);
        String ends = known.subList(0, known.size() - 1).stream().map(k -> "." + k)
                .reduce((a, b) -> a + ", " + b).map(s -> s + " or " + last).orElse(last);
        throw new CliException(ExitCodes.USAGE, "Which format? Give --format " + String.join("|", known)
                + ", or an output file (-o) whose name ends in " + ends + ".");
    }
}
