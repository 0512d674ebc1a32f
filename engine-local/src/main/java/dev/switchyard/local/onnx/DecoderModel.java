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

/** An ONNX decoder session with its discovered I/O. Not thread-safe: one run at a time. */
public final class DecoderModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DecoderIo io;
    private final ModelFolder folder;

    private DecoderModel(OrtEnvironment env, OrtSession session, DecoderIo io, ModelFolder folder) {
        this.env = env;
        this.session = session;
        this.io = io;
        this.folder = folder;
    }

    public static DecoderModel open(ModelFolder folder, int intraThreads) throws LocalEngineException {
        Path file = folder.modelFile();
        checkLooksLikeOnnx(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(intraThreads);
            opts.setInterOpNumThreads(1);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            String spin = System.getProperty("switchyard.ort.spin");
            if (spin != null) {
                opts.addConfigEntry("session.intra_op.allow_spinning", spin);
            }
            session = lastRowSession(env, file, opts);
            if (session == null) {
                session = env.createSession(file.toString(), opts);
            }
        } catch (OrtException e) {
            throw classifyLoadFailure(file, e);
        }
        try {
            DecoderIo io = DecoderIo.discover(file, session.getInputInfo(), session.getOutputInfo(), folder.config());
            return new DecoderModel(env, session, io, folder);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new LocalEngineException(Kind.CORRUPT_MODEL, "Cannot read the inputs of " + file + ": " + e.getMessage(), e);
        } catch (LocalEngineException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The session of the model rewritten to compute logits for the last position only ({@link LastRowLogits}), or
     * null when the graph does not allow it, {@code -Dswitchyard.lastRowLogits=false}, or anything about it fails
     * (a read-only folder, say): the caller then loads the file as it is, so the rewrite can only make a model
     * faster, never unloadable.
     */
    private static OrtSession lastRowSession(OrtEnvironment env, Path file, OrtSession.SessionOptions opts) {
        if ("false".equals(System.getProperty("switchyard.lastRowLogits"))) {
            return null;
        }
        Path rewritten = null;
        try {
            rewritten = LastRowLogits.write(file, "logits").orElse(null);
            return rewritten == null ? null : env.createSession(rewritten.toString(), opts);
        } catch (IOException | OrtException e) {
            return null;
        } finally {
            if (rewritten != null) {
                try {
                    Files.deleteIfExists(rewritten); // the session holds what it needs
                } catch (IOException ignored) {
                    // a hidden file left in the model folder; the next load writes a new one
                }
            }
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
            throw new LocalEngineException(Kind.CORRUPT_MODEL, file + " is empty (0 bytes); the download or copy did not finish.");
        }
        if (head[0] != 0x08) {
            String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
            throw new LocalEngineException(Kind.NOT_ONNX, file + " is not an ONNX model (it starts with \"" + start + "\").");
        }
    }

    private static LocalEngineException classifyLoadFailure(Path file, OrtException e) {
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
            return new LocalEngineException(Kind.CORRUPT_MODEL, file + " is damaged or truncated (" + size
                    + " bytes), or its external data file is missing: " + msg, e);
        }
        if (lower.contains("bad_alloc") || lower.contains("out of memory") || lower.contains("failed to allocate")) {
            return new LocalEngineException(Kind.OUT_OF_MEMORY, "Not enough memory to load " + file + ": " + msg, e);
        }
        if (lower.contains("not implemented") || lower.contains("opset") || lower.contains("unsupported")) {
            return new LocalEngineException(Kind.UNSUPPORTED_MODEL, "ONNX Runtime cannot run " + file + ": " + msg, e);
        }
        return new LocalEngineException(Kind.CORRUPT_MODEL, "ONNX Runtime cannot load " + file + ": " + msg, e);
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

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // nothing useful to do
        }
    }
}
