package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.ChatMessage;
import dev.switchyard.cloud.ChatMessage.Role;
import java.util.ArrayList;
import java.util.List;

/** Message shaping shared by the protocols. */
public final class Messages {

    private Messages() {
    }

    /** All system texts joined by blank lines, or null when there is none. */
    public static String systemText(List<ChatMessage> messages) {
        StringBuilder sb = null;
        for (ChatMessage m : messages) {
            if (m.role() == Role.SYSTEM) {
                if (sb == null) {
                    sb = new StringBuilder(m.content());
                } else {
                    sb.append("\n\n").append(m.content());
                }
            }
        }
        return sb == null ? null : sb.toString();
    }

    /** The non-system messages in order. */
    public static List<ChatMessage> withoutSystem(List<ChatMessage> messages) {
        List<ChatMessage> out = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.role() != Role.SYSTEM) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * When the model takes no system messages, the system text is prefixed (with a blank line) to the
     * first user message, or becomes a user message if there is none.
     */
    public static List<ChatMessage> foldSystemIfUnsupported(List<ChatMessage> messages, boolean supported) {
        String system = systemText(messages);
        if (supported || system == null) {
            return messages;
        }
        List<ChatMessage> rest = withoutSystem(messages);
        List<ChatMessage> out = new ArrayList<>(rest.size() + 1);
        boolean folded = false;
        for (ChatMessage m : rest) {
            if (!folded && m.role() == Role.USER) {
                out.add(ChatMessage.user(system + "\n\n" + m.content()));
                folded = true;
            } else {
                out.add(m);
            }
        }
        if (!folded) {
            out.add(0, ChatMessage.user(system));
        }
        return out;
    }
}
