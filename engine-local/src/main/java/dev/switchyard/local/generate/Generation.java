package dev.switchyard.local.generate;

import ai.onnxruntime.OrtException;
import dev.switchyard.local.ChatMessage;
import dev.switchyard.local.GenerationRequest;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.StopReason;
import dev.switchyard.local.TokenListener;
import dev.switchyard.local.onnx.KvRun;
import dev.switchyard.local.sampling.Sampler;
import dev.switchyard.local.tokenize.TextStreamer;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One generation on a loaded decoder, run on the calling thread: template, tokenize, prefill, decode
 * with the KV cache, stream whole characters, stop on EOS / stop string / max tokens / full context /
 * cancel. Calls exactly one terminal callback.
 */
public final class Generation {
    private final LoadedDecoder decoder;
    private final GenerationRequest request;
    private final TokenListener listener;
    private final BooleanSupplier cancelled;
    private final long loadMillis;
    private final StringBuilder text = new StringBuilder();
    private int inputTokens;
    private int outputTokens;
    private long start;
    private long firstToken;
    private long lastToken;
    private KvRun run;

    public Generation(LoadedDecoder decoder, GenerationRequest request, TokenListener listener, BooleanSupplier cancelled,
                      long loadMillis) {
        this.decoder = decoder;
        this.request = request;
        this.listener = listener;
        this.cancelled = cancelled;
        this.loadMillis = loadMillis;
    }

    /** Runs to the end; never throws (errors go to listener.onError). */
    public void run() {
        start = System.nanoTime();
        LocalResult result;
        try {
            listener.onStarted();
            result = generate();
        } catch (LocalEngineException e) {
            listener.onError(e.partial().isPresent() ? e : e.withPartial(snapshot(e.kind() == Kind.CANCELLED
                    ? StopReason.CANCELLED : StopReason.ERROR)));
            return;
        } catch (OrtException e) {
            String m = String.valueOf(e.getMessage());
            Kind kind = m.contains("bad_alloc") || m.contains("allocate") ? Kind.OUT_OF_MEMORY : Kind.RUNTIME_FAILURE;
            // ONNX Runtime's words are the detail: the sentence says what happened and what to do
            listener.onError(new LocalEngineException(kind, kind == Kind.OUT_OF_MEMORY
                    ? "Out of memory while running " + decoder.info().modelFile().getFileName()
                            + "; close other programs or pick a smaller precision of the model."
                    : "ONNX Runtime failed while running " + decoder.info().modelFile().getFileName()
                            + ". Run again; if it fails again, pick another file of the model.",
                    snapshot(StopReason.ERROR), e, m.split("\n")[0]));
            return;
        } catch (OutOfMemoryError e) {
            listener.onError(new LocalEngineException(Kind.OUT_OF_MEMORY, "Out of memory while running "
                    + decoder.info().modelFile().getFileName() + ".", snapshot(StopReason.ERROR), e));
            return;
        } catch (RuntimeException e) {
            listener.onError(new LocalEngineException(Kind.RUNTIME_FAILURE, "Generation failed on "
                    + decoder.info().modelFile().getFileName() + ": " + e, snapshot(StopReason.ERROR), e));
            return;
        } finally {
            if (run != null) {
                run.close();
            }
        }
        listener.onComplete(result);
    }

    private LocalResult generate() throws LocalEngineException, OrtException {
        String prompt = request.rawPrompt()
                ? request.messages().stream().map(ChatMessage::content).collect(Collectors.joining("\n"))
                : decoder.template().render(request.messages());
        long[] ids = decoder.tokenizer().encode(prompt, !request.rawPrompt() && decoder.template().addSpecialTokens());
        inputTokens = ids.length;
        int ctx = decoder.info().contextLength();
        if (ids.length == 0) {
            throw new LocalEngineException(Kind.BAD_REQUEST, "The prompt is empty after tokenization.");
        }
        if (ids.length >= ctx) {
            throw new LocalEngineException(Kind.PROMPT_TOO_LONG, "The prompt is " + ids.length + " tokens but "
                    + decoder.info().name() + " (" + decoder.info().modelFile().getFileName() + ") has a context window of "
                    + ctx + " tokens; shorten it to leave room for the answer.");
        }
        checkCancel();
        int capacity = Math.min(ctx, ids.length + request.maxTokens());
        run = new KvRun(decoder.model(), capacity, true);
        long[] history = new long[capacity + 1]; // the last sampled token is emitted but never fed
        System.arraycopy(ids, 0, history, 0, ids.length);
        int histLen = ids.length;
        SplittableRandom random = new SplittableRandom(request.sampling().seed() != null
                ? request.sampling().seed() : System.nanoTime());
        TextStreamer streamer = decoder.tokenizer().streamer();
        StopMatcher stops = new StopMatcher(request.stopStrings());
        float[] logits = run.feed(ids);
        StopReason reason = null;
        while (reason == null) {
            int next = Sampler.next(logits, decoder.samplableVocab(logits.length), request.sampling(), history, histLen, random);
            long now = System.nanoTime();
            if (outputTokens == 0) {
                firstToken = now;
            }
            lastToken = now;
            outputTokens++;
            history[histLen++] = next;
            if (decoder.eos().contains((long) next)) {
                reason = StopReason.EOS;
                break;
            }
            String piece = stops.accept(streamer.push(next));
            emit(piece);
            if (stops.stopped()) {
                reason = StopReason.STOP_STRING;
            } else if (outputTokens >= request.maxTokens()) {
                reason = StopReason.MAX_TOKENS;
            } else if (run.length() >= capacity) {
                reason = StopReason.CONTEXT_FULL;
            } else {
                checkCancel();
                logits = run.feed(new long[] {next});
            }
        }
        if (reason != StopReason.STOP_STRING) {
            emit(stops.accept(streamer.flush()));
            emit(stops.flush());
        }
        return snapshot(reason);
    }

    private void emit(String piece) {
        if (!piece.isEmpty()) {
            text.append(piece);
            listener.onToken(piece);
        }
    }

    private void checkCancel() throws LocalEngineException {
        if (cancelled.getAsBoolean()) {
            throw new LocalEngineException(Kind.CANCELLED, "The run on " + decoder.info().name() + " was cancelled after "
                    + outputTokens + " tokens.");
        }
    }

    private LocalResult snapshot(StopReason reason) {
        long end = System.nanoTime();
        double ttft = outputTokens > 0 ? (firstToken - start) / 1e6 : 0;
        double decodeSecs = (lastToken - firstToken) / 1e9;
        double decodeTps = outputTokens > 1 && decodeSecs > 0 ? (outputTokens - 1) / decodeSecs : 0;
        double prefillTps = ttft > 0 ? inputTokens / (ttft / 1000) : 0;
        double runMillis = run == null ? 0 : run.sessionRunNanos() / 1e6;
        return new LocalResult(text.toString(), reason, inputTokens, outputTokens, loadMillis, ttft, prefillTps, decodeTps,
                (end - start) / 1e6, ProcessMemory.peakRss(), runMillis);
    }
}
