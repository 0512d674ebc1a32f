package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.intent.MiniLmEmbedder;
import dev.switchyard.local.intent.TextEmbedder;
import dev.switchyard.local.intent.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits {@link ComplexityModel} offline: centroids of the "simple" and "complex" training prompts'
 * embeddings, then logistic regression (batch gradient descent, L2 0.01, 4000 steps) over the six signals.
 * Prompts marked {@code "split": "test"} (every fourth of each label) are held back and only scored.
 * Run: {@code java -cp <app classpath> dev.switchyard.app.routing.ComplexityTrainer assets/routing}.
 */
public final class ComplexityTrainer {

    /** One labelled prompt. */
    public record Labelled(String prompt, boolean complex, boolean test) {
    }

    private ComplexityTrainer() {
    }

    public static List<Labelled> read(InputStream jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        for (String line : new String(jsonl.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                out.add(new Labelled(n.path("prompt").asText(), "complex".equals(n.path("label").asText()),
                        "test".equals(n.path("split").asText())));
            }
        }
        return out;
    }

    /** Share of {@code items} the model labels right (score ≥ 0.5 = complex). */
    public static double accuracy(ComplexityModel model, List<Labelled> items, TextEmbedder embedder) {
        int right = 0;
        for (Labelled l : items) {
            boolean complex = model.score(l.prompt(), () -> embedder.embed(l.prompt())) >= 0.5;
            right += complex == l.complex() ? 1 : 0;
        }
        return items.isEmpty() ? 0 : (double) right / items.size();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/routing");
        List<Labelled> all;
        try (InputStream in = Files.newInputStream(dir.resolve("complexity-labelled.jsonl"))) {
            all = read(in);
        }
        List<Labelled> train = all.stream().filter(l -> !l.test()).toList();
        List<Labelled> test = all.stream().filter(Labelled::test).toList();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            float[][] e = new float[train.size()][];
            for (int i = 0; i < e.length; i++) {
                e[i] = embedder.embed(train.get(i).prompt());
            }
            float[] simple = centroid(e, train, false);
            float[] complex = centroid(e, train, true);
            double[][] x = new double[train.size()][];
            double[] y = new double[train.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ComplexityModel.signals(train.get(i).prompt(), e[i], simple, complex);
                y[i] = train.get(i).complex() ? 1 : 0;
            }
            double[] w = new double[ComplexityModel.SIGNALS.length + 1];
            fit(x, y, w);
            double[] weights = java.util.Arrays.copyOf(w, ComplexityModel.SIGNALS.length);
            ComplexityModel model = new ComplexityModel(simple, complex, weights, w[w.length - 1]);
            double trainAcc = accuracy(model, train, embedder);
            double testAcc = accuracy(model, test, embedder);
            write(dir.resolve("complexity-model.json"), simple, complex, weights, w[w.length - 1], train.size(),
                    test.size(), trainAcc, testAcc);
            System.out.printf("train %d prompts, accuracy %.3f; held back %d prompts, accuracy %.3f%n", train.size(),
                    trainAcc, test.size(), testAcc);
        }
    }

    private static float[] centroid(float[][] e, List<Labelled> items, boolean complex) {
        float[] c = new float[e[0].length];
        for (int i = 0; i < e.length; i++) {
            if (items.get(i).complex() == complex) {
                for (int d = 0; d < c.length; d++) {
                    c[d] += e[i][d];
                }
            }
        }
        return Vectors.normalize(c);
    }

    /** Logistic regression by batch gradient descent; the last weight is the bias. */
    static void fit(double[][] x, double[] y, double[] w) {
        int n = x.length;
        int k = w.length - 1;
        for (int step = 0; step < 4000; step++) {
            double[] g = new double[w.length];
            for (int i = 0; i < n; i++) {
                double z = w[k];
                for (int j = 0; j < k; j++) {
                    z += w[j] * x[i][j];
                }
                double err = 1 / (1 + Math.exp(-z)) - y[i];
                for (int j = 0; j < k; j++) {
                    g[j] += err * x[i][j];
                }
                g[k] += err;
            }
            for (int j = 0; j <= k; j++) {
                w[j] -= 0.5 * (g[j] / n + (j < k ? 0.01 * w[j] : 0));
            }
        }
    }

    private static void write(Path file, float[] simple, float[] complex, double[] w, double bias, int trainN, int testN,
                              double trainAcc, double testAcc) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = json.createObjectNode();
        n.put("about", "Fitted by dev.switchyard.app.routing.ComplexityTrainer on complexity-labelled.jsonl; see ROUTING.md.");
        n.put("train_prompts", trainN).put("heldout_prompts", testN);
        n.put("train_accuracy", Math.round(trainAcc * 1000) / 1000.0).put("heldout_accuracy", Math.round(testAcc * 1000) / 1000.0);
        ObjectNode weights = n.putObject("weights");
        for (int i = 0; i < w.length; i++) {
            weights.put(ComplexityModel.SIGNALS[i], Math.round(w[i] * 1e6) / 1e6);
        }
        n.put("bias", Math.round(bias * 1e6) / 1e6);
        ArrayNode s = n.putArray("centroid_simple");
        for (float v : simple) {
            s.add(Math.round(v * 1e6) / 1e6);
        }
        ArrayNode c = n.putArray("centroid_complex");
        for (float v : complex) {
            c.add(Math.round(v * 1e6) / 1e6);
        }
        Files.writeString(file, n.toString() + "\n");
    }
}
