package dev.switchyard.app.replay.grade;

import dev.switchyard.local.intent.TextEmbedder;
import java.util.function.Supplier;

/**
 * Cosine similarity between the answer and the reference with the embedded local sentence model
 * (all-MiniLM-L6-v2, vectors L2-normalised, so cosine = dot product); passes at or above the threshold
 * (the item's {@code threshold:} tag, else the replay's default).
 */
public final class EmbeddingGrader implements Grader {

    private final Supplier<? extends TextEmbedder> embedder;
    private final double defaultThreshold;

    public EmbeddingGrader(Supplier<? extends TextEmbedder> embedder, double defaultThreshold) {
        this.embedder = embedder;
        this.defaultThreshold = defaultThreshold;
    }

    @Override
    public GraderKind kind() {
        return GraderKind.EMBEDDING;
    }

    @Override
    public Grade grade(GradeInput in) {
        if (in.reference() == null || in.reference().isBlank()) {
            return Grade.ungraded(kind(), "the item has no reference answer");
        }
        if (in.answer().isBlank()) {
            return Grade.fail(kind(), "the answer is empty").withScore(0);
        }
        double sim = cosine(embedder.get().embed(in.answer()), embedder.get().embed(in.reference()));
        double threshold = in.spec().thresholdOr(defaultThreshold);
        boolean ok = sim >= threshold;
        return Grade.of(kind(), ok, String.format(java.util.Locale.ROOT, "similarity %.3f %s threshold %.2f", sim,
                ok ? "≥" : "<", threshold)).withScore(Math.max(0, sim));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
