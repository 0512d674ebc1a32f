package dev.switchyard.app.routing;

import dev.switchyard.app.ReadProblem;
import dev.switchyard.app.SafeFileWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy JSON file, read and written the one way the CLI ({@code policy validate|save}, {@code route --policy
 * <file>}) and the Routing screen's Import / Export both use: the file's text through {@link PolicyJson#parse}, and
 * {@link PolicyJson#write} into a temporary sibling moved into place.
 */
public final class PolicyFile {

    /** Bytes past which a file cannot hold a policy of at most {@link PolicyJson#MAX_CHARS} characters. */
    private static final long MAX_BYTES = 4L * PolicyJson.MAX_CHARS;

    private PolicyFile() {
    }

    /** The file's text (UTF-8); a file far larger than a policy may be is refused before it is read. */
    public static String readText(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw new IOException("the file is larger than 1 MB, the most a policy may be");
        }
        return Files.readString(file);
    }

    /**
     * Reads and parses the file; never throws. A file that cannot be read gives one problem at the path "" with
     * {@link ReadProblem}'s sentence; a malformed policy gives {@link PolicyJson#parse}'s problems.
     */
    public static PolicyJson.Parsed parse(Path file) {
        String text;
        try {
            text = readText(file);
        } catch (IOException | RuntimeException e) {
            IOException io = e instanceof IOException x ? x : new IOException(e.getClass().getSimpleName(), e);
            return new PolicyJson.Parsed(null, List.of(new Problem("", ReadProblem.sentence(file, io))));
        }
        return PolicyJson.parse(text);
    }

    /**
     * The name a policy read from {@code file} is saved under unless the user gives another: the name in the file,
     * else the file's name without {@code .json}.
     */
    public static String proposedName(Policy read, Path file) {
        if (read != null && read.name() != null && !read.name().isBlank()) {
            return read.name().strip();
        }
        String f = file.getFileName() == null ? "policy" : file.getFileName().toString();
        return f.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? f.substring(0, f.length() - 5) : f;
    }

    /**
     * Writes {@code policy} as the JSON {@link #parse} reads back to an equal policy, ending with a new line;
     * through a temporary file beside it, so a failed write leaves an earlier file whole.
     */
    public static void write(Path file, Policy policy) throws IOException {
        byte[] json = (PolicyJson.write(policy) + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SafeFileWrite.write(file, out -> {
            out.write(json);
            return json.length;
        });
    }
}
