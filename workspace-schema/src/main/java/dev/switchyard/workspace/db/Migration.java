package dev.switchyard.workspace.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One forward-only migration file {@code Vnnn__description.sql}; the checksum is SHA-256 of its text (LF line ends). */
public record Migration(int version, String description, String fileName, String sql, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.sql");

    public static Migration parse(String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration file name " + fileName + " does not match Vnnn__name.sql");
        }
        String normalized = text.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, normalized,
                sha256(normalized));
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Splits the file into statements: a statement ends with ';' at the end of a line, except inside a
     * CREATE TRIGGER, which ends with a line {@code END;}. Lines starting with {@code --} are comments.
     */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            String trimmed = line.trim();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (current.length() == line.length() + 1 && upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? upper.equals("END;") : trimmed.endsWith(";");
            if (ends) {
                out.add(current.toString().trim());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (current.toString().trim().length() > 0) {
            throw new IllegalStateException("migration " + fileName + " ends without ';'");
        }
        return out;
    }
}
