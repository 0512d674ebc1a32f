package dev.switchyard.local.template;

import dev.switchyard.local.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTemplatesTest {
    final List<ChatMessage> chat = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"));

    @Test
    void chatMlForQwenAndSmolLm2() {
        String expected = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n";
        assertThat(ChatTemplates.choose("qwen2", "").render(chat)).isEqualTo(expected);
        // SmolLM2 is model_type llama with a ChatML template
        assertThat(ChatTemplates.choose("llama", "{{'<|im_start|>' + message['role']}}").render(chat)).isEqualTo(expected);
    }

    @Test
    void llama3Headers() {
        ChatTemplate t = ChatTemplates.choose("llama", "{{ '<|start_header_id|>' + message['role'] }}");
        assertThat(t.family()).isEqualTo("LLAMA3");
        assertThat(t.render(chat)).isEqualTo("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(t.endOfTurnTokens()).contains("<|eot_id|>");
    }

    @Test
    void zephyrForTinyLlamaChat() {
        ChatTemplate t = ChatTemplates.choose("llama", "{% if message['role'] == 'user' %}{{ '<|user|>\\n' }}");
        assertThat(t.family()).isEqualTo("ZEPHYR");
        assertThat(t.render(chat)).isEqualTo("<|system|>\nBe brief.</s>\n<|user|>\nHi</s>\n<|assistant|>\n");
        assertThat(t.addSpecialTokens()).isTrue();
    }

    @Test
    void withoutAChatTemplateTheTokenizersSpecialTokensDecide() {
        assertThat(ChatTemplates.choose("llama", "", t -> t.equals("<|start_header_id|>")).family()).isEqualTo("LLAMA3");
        assertThat(ChatTemplates.choose("llama", null, t -> t.startsWith("<|im_")).family()).isEqualTo("CHATML");
        assertThat(ChatTemplates.choose("llama", "", t -> false).family()).isEqualTo("PLAIN");
        // an explicit template wins over the vocabulary
        assertThat(ChatTemplates.choose("llama", "[INST]", t -> true).family()).isEqualTo("LLAMA2");
    }

    @Test
    void phi3() {
        ChatTemplate t = ChatTemplates.choose("phi3", "");
        assertThat(t.render(chat)).isEqualTo("<|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\n");
        assertThat(t.endOfTurnTokens()).contains("<|end|>");
    }

    @Test
    void plainForGpt2() {
        ChatTemplate t = ChatTemplates.choose("gpt2", null);
        assertThat(t.family()).isEqualTo("PLAIN");
        assertThat(t.render(chat)).isEqualTo("Be brief.\n\nHi");
    }

    @Test
    void llama2Inst() {
        ChatTemplate t = ChatTemplates.choose("mistral", "");
        assertThat(t.render(chat)).isEqualTo("[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST]");
    }
}
