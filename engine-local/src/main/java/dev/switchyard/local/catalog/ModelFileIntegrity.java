package dev.switchyard.local.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks that a model folder still holds the files recorded when the model was imported or downloaded.
 *
 * <ul>
 *   <li>{@link #record}: each file's size, last-modified time and SHA-256 (reads every byte once).</li>
 *   <li>{@link #check} (quick, for every picker refresh): the folder and each recorded file exist and have the recorded
 *       size. A file whose size and time are as recorded is taken as it was, without reading it. Only a file of the
 *       recorded size whose time changed is hashed and compared with the recorded SHA-256 — once: the result is kept
 *       by (path, size, time), so the next refresh reads nothing again until the file changes again.</li>
 *   <li>{@link #verify} (when the user asks): hashes every recorded file, cache or not.</li>
 * </ul>
 * One instance per process holds the cache; thread-safe. No ONNX here: which files a model needs is the caller's
 * ({@code onnx.ModelFolder#filesToRun}).
 */
public final class ModelFileIntegrity {

    private record Key(Path file, long size, long modifiedMillis) {
    }

    private final Map<Key, String> hashes = new ConcurrentHashMap<>();
    private final AtomicInteger hashedFiles = new AtomicInteger();

    /** Records {@code files} (paths inside {@code folder}, with '/'), hashing each; the hashes go into the cache too. */
    public List<RecordedFile> record(Path folder, List<String> files) throws IOException {
        List<RecordedFile> out = new ArrayList<>();
        for (String rel : files) {
            Path f = folder.resolve(rel);
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            long size = a.size();
            long time = a.lastModifiedTime().toMillis();
            out.add(new RecordedFile(rel, size, time, hash(f, size, time, true)));
        }
        return out;
    }

    /** The quick check (see the class comment): sizes and times, a hash only for a file whose time alone changed. */
    public FileCheck check(Path folder, List<RecordedFile> recorded) {
        return check(folder, recorded, false);
    }

    /** The full check: every recorded file's content is hashed again and compared. */
    public FileCheck verify(Path folder, List<RecordedFile> recorded) {
        return check(folder, recorded, true);
    }

    /** How many files this instance has hashed (record, check and verify) since it was made: for tests and figures. */
    public int hashedFiles() {
        return hashedFiles.get();
    }

    private FileCheck check(Path folder, List<RecordedFile> recorded, boolean full) {
        if (!Files.isDirectory(folder)) {
            return new FileCheck(FileCheck.Status.FOLDER_MISSING, folder, List.of(), 0);
        }
        int before = hashedFiles.get();
        List<FileCheck.Problem> problems = new ArrayList<>();
        for (RecordedFile r : recorded) {
            Path f = folder.resolve(r.path());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.MISSING, r.size(), -1));
                continue;
            } catch (IOException e) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.MISSING, r.size(), -1));
                continue;
            }
            if (!a.isRegularFile()) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.MISSING, r.size(), -1));
                continue;
            }
            long size = a.size();
            long time = a.lastModifiedTime().toMillis();
            if (size != r.size()) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.SIZE_CHANGED, r.size(), size));
                continue;
            }
            boolean timeChanged = time != r.modifiedMillis();
            if (r.sha256() == null || (!full && !timeChanged)) {
                continue; // nothing to compare a hash with, or size and time as recorded: taken as it was
            }
            String sha;
            try {
                sha = hash(f, size, time, full);
            } catch (IOException e) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.MISSING, r.size(), -1));
                continue;
            }
            if (!sha.equals(r.sha256())) {
                problems.add(new FileCheck.Problem(r.path(), FileCheck.Change.CONTENT_CHANGED, r.size(), size));
            }
        }
        int hashed = hashedFiles.get() - before;
        return new FileCheck(problems.isEmpty() ? FileCheck.Status.OK : FileCheck.Status.FILES_CHANGED, folder, problems,
                hashed);
    }

    /** The file's SHA-256: from the cache when it was hashed at this size and time, unless {@code fresh}. */
    private String hash(Path file, long size, long time, boolean fresh) throws IOException {
        Key key = new Key(file.toAbsolutePath().normalize(), size, time);
        String known = fresh ? null : hashes.get(key);
        if (known != null) {
            return known;
        }
        String sha = Checksums.sha256(file);
        hashedFiles.incrementAndGet();
        hashes.put(key, sha);
        return sha;
    }
}
