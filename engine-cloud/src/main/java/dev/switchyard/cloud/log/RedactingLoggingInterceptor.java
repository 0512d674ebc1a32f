package dev.switchyard.cloud.log;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs request line, headers and response status/time; never bodies (they carry prompts).
 * {@code Authorization}, {@code x-api-key}, {@code api-key}, cookies and similar headers are masked.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

    /** Header names (lower case) whose values never reach a log. */
    public static final Set<String> REDACTED = Set.of("authorization", "x-api-key", "api-key", "proxy-authorization",
            "cookie", "set-cookie", "x-goog-api-key", "x-amz-security-token");

    private final Consumer<String> sink;

    public RedactingLoggingInterceptor(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        sink.accept("--> " + request.method() + " " + request.url().redact() + headers(request.headers()));
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            sink.accept("<-- " + response.code() + " " + request.url().redact() + " (" + ms + " ms)"
                    + headers(response.headers()));
            return response;
        } catch (IOException e) {
            sink.accept("<-- FAILED " + request.url().redact() + ": " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Headers as " name: value" lines with secret values replaced by ██. */
    public static String headers(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "██" : headers.value(i);
            sb.append("\n    ").append(name).append(": ").append(value);
        }
        return sb.toString();
    }
}
