package dev.switchyard.local.template;

import dev.switchyard.local.ChatMessage;

import java.util.List;
import java.util.Locale;

/**
 * The small per-family templates and the rule that picks one: first the markers in
 * tokenizer_config.json's chat_template, then config.json's model_type.
 */
public final class ChatTemplates {
    private ChatTemplates() {
    }

    public static ChatTemplate choose(String modelType, String chatTemplate) {
        return choose(modelType, chatTemplate, token -> false);
    }

    /**
     * As above; when tokenizer_config.json has no chat_template, the tokenizer's special tokens decide
     * (e.g. a Llama 3 export without a template still has &lt;|start_header_id|&gt;).
     */
    public static ChatTemplate choose(String modelType, String chatTemplate, java.util.function.Predicate<String> hasToken) {
        String t = chatTemplate == null ? "" : chatTemplate;
        boolean baseGpt2 = "gpt2".equalsIgnoreCase(modelType);
        if (t.isEmpty() && !baseGpt2) {
            if (hasToken.test("<|im_start|>") && hasToken.test("<|im_end|>")) {
                t = "<|im_start|>";
            } else if (hasToken.test("<|start_header_id|>")) {
                t = "<|start_header_id|>";
            } else if (hasToken.test("<|user|>") && hasToken.test("<|end|>")) {
                t = "<|user|><|end|>";
            }
        }
        if (t.contains("<|im_start|>")) {
            return chatMl();
        }
        if (t.contains("<|start_header_id|>")) {
            return llama3();
        }
        if (t.contains("<|user|>") && t.contains("<|end|>")) {
            return phi3();
        }
        if (t.contains("<|user|>")) {
            return zephyr();
        }
        if (t.contains("[INST]")) {
            return llama2();
        }
        String type = modelType == null ? "" : modelType.toLowerCase(Locale.ROOT);
        switch (type) {
            case "qwen2":
            case "qwen2_moe":
            case "qwen3":
                return chatMl();
            case "phi3":
                return phi3();
            case "mistral":
                return llama2();
            default:
                return plain();
        }
    }

    public static ChatTemplate byFamily(String family) {
        switch (family) {
            case "CHATML":
                return chatMl();
            case "LLAMA3":
                return llama3();
            case "LLAMA2":
                return llama2();
            case "ZEPHYR":
                return zephyr();
            case "PHI3":
                return phi3();
            default:
                return plain();
        }
    }

    /** Qwen2/2.5, SmolLM2: &lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n … &lt;|im_start|&gt;assistant\n */
    public static ChatTemplate chatMl() {
        return new Simple("CHATML", false, List.of("<|im_end|>", "<|endoftext|>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder();
                for (ChatMessage m : messages) {
                    sb.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
                }
                return sb.append("<|im_start|>assistant\n").toString();
            }
        };
    }

    /** Llama 3.x: header blocks with &lt;|eot_id|&gt;. */
    public static ChatTemplate llama3() {
        return new Simple("LLAMA3", false, List.of("<|eot_id|>", "<|end_of_text|>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder("<|begin_of_text|>");
                for (ChatMessage m : messages) {
                    sb.append("<|start_header_id|>").append(m.role()).append("<|end_header_id|>\n\n")
                            .append(m.content().strip()).append("<|eot_id|>");
                }
                return sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
            }
        };
    }

    /** Llama 2 / Mistral: [INST] … [/INST]; a system message folds into the first user turn. */
    public static ChatTemplate llama2() {
        return new Simple("LLAMA2", true, List.of("</s>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder();
                String system = null;
                for (ChatMessage m : messages) {
                    if (m.role().equals("system")) {
                        system = m.content();
                    } else if (m.role().equals("user")) {
                        String c = system == null ? m.content() : "<<SYS>>\n" + system + "\n<</SYS>>\n\n" + m.content();
                        system = null;
                        sb.append(sb.length() == 0 ? "" : "<s>").append("[INST] ").append(c.strip()).append(" [/INST]");
                    } else {
                        sb.append(' ').append(m.content().strip()).append(" </s>");
                    }
                }
                return sb.toString();
            }
        };
    }

    /** TinyLlama-Chat (Zephyr): &lt;|user|&gt;\ncontent&lt;/s&gt;\n … &lt;|assistant|&gt;\n */
    public static ChatTemplate zephyr() {
        return new Simple("ZEPHYR", true, List.of("</s>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder();
                for (ChatMessage m : messages) {
                    sb.append("<|").append(m.role()).append("|>\n").append(m.content()).append("</s>\n");
                }
                return sb.append("<|assistant|>\n").toString();
            }
        };
    }

    /** Phi-3: &lt;|user|&gt;\ncontent&lt;|end|&gt;\n … &lt;|assistant|&gt;\n */
    public static ChatTemplate phi3() {
        return new Simple("PHI3", true, List.of("<|end|>", "<|endoftext|>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder();
                for (ChatMessage m : messages) {
                    sb.append("<|").append(m.role()).append("|>\n").append(m.content()).append("<|end|>\n");
                }
                return sb.append("<|assistant|>\n").toString();
            }
        };
    }

    /** GPT-2 and base models: the contents, separated by blank lines, no markers. */
    public static ChatTemplate plain() {
        return new Simple("PLAIN", true, List.of("<|endoftext|>")) {
            @Override
            public String render(List<ChatMessage> messages) {
                StringBuilder sb = new StringBuilder();
                for (ChatMessage m : messages) {
                    if (sb.length() > 0) {
                        sb.append("\n\n");
                    }
                    sb.append(m.content());
                }
                return sb.toString();
            }
        };
    }

    private abstract static class Simple implements ChatTemplate {
        private final String family;
        private final boolean addSpecial;
        private final List<String> endTokens;

        Simple(String family, boolean addSpecial, List<String> endTokens) {
            this.family = family;
            this.addSpecial = addSpecial;
            this.endTokens = endTokens;
        }

        @Override
        public String family() {
            return family;
        }

        @Override
        public boolean addSpecialTokens() {
            return addSpecial;
        }

        @Override
        public List<String> endOfTurnTokens() {
            return endTokens;
        }
    }
}
