package dev.switchyard.ui.main;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;

/** Child process of {@link MainViewModelTest}: starts a run, stores some text, and ends without finishing it. */
public final class LeaveRunStreaming {

    private LeaveRunStreaming() {
    }

    public static void main(String[] args) {
        Workspace ws = Workspace.open(Path.of(args[0]));
        Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Gateway", "http://localhost:9",
                null, null));
        Model m = ws.models().insert(Model.of(p.id(), "model-a", "Model A", ModelKind.CLOUD, 8192, Capabilities.CHAT, null));
        Run r = ws.runs().insert(Run.created(m.id(), "Explain WAL", "{}"));
        ws.runs().updateProgress(r.id(), RunStatus.STREAMING, "WAL appends", null);
        Runtime.getRuntime().halt(0); // as a crash would: no close, no final update
    }
}
