package dev.switchyard.ui.compare;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;

/** A scripted engine that answers synchronously on the calling thread (or hangs until cancelled). */
final class FakeEngine implements ModelEngine {

    enum End { COMPLETE, FAIL, HANG }

    private final List<String> pieces;
    private final End end;
    private final Availability availability;
    private final String reasoning;
    final List<EngineRequest> requests = new ArrayList<>();
    private int calls;

    FakeEngine(List<String> pieces, End end, Availability availability, String reasoning) {
        this.pieces = pieces;
        this.end = end;
        this.availability = availability;
        this.reasoning = reasoning;
    }

    static FakeEngine answering(String... pieces) {
        return new FakeEngine(List.of(pieces), End.COMPLETE, Availability.READY, "");
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public RunHandle start(EngineRequest request, EngineListener listener) {
        requests.add(request);
        calls++;
        if (!reasoning.isEmpty()) {
            listener.onReasoning(reasoning);
        }
        StringBuilder text = new StringBuilder();
        for (String piece : pieces) {
            String p = piece.replace("#n", String.valueOf(calls)); // "#n": the number of this call
            listener.onToken(p);
            text.append(p);
        }
        double ttft = 100.0 * calls;
        EngineMetrics m = new EngineMetrics(ttft, ttft + 900, 12, null, pieces.size(), null, 40.0 + calls, null, null, null,
                false, 1);
        switch (end) {
            case COMPLETE -> listener.onComplete(new EngineResult(RunStatus.COMPLETED, text.toString(), reasoning, "stop", m,
                    "{\"servedModel\":\"snapshot-2026\"}"));
            case FAIL -> listener.onError(new EngineFailure("stream_broken",
                    "The connection broke while the answer was streaming; the partial answer was kept.",
                    new EngineResult(RunStatus.INCOMPLETE, text.toString(), reasoning, null, m, null)));
            case HANG -> {
                return () -> listener.onError(new EngineFailure("cancelled", "The run was stopped.",
                        new EngineResult(RunStatus.CANCELLED, text.toString(), reasoning, null, EngineMetrics.NONE, null)));
            }
            default -> throw new IllegalStateException();
        }
        return () -> { };
    }
}
