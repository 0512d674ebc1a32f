package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** OpenAI-format SSE bodies for the loopback server (as in RunCommandTest). */
final class Sse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sse() {
    }

    static String openAi(String model, List<String> pieces, int promptTokens, int completionTokens) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"").append(model)
                    .append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(JSON.valueToTree(p).toString())
                    .append("},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model)
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":")
                .append(promptTokens).append(",\"completion_tokens\":").append(completionTokens)
                .append(",\"total_tokens\":").append(promptTokens + completionTokens).append("}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }
}
