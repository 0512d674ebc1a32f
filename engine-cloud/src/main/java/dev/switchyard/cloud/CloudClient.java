package dev.switchyard.cloud;

import java.util.List;

/** A client for one endpoint (base URL + key). Thread-safe; many runs may stream at once. */
public interface CloudClient {

    /** Starts a run and returns at once; events go to {@code listener}. Never throws for run failures. */
    StreamHandle stream(ChatRequest request, ChatListener listener);

    /** Runs to the end on the calling thread's behalf and returns the COMPLETED result. */
    ChatResult complete(ChatRequest request) throws CloudException;

    /** Lists the endpoint's models ({@code GET {base}/models}). */
    List<RemoteModel> listModels() throws CloudException;

    /** The endpoint this client talks to (key redacted in its toString). */
    EndpointConfig endpoint();
}
