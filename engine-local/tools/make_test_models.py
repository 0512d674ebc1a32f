#!/usr/bin/python3
"""Writes random-weight decoder-only ONNX models in the Hugging Face Optimum / onnx-community layout, or with
--layout genai in the onnxruntime-genai layout with its model builder's fused graph (same weights for a seed).

Run with Debian's interpreter (python3-onnx 1.12 + numpy):

    /usr/bin/python3 engine-local/tools/make_test_models.py tiny  OUT_DIR
    /usr/bin/python3 engine-local/tools/make_test_models.py speed OUT_DIR --shape smollm2-135m --precision int4

`not-a-decoder` writes a small valid ONNX encoder (for the bad-input tests) to the file OUT_DIR.
`tiny-gpt2` writes a smaller one with GPT-2-style I/O (no position_ids input, model_type gpt2, no chat template).
`tiny-qwen2` writes a Qwen2-style one whose graph is spelled as torch.onnx exports Hugging Face's code (q/k/v
biases, rotary tables computed in the graph, Slice-based rotate_half, Shape-based reshape targets, SDPA's scale).
`tiny-phi3` writes a Phi-3-style genai folder: Llama-2's SentencePiece tokenizer form (byte fallback), Phi-3's chat
tokens and template, logits wider than the tokenizer.
`tiny` writes the committed test model (2 layers, hidden 64, ~300-token byte-level BPE vocabulary).
`speed` writes a model with the layer shapes of SmolLM2-135M or Qwen2.5-0.5B (random weights, so the
output is nonsense, but the speed is that of the real shape). Precisions: fp32 (MatMul), int8 and int4
(com.microsoft MatMulNBits, bits 8 / 4, block 32, accuracy_level 4; the token embedding stays fp32 as in
onnx-community's model_q4.onnx). Nothing here downloads anything.

Layout written:
    OUT_DIR/onnx/model.onnx | model_int8.onnx | model_q4.onnx
    OUT_DIR/config.json, generation_config.json, tokenizer.json, tokenizer_config.json
  with --layout genai (tiny and speed kinds, Llama-style shapes):
    OUT_DIR/model.onnx (+ model.onnx.data for fp32 speed shapes), genai_config.json, config.json,
    tokenizer.json, tokenizer_config.json; SimplifiedLayerNormalization / SkipSimplifiedLayerNormalization, one
    packed QKV projection, com.microsoft GroupQueryAttention with rotary inside, no position_ids input.
Graph I/O: input_ids, attention_mask, position_ids, past_key_values.N.key/value [B, kv_heads, past, head_dim]
-> logits [B, S, vocab], present.N.key/value [B, kv_heads, past+S, head_dim].
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SHAPES = {
    "tiny": dict(layers=2, hidden=64, heads=4, kv_heads=2, inter=128, vocab=None, ctx=256,
                 model_type="llama", arch="LlamaForCausalLM"),
    # GPT-2-style I/O: no position_ids input (positions follow from the cache length), no chat template
    "tiny-gpt2": dict(layers=1, hidden=32, heads=2, kv_heads=2, inter=64, vocab=None, ctx=128,
                      model_type="gpt2", arch="GPT2LMHeadModel", no_position_ids=True),
    # Qwen2-style, and its graph spelled as torch.onnx exports Hugging Face's code rather than in the short form
    # above: q/k/v biases, the rotary tables computed in the graph from inv_freq and position_ids (rope_theta 1e6),
    # rotate_half by Slice, reshape targets from Shape(hidden_states), the attention scale as Sqrt(1/sqrt(d)) on q
    # and k (SDPA's export), an additive float mask; for the load-time attention fusion's tests
    "tiny-qwen2": dict(layers=2, hidden=64, heads=4, kv_heads=2, inter=128, vocab=None, ctx=256,
                       model_type="qwen2", arch="Qwen2ForCausalLM", export_style=True, rope_theta=1000000.0),
    # Phi-3-style, in the genai form the catalog's Phi-3.5-mini comes in: Llama-2's SentencePiece tokenizer (byte
    # fallback, "▁" for spaces, BOS from the post-processor), Phi-3's chat tokens after the vocabulary, logits wider
    # than the tokenizer (Phi-3's 32064 against 32011), as many key/value heads as query heads
    "tiny-phi3": dict(layers=2, hidden=64, heads=4, kv_heads=4, inter=128, vocab=None, ctx=256,
                      model_type="phi3", arch="Phi3ForCausalLM", sentencepiece=True, vocab_pad=5),
    "smollm2-135m": dict(layers=30, hidden=576, heads=9, kv_heads=3, inter=1536, vocab=49152, ctx=8192,
                         model_type="llama", arch="LlamaForCausalLM"),
    "qwen2.5-0.5b": dict(layers=24, hidden=896, heads=14, kv_heads=2, inter=4864, vocab=151936, ctx=32768,
                         model_type="qwen2", arch="Qwen2ForCausalLM"),
}
BLOCK = 32  # MatMulNBits block size
ACCURACY_LEVEL = [4]  # MatMulNBits accuracy_level (--accuracy-level; 0 = attribute not written)
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
          " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


# ---------------------------------------------------------------- tokenizer (byte-level BPE)

def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def build_tokenizer():
    b2u = bytes_to_unicode()
    vocab = {}
    for i, s in enumerate(SPECIALS):
        vocab[s] = i
    for b in range(256):
        vocab[b2u[b]] = len(vocab)
    words = ["the", "and", "ing", "you", "model", "local", "hello", "world", "token", "is", "of", "to", "in",
             "it", "er", "on", "at", "an", "re", "or"]
    merges = []
    for w in words:
        for prefix in ("", "Ġ"):
            pieces = ([prefix] if prefix else []) + list(w)
            cur = pieces[0]
            for p in pieces[1:]:
                new = cur + p
                if new not in vocab:
                    merges.append(cur + " " + p)
                    vocab[new] = len(vocab)
                cur = new
    added = [dict(id=i, content=s, single_word=False, lstrip=False, rstrip=False, normalized=False, special=True)
             for i, s in enumerate(SPECIALS)]
    tok = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": merges},
    }
    return tok, len(vocab)


PHI3_SPECIALS = ["<|endoftext|>", "<|assistant|>", "<|system|>", "<|end|>", "<|user|>"]
PHI3_TEMPLATE = ("{% for message in messages %}{% if message['role'] == 'system' %}{{'<|system|>\\n' + message['content']"
                 " + '<|end|>\\n'}}{% elif message['role'] == 'user' %}{{'<|user|>\\n' + message['content'] + '<|end|>\\n'}}"
                 "{% elif message['role'] == 'assistant' %}{{'<|assistant|>\\n' + message['content'] + '<|end|>\\n'}}{% endif %}"
                 "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% else %}{{ eos_token }}{% endif %}")


def build_sentencepiece_tokenizer():
    """A Llama-2 / Phi-3 style tokenizer.json: BPE over characters with "▁" for spaces (Prepend + Replace
    normalizer, no pre-tokenizer), byte fallback (<0x00>..<0xFF>) for characters outside the vocabulary, <s>
    added by the post-processor, the decoder's Replace / ByteFallback / Fuse / Strip; Phi-3's chat tokens are
    added tokens after the vocabulary."""
    vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    for b in range(256):
        vocab[f"<0x{b:02X}>"] = len(vocab)
    chars = ["\u2581"] + [chr(c) for c in range(ord("a"), ord("z") + 1)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)] \
        + list("0123456789.,!?'-:;()")
    for c in chars:
        vocab[c] = len(vocab)
    words = ["the", "and", "ing", "you", "model", "local", "hello", "world", "token", "is", "of", "to", "in",
             "it", "er", "on", "at", "an", "re", "or", "phi"]
    merges = []
    for w in words:
        cur = w[0]
        for c in w[1:]:
            if cur + c not in vocab:
                merges.append(cur + " " + c)
                vocab[cur + c] = len(vocab)
            cur += c
        # then "▁" + the whole word, as SentencePiece-trained merges join a word to the space before it
        merges.append("\u2581 " + w)
        vocab["\u2581" + w] = len(vocab)
    added = [dict(id=vocab[s], content=s, single_word=False, lstrip=False, rstrip=False, normalized=False, special=True)
             for s in ("<unk>", "<s>", "</s>")]
    for s in PHI3_SPECIALS:
        added.append(dict(id=len(vocab) + len(added) - 3, content=s, single_word=False, lstrip=False, rstrip=False,
                          normalized=False, special=True))
    bos = {"SpecialToken": {"id": "<s>", "type_id": 0}}
    tok = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "\u2581"},
                                                            {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}]},
        "pre_tokenizer": None,
        "post_processor": {"type": "TemplateProcessing", "single": [bos, {"Sequence": {"id": "A", "type_id": 0}}],
                           "pair": [bos, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "<s>", "type_id": 1}},
                                    {"Sequence": {"id": "B", "type_id": 1}}],
                           "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
        "decoder": {"type": "Sequence", "decoders": [{"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "},
                                                     {"type": "ByteFallback"}, {"type": "Fuse"},
                                                     {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True, "vocab": vocab, "merges": merges},
    }
    return tok, len(vocab) + len(PHI3_SPECIALS)


# ---------------------------------------------------------------- graph

class G:
    def __init__(self, rng):
        self.nodes, self.inits, self.rng, self.n = [], [], rng, 0
        self.quantized = {}  # activation -> DynamicQuantizeLinear outputs, shared by its projections (dq8)
        self.accuracy_level = ACCURACY_LEVEL[0]

    def name(self, p):
        self.n += 1
        return f"{p}_{self.n}"

    def op(self, op, inputs, out=None, domain=None, **attrs):
        out = out or self.name(op.lower())
        kw = {"domain": domain} if domain else {}
        self.nodes.append(helper.make_node(op, inputs, [out], name=self.name("n_" + op), **kw, **attrs))
        return out

    def const(self, arr, name=None):
        name = name or self.name("c")
        self.inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def ints(self, vals):
        return self.const(np.array(vals, dtype=np.int64))

    def weights(self, k, n, precision, std):
        """Random weights of a [k, n] projection: (W,) for fp32, (codes [n, blocks, bytes], scales) for N bits."""
        if precision == "fp32":
            return ((self.rng.standard_normal((k, n), dtype=np.float32) * std).astype(np.float32),)
        if precision == "dq8":
            # ONNX Runtime's quantize_dynamic (onnx-community model_int8.onnx): int8 weights, zero point 0, one scale
            w = self.rng.integers(-127, 128, size=(k, n), dtype=np.int8)
            return w, np.array(std / (127 / np.sqrt(3.0)), dtype=np.float32)
        bits = 4 if precision == "int4" else 8
        nblocks = (k + BLOCK - 1) // BLOCK
        qw = self.rng.integers(0, 256, size=(n, nblocks, BLOCK * bits // 8), dtype=np.uint8)
        # random codes are uniform in [0, 2^bits); zero point is 2^(bits-1); pick scale so std ~= std
        scale = np.full((n * nblocks,), std / (2 ** bits / np.sqrt(12.0)), dtype=np.float32)
        return qw, scale

    def project(self, x, k, n, precision, w, prefix):
        """x[..., k] @ W[k, n] for weights from weights() (fp32 MatMul or MatMulNBits)."""
        if precision == "fp32":
            return self.op("MatMul", [x, self.const(w[0], prefix + ".weight")])
        if precision == "dq8":
            # DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q, x_zp, W_zp) -> Cast -> Mul(x_scale * W_scale)
            if x not in self.quantized:
                outs = [x + "_quantized", x + "_scale", x + "_zero_point"]
                self.nodes.append(helper.make_node("DynamicQuantizeLinear", [x], outs, name=self.name("n_DynamicQuantizeLinear")))
                self.quantized[x] = outs
            xq, xs, xzp = self.quantized[x]
            mm = self.op("MatMulInteger", [xq, self.const(w[0], prefix + ".weight_quantized"), xzp,
                                           self.const(np.array(0, dtype=np.int8), prefix + ".weight_zero_point")])
            scale = self.op("Mul", [xs, self.const(w[1], prefix + ".weight_scale")])
            return self.op("Mul", [self.op("Cast", [mm], to=TensorProto.FLOAT), scale])
        # accuracy_level 0 = not written, as onnx-community's q4 files have it (transformers.js quantize.py passes
        # none to MatMul4BitsQuantizer): fp32 compute; 4 = int8 compute, what onnxruntime-genai's builder writes for CPU
        extra = {"accuracy_level": self.accuracy_level} if self.accuracy_level else {}
        return self.op("MatMulNBits", [x, self.const(w[0], prefix + ".qweight"), self.const(w[1], prefix + ".scales")],
                       domain="com.microsoft", K=k, N=n, bits=4 if precision == "int4" else 8, block_size=BLOCK, **extra)

    def linear(self, x, k, n, precision, std, prefix):
        """x[..., k] @ W[k, n] with W random (fp32 MatMul or MatMulNBits)."""
        return self.project(x, k, n, precision, self.weights(k, n, precision, std), prefix)


def rms_norm(g, x, d, prefix, exported=False):
    """RMSNorm. exported=True writes it as torch.onnx exports Hugging Face's LlamaRMSNorm (Pow(x, 2) ->
    ReduceMean -> Add(eps) -> Sqrt -> Div(1, .) -> Mul(x, .) -> Mul(weight, .)), the form ONNX Runtime fuses
    into one SimplifiedLayerNormalization at load, as it does in real onnx-community files; the committed tiny
    models keep the older Mul(x, x) / Reciprocal form (same maths, not fused)."""
    w = g.const(np.ones((d,), dtype=np.float32), prefix + ".weight")
    if exported:
        sq = g.op("Pow", [x, g.const(np.array(2.0, dtype=np.float32))])
        mean = g.op("ReduceMean", [sq], axes=[-1], keepdims=1)
        eps = g.op("Add", [mean, g.const(np.array(1e-5, dtype=np.float32))])
        inv = g.op("Div", [g.const(np.array(1.0, dtype=np.float32)), g.op("Sqrt", [eps])])
        return g.op("Mul", [w, g.op("Mul", [x, inv])])
    sq = g.op("Mul", [x, x])
    mean = g.op("ReduceMean", [sq], axes=[-1], keepdims=1)
    eps = g.op("Add", [mean, g.const(np.array(1e-5, dtype=np.float32))])
    inv = g.op("Reciprocal", [g.op("Sqrt", [eps])])
    return g.op("Mul", [g.op("Mul", [x, inv]), w])


def rope(g, x, cos, sin, half):
    x1, x2 = g.name("x1"), g.name("x2")
    g.nodes.append(helper.make_node("Split", [x, g.ints([half, half])], [x1, x2], axis=-1, name=g.name("n_Split")))
    rot = g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)
    return g.op("Add", [g.op("Mul", [x, cos]), g.op("Mul", [rot, sin])])


def rope_sliced(g, x, cos, sin, half):
    """rotate_half as Hugging Face writes it and torch.onnx exports it: x[..., :half] and x[..., half:] by Slice."""
    x1 = g.op("Slice", [x, g.ints([0]), g.ints([half]), g.ints([-1])])
    x2 = g.op("Slice", [x, g.ints([half]), g.ints([2 ** 62]), g.ints([-1])])
    rot = g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)
    return g.op("Add", [g.op("Mul", [x, cos]), g.op("Mul", [rot, sin])])


def dynamic_shape(g, x, tail):
    """Concat(batch, sequence of x, *tail): a view target taken from hidden_states.size(), as exports have it."""
    s = g.op("Shape", [x])
    b = g.op("Unsqueeze", [g.op("Gather", [s, g.const(np.array(0, dtype=np.int64))], axis=0), g.ints([0])])
    t = g.op("Unsqueeze", [g.op("Gather", [s, g.const(np.array(1, dtype=np.int64))], axis=0), g.ints([0])])
    return g.op("Concat", [b, t, g.ints(tail)], axis=0)


def decoder_io(layers, kv_heads, head_dim, vocab, kv_type, position_ids):
    """The graph inputs and outputs of a decoder with a KV cache (Optimum / onnx-community names)."""
    i64 = TensorProto.INT64
    inputs = [helper.make_tensor_value_info("input_ids", i64, ["batch_size", "sequence_length"]),
              helper.make_tensor_value_info("attention_mask", i64, ["batch_size", "total_sequence_length"])]
    if position_ids:
        inputs.append(helper.make_tensor_value_info("position_ids", i64, ["batch_size", "sequence_length"]))
    outputs = [helper.make_tensor_value_info("logits", kv_type, ["batch_size", "sequence_length", vocab])]
    for i in range(layers):
        for kv in ("key", "value"):
            inputs.append(helper.make_tensor_value_info(f"past_key_values.{i}.{kv}", kv_type,
                                                        ["batch_size", kv_heads, "past_sequence_length", head_dim]))
            outputs.append(helper.make_tensor_value_info(f"present.{i}.{kv}", kv_type,
                                                         ["batch_size", kv_heads, "total_sequence_length", head_dim]))
    return inputs, outputs


def build_model(shape, vocab, precision, seed, name):
    L, D, H, KVH, FF, CTX = (shape[k] for k in ("layers", "hidden", "heads", "kv_heads", "inter", "ctx"))
    io16 = precision == "fp16"  # float16 cache and logits at the graph boundary, fp32 weights and compute inside
    if io16:
        precision = "fp32"
    hd = D // H
    rep = H // KVH
    rng = np.random.default_rng(seed)
    g = G(rng)
    f32, i64 = TensorProto.FLOAT, TensorProto.INT64
    no_pos = shape.get("no_position_ids", False)
    kv_t = TensorProto.FLOAT16 if io16 else f32
    inputs, outputs = decoder_io(L, KVH, hd, vocab, kv_t, position_ids=not no_pos)
    tiny = name.startswith("tiny")
    exported = not tiny
    emb_std = 1.0 if tiny else 0.02
    w_std = 0.3 if tiny else 0.02
    embed = (rng.standard_normal((vocab, D), dtype=np.float32) * emb_std).astype(np.float32)
    x = g.op("Gather", [g.const(embed, "model.embed_tokens.weight"), "input_ids"], axis=0)

    # mask [B, 1, S, T]: causal (key index <= query index, queries are the last S of T) and attention_mask
    total = g.op("Shape", ["attention_mask"])
    t_len = g.op("Gather", [total, g.const(np.array(1, dtype=np.int64))], axis=0)
    s_len = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const(np.array(1, dtype=np.int64))], axis=0)
    one, zero = g.const(np.array(1, dtype=np.int64)), g.const(np.array(0, dtype=np.int64))
    qpos = g.op("Unsqueeze", [g.op("Range", [g.op("Sub", [t_len, s_len]), t_len, one]), g.ints([1])])
    kpos = g.op("Unsqueeze", [g.op("Range", [zero, t_len, one]), g.ints([0])])
    causal = g.op("LessOrEqual", [kpos, qpos])
    am = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], to=TensorProto.BOOL), g.ints([1, 2])])
    mask = g.op("And", [causal, am])
    # rotary tables, gathered by position_ids -> [B, 1, S, hd]
    pos_ids = "position_ids"
    if no_pos:
        # positions are past..past+S-1: the query positions of the causal mask, as [1, S]
        pos_ids = g.op("Unsqueeze", [g.op("Range", [g.op("Sub", [t_len, s_len]), t_len, one]), g.ints([0])])
    export = shape.get("export_style", False)
    theta = shape.get("rope_theta", 10000.0)
    inv_freq = (1.0 / (theta ** (np.arange(0, hd, 2, dtype=np.float32) / hd))).astype(np.float32)
    if export:
        # HF's rotary: freqs = inv_freq[None, :, None] @ position_ids[:, None, :] -> [B, S, hd/2], cat, cos/sin
        pos_f = g.op("Unsqueeze", [g.op("Cast", [pos_ids], to=TensorProto.FLOAT), g.ints([1])])
        freqs = g.op("Transpose", [g.op("MatMul", [g.const(inv_freq.reshape(1, -1, 1), "model.rotary_emb.inv_freq"), pos_f])],
                     perm=[0, 2, 1])
        emb = g.op("Concat", [freqs, freqs], axis=-1)
        cos = g.op("Unsqueeze", [g.op("Cos", [emb]), g.ints([1])])
        sin = g.op("Unsqueeze", [g.op("Sin", [emb]), g.ints([1])])
        additive = g.op("Where", [mask, g.const(np.array(0.0, dtype=np.float32)),
                                  g.const(np.array(-3.4e38, dtype=np.float32))])
    else:
        freqs = np.outer(np.arange(CTX, dtype=np.float32), inv_freq)
        emb = np.concatenate([freqs, freqs], axis=-1)
        cos = g.op("Unsqueeze", [g.op("Gather", [g.const(np.cos(emb).astype(np.float32), "rope.cos"), pos_ids], axis=0), g.ints([1])])
        sin = g.op("Unsqueeze", [g.op("Gather", [g.const(np.sin(emb).astype(np.float32), "rope.sin"), pos_ids], axis=0), g.ints([1])])

    neg = g.const(np.array(-1e9, dtype=np.float32))
    scale = g.const(np.array(1.0 / np.sqrt(hd), dtype=np.float32))

    def qkv(h, heads, prefix, x):
        out = g.linear(h, D, heads * hd, precision, w_std, prefix)
        if not export:
            return g.op("Transpose", [g.op("Reshape", [out, g.ints([0, 0, heads, hd])])], perm=[0, 2, 1, 3])
        out = g.op("Add", [out, g.const((rng.standard_normal((heads * hd,)) * w_std).astype(np.float32), prefix + ".bias")])
        return g.op("Transpose", [g.op("Reshape", [out, dynamic_shape(g, x, [heads, hd])])], perm=[0, 2, 1, 3])

    for i in range(L):
        p = f"model.layers.{i}"
        h = rms_norm(g, x, D, p + ".input_layernorm", exported)
        q = qkv(h, H, p + ".q_proj", x)
        k = qkv(h, KVH, p + ".k_proj", x)
        v = qkv(h, KVH, p + ".v_proj", x)
        q = (rope_sliced if export else rope)(g, q, cos, sin, hd // 2)
        k = (rope_sliced if export else rope)(g, k, cos, sin, hd // 2)
        if io16:
            past_k = g.op("Cast", [f"past_key_values.{i}.key"], to=TensorProto.FLOAT)
            past_v = g.op("Cast", [f"past_key_values.{i}.value"], to=TensorProto.FLOAT)
            pk = g.op("Concat", [past_k, k], axis=2)
            pv = g.op("Concat", [past_v, v], axis=2)
            g.op("Cast", [pk], f"present.{i}.key", to=TensorProto.FLOAT16)
            g.op("Cast", [pv], f"present.{i}.value", to=TensorProto.FLOAT16)
        else:
            pk = g.op("Concat", [f"past_key_values.{i}.key", k], f"present.{i}.key", axis=2)
            pv = g.op("Concat", [f"past_key_values.{i}.value", v], f"present.{i}.value", axis=2)
        if rep > 1:
            pk = g.op("Reshape", [g.op("Expand", [g.op("Unsqueeze", [pk, g.ints([2])]), g.ints([1, 1, rep, 1, 1])]), g.ints([0, H, -1, hd])])
            pv = g.op("Reshape", [g.op("Expand", [g.op("Unsqueeze", [pv, g.ints([2])]), g.ints([1, 1, rep, 1, 1])]), g.ints([0, H, -1, hd])])
        if export:
            # SDPA's export: scale = 1/sqrt(E) from q's last dimension, sqrt(scale) on q and on k^T; additive mask
            e = g.op("Cast", [g.op("Gather", [g.op("Shape", [q]), g.const(np.array(3, dtype=np.int64))], axis=0)],
                     to=TensorProto.FLOAT)
            sq = g.op("Sqrt", [g.op("Div", [g.const(np.array(1.0, dtype=np.float32)), g.op("Sqrt", [e])])])
            scores = g.op("MatMul", [g.op("Mul", [q, sq]), g.op("Mul", [g.op("Transpose", [pk], perm=[0, 1, 3, 2]), sq])])
            probs = g.op("Softmax", [g.op("Add", [scores, additive])], axis=-1)
            attn = g.op("Reshape", [g.op("Transpose", [g.op("MatMul", [probs, pv])], perm=[0, 2, 1, 3]),
                                    dynamic_shape(g, x, [H * hd])])
        else:
            scores = g.op("Mul", [g.op("MatMul", [q, g.op("Transpose", [pk], perm=[0, 1, 3, 2])]), scale])
            probs = g.op("Softmax", [g.op("Where", [mask, scores, neg])], axis=-1)
            attn = g.op("Reshape", [g.op("Transpose", [g.op("MatMul", [probs, pv])], perm=[0, 2, 1, 3]), g.ints([0, 0, H * hd])])
        x = g.op("Add", [x, g.linear(attn, H * hd, D, precision, w_std, p + ".o_proj")])
        h = rms_norm(g, x, D, p + ".post_attention_layernorm", exported)
        gate = g.linear(h, D, FF, precision, w_std, p + ".gate_proj")
        up = g.linear(h, D, FF, precision, w_std, p + ".up_proj")
        act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), up])
        x = g.op("Add", [x, g.linear(act, FF, D, precision, w_std, p + ".down_proj")])
    h = rms_norm(g, x, D, "model.norm", exported)
    if precision == "fp32":
        lm = g.op("MatMul", [h, g.const(np.ascontiguousarray(embed.T), "lm_head.weight")], None if io16 else "logits")
        if io16:
            g.op("Cast", [lm], "logits", to=TensorProto.FLOAT16)
    else:
        lm = g.linear(h, D, vocab, precision, 0.5, "lm_head")
        g.nodes[-1].output[0] = "logits"
        del lm
    graph = helper.make_graph(g.nodes, "decoder", inputs, outputs, g.inits)
    opsets = [helper.make_opsetid("", 17)]
    if precision not in ("fp32", "dq8"):
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    model = helper.make_model(graph, opset_imports=opsets, producer_name="switchyard make_test_models.py")
    model.ir_version = 8
    return model


def build_model_genai(shape, vocab, precision, seed, name):
    """The decoder of build_model with the same weights (same seed, same draws in the same order), in the graph
    form of onnxruntime-genai's model builder: SimplifiedLayerNormalization, then SkipSimplifiedLayerNormalization
    (residual add + RMSNorm in one node), one packed QKV projection, com.microsoft GroupQueryAttention with the
    rotary embedding inside (seqlens_k and total_sequence_length computed from attention_mask), no position_ids
    input. Same I/O names and cache layout [B, kv_heads, past, head_dim]; past and present are separate tensors
    (past_present_share_buffer false). About 11 nodes a layer instead of ~45."""
    L, D, H, KVH, FF, CTX = (shape[k] for k in ("layers", "hidden", "heads", "kv_heads", "inter", "ctx"))
    hd = D // H
    rng = np.random.default_rng(seed)
    g = G(rng)
    i32 = TensorProto.INT32
    inputs, outputs = decoder_io(L, KVH, hd, vocab, TensorProto.FLOAT, position_ids=False)
    tiny = name.startswith("tiny")
    emb_std = 1.0 if tiny else 0.02
    w_std = 0.3 if tiny else 0.02
    eps = 1e-5
    embed = (rng.standard_normal((vocab, D), dtype=np.float32) * emb_std).astype(np.float32)
    x = g.op("Gather", [g.const(embed, "model.embed_tokens.weight"), "input_ids"], axis=0)
    # what GroupQueryAttention needs besides the cache: valid length - 1 per row, and the mask's width
    mask_sum = g.op("ReduceSum", ["attention_mask", g.ints([1])], keepdims=0)
    seqlens_k = g.op("Cast", [g.op("Sub", [mask_sum, g.const(np.array(1, dtype=np.int64))])], to=i32)
    total_len = g.op("Cast", [g.op("Gather", [g.op("Shape", ["attention_mask"]), g.const(np.array(1, dtype=np.int64))],
                                   axis=0)], to=i32)
    inv_freq = 1.0 / (10000.0 ** (np.arange(0, hd, 2, dtype=np.float32) / hd))
    freqs = np.outer(np.arange(CTX, dtype=np.float32), inv_freq)
    cos_cache = g.const(np.cos(freqs).astype(np.float32), "cos_cache")
    sin_cache = g.const(np.sin(freqs).astype(np.float32), "sin_cache")

    def ones(prefix):
        return g.const(np.ones((D,), dtype=np.float32), prefix + ".weight")

    def skip_norm(branch, residual, prefix):
        """(RMSNorm(branch + residual) * weight, branch + residual)"""
        out, total = g.name("skipnorm"), g.name("residual")
        g.nodes.append(helper.make_node("SkipSimplifiedLayerNormalization", [branch, residual, ones(prefix)],
                                        [out, "", "", total], name=g.name("n_SkipSimplifiedLayerNormalization"),
                                        domain="com.microsoft", epsilon=eps))
        return out, total

    h = g.op("SimplifiedLayerNormalization", [x, ones("model.layers.0.input_layernorm")], axis=-1, epsilon=eps)
    for i in range(L):
        p = f"model.layers.{i}"
        wq, wk, wv = (g.weights(D, n, precision, w_std) for n in (H * hd, KVH * hd, KVH * hd))
        packed = tuple(np.concatenate(parts, axis=1 if precision == "fp32" and j == 0 else 0)
                       for j, parts in enumerate(zip(wq, wk, wv)))
        qkv = g.project(h, D, (H + 2 * KVH) * hd, precision, packed, p + ".qkv_proj")
        attn = g.name("attn")
        g.nodes.append(helper.make_node(
            "GroupQueryAttention",
            [qkv, "", "", f"past_key_values.{i}.key", f"past_key_values.{i}.value", seqlens_k, total_len,
             cos_cache, sin_cache],
            [attn, f"present.{i}.key", f"present.{i}.value"], name=g.name("n_GroupQueryAttention"),
            domain="com.microsoft", num_heads=H, kv_num_heads=KVH, do_rotary=1, rotary_interleaved=0))
        o = g.linear(attn, H * hd, D, precision, w_std, p + ".o_proj")
        h, x = skip_norm(o, x, p + ".post_attention_layernorm")
        gate = g.linear(h, D, FF, precision, w_std, p + ".gate_proj")
        up = g.linear(h, D, FF, precision, w_std, p + ".up_proj")
        act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), up])
        down = g.linear(act, FF, D, precision, w_std, p + ".down_proj")
        h, x = skip_norm(down, x, f"model.layers.{i + 1}.input_layernorm" if i + 1 < L else "model.norm")
    if precision == "fp32":
        g.op("MatMul", [h, g.const(np.ascontiguousarray(embed.T), "lm_head.weight")], "logits")
    else:
        g.linear(h, D, vocab, precision, 0.5, "lm_head")
        g.nodes[-1].output[0] = "logits"
    graph = helper.make_graph(g.nodes, "decoder", inputs, outputs, g.inits)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="switchyard make_test_models.py (genai form)")
    model.ir_version = 8
    return model


def write_genai_folder(out, shape_name, precision, seed):
    """An onnxruntime-genai folder: model.onnx (+ model.onnx.data for fp32 speed shapes), genai_config.json,
    config.json, tokenizer.json, tokenizer_config.json."""
    shape = dict(SHAPES[shape_name])
    if shape["model_type"] == "gpt2":
        raise SystemExit("the genai layout is written for Llama-style shapes only")
    phi3 = shape.get("sentencepiece", False)
    tok, tok_size = build_sentencepiece_tokenizer() if phi3 else build_tokenizer()
    vocab = shape["vocab"] or tok_size + shape.get("vocab_pad", 0)
    os.makedirs(out, exist_ok=True)
    model = build_model_genai(shape, vocab, precision, seed, shape_name)
    path = os.path.join(out, "model.onnx")
    if precision == "fp32" and not shape_name.startswith("tiny"):
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location="model.onnx.data", size_threshold=1024)
    else:
        onnx.save_model(model, path)
    label = ("tiny-random Phi-3-style, genai form (nonsense output, for tests)" if phi3
             else "tiny-random, genai form (nonsense output, for tests)" if shape_name.startswith("tiny")
             else f"{shape_name}-shape random weights ({precision}, genai form, nonsense output, for benchmarks)")
    hd = shape["hidden"] // shape["heads"]
    genai = {"model": {
        "bos_token_id": 1, "context_length": shape["ctx"], "eos_token_id": [2, 0], "pad_token_id": 0,
        "type": shape["model_type"], "vocab_size": vocab,
        "decoder": {"filename": "model.onnx", "head_size": hd, "hidden_size": shape["hidden"],
                    "num_attention_heads": shape["heads"], "num_hidden_layers": shape["layers"],
                    "num_key_value_heads": shape["kv_heads"], "session_options": {"provider_options": []},
                    "inputs": {"input_ids": "input_ids", "attention_mask": "attention_mask",
                               "past_key_names": "past_key_values.%d.key", "past_value_names": "past_key_values.%d.value"},
                    "outputs": {"logits": "logits", "present_key_names": "present.%d.key",
                                "present_value_names": "present.%d.value"}}},
        "search": {"do_sample": False, "max_length": shape["ctx"], "past_present_share_buffer": False}}
    config = {"name": label, "architectures": [shape["arch"]], "model_type": shape["model_type"],
              "hidden_size": shape["hidden"], "num_hidden_layers": shape["layers"],
              "num_attention_heads": shape["heads"], "num_key_value_heads": shape["kv_heads"], "head_dim": hd,
              "vocab_size": vocab, "max_position_embeddings": shape["ctx"], "eos_token_id": 2}
    tok_cfg = {"add_bos_token": False, "bos_token": "<|im_start|>", "eos_token": "<|im_end|>",
               "pad_token": "<|endoftext|>", "model_max_length": shape["ctx"], "chat_template": CHATML}
    if phi3:
        ids = {t["content"]: t["id"] for t in tok["added_tokens"]}
        end, eot = ids["<|end|>"], ids["<|endoftext|>"]
        genai["model"].update(bos_token_id=1, eos_token_id=[end, eot], pad_token_id=eot)
        config.update(bos_token_id=1, eos_token_id=eot, pad_token_id=eot)
        tok_cfg = {"add_bos_token": False, "add_eos_token": False, "bos_token": "<s>", "eos_token": "<|endoftext|>",
                   "pad_token": "<|endoftext|>", "unk_token": "<unk>", "legacy": False, "model_max_length": shape["ctx"],
                   "tokenizer_class": "LlamaTokenizer", "chat_template": PHI3_TEMPLATE}
    write_json_files(out, {"genai_config.json": genai, "config.json": config, "tokenizer_config.json": tok_cfg}, tok)
    print(f"wrote {path} ({os.path.getsize(path)} bytes, genai form), vocab {vocab}, {shape['layers']} layers")


def write_folder(out, shape_name, precision, seed):
    shape = dict(SHAPES[shape_name])
    tok, tok_size = build_tokenizer()
    vocab = shape["vocab"] or tok_size
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    model = build_model(shape, vocab, precision, seed, shape_name)
    fname = {"fp32": "model.onnx", "fp16": "model_fp16.onnx", "int8": "model_int8.onnx", "int4": "model_q4.onnx",
             "dq8": "model_int8.onnx"}[precision]
    path = os.path.join(out, "onnx", fname)
    if precision == "fp32" and not shape_name.startswith("tiny"):
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=fname + "_data", size_threshold=1024)
    else:
        if precision == "fp32":
            onnx.checker.check_model(model)
        onnx.save_model(model, path)
    label = ("tiny-random (nonsense output, for tests)" if shape_name == "tiny"
             else "tiny-random GPT-2-style I/O (nonsense output, for tests)" if shape_name == "tiny-gpt2"
             else "tiny-random Qwen2-style, export-style graph (nonsense output, for tests)" if shape_name == "tiny-qwen2"
             else f"{shape_name}-shape random weights ({precision}, nonsense output, for benchmarks)")
    hd = shape["hidden"] // shape["heads"]
    config = {"_name_or_path": label, "name": label, "architectures": [shape["arch"]], "model_type": shape["model_type"],
              "hidden_size": shape["hidden"], "intermediate_size": shape["inter"],
              "num_hidden_layers": shape["layers"], "num_attention_heads": shape["heads"],
              "num_key_value_heads": shape["kv_heads"], "head_dim": hd, "vocab_size": vocab,
              "max_position_embeddings": shape["ctx"], "bos_token_id": 1, "eos_token_id": 2,
              "tie_word_embeddings": True, "torch_dtype": "float32", "rms_norm_eps": 1e-5}
    if "rope_theta" in shape:
        config["rope_theta"] = shape["rope_theta"]
    if shape["model_type"] == "qwen2":
        config.update(use_sliding_window=False, sliding_window=shape["ctx"])
    gen = {"bos_token_id": 1, "eos_token_id": [2, 0], "do_sample": False, "max_new_tokens": 64}
    tok_cfg = {"add_bos_token": False, "add_prefix_space": False, "bos_token": "<|im_start|>",
               "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>", "unk_token": "<|endoftext|>",
               "model_max_length": shape["ctx"], "tokenizer_class": "GPT2Tokenizer", "chat_template": CHATML}
    if shape["model_type"] == "gpt2":
        del tok_cfg["chat_template"]
        tok_cfg.update(bos_token="<|endoftext|>", eos_token="<|endoftext|>")
        config.update(n_positions=shape["ctx"], eos_token_id=0, bos_token_id=0)
        del config["max_position_embeddings"]
        gen = {"bos_token_id": 0, "eos_token_id": 0}
    write_json_files(out, {"config.json": config, "generation_config.json": gen, "tokenizer_config.json": tok_cfg}, tok)
    print(f"wrote {path} ({os.path.getsize(path)} bytes), vocab {vocab}, {shape['layers']} layers")


def write_json_files(out, files, tokenizer):
    """The folder's JSON files (indented, newline-terminated) and tokenizer.json (compact, as the hub ships it)."""
    for fn, obj in files.items():
        with open(os.path.join(out, fn), "w") as f:
            json.dump(obj, f, indent=2)
            f.write("\n")
    with open(os.path.join(out, "tokenizer.json"), "w") as f:
        json.dump(tokenizer, f, ensure_ascii=False)


def write_not_a_decoder(path):
    """A valid ONNX file that is not a decoder (an encoder: input_ids, attention_mask -> last_hidden_state)."""
    rng = np.random.default_rng(1)
    g = G(rng)
    emb = g.const((rng.standard_normal((64, 8)) * 0.1).astype(np.float32), "embed")
    g.op("Gather", [emb, "input_ids"], "last_hidden_state", axis=0)
    graph = helper.make_graph(g.nodes, "encoder",
                              [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "s"]),
                               helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["b", "s"])],
                              [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["b", "s", 8])], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    onnx.save_model(model, path)
    print(f"wrote {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["tiny", "tiny-gpt2", "tiny-qwen2", "tiny-phi3", "speed", "not-a-decoder"])
    ap.add_argument("out")
    ap.add_argument("--shape", choices=["smollm2-135m", "qwen2.5-0.5b"], default="smollm2-135m")
    ap.add_argument("--precision", choices=["fp32", "fp16", "int8", "int4", "dq8"], default=None,
                    help="fp16 = float16 cache and logits at the graph boundary (fp32 weights), for I/O tests; "
                         "int8 = MatMulNBits 8-bit; dq8 = dynamic quantization as onnx-community's model_int8.onnx "
                         "(DynamicQuantizeLinear + MatMulInteger)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--accuracy-level", type=int, default=4, choices=[0, 1, 4],
                    help="MatMulNBits accuracy_level; 0 writes none, as onnx-community's q4 files (fp32 compute)")
    ap.add_argument("--layout", choices=["onnx-community", "genai"], default="onnx-community",
                    help="genai = an onnxruntime-genai folder with the model builder's fused graph (fp32 and int4/int8)")
    a = ap.parse_args()
    ACCURACY_LEVEL[0] = a.accuracy_level
    write = write_genai_folder if a.layout == "genai" else write_folder
    if a.kind == "not-a-decoder":
        write_not_a_decoder(a.out)
    elif a.kind == "tiny-phi3":
        write_genai_folder(a.out, a.kind, a.precision or "fp32", a.seed)  # the catalog's Phi-3.5 is a genai folder
    elif a.kind in ("tiny", "tiny-gpt2", "tiny-qwen2"):
        write(a.out, a.kind, a.precision or "fp32", a.seed)
    else:
        write(a.out, a.shape, a.precision or "int4", a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
