package dev.switchyard.local.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ONNX decoder session with its discovered I/O, and optionally a second session of the same graph for prompts
 * (decision 12). Not thread-safe: one run at a time.
 */
public final class DecoderModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DecoderIo io;
    private final ModelFolder folder;
    /** The same graph with its 4-bit MatMuls computing in fp32, for steps of more than one token; null: none. */
    private OrtSession prefill;
    private int fusedLayers;
    /** 4-bit MatMulNBits nodes given int8 compute at load ({@link LastRowLogits}, decision 11). */
    private int int8Nodes;
    /** The fusion was tried and its check found the fused graph computing something else (now or recorded). */
    private boolean fusionRefused;
    /** The sessions run on the process's shared intra-op pool ({@link OrtRuntime}, decision 13). */
    private boolean sharedPool;

    private DecoderModel(OrtEnvironment env, OrtSession session, DecoderIo io, ModelFolder folder) {
        this.env = env;
        this.session = session;
        this.io = io;
        this.folder = folder;
    }

    public static DecoderModel open(ModelFolder folder, int intraThreads) throws LocalEngineException {
        return open(folder, intraThreads, true);
    }

    /**
     * Loads the folder's model file: rewritten for last-row logits and int8 compute where it can be
     * ({@link LastRowLogits}) and, with {@code fuseAttention} (and unless {@code -Dswitchyard.fuseAttention=false}),
     * with its attention fused where that computes the same ({@link #openFused}); as it is otherwise. Then, where
     * it helps, a second session of the same graph prefills prompts in fp32 ({@link #attachPrefill}).
     */
    public static DecoderModel open(ModelFolder folder, int intraThreads, boolean fuseAttention) throws LocalEngineException {
        Path file = folder.modelFile();
        checkLooksLikeOnnx(file);
        OrtEnvironment env = OrtRuntime.environment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            boolean sharedPool = OrtRuntime.threads(opts, intraThreads);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            boolean noRewrite = "false".equals(System.getProperty("switchyard.lastRowLogits")); // (turns every rewrite off)
            LastRowLogits.Compute compute = "false".equals(System.getProperty("switchyard.int8Compute"))
                    ? LastRowLogits.Compute.AS_FILE : LastRowLogits.Compute.INT8;
            AttentionFusion.Rotary rotary = noRewrite || !fuseAttention || "false".equals(System.getProperty("switchyard.fuseAttention"))
                    ? null : AttentionFusion.Rotary.fromConfig(folder.config(), folder.contextLength());
            DecoderModel model = null;
            boolean refused = false;
            if (rotary != null) {
                FusedLoad fused = openFused(env, folder, opts, rotary, compute);
                model = fused.model();
                refused = fused.refused();
            }
            if (model == null) {
                Opened plain = noRewrite ? null : rewrittenSession(env, file, opts, null, compute);
                model = withIo(env, plain != null ? plain.session() : env.createSession(file.toString(), opts), folder);
                model.int8Nodes = plain == null ? 0 : plain.rewritten().levelNodes();
                model.fusionRefused = refused;
            }
            model.sharedPool = sharedPool;
            if (!noRewrite) {
                model.attachPrefill(opts, model.fusedLayers > 0 ? rotary : null);
            }
            return model;
        } catch (OrtException e) {
            throw classifyLoadFailure(file, e);
        }
    }

    /** What {@link #openFused} gave: the fused model, or none and whether its check refused it. */
    private record FusedLoad(DecoderModel model, boolean refused) {
        static final FusedLoad NONE = new FusedLoad(null, false);
        static final FusedLoad REFUSED = new FusedLoad(null, true);
    }

    /** A session of a rewritten file, and what the rewrite did. */
    private record Opened(OrtSession session, LastRowLogits.Rewritten rewritten) {
    }

    private static DecoderModel withIo(OrtEnvironment env, OrtSession session, ModelFolder folder) throws LocalEngineException {
        Path file = folder.modelFile();
        try {
            DecoderIo io = DecoderIo.discover(file, session.getInputInfo(), session.getOutputInfo(), folder.config());
            return new DecoderModel(env, session, io, folder);
        } catch (OrtException e) {
            closeQuietly(session);
            throw LocalEngineException.withDetail(Kind.CORRUPT_MODEL, "ONNX Runtime cannot read the inputs of " + file
                    + "; the file may be damaged: " + REPLACE, ModelFolder.firstLine(e.getMessage()), e);
        } catch (LocalEngineException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The model with its attention fused ({@link AttentionFusion}); {@code REFUSED} when the fused graph computes
     * something else (found now or before, {@link FusionCheck}); {@code NONE} when it does not fuse, the folder cannot
     * take the rewritten file, or it fails to load. The first time a file fuses, its logits are checked against the
     * unfused graph's on a probe (one model in memory at a time; both with the same {@code compute}) and the verdict
     * is kept in the model folder, so later loads cost nothing extra.
     */
    private static FusedLoad openFused(OrtEnvironment env, ModelFolder folder, OrtSession.SessionOptions opts,
                                       AttentionFusion.Rotary rotary, LastRowLogits.Compute compute)
            throws LocalEngineException {
        Path file = folder.modelFile();
        FusionCheck.Verdict verdict = FusionCheck.read(file);
        if (verdict == FusionCheck.Verdict.DIFFERENT) {
            return FusedLoad.REFUSED;
        }
        LastRowLogits.Rewritten rewritten;
        try {
            rewritten = LastRowLogits.write(file, "logits", rotary, compute).orElse(null);
        } catch (IOException e) {
            return FusedLoad.NONE; // a read-only folder, say
        }
        if (rewritten == null) {
            return FusedLoad.NONE;
        }
        try {
            if (rewritten.fusedLayers() == 0) {
                return FusedLoad.NONE;
            }
            float[][] reference = null;
            if (verdict == FusionCheck.Verdict.UNKNOWN) {
                reference = referenceProbe(env, folder, opts, compute);
                if (reference == null) {
                    return FusedLoad.NONE; // the plain load reports the problem
                }
            }
            DecoderModel fused;
            try {
                fused = withIo(env, env.createSession(rewritten.file().toString(), opts), folder);
            } catch (OrtException | LocalEngineException e) {
                return FusedLoad.NONE; // the export's own graph loads instead
            }
            fused.fusedLayers = rewritten.fusedLayers();
            fused.int8Nodes = rewritten.levelNodes();
            if (reference != null) {
                boolean same;
                try {
                    same = FusionCheck.same(reference, FusionCheck.probe(fused));
                } catch (OrtException | RuntimeException e) {
                    same = false;
                }
                FusionCheck.write(file, same ? FusionCheck.Verdict.SAME : FusionCheck.Verdict.DIFFERENT);
                if (!same) {
                    fused.close();
                    return FusedLoad.REFUSED;
                }
            }
            return new FusedLoad(fused, false);
        } finally {
            deleteQuietly(rewritten.file()); // the session holds what it needs
        }
    }

    /** The probe's logits from the export's graph (rewritten but for the attention), or null when it cannot run. */
    private static float[][] referenceProbe(OrtEnvironment env, ModelFolder folder, OrtSession.SessionOptions opts,
                                            LastRowLogits.Compute compute) throws LocalEngineException {
        Opened opened = rewrittenSession(env, folder.modelFile(), opts, null, compute);
        OrtSession plain;
        try {
            // (null: nothing to rewrite but the attention)
            plain = opened != null ? opened.session() : env.createSession(folder.modelFile().toString(), opts);
        } catch (OrtException e) {
            return null;
        }
        DecoderModel unfused = withIo(env, plain, folder);
        try {
            return FusionCheck.probe(unfused);
        } catch (OrtException | RuntimeException e) {
            return null;
        } finally {
            unfused.close();
        }
    }

    /**
     * The session of the model rewritten ({@link LastRowLogits}: last-row logits, with {@code rotary} fused attention,
     * 4-bit MatMuls computing as {@code compute} says), or null when nothing applies or anything about it fails (a
     * read-only folder, say): the caller then loads the file as it is, so the rewrite can only make a model faster,
     * never unloadable.
     */
    private static Opened rewrittenSession(OrtEnvironment env, Path file, OrtSession.SessionOptions opts,
                                           AttentionFusion.Rotary rotary, LastRowLogits.Compute compute) {
        Path rewritten = null;
        try {
            LastRowLogits.Rewritten r = LastRowLogits.write(file, "logits", rotary, compute).orElse(null);
            if (r == null) {
                return null;
            }
            rewritten = r.file();
            return new Opened(env.createSession(rewritten.toString(), opts), r);
        } catch (IOException | OrtException e) {
            return null;
        } finally {
            if (rewritten != null) {
                deleteQuietly(rewritten); // the session holds what it needs
            }
        }
    }

    /**
     * Adds a second session of this graph whose 4-bit MatMuls compute in fp32, for steps of more than one token
     * (decision 12): on x86 CPUs without VNNI, ONNX Runtime's fp32 path (weights dequantized once a call, then
     * SGEMM) handles a prompt's many rows faster than its int8 path, which decodes twice as fast. It costs a second
     * copy of the packed weights (+260 MB for SmolLM2-135M), so it is added only for files of at most 300 MB whose
     * decode graph computes in int8, on CPUs with AVX2 but no VNNI ({@code -Dswitchyard.prefillSession=true|false}
     * decides instead).
     */
    private void attachPrefill(OrtSession.SessionOptions opts, AttentionFusion.Rotary rotary) {
        String forced = System.getProperty("switchyard.prefillSession");
        boolean wanted = forced != null ? Boolean.parseBoolean(forced)
                : ModelFolder.fileBytes(folder.modelFile()) <= PREFILL_SESSION_MAX_BYTES && Cpu.fp32PrefillsFaster();
        if (!wanted) {
            return;
        }
        Opened fp32 = rewrittenSession(env, folder.modelFile(), opts, rotary, LastRowLogits.Compute.FP32);
        if (fp32 == null) {
            return;
        }
        // the same graph but for its levels: the same fusion, and 4-bit MatMuls that compute otherwise than here
        boolean differs = int8Nodes > 0 || fp32.rewritten().levelNodes() > 0;
        if (fp32.rewritten().fusedLayers() != fusedLayers || !differs) {
            closeQuietly(fp32.session());
            return;
        }
        prefill = fp32.session();
    }

    /** Files above this get no prefill session: its second packed copy of the weights is ~1.3x the file. */
    private static final long PREFILL_SESSION_MAX_BYTES = 300_000_000L;

    /** The session that runs a step of {@code tokens} new tokens: the prefill session for a prompt, when there is one. */
    public OrtSession session(int tokens) {
        return tokens > 1 && prefill != null ? prefill : session;
    }

    /** Deletes a rewritten file; one that cannot be deleted is removed by a later load (after an hour). */
    private static void deleteQuietly(Path rewritten) {
        try {
            Files.deleteIfExists(rewritten);
        } catch (IOException ignored) {
            // a hidden file left in the model folder
        }
    }

    /** An ONNX ModelProto starts with field 1 (ir_version, varint): byte 0x08. */
    static void checkLooksLikeOnnx(Path file) throws LocalEngineException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new LocalEngineException(Kind.CORRUPT_MODEL, file + " is empty (0 bytes): the download or copy did not "
                    + "finish; " + REPLACE);
        }
        if (head[0] != 0x08) {
            String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
            throw new LocalEngineException(Kind.NOT_ONNX, file + " is not an ONNX model (it starts with \"" + start
                    + "\"): it was overwritten, or a download saved an error page instead; " + REPLACE);
        }
    }

    /** What fixes a damaged model file, in the engine's words (the app says which of its screens does it). */
    static final String REPLACE = "download the model again, or copy the complete file into its folder.";

    /**
     * A load that ONNX Runtime refused, in a sentence naming the file and what to do; ONNX Runtime's own message is
     * the exception's {@link LocalEngineException#detail() detail}, never the sentence.
     */
    static LocalEngineException classifyLoadFailure(Path file, OrtException e) {
        String msg = ModelFolder.firstLine(e.getMessage());
        long size = -1;
        try {
            size = Files.size(file);
        } catch (IOException ignored) {
            // keep -1
        }
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("protobuf parsing failed") || lower.contains("load model") && lower.contains("failed")
                || lower.contains("external") || lower.contains("no such file")) {
            return LocalEngineException.withDetail(Kind.CORRUPT_MODEL, file + " is damaged or truncated ("
                    + (size < 0 ? "its size cannot be read" : String.format(java.util.Locale.ROOT, "%,d bytes", size))
                    + "), or its external data file is missing, so ONNX Runtime cannot load it; " + REPLACE, msg, e);
        }
        if (lower.contains("bad_alloc") || lower.contains("out of memory") || lower.contains("failed to allocate")) {
            return LocalEngineException.withDetail(Kind.OUT_OF_MEMORY, "Not enough memory to load " + file
                    + "; close other programs or pick a smaller precision of the model.", msg, e);
        }
        if (lower.contains("not implemented") || lower.contains("opset") || lower.contains("unsupported")) {
            return LocalEngineException.withDetail(Kind.UNSUPPORTED_MODEL, "ONNX Runtime cannot run " + file
                    + ": it uses an operator or opset this version does not have; pick another file of the model.", msg, e);
        }
        return LocalEngineException.withDetail(Kind.CORRUPT_MODEL, "ONNX Runtime cannot load " + file
                + "; the file may be damaged: " + REPLACE, msg, e);
    }

    public OrtEnvironment env() {
        return env;
    }

    public OrtSession session() {
        return session;
    }

    public DecoderIo io() {
        return io;
    }

    public ModelFolder folder() {
        return folder;
    }

    /** Whether this model's sessions run on the process's shared intra-op thread pool ({@link OrtRuntime}). */
    public boolean sharedThreadPool() {
        return sharedPool;
    }

    /** How many attention blocks were fused into GroupQueryAttention at load ({@link AttentionFusion}); 0: none. */
    public int fusedLayers() {
        return fusedLayers;
    }

    /** What the load changed in the graph, in words (shown with the model's details and in the benchmark). */
    public String graph() {
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (fusedLayers > 0) {
            changes.add("attention fused into GroupQueryAttention (" + fusedLayers + " layers)");
        }
        if (io.lastRowLogits()) {
            changes.add("logits of the last position only");
        }
        if (int8Nodes > 0) {
            changes.add("4-bit MatMuls with 8-bit activations (" + int8Nodes + ")");
        }
        if (prefill != null) {
            changes.add("prompts prefilled by a second session computing in fp32" + (sharedPool ? ", on the same threads" : ""));
        }
        if (fusionRefused) {
            changes.add("attention left as exported: fused, it gave other logits than the export");
        }
        return changes.isEmpty() || changes.size() == 1 && fusionRefused ? "as exported" + (fusionRefused ? "; " + changes.get(0) : "")
                : String.join("; ", changes);
    }

    @Override
    public void close() {
        closeQuietly(session);
        if (prefill != null) {
            closeQuietly(prefill);
        }
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // nothing useful to do
        }
    }
}
