package dev.switchyard.app.routing;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.InlineCloudModel;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;
import mockwebserver3.MockWebServer;

/** Cloud models of the routing tests: OpenAI-compatible, served by a loopback server, priced per 1M tokens. */
final class LoopbackModels {

    private LoopbackModels() {
    }

    /** Adds {@code model} to the workspace's directory, served by {@code server}, keyed by the env variable {@code keyEnv}. */
    static void add(AppContext app, Workspace ws, MockWebServer server, String keyEnv, String model, String inputPerMTok,
                    String outputPerMTok) {
        app.directory(ws).ensureInline(new InlineCloudModel(ProviderKind.OPENAI_COMPATIBLE, server.url("/v1").toString(),
                model, keyEnv, new BigDecimal(inputPerMTok), null, new BigDecimal(outputPerMTok)));
    }
}
