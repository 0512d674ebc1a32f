package dev.switchyard.cloud.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import dev.switchyard.cloud.ChatMessage;
import dev.switchyard.cloud.ModelCapabilities;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Local token counts for when a provider reports no usage (the result is flagged {@code estimated}).
 * <ul>
 *   <li>{@code o200k_base}: gpt-4o*, gpt-4.1*, o1*, o3*, o4*, gpt-5*; {@code cl100k_base}: gpt-4*, gpt-3.5*
 *       (exact tiktoken BPE via jtokkit);</li>
 *   <li>everything else (Claude, Llama, Mistral, Gemini, DeepSeek…): {@code ceil(chars / 4)}, a documented
 *       approximation (their tokenizers are not public or not bundled).</li>
 * </ul>
 * Chat prompts add 4 tokens per message and 3 for the reply primer (OpenAI's published accounting).
 */
public final class TokenEstimator {

    private static final TokenEstimator SHARED = new TokenEstimator();
    private volatile EncodingRegistry registry;

    /** One process-wide instance; the BPE tables load lazily on first exact count. */
    public static TokenEstimator shared() {
        return SHARED;
    }

    /** The encoding name for a model id when capabilities say {@code auto}: o200k_base, cl100k_base or approx. */
    public static String encodingForModel(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1); // openai/gpt-4o-mini on gateways
        }
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-4.5") || m.startsWith("gpt-5")
                || m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4") || m.startsWith("chatgpt-4o")) {
            return "o200k_base";
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5")) {
            return "cl100k_base";
        }
        return ModelCapabilities.APPROX;
    }

    /** Resolves {@code auto} against the model name; other values pass through. */
    public static String resolve(String encoding, String model) {
        return encoding == null || ModelCapabilities.AUTO.equals(encoding) ? encodingForModel(model) : encoding;
    }

    /** Loads BPE tables ahead of time (call from a background thread at startup; first load takes ~0.3 s). */
    public void preload(String... encodings) {
        for (String e : encodings) {
            count("warm", e);
        }
    }

    /** Tokens in {@code text} with the given encoding ({@code approx} or unknown: ceil(chars/4)). */
    public int count(String text, String encoding) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Optional<Encoding> enc = encoding(encoding);
        return enc.map(e -> e.countTokens(text)).orElseGet(() -> approx(text));
    }

    /** Prompt tokens of a chat: content tokens + 4 per message + 3. */
    public int countChat(List<ChatMessage> messages, String encoding) {
        int total = 3;
        for (ChatMessage m : messages) {
            total += 4 + count(m.content(), encoding);
        }
        return total;
    }

    /** ceil(code points / 4). */
    public static int approx(String text) {
        int cp = text.codePointCount(0, text.length());
        return (cp + 3) / 4;
    }

    private Optional<Encoding> encoding(String name) {
        if (name == null || ModelCapabilities.APPROX.equals(name) || ModelCapabilities.AUTO.equals(name)) {
            return Optional.empty();
        }
        EncodingRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = Encodings.newLazyEncodingRegistry();
                }
                r = registry;
            }
        }
        try {
            return r.getEncoding(name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
