package dev.switchyard.local.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sequence's decode state. With the cache, each step feeds only the new tokens and passes the
 * previous step's {@code present.N.*} OnnxTensors straight back as {@code past_key_values.N.*} (no copy
 * into Java); the previous {@link OrtSession.Result} stays open until the next run returns, then is closed.
 * Without the cache ({@code useCache=false}) every step recomputes the whole sequence with an empty past
 * — the reference the cache is tested against.
 */
public final class KvRun implements AutoCloseable {
    private final DecoderModel model;
    private final DecoderIo io;
    private final boolean useCache;
    private final int prefillChunk;
    private final LongBuffer ones;
    private long[] tokens = new long[64];
    private int length;
    private OrtSession.Result previous;
    private final OnnxTensor[] emptyPast;
    private long runNanos;
    private int runs;
    private FloatBuffer logitsBuffer = FloatBuffer.allocate(0);
    /** The array {@link #feed} returns, reused (pinned-logits path). */
    private float[] lastLogits;
    private java.util.Set<String> outputNames;
    private final Map<String, OnnxTensorLike> in = new HashMap<>();
    private LongBuffer singleIds;
    private LongBuffer singlePos;
    private OnnxTensor singleIdsTensor;
    private OnnxTensor singlePosTensor;
    private FloatBuffer singleLogits;
    private OnnxTensor singleLogitsTensor;
    private Map<String, OnnxTensor> singleLogitsPinned;

    public KvRun(DecoderModel model, int capacity, boolean useCache) throws OrtException {
        this(model, capacity, useCache, PREFILL_CHUNK);
    }

    /** As above with a given prefill chunk (tests use a small one). */
    public KvRun(DecoderModel model, int capacity, boolean useCache, int prefillChunk) throws OrtException {
        this.prefillChunk = prefillChunk;
        this.model = model;
        this.io = model.io();
        this.useCache = useCache && io.hasCache();
        this.ones = ByteBuffer.allocateDirect(capacity * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        for (int i = 0; i < capacity; i++) {
            ones.put(i, 1L);
        }
        long[] shape = {1, io.kvHeads(), 0, io.headDim()};
        emptyPast = new OnnxTensor[io.hasCache() ? 1 : 0];
        if (io.hasCache()) {
            emptyPast[0] = io.pastType() == OnnxJavaType.FLOAT16
                    ? OnnxTensor.createTensor(model.env(), ByteBuffer.allocateDirect(0), shape, OnnxJavaType.FLOAT16)
                    : OnnxTensor.createTensor(model.env(), FloatBuffer.allocate(0), shape);
        }
    }

    /** Tokens in the context so far. */
    public int length() {
        return length;
    }

    /** Nanoseconds spent inside OrtSession.run. */
    public long sessionRunNanos() {
        return runNanos;
    }

    public int runs() {
        return runs;
    }

    /** Prompts longer than this are prefilled through the cache in chunks (bounded logits and attention buffers). */
    public static final int PREFILL_CHUNK = 256;

    /**
     * Appends tokens to the sequence, runs the model and returns the logits of the last position. The array is this
     * run's own and is overwritten by the next {@code feed} (a 49,152- or 151,936-float array a token would otherwise
     * be garbage at ~100 tokens/s); copy it to keep it.
     */
    public float[] feed(long[] newIds) throws OrtException {
        if (length + newIds.length > ones.capacity()) {
            throw new IllegalStateException("context capacity " + ones.capacity() + " exceeded");
        }
        if (!useCache || newIds.length <= prefillChunk) {
            return step(newIds);
        }
        float[] logits = null;
        for (int from = 0; from < newIds.length; from += prefillChunk) {
            logits = step(Arrays.copyOfRange(newIds, from, Math.min(newIds.length, from + prefillChunk)));
        }
        return logits;
    }

    private float[] step(long[] newIds) throws OrtException {
        if (length + newIds.length > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, length + newIds.length));
        }
        System.arraycopy(newIds, 0, tokens, length, newIds.length);
        int past = useCache ? length : 0;
        length += newIds.length;
        long[] feedIds = useCache ? newIds : Arrays.copyOf(tokens, length);
        int n = feedIds.length;
        int rows = io.lastRowLogits() ? 1 : n; // logits rows the graph returns
        boolean single = n == 1;
        OnnxTensor ids = null, mask = null, pos = null, logitsOut = null;
        OrtSession.Result result;
        boolean pinLogits = io.vocab() > 0 && io.logitsType() == OnnxJavaType.FLOAT;
        FloatBuffer logitsTarget = null;
        try {
            if (single) {
                // decode step: the [1,1] id/position tensors and the [1,1,vocab] logits tensor are created once and reused
                ensureSingleTensors(pinLogits);
                singleIds.put(0, feedIds[0]);
                singlePos.put(0, past);
                ids = singleIdsTensor;
                pos = singlePosTensor;
            } else {
                ids = OnnxTensor.createTensor(model.env(), direct(feedIds), new long[] {1, n});
                if (io.positionIds() != null) {
                    long[] p = new long[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = past + i;
                    }
                    pos = OnnxTensor.createTensor(model.env(), direct(p), new long[] {1, n});
                }
            }
            mask = OnnxTensor.createTensor(model.env(), ones.duplicate().position(0).limit(past + n).slice(), new long[] {1, past + n});
            in.put(io.inputIds(), ids);
            in.put(io.attentionMask(), mask);
            if (io.positionIds() != null) {
                in.put(io.positionIds(), pos);
            }
            for (int l = 0; l < io.layers(); l++) {
                if (past == 0) {
                    in.put(io.pastKeys().get(l), emptyPast[0]);
                    in.put(io.pastValues().get(l), emptyPast[0]);
                } else {
                    in.put(io.pastKeys().get(l), (OnnxTensor) previous.get(io.presentKeys().get(l)).orElseThrow());
                    in.put(io.pastValues().get(l), (OnnxTensor) previous.get(io.presentValues().get(l)).orElseThrow());
                }
            }
            Map<String, OnnxTensor> pinned = Map.of();
            if (pinLogits && single) {
                pinned = singleLogitsPinned;
                logitsTarget = singleLogits;
            } else if (pinLogits) {
                // ORT writes the logits straight into our direct buffer: the last row is read without copying S x vocab floats
                int need = rows * io.vocab();
                if (logitsBuffer.capacity() < need) {
                    logitsBuffer = ByteBuffer.allocateDirect(need * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
                }
                logitsOut = OnnxTensor.createTensor(model.env(), logitsBuffer.duplicate().position(0).limit(need).slice(),
                        new long[] {1, rows, io.vocab()});
                pinned = Map.of(io.logits(), logitsOut);
                logitsTarget = logitsBuffer;
            }
            long t0 = System.nanoTime();
            OrtSession runner = model.session(n); // a prompt may go through the prefill session (DecoderModel decision 12)
            result = pinLogits ? runner.run(in, outputNames(), pinned) : runner.run(in);
            runNanos += System.nanoTime() - t0;
            runs++;
        } catch (OrtException | RuntimeException e) {
            closeAll(Arrays.asList(logitsOut));
            throw e;
        } finally {
            closeAll(single ? Arrays.asList(mask) : Arrays.asList(ids, mask, pos));
        }
        float[] logits;
        try {
            if (logitsTarget != null) {
                if (lastLogits == null || lastLogits.length != io.vocab()) {
                    lastLogits = new float[io.vocab()];
                }
                logits = lastLogits;
                logitsTarget.get((rows - 1) * io.vocab(), logits, 0, io.vocab());
            } else {
                logits = lastRow((OnnxTensor) result.get(io.logits()).orElseThrow());
            }
        } catch (RuntimeException | OrtException e) {
            result.close();
            throw e;
        } finally {
            closeAll(Arrays.asList(logitsOut));
        }
        if (previous != null) {
            previous.close();
            previous = null;
        }
        if (useCache) {
            previous = result;
        } else {
            result.close();
        }
        return logits;
    }

    private void ensureSingleTensors(boolean pinLogits) throws OrtException {
        if (singleIdsTensor != null) {
            return;
        }
        singleIds = direct(new long[] {0});
        singlePos = direct(new long[] {0});
        singleIdsTensor = OnnxTensor.createTensor(model.env(), singleIds, new long[] {1, 1});
        singlePosTensor = OnnxTensor.createTensor(model.env(), singlePos, new long[] {1, 1});
        if (pinLogits) {
            singleLogits = ByteBuffer.allocateDirect(io.vocab() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            singleLogitsTensor = OnnxTensor.createTensor(model.env(), singleLogits, new long[] {1, 1, io.vocab()});
            singleLogitsPinned = Map.of(io.logits(), singleLogitsTensor);
        }
    }

    private java.util.Set<String> outputNames() {
        if (outputNames == null) {
            outputNames = new java.util.LinkedHashSet<>();
            if (useCache) {
                outputNames.addAll(io.presentKeys());
                outputNames.addAll(io.presentValues());
            }
        }
        return outputNames;
    }

    private static LongBuffer direct(long[] values) {
        LongBuffer b = ByteBuffer.allocateDirect(values.length * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        b.put(values).flip();
        return b;
    }

    static float[] lastRow(OnnxTensor t) throws OrtException {
        long[] shape = t.getInfo().getShape();
        int vocab = (int) shape[shape.length - 1];
        long rows = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        int offset = (int) ((rows - 1) * vocab);
        float[] out = new float[vocab];
        // ORT-owned outputs have no Java buffer reference; getFloatBuffer copies (and widens fp16)
        t.getFloatBuffer().get(offset, out, 0, vocab);
        return out;
    }

    private static void closeAll(List<OnnxValue> values) {
        for (OnnxValue v : values) {
            if (v != null) {
                v.close();
            }
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
        for (OnnxTensor t : emptyPast) {
            t.close();
        }
        closeAll(Arrays.asList(singleIdsTensor, singlePosTensor, singleLogitsTensor));
    }
}
