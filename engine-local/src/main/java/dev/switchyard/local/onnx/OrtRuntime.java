package dev.switchyard.local.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * The process's one ONNX Runtime environment, created with a shared intra-op thread pool (engine-local decision 13)
 * that a decoder's sessions — the decode session and the prefill session of decision 12 — run on, instead of a pool
 * each. With a pool each, the decode session's threads still spin for a while after the last token, on the same two
 * cores the next prompt's prefill needs: a prompt sent right after an answer reached its first token ~25 ms later.
 * {@code -Dswitchyard.ort.sharedPool=false} gives every session its own pool again; so does an environment that
 * something else created first without one (sessions then fall back to their own pools, nothing else changes).
 */
public final class OrtRuntime {

    /** Intra-op threads when the caller names none: two, or one on a single-core machine. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** {@code -Dswitchyard.ort.spin=0|1}: ORT's spinning of idle pool threads (default: ORT's, on). */
    private static final String SPIN = System.getProperty("switchyard.ort.spin");

    private static OrtEnvironment env;
    /** The shared pool's size; 0: no shared pool. */
    private static int sharedThreads;

    private OrtRuntime() {
    }

    /** The environment, created on first use with a shared pool of {@link #DEFAULT_THREADS} (unless turned off). */
    public static synchronized OrtEnvironment environment() {
        if (env == null) {
            env = create();
        }
        return env;
    }

    private static OrtEnvironment create() {
        if ("false".equals(System.getProperty("switchyard.ort.sharedPool"))) {
            return OrtEnvironment.getEnvironment();
        }
        try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
            threading.setGlobalIntraOpNumThreads(DEFAULT_THREADS);
            threading.setGlobalInterOpNumThreads(1);
            if (SPIN != null) {
                threading.setGlobalSpinControl(!"0".equals(SPIN));
            }
            OrtEnvironment created = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                    OrtEnvironment.DEFAULT_NAME, threading);
            sharedThreads = DEFAULT_THREADS;
            return created;
        } catch (IllegalStateException | OrtException e) {
            return OrtEnvironment.getEnvironment(); // created elsewhere first (a test, a library): pools per session
        }
    }

    /**
     * Gives {@code opts} {@code threads} intra-op threads: the shared pool's when it has that many, a pool of the
     * session's own otherwise. Returns whether the session will use the shared pool.
     */
    static synchronized boolean threads(OrtSession.SessionOptions opts, int threads) throws OrtException {
        environment();
        boolean shared = sharedThreads == threads;
        if (shared) {
            opts.disablePerSessionThreads();
        } else {
            opts.setIntraOpNumThreads(threads);
            if (SPIN != null) {
                opts.addConfigEntry("session.intra_op.allow_spinning", SPIN);
            }
        }
        opts.setInterOpNumThreads(1);
        return shared;
    }
}
