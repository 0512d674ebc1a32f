package dev.switchyard.local.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.local.onnx.DecoderModel;
import dev.switchyard.local.onnx.ModelFolder;
import dev.switchyard.local.template.ChatTemplate;
import dev.switchyard.local.template.ChatTemplates;
import dev.switchyard.local.tokenize.LocalTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A model ready to generate: session, tokenizer, chat template, EOS ids, context window. */
public final class LoadedDecoder implements AutoCloseable {
    private final DecoderModel model;
    private final LocalTokenizer tokenizer;
    private final ChatTemplate template;
    private final Set<Long> eos;
    private final ModelInfo info;

    private LoadedDecoder(DecoderModel model, LocalTokenizer tokenizer, ChatTemplate template, Set<Long> eos, ModelInfo info) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.template = template;
        this.eos = eos;
        this.info = info;
    }

    public static LoadedDecoder open(Path dir, LoadOptions options) throws LocalEngineException {
        long t0 = System.nanoTime();
        ModelFolder folder = ModelFolder.resolve(dir, options.variant());
        LocalTokenizer tokenizer = LocalTokenizer.load(folder.tokenizerJson());
        DecoderModel model;
        try {
            model = DecoderModel.open(folder, options.effectiveThreads(), options.fuseAttention());
        } catch (LocalEngineException e) {
            tokenizer.close();
            throw e;
        }
        try {
            int vocab = model.io().vocab();
            if (vocab > 0 && tokenizer.size() > vocab) {
                throw new LocalEngineException(Kind.TOKENIZER_MISMATCH, folder.tokenizerJson() + " has " + tokenizer.size()
                        + " tokens but " + folder.modelFile().getFileName() + " outputs " + vocab
                        + " logits: the tokenizer is not this model's.");
            }
            ChatTemplate template = ChatTemplates.choose(folder.modelType(), chatTemplate(folder.tokenizerConfig()),
                    token -> tokenizer.idOf(token) >= 0);
            Set<Long> eos = new LinkedHashSet<>(folder.eosIds());
            String eosToken = tokenText(folder.tokenizerConfig().path("eos_token"));
            for (String t : concat(template.endOfTurnTokens(), eosToken)) {
                long id = tokenizer.idOf(t);
                if (id >= 0) {
                    eos.add(id);
                }
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            ModelInfo info = new ModelInfo(dir, folder.modelFile(), folder.variants(), folder.layout(), folder.name(),
                    template.family(), folder.modelType(), model.io().layers(), model.io().kvHeads(), model.io().headDim(),
                    vocab, tokenizer.size(), folder.contextLength(), new ArrayList<>(eos), ModelFolder.fileBytes(folder.modelFile()), millis, model.graph());
            return new LoadedDecoder(model, tokenizer, template, eos, info);
        } catch (LocalEngineException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e;
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        if (b != null && !b.isEmpty()) {
            out.add(b);
        }
        return out;
    }

    private static String chatTemplate(JsonNode tokCfg) {
        JsonNode t = tokCfg.path("chat_template");
        if (t.isTextual()) {
            return t.asText();
        }
        return t.isArray() ? t.toString() : "";
    }

    private static String tokenText(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("content").asText("");
    }

    public DecoderModel model() {
        return model;
    }

    public LocalTokenizer tokenizer() {
        return tokenizer;
    }

    public ChatTemplate template() {
        return template;
    }

    public Set<Long> eos() {
        return eos;
    }

    public ModelInfo info() {
        return info;
    }

    /** Ids the sampler may choose from: the tokenizer's vocabulary, capped at the logits size. */
    public int samplableVocab(int logitsLength) {
        return Math.min(logitsLength, tokenizer.size());
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
