package dev.switchyard.workspace;

import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;

/** Shared test data and raw-file helpers. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Provider openAi(Workspace ws) {
        return ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI", "https://api.openai.com/v1",
                "env:OPENAI_API_KEY", "openai"));
    }

    public static Model model(Workspace ws, Provider p, String apiId) {
        return ws.models().insert(Model.of(p.id(), apiId, apiId.toUpperCase(), ModelKind.CLOUD, 128_000,
                Capabilities.CHAT, "{\"timeoutMs\":30000}"));
    }

    public static Run completedRun(long modelId, String prompt, String output) {
        return Run.created(modelId, prompt, "{\"temperature\":0.2}").withOutput(RunStatus.COMPLETED, output, null);
    }

    /** A plain JDBC connection to a file, outside the Workspace (to tamper with it in tests). */
    public static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
