package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON type names of the polymorphic records, read once from their {@code @JsonSubTypes}. */
final class TypeNames {

    private static final Map<Class<?>, String> NAMES = new ConcurrentHashMap<>();

    private TypeNames() {
    }

    static String of(Class<?> base, Object value) {
        return NAMES.computeIfAbsent(value.getClass(), k -> {
            for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) {
                if (t.value() == k) {
                    return t.name();
                }
            }
            return k.getSimpleName();
        });
    }
}
