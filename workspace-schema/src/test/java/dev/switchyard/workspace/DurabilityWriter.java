package dev.switchyard.workspace;

import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link DurabilityTest}: writes runs forever (single inserts, small batches and streaming
 * updates) and prints each run's uid only after the commit that stored it has returned. The parent kills it.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true);
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            Model model = ws.models().list().stream().findFirst()
                    .orElseGet(() -> Fixtures.model(ws, Fixtures.openAi(ws), "durable"));
            out.println("READY");
            for (long i = 0; ; i++) {
                if (i % 3 == 0) {
                    List<Run> batch = new ArrayList<>();
                    for (int j = 0; j < 5; j++) {
                        batch.add(Fixtures.completedRun(model.id(), "batch " + i + "/" + j, "answer ".repeat(50)));
                    }
                    for (Run r : ws.runs().insertAll(batch)) {
                        out.println(r.uid());
                    }
                } else {
                    Run r = ws.runs().insert(Run.created(model.id(), "single " + i, null));
                    ws.runs().updateProgress(r.id(), RunStatus.STREAMING, "partial answer " + i, null);
                    out.println(r.uid());
                }
            }
        }
    }
}
