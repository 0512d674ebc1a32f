package dev.switchyard.local.onnx;

import ai.onnxruntime.OrtException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Whether a model's fused attention graph ({@link AttentionFusion}) computes what its exported graph computes: both
 * run the same probe (an 8-token prompt, then three single tokens through the cache) and every logits row must agree
 * within {@link #TOLERANCE} of the row's range. The verdict is kept per model file (name, size, modification time,
 * rewrite version) in {@value #FILE} in the model folder.
 */
final class FusionCheck {

    /** Hidden file in the model folder: model file name → "size:mtime:version:same|different". */
    static final String FILE = ".switchyard-fusion.properties";
    /** Bumped whenever {@link AttentionFusion} changes what it writes, so old verdicts are not trusted. */
    private static final int VERSION = 1;
    /**
     * Largest difference allowed, as a share of the reference row's range (max − min logit). Reordered float sums
     * (and 4-bit kernels' 8-bit activation rounding) move logits by far less; a wrong rotary table, head mapping or
     * skipped op moves them by a large part of the range.
     */
    static final double TOLERANCE = 0.02;

    enum Verdict { UNKNOWN, SAME, DIFFERENT }

    private FusionCheck() {
    }

    static Verdict read(Path modelFile) {
        Properties p = load(modelFile);
        String v = p.getProperty(modelFile.getFileName().toString(), "");
        String key = key(modelFile);
        if (key == null || !v.startsWith(key + ":")) {
            return Verdict.UNKNOWN;
        }
        return v.endsWith(":same") ? Verdict.SAME : v.endsWith(":different") ? Verdict.DIFFERENT : Verdict.UNKNOWN;
    }

    /** Records the verdict; best effort (a read-only folder checks again at the next load). */
    static void write(Path modelFile, Verdict verdict) {
        String key = key(modelFile);
        if (key == null) {
            return;
        }
        Properties p = load(modelFile);
        p.setProperty(modelFile.getFileName().toString(), key + ":" + verdict.name().toLowerCase(java.util.Locale.ROOT));
        Path file = modelFile.toAbsolutePath().getParent().resolve(FILE);
        try {
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Switchyard: whether each model file's fused attention graph computes what the file does");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ignored) {
            // checked again next time
        }
    }

    private static Properties load(Path modelFile) {
        Properties p = new Properties();
        Path file = modelFile.toAbsolutePath().getParent().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // an unreadable record: check again
            }
        }
        return p;
    }

    private static String key(Path modelFile) {
        try {
            return Files.size(modelFile) + ":" + Files.getLastModifiedTime(modelFile).toMillis() + ":" + VERSION;
        } catch (IOException e) {
            return null;
        }
    }

    /** The logits rows of the probe: the prompt's last row, then one per single token. */
    static float[][] probe(DecoderModel model) throws OrtException {
        int vocab = model.io().vocab() > 0 ? model.io().vocab() : 256;
        float[][] rows = new float[4][];
        try (KvRun run = new KvRun(model, 16, true)) {
            long[] prompt = new long[8];
            for (int i = 0; i < prompt.length; i++) {
                prompt[i] = (i * 7919L + 13) % vocab;
            }
            rows[0] = run.feed(prompt).clone();
            for (int s = 1; s < rows.length; s++) {
                rows[s] = run.feed(new long[] {(s * 104_729L + 7) % vocab}).clone();
            }
        }
        return rows;
    }

    /** The largest difference between two probes, as a share of the reference row's range. */
    static double difference(float[][] reference, float[][] other) {
        double worst = 0;
        for (int r = 0; r < reference.length; r++) {
            float[] a = reference[r];
            float[] b = other[r];
            if (b == null || a.length != b.length) {
                return Double.POSITIVE_INFINITY;
            }
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                min = Math.min(min, a[i]);
                max = Math.max(max, a[i]);
                diff = Math.max(diff, Math.abs((double) a[i] - b[i]));
            }
            if (Double.isNaN(diff)) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, diff / Math.max(max - min, 1e-6));
        }
        return worst;
    }

    static boolean same(float[][] reference, float[][] other) {
        return difference(reference, other) <= TOLERANCE;
    }
}
