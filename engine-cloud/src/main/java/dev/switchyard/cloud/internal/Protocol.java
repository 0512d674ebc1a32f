package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.RemoteModel;
import java.util.List;
import okhttp3.Request;

/** One wire protocol: request building and response parsing, no I/O. */
public interface Protocol {

    Request chatRequest(ChatRequest request, boolean stream);

    /** A parser for one attempt's SSE events. */
    StreamParser newStreamParser();

    /** Parses a whole (non-streamed) response into the sink. */
    void parseComplete(String body, RunSink sink) throws CloudException;

    /** GET models, {@code after} = pagination cursor or null. */
    Request modelsRequest(String after);

    /** Models of one page plus the next cursor (null when done). */
    ModelsPage parseModels(String body) throws CloudException;

    /** Extracts (type/code, message) from an error body; both may be null. */
    ErrorBody parseError(String body);

    /** Finish reasons that mean the content filter stopped the answer. */
    boolean isContentFiltered(String finishReason);

    record ModelsPage(List<RemoteModel> models, String next) {
    }

    record ErrorBody(String code, String message) {
    }

    /** Receives SSE events of one attempt. */
    interface StreamParser {
        void onEvent(String type, String data, long nanos, RunSink sink) throws CloudException;
    }
}
