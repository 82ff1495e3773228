//! Checks against the transformers/PEFT reference in fixtures/lora (made by
//! tests/reference/make_lora_fixtures.py): logits within 1e-4, LoRA gradients within 1e-4
//! relative, the chat template's ids and assistant mask.

use std::path::PathBuf;

use candle_core::{DType, Device, Tensor};

use super::*;

fn fixture(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/lora")
        .join(p)
}

fn reference(kind: &str) -> std::collections::HashMap<String, Tensor> {
    candle_core::safetensors::load(
        fixture(&format!("reference/{kind}.safetensors")),
        &Device::Cpu,
    )
    .expect("reference tensors")
}

fn ids_u32(t: &Tensor) -> Tensor {
    t.to_dtype(DType::I64)
        .unwrap()
        .to_dtype(DType::U32)
        .unwrap()
}

fn max_abs(a: &Tensor, b: &Tensor) -> f32 {
    (a - b)
        .unwrap()
        .abs()
        .unwrap()
        .flatten_all()
        .unwrap()
        .max(0)
        .unwrap()
        .to_scalar::<f32>()
        .unwrap()
}

fn check_logits(kind: &str) {
    let r = reference(kind);
    let model = Model::load(&fixture(kind), &Device::Cpu, DType::F32).unwrap();
    let ids = ids_u32(&r["logits_ids"]);
    let logits = model.forward(&ids, None, None, None).unwrap();
    let d = max_abs(&logits, &r["logits"]);
    assert!(d < 1e-4, "{kind}: max |logit - transformers| = {d}");
    // The reference is not trivially small: a wrong model would miss it by far more.
    let scale = abs_max(&r["logits"]);
    assert!(scale > 0.1, "{kind}: logits too small to test ({scale})");

    // The same logits one token at a time through the KV cache.
    let row: Vec<u32> = ids.get(0).unwrap().to_vec1().unwrap();
    let mut cache = KvCache::default();
    for (i, &t) in row.iter().enumerate() {
        let x = Tensor::new(&[[t]], &Device::Cpu).unwrap();
        let l = model.forward(&x, None, Some(&mut cache), None).unwrap();
        let want = r["logits"].get(0).unwrap().get(i).unwrap();
        let d = max_abs(&l.get(0).unwrap().get(0).unwrap(), &want);
        assert!(d < 1e-4, "{kind}: cached step {i}: {d}");
    }
}

/// The reference's gradient case for `kind` on the CPU, the base in `dtype`.
struct GradCase {
    r: std::collections::HashMap<String, Tensor>,
    model: Model,
    /// PEFT's adapter.
    adapter: Adapter,
    inputs: Tensor,
    targets: Tensor,
    weights: Tensor,
}

fn grad_case(kind: &str, dtype: DType) -> GradCase {
    let r = reference(kind);
    let dev = Device::Cpu;
    let model = Model::load(&fixture(kind), &dev, dtype).unwrap();
    let adapter = Adapter::load_peft(
        &fixture(&format!("reference/{kind}-adapter")),
        &model.config,
        &dev,
    )
    .unwrap();
    let ids = r["grad_ids"].to_dtype(DType::I64).unwrap();
    let labels = r["grad_labels"].to_dtype(DType::I64).unwrap();
    let t = ids.dim(1).unwrap();
    let inputs = ids_u32(&ids.narrow(1, 0, t - 1).unwrap());
    let lab = labels.narrow(1, 1, t - 1).unwrap();
    let weights = lab.ge(0i64).unwrap().to_dtype(DType::F32).unwrap();
    let targets = ids_u32(&lab.clamp(0i64, i64::MAX).unwrap());
    GradCase {
        r,
        model,
        adapter,
        inputs,
        targets,
        weights,
    }
}

fn check_grads(kind: &str) {
    let GradCase {
        r,
        model,
        adapter,
        inputs,
        targets,
        weights,
    } = grad_case(kind, DType::F32);
    assert_eq!(adapter.pairs.len(), 2 * 7);
    let loss = model
        .loss(&inputs, &targets, &weights, Some(&adapter), None)
        .unwrap();
    let want_loss = r["grad_loss"].to_vec1::<f32>().unwrap()[0];
    // The loss within 1e-4 and every adapter gradient within 1e-4 relative of PEFT's; returns
    // the gradients' values.
    let check = |how: &str, loss: f32, grads: &candle_core::backprop::GradStore| {
        assert!(
            (loss - want_loss).abs() < 1e-4,
            "{kind} ({how}): loss {loss} vs PEFT {want_loss}"
        );
        let mut values = Vec::new();
        for (name, var) in adapter.vars() {
            let want = &r[&format!("grad.{}{name}", lora::PEFT_PREFIX)];
            let got = grads.get(var.as_tensor()).expect("gradient");
            let scale = abs_max(want);
            assert!(scale > 0.0, "{kind}: {name}: zero reference gradient");
            let rel = max_abs(got, want) / scale;
            assert!(
                rel < 1e-4,
                "{kind} ({how}): {name}: relative gradient error {rel}"
            );
            values.push(got.flatten_all().unwrap().to_vec1::<f32>().unwrap());
        }
        assert_eq!(values.len(), 28);
        values
    };
    let got_loss = loss.to_scalar::<f32>().unwrap();
    check("whole graph", got_loss, &loss.backward().unwrap());
    // Block by block, keeping or recomputing activations: the same reference, and the same
    // bits as each other.
    let mut by_block = Vec::new();
    for recompute in [false, true] {
        let (l, g) = model
            .loss_and_grads(&inputs, &targets, &weights, &adapter, None, recompute)
            .unwrap();
        let values = check(&format!("block by block, recompute {recompute}"), l, &g);
        by_block.push((l.to_bits(), values));
    }
    assert!(
        by_block[0] == by_block[1],
        "{kind}: recompute changed the bits"
    );
}

/// Gives every B values (B starts at zero, which would leave A without gradient).
fn give_b_values(adapter: &Adapter) {
    for (_, b) in adapter.pairs.values() {
        let n = b.elem_count();
        let v: Vec<f32> = (0..n)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) * 1e-3)
            .collect();
        b.set(&Tensor::from_vec(v, b.shape(), b.device()).unwrap())
            .unwrap();
    }
}

/// The adapter's gradients in `g`, in the adapter's order.
fn grads_of(adapter: &Adapter, g: &candle_core::backprop::GradStore) -> Vec<Vec<f32>> {
    adapter
        .vars()
        .into_iter()
        .map(|(_, v)| {
            g.get(v.as_tensor())
                .expect("gradient")
                .flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap()
        })
        .collect()
}

/// With dropout (the stream restarted at each recomputed block), recomputing activations gives
/// the same loss and gradients, to the bit, as keeping them; a different stream does not.
#[test]
fn recompute_gives_the_same_bits_with_dropout() {
    let dev = Device::Cpu;
    let model = Model::load(&fixture("llama"), &dev, DType::F32).unwrap();
    let spec = LoraSpec {
        rank: 4,
        alpha: 8.0,
        dropout: 0.2,
        targets: model::LINEARS.iter().map(|s| s.to_string()).collect(),
    };
    let adapter = Adapter::init(&spec, &model.config, 3, &dev).unwrap();
    give_b_values(&adapter);
    let r = reference("llama");
    let ids = ids_u32(&r["grad_ids"]);
    let t = ids.dim(1).unwrap();
    let inputs = ids.narrow(1, 0, t - 1).unwrap();
    let targets = ids.narrow(1, 1, t - 1).unwrap();
    let weights = targets.ones_like().unwrap().to_dtype(DType::F32).unwrap();
    let run = |recompute: bool, key: u8| {
        let mut s = crate::trainer::rng::Stream::new("test.dropout", &[&[key]]);
        let (l, g) = model
            .loss_and_grads(
                &inputs,
                &targets,
                &weights,
                &adapter,
                Some(&mut s),
                recompute,
            )
            .unwrap();
        (l.to_bits(), grads_of(&adapter, &g))
    };
    let kept = run(false, 1);
    assert!(
        kept.1.iter().all(|g| g.iter().any(|x| *x != 0.0)),
        "every tensor has a gradient"
    );
    assert!(run(true, 1) == kept, "recompute changed the bits");
    assert!(run(false, 2) != kept, "the dropout stream changes nothing");
}

/// Keeping and recomputing in segments of every length, one sequence at a time (the sequences
/// in parallel, each drawing its own rows of the dropout masks) or not, give the bits of keeping
/// the whole batch's graph: on five blocks (the fixture's two, repeated), three sequences, with
/// dropout, with all seven targets and with two.
#[test]
fn segments_and_sequences_give_the_same_bits() {
    let dev = Device::Cpu;
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("llama");
    for f in ["tokenizer.json", "tokenizer_config.json"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let mut config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(src.join("config.json")).unwrap()).unwrap();
    config["num_hidden_layers"] = 5.into();
    std::fs::write(dir.path().join("config.json"), config.to_string()).unwrap();
    let two = candle_core::safetensors::load(src.join("model.safetensors"), &dev).unwrap();
    let mut five = std::collections::HashMap::new();
    for (name, t) in &two {
        match name.strip_prefix("model.layers.") {
            Some(rest) => {
                let (layer, tail) = rest.split_once('.').unwrap();
                let layer: usize = layer.parse().unwrap();
                for to in (layer..5).step_by(2) {
                    // Each copy a little different, so no two blocks compute the same thing.
                    let t = (t * (1.0 + 0.01 * to as f64)).unwrap();
                    five.insert(format!("model.layers.{to}.{tail}"), t);
                }
            }
            None => {
                five.insert(name.clone(), t.clone());
            }
        }
    }
    candle_core::safetensors::save(&five, dir.path().join("model.safetensors")).unwrap();
    let model = Model::load(dir.path(), &dev, DType::F32).unwrap();
    assert_eq!(model.config.num_hidden_layers, 5);
    // ⌈√n⌉: the fewest inputs kept at once.
    let lens: Vec<usize> = [1, 2, 5, 9, 10, 30].map(model::segment_len).to_vec();
    assert_eq!(lens, [1, 2, 3, 3, 4, 6]);
    let r = reference("llama");
    let ids = ids_u32(&r["grad_ids"]);
    let t = ids.dim(1).unwrap() - 1;
    let row = ids.get(0).unwrap();
    // Three different sequences: the reference's first row, shifted.
    let rows: Vec<Tensor> = (0..3)
        .map(|s| {
            let v = row.to_vec1::<u32>().unwrap();
            let mut v: Vec<u32> = v.iter().cycle().skip(s * 5).take(t + 1).copied().collect();
            v.truncate(t + 1);
            Tensor::new(v, &dev).unwrap()
        })
        .collect();
    let ids = Tensor::stack(&rows, 0).unwrap();
    let inputs = ids.narrow(1, 0, t).unwrap();
    let targets = ids.narrow(1, 1, t).unwrap();
    let weights = targets.ones_like().unwrap().to_dtype(DType::F32).unwrap();
    for targets_of in [model::LINEARS.to_vec(), vec!["q_proj", "down_proj"]] {
        let spec = LoraSpec {
            rank: 4,
            alpha: 8.0,
            dropout: 0.2,
            targets: targets_of.iter().map(|s| s.to_string()).collect(),
        };
        let adapter = Adapter::init(&spec, &model.config, 3, &dev).unwrap();
        give_b_values(&adapter);
        let run = |segment: Option<usize>, split: bool| {
            let mut s = crate::trainer::rng::Stream::new("test.dropout", &[&[1]]);
            let (l, g) = model
                .loss_and_grads_in(
                    &inputs,
                    &targets,
                    &weights,
                    &adapter,
                    Some(&mut s),
                    segment,
                    split,
                )
                .unwrap();
            (l.to_bits(), grads_of(&adapter, &g))
        };
        let kept = run(None, false);
        assert!(
            kept.1.iter().all(|g| g.iter().any(|x| *x != 0.0)),
            "every tensor has a gradient"
        );
        for split in [false, true] {
            for segment in [None, Some(1), Some(2), Some(3), Some(5)] {
                assert!(
                    run(segment, split) == kept,
                    "targets {targets_of:?}: segments {segment:?}, by sequence {split}: other bits"
                );
            }
        }
    }
}

#[test]
fn llama_logits_match_transformers() {
    check_logits("llama");
}

#[test]
fn qwen2_logits_match_transformers() {
    check_logits("qwen2");
}

#[test]
fn llama_lora_gradients_match_peft() {
    check_grads("llama");
}

#[test]
fn qwen2_lora_gradients_match_peft() {
    check_grads("qwen2");
}

fn abs_max(t: &Tensor) -> f32 {
    t.abs()
        .unwrap()
        .max_all()
        .unwrap()
        .to_scalar::<f32>()
        .unwrap()
}

#[test]
fn chat_template_and_assistant_mask_match_transformers() {
    for kind in ["llama", "qwen2"] {
        let text = std::fs::read_to_string(fixture(&format!("reference/{kind}.json"))).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let codec = TextCodec::load(&fixture(kind)).unwrap();
        let messages: Vec<Message> = serde_json::from_value(v["messages"].clone()).unwrap();
        assert_eq!(
            codec.render(&messages, false).unwrap(),
            v["rendered"].as_str().unwrap(),
            "{kind}: rendered chat"
        );
        let (ids, mask) = codec.chat_example(&messages).unwrap();
        let want_ids: Vec<u32> = serde_json::from_value(v["ids"].clone()).unwrap();
        let want_mask: Vec<u8> = serde_json::from_value(v["assistant_mask"].clone()).unwrap();
        assert_eq!(ids, want_ids, "{kind}: chat ids");
        assert_eq!(mask, want_mask, "{kind}: assistant mask");
        let plain: Vec<u32> = serde_json::from_value(v["plain_ids"].clone()).unwrap();
        assert_eq!(
            codec
                .encode(v["plain_text"].as_str().unwrap(), true)
                .unwrap(),
            plain,
            "{kind}: plain text ids"
        );
    }
}

#[test]
fn merged_weights_give_the_adapted_logits() {
    let dev = Device::Cpu;
    let out = tempfile::tempdir().unwrap();
    let merged = out.path().join("merged");
    let adapter_dir = fixture("reference/qwen2-adapter");
    let report = merge(&fixture("qwen2"), &adapter_dir, &merged).unwrap();
    assert_eq!(report.merged_layers, 14);
    assert!(merged.join("tokenizer.json").is_file());
    let base = Model::load(&fixture("qwen2"), &dev, DType::F32).unwrap();
    let adapter = Adapter::load_peft(&adapter_dir, &base.config, &dev).unwrap();
    let m = Model::load(&merged, &dev, DType::F32).unwrap();
    let ids = ids_u32(&reference("qwen2")["logits_ids"]);
    let a = base.forward(&ids, Some(&adapter), None, None).unwrap();
    let b = m.forward(&ids, None, None, None).unwrap();
    let plain = base.forward(&ids, None, None, None).unwrap();
    assert!(
        max_abs(&a, &b) < 1e-4,
        "merged vs adapter: {}",
        max_abs(&a, &b)
    );
    assert!(max_abs(&a, &plain) > 1e-3, "the adapter changes nothing");
}

#[test]
fn peft_folder_round_trips() {
    let dev = Device::Cpu;
    let config = Config::load(&fixture("llama")).unwrap();
    let spec = LoraSpec {
        rank: 2,
        alpha: 4.0,
        dropout: 0.0,
        targets: vec!["q_proj".into(), "down_proj".into()],
    };
    let a = Adapter::init(&spec, &config, 7, &dev).unwrap();
    let dir = tempfile::tempdir().unwrap();
    a.save_peft(dir.path(), "base").unwrap();
    let b = Adapter::load_peft(dir.path(), &config, &dev).unwrap();
    assert_eq!(a.values().unwrap(), b.values().unwrap());
    assert_eq!(b.spec, spec);
    // A is seeded and nonzero; B starts at zero.
    let v = a.values().unwrap();
    let a0 = &v["model.layers.0.self_attn.q_proj.lora_A.weight"].1;
    assert!(a0.iter().any(|&x| x != 0.0));
    assert!(
        v["model.layers.0.self_attn.q_proj.lora_B.weight"]
            .1
            .iter()
            .all(|&x| x == 0.0)
    );
    let other = Adapter::init(&spec, &config, 8, &dev)
        .unwrap()
        .values()
        .unwrap();
    assert_ne!(
        &other["model.layers.0.self_attn.q_proj.lora_A.weight"].1,
        a0
    );
}

#[test]
fn bad_folders_and_targets_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("llama/config.json")).unwrap())
            .unwrap();
    cfg["model_type"] = "gpt2".into();
    cfg["architectures"] = serde_json::json!(["GPT2LMHeadModel"]);
    std::fs::write(dir.path().join("config.json"), cfg.to_string()).unwrap();
    let e = Config::load(dir.path()).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("GPT2LMHeadModel") && e.message.contains("gpt2"),
        "{}",
        e.message
    );
    assert!(e.hint.unwrap().contains("qwen2"));

    let e = TextCodec::load(dir.path()).map(|_| ()).unwrap_err();
    assert!(e.message.contains("tokenizer.json"), "{}", e.message);

    let config = Config::load(&fixture("llama")).unwrap();
    let spec = LoraSpec {
        rank: 2,
        alpha: 4.0,
        dropout: 0.0,
        targets: vec!["c_attn".into()],
    };
    let e = spec.validate(Some(&config)).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.hint.unwrap().contains("gate_proj"));

    let e = check_context(&config, 4096, &fixture("llama")).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.message.contains("max_position_embeddings"));
}

/// The paths a GPU takes where cohort has no fused CPU kernel (a bf16 base: RMSNorm, softmax and
/// the head from candle's ops, the head's loss and gradient by chunks of rows, its loss summed
/// on the device) run on the CPU too: within bf16's precision of PEFT's f32 reference.
#[test]
fn a_bf16_base_on_the_cpu_matches_peft_within_bf16() {
    for kind in ["llama", "qwen2"] {
        let c = grad_case(kind, DType::BF16);
        let (loss, grads) = c
            .model
            .loss_and_grads(&c.inputs, &c.targets, &c.weights, &c.adapter, None, false)
            .unwrap();
        let want = c.r["grad_loss"].to_vec1::<f32>().unwrap()[0];
        assert!(
            ((loss - want) / want).abs() < 2e-2,
            "{kind}: loss {loss} vs PEFT {want}"
        );
        for (name, var) in c.adapter.vars() {
            let want = &c.r[&format!("grad.{}{name}", lora::PEFT_PREFIX)];
            let got = grads.get(var.as_tensor()).expect("gradient");
            let got = got.to_dtype(DType::F32).unwrap();
            let rel = max_abs(&got, want) / abs_max(want);
            assert!(rel < 5e-2, "{kind}: {name}: relative gradient error {rel}");
        }
    }
}

/// The head's loss and gradient by chunks of rows (a GPU's path at a real vocabulary, where
/// 64 MiB of logits is a few hundred rows) against the whole logits at once, on a bf16 base:
/// uneven chunks, the last one short, and masked positions.
#[test]
fn the_head_by_chunks_of_rows_is_the_head_at_once() {
    for kind in ["llama", "qwen2"] {
        let c = grad_case(kind, DType::BF16);
        let (b, t) = c.inputs.dims2().unwrap();
        let h = c.model.config.hidden_size;
        let mut s = crate::trainer::rng::Stream::new("test.lora.head.chunks", &[]);
        let top = Tensor::from_vec(s.normals(b * t * h, 1.0), (b, t, h), &Device::Cpu)
            .unwrap()
            .to_dtype(DType::BF16)
            .unwrap();
        assert!(c.weights.sum_all().unwrap().to_scalar::<f32>().unwrap() < (b * t) as f32);
        let leaf = candle_core::Var::from_tensor(&top).unwrap();
        let whole = c
            .model
            .head_loss(leaf.as_tensor(), &c.targets, &c.weights)
            .unwrap();
        let want = whole.to_scalar::<f32>().unwrap();
        let want_g = whole.backward().unwrap().remove(leaf.as_tensor()).unwrap();
        let scale = abs_max(&want_g.to_dtype(DType::F32).unwrap());
        assert!(scale > 0.0);
        for rows in [b * t, 7, 11] {
            assert!(
                rows == b * t || (b * t) % rows != 0,
                "{rows} divides {}",
                b * t
            );
            let (loss, g) = c
                .model
                .head_grad_by(&top, &c.targets, &c.weights, rows)
                .unwrap();
            assert!(
                ((loss - want) / want).abs() < 1e-5,
                "{kind}, {rows} rows a chunk: loss {loss} vs {want}"
            );
            assert_eq!(g.dims(), want_g.dims());
            let d = max_abs(
                &g.to_dtype(DType::F32).unwrap(),
                &want_g.to_dtype(DType::F32).unwrap(),
            );
            assert!(
                d <= 1e-2 * scale,
                "{kind}, {rows} rows a chunk: gradient off by {d} (scale {scale})"
            );
        }
    }
}
