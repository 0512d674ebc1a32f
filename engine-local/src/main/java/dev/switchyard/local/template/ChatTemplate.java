package dev.switchyard.local.template;

import dev.switchyard.local.ChatMessage;

import java.util.List;

/** Turns a conversation into the prompt text a model family was trained on (no Jinja engine). */
public interface ChatTemplate {
    /** The family name shown in ModelInfo: CHATML, LLAMA3, LLAMA2, ZEPHYR, PHI3, PLAIN. */
    String family();

    /** The prompt, ending where the assistant's answer starts. */
    String render(List<ChatMessage> messages);

    /** Whether the tokenizer's post-processor should add its special tokens (e.g. Llama-2's BOS). */
    boolean addSpecialTokens();

    /** Token strings that end the assistant's turn (added to the model's EOS ids when in the vocabulary). */
    List<String> endOfTurnTokens();
}
