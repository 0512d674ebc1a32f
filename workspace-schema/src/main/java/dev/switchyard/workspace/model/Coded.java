package dev.switchyard.workspace.model;

/** An enum stored (and exported) as a stable text code. */
public interface Coded {
    String code();

    /** The constant of {@code type} with this code; IllegalArgumentException naming the allowed codes otherwise. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.code());
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code + "' (allowed: " + allowed + ")");
    }
}
