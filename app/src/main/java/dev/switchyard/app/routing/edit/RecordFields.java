package dev.switchyard.app.routing.edit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchyard.app.routing.Action;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Editable fields of a condition or action record, read and written by reflection so that every type of
 * the policy model gets an editor without one form per type. Nested records (accept_if, on) are flattened
 * with a dotted name ({@code on.ttft_over_ms}); lists are comma-separated; split shares read
 * {@code target:weight, target:weight}.
 */
public final class RecordFields {

    /** How a field is edited. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, LIST, TARGET, TARGETS, SHARES, INTENT_SET }

    /**
     * One field.
     *
     * @param name    the JSON name, dotted for nested records
     * @param kind    how it is edited
     * @param value   the current value as text ("" for none)
     * @param choices the allowed values for {@link Kind#CHOICE} and {@link Kind#BOOLEAN}
     */
    public record Field(String name, Kind kind, String value, List<String> choices) {
    }

    private RecordFields() {
    }

    public static List<Field> fields(Record r) {
        List<Field> out = new ArrayList<>();
        collect(r.getClass(), r, "", out);
        return out;
    }

    private static void collect(Class<?> type, Record r, String prefix, List<Field> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            Object v = r == null ? null : get(c, r);
            String name = prefix + jsonName(c);
            if (c.getType().isRecord()) {
                collect(c.getType(), (Record) v, name + ".", out);
            } else {
                out.add(new Field(name, kind(c, name), text(v), choices(c)));
            }
        }
    }

    /** A copy of {@code r} with the field {@code name} read from {@code text}; a sentence when the text does not fit. */
    public static <R extends Record> R with(R r, String name, String text) {
        @SuppressWarnings("unchecked")
        R copy = (R) with(r.getClass(), r, name, text);
        return copy;
    }

    private static Record with(Class<?> type, Record r, String name, String text) {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] values = new Object[cs.length];
        boolean found = false;
        for (int i = 0; i < cs.length; i++) {
            RecordComponent c = cs[i];
            String json = jsonName(c);
            values[i] = r == null ? null : get(c, r);
            if (json.equals(name)) {
                values[i] = parse(c, json, text);
                found = true;
            } else if (c.getType().isRecord() && name.startsWith(json + ".")) {
                values[i] = with(c.getType(), (Record) values[i], name.substring(json.length() + 1), text);
                found = true;
            } else if (values[i] == null && c.getType().isPrimitive()) {
                values[i] = c.getType() == boolean.class ? Boolean.FALSE : 0;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No field " + name + ".");
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(Arrays.stream(cs).map(RecordComponent::getType).toArray(Class[]::new));
            return (Record) ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object parse(RecordComponent c, String name, String text) {
        String t = text == null ? "" : text.trim();
        Class<?> type = c.getType();
        boolean blank = t.isEmpty();
        try {
            if (type == String.class) {
                return blank ? null : t;
            } else if (type == long.class || type == Long.class) {
                return blank ? required(type, name) : Long.parseLong(t);
            } else if (type == int.class || type == Integer.class) {
                return blank ? required(type, name) : Integer.parseInt(t);
            } else if (type == double.class || type == Double.class) {
                return blank ? required(type, name) : Double.parseDouble(t);
            } else if (type == boolean.class || type == Boolean.class) {
                return blank ? required(type, name) : Boolean.parseBoolean(t);
            } else if (type.isEnum()) {
                for (Object e : type.getEnumConstants()) {
                    if (((Enum<?>) e).name().equalsIgnoreCase(t)) {
                        return e;
                    }
                }
                throw new IllegalArgumentException(name + " must be one of " + choices(c) + ".");
            } else if (type == List.class && listOf(c) == Action.Share.class) {
                return shares(t);
            } else if (type == List.class) {
                return Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number; \"" + t + "\" is not.");
        }
        throw new IllegalArgumentException("Cannot edit " + name + ".");
    }

    private static Object required(Class<?> type, String name) {
        if (type.isPrimitive()) {
            throw new IllegalArgumentException(name + " needs a value.");
        }
        return null;
    }

    private static List<Action.Share> shares(String t) {
        List<Action.Share> out = new ArrayList<>();
        for (String part : t.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Write each share as target:weight, e.g. $cloud-cheap:70.");
            }
            out.add(new Action.Share(p.substring(0, colon).trim(), Integer.parseInt(p.substring(colon + 1).trim())));
        }
        return out;
    }

    private static Kind kind(RecordComponent c, String name) {
        Class<?> type = c.getType();
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        if (type == String.class && List.of("target", "local", "escalate", "model").contains(leaf)) {
            return Kind.TARGET;
        } else if (type == String.class && leaf.equals("intent_set")) {
            return Kind.INTENT_SET;
        } else if (type == String.class) {
            return Kind.TEXT;
        } else if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (type.isEnum()) {
            return Kind.CHOICE;
        } else if (type == List.class && listOf(c) == Action.Share.class) {
            return Kind.SHARES;
        } else if (type == List.class) {
            return leaf.equals("chain") ? Kind.TARGETS : Kind.LIST;
        }
        return Kind.NUMBER;
    }

    private static List<String> choices(RecordComponent c) {
        if (c.getType().isEnum()) {
            return Arrays.stream(c.getType().getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList();
        } else if (c.getType() == boolean.class || c.getType() == Boolean.class) {
            return List.of("true", "false");
        }
        return List.of();
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        } else if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        } else if (v instanceof List<?> list) {
            return String.join(", ", list.stream().map(x -> x instanceof Action.Share s
                    ? s.target() + ":" + s.weight() : String.valueOf(x)).toList());
        } else if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return String.valueOf(v);
    }

    private static Class<?> listOf(RecordComponent c) {
        Type g = c.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k) {
            return k;
        }
        return Object.class;
    }

    static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
