//! Checks against the transformers/PEFT reference in fixtures/lora (made by
//! tests/reference/make_lora_fixtures.py): logits within 1e-4, LoRA gradients within 1e-4
//! relative, the chat template's ids and assistant mask.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};

use super::*;

/// Rank 2 on q_proj alone: the smallest adapter the training tests need.
fn q_proj_spec() -> LoraSpec {
    LoraSpec {
        rank: 2,
        alpha: 4.0,
        dropout: 0.0,
        targets: vec!["q_proj".into()],
    }
}

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

/// A copy of the reference Qwen2 adapter with `edit` applied to its adapter_config.json.
fn adapter_copy(edit: impl FnOnce(&mut serde_json::Value)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("reference/qwen2-adapter");
    std::fs::copy(
        src.join("adapter_model.safetensors"),
        dir.path().join("adapter_model.safetensors"),
    )
    .unwrap();
    let mut cfg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(src.join("adapter_config.json")).unwrap())
            .unwrap();
    edit(&mut cfg);
    std::fs::write(dir.path().join("adapter_config.json"), cfg.to_string()).unwrap();
    dir
}

/// What PEFT applies beyond one r and alpha on every target of every layer is refused, naming
/// the field, not ignored (the adapter would act otherwise than in PEFT).
#[test]
fn peft_fields_cohort_does_not_apply_are_refused() {
    let dev = Device::Cpu;
    let config = Config::load(&fixture("qwen2")).unwrap();
    // The reference adapter as PEFT wrote it (every such field empty) loads.
    let plain = adapter_copy(|_| {});
    Adapter::load_peft(plain.path(), &config, &dev).unwrap();
    let cases: Vec<(&str, serde_json::Value)> = vec![
        ("alpha_pattern", serde_json::json!({"q_proj": 32})),
        (
            "rank_pattern",
            serde_json::json!({"model.layers.0.self_attn.q_proj": 2}),
        ),
        ("modules_to_save", serde_json::json!(["lm_head"])),
        ("bias", serde_json::json!("lora_only")),
        ("layers_to_transform", serde_json::json!([0])),
        ("exclude_modules", serde_json::json!(["k_proj"])),
        ("lora_bias", serde_json::json!(true)),
        (
            "target_parameters",
            serde_json::json!(["mlp.experts.gate_up_proj"]),
        ),
    ];
    for (field, value) in cases {
        let dir = adapter_copy(|c| c[field] = value.clone());
        let e = Adapter::load_peft(dir.path(), &config, &dev)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(e.exit_code(), 2, "{field}: {}", e.message);
        assert!(
            e.message.contains(field) && e.message.contains("does not apply"),
            "{field}: {}",
            e.message
        );
    }
}

/// A tensor in adapter_model.safetensors that is no lora_A/lora_B of a target (a full lm_head
/// of modules_to_save, a bias) is refused, naming it.
#[test]
fn adapter_tensors_beyond_the_lora_pairs_are_refused() {
    let dev = Device::Cpu;
    let config = Config::load(&fixture("qwen2")).unwrap();
    for extra in [
        "base_model.model.lm_head.weight",
        "base_model.model.model.layers.0.self_attn.q_proj.lora_B.bias",
    ] {
        let dir = adapter_copy(|_| {});
        let path = dir.path().join("adapter_model.safetensors");
        let bytes = std::fs::read(&path).unwrap();
        let st = safetensors::SafeTensors::deserialize(&bytes).unwrap();
        let mut values = lora::Tensors::new();
        for (name, view) in st.tensors() {
            let v: Vec<f32> = view
                .data()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
                .collect();
            values.insert(name.to_string(), (view.shape().to_vec(), v));
        }
        values.insert(extra.to_string(), (vec![2, 2], vec![1.0; 4]));
        std::fs::write(&path, lora::safetensors_bytes(&values, &Default::default())).unwrap();
        let e = Adapter::load_peft(dir.path(), &config, &dev)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(e.exit_code(), 2, "{}", e.message);
        assert!(e.message.contains(extra), "{}", e.message);
    }
}

/// A classification head on a supported model type is no causal LM: refused, listing what runs.
#[test]
fn a_sequence_classification_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("qwen2/config.json")).unwrap())
            .unwrap();
    cfg["architectures"] = serde_json::json!(["Qwen2ForSequenceClassification"]);
    std::fs::write(dir.path().join("config.json"), cfg.to_string()).unwrap();
    let e = Config::load(dir.path()).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("Qwen2ForSequenceClassification"),
        "{}",
        e.message
    );
    assert!(e.hint.unwrap().contains("Qwen2ForCausalLM"));
}

/// Keeps the notes a run gives.
#[derive(Default)]
struct Notes(std::sync::Mutex<Vec<String>>);

impl Notes {
    fn notes(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

impl crate::progress::Progress for Notes {
    fn task(
        &self,
        label: &str,
        total: Option<u64>,
        unit: crate::progress::Unit,
    ) -> std::sync::Arc<dyn crate::progress::Task> {
        crate::progress::Silent.task(label, total, unit)
    }
    fn note(&self, msg: &str) {
        self.0.lock().unwrap().push(msg.to_string());
    }
}

fn codec() -> TextCodec {
    TextCodec::load(&fixture("qwen2")).unwrap()
}

/// `.JSONL` and `.ndjson` files are JSONL (scored as examples, not packed as text), a byte order
/// mark is skipped, and a line with both `messages` and `prompt` is refused as having both.
#[test]
fn jsonl_extensions_bom_and_mixed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"prompt": "Who says: Speak.", "completion": " Hamlet."}"#;
    let lines = format!("{line}\n").repeat(10);
    let plain = dir.path().join("a.jsonl");
    std::fs::write(&plain, &lines).unwrap();
    let want = Dataset::load(std::slice::from_ref(&plain), &codec(), 64).unwrap();
    assert_eq!((want.train.len(), want.val.len()), (9, 1));
    for name in ["b.JSONL", "c.ndjson", "d.NDJSON"] {
        let p = dir.path().join(name);
        std::fs::write(&p, &lines).unwrap();
        let got = Dataset::load(std::slice::from_ref(&p), &codec(), 64).unwrap();
        assert_eq!(got.train, want.train, "{name}");
        assert_eq!(got.val, want.val, "{name}");
    }
    let bom = dir.path().join("bom.jsonl");
    std::fs::write(&bom, format!("\u{feff}{lines}")).unwrap();
    let got = Dataset::load(std::slice::from_ref(&bom), &codec(), 64).unwrap();
    assert_eq!(got.train, want.train);
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "To be or not to be.").unwrap();
    let with_bom = dir.path().join("u.txt");
    std::fs::write(&with_bom, "\u{feff}To be or not to be.").unwrap();
    assert_eq!(
        Dataset::load(&[text], &codec(), 64).unwrap().train,
        Dataset::load(&[with_bom], &codec(), 64).unwrap().train
    );

    let both = dir.path().join("both.jsonl");
    std::fs::write(
        &both,
        r#"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}], "prompt": "a", "completion": "b"}"#,
    )
    .unwrap();
    let e = Dataset::load(&[both], &codec(), 64)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("both `messages` and `prompt`"),
        "{}",
        e.message
    );
}

/// Data that leaves nothing to learn says why: an empty folder names the folder; examples whose
/// answers lie beyond the context name the context and the fix (also for eval's split); a run
/// with no validation example left is refused; most examples cut gives a note.
#[test]
fn data_cut_away_by_the_context_or_missing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = Dataset::load(std::slice::from_ref(&empty), &codec(), 64)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains(&empty.display().to_string()),
        "{}",
        e.message
    );
    assert!(e.hint.is_some());

    let chat = fixture("chat.jsonl");
    let e = Dataset::load(std::slice::from_ref(&chat), &codec(), 16)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("context of 16") && !e.message.contains("training"),
        "{}",
        e.message
    );
    assert!(e.hint.unwrap().contains("context"));
    let e = evaluate(
        &fixture("qwen2"),
        None,
        std::slice::from_ref(&chat),
        &EvalOptions {
            context: Some(16),
            ..Default::default()
        },
        DeviceChoice::Cpu,
    )
    .unwrap_err();
    assert!(e.message.contains("context of 16"), "{}", e.message);

    // context 24: one example left to train on, none to validate.
    let ds = Dataset::load(std::slice::from_ref(&chat), &codec(), 24).unwrap();
    assert!(ds.val.is_empty() && ds.cut_away > 0, "{}", ds.val.len());
    let notes = Notes::default();
    let e = check_cut(&ds, 24, &notes).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("no validation example") && e.message.contains("24"),
        "{}",
        e.message
    );
    assert!(e.hint.unwrap().contains("model.context"));
    // A context where most are cut and some are kept for validation: a note, no refusal.
    let (c, ds) = (25..=128)
        .map(|c| {
            (
                c,
                Dataset::load(std::slice::from_ref(&chat), &codec(), c).unwrap(),
            )
        })
        .find(|(_, ds)| !ds.val.is_empty() && ds.truncated * 2 > ds.examples)
        .expect("a context that cuts most examples but keeps validation");
    check_cut(&ds, c, &notes).unwrap();
    assert!(
        notes
            .notes()
            .iter()
            .any(|n| n.contains(&format!("context of {c}"))),
        "{:?}",
        notes.notes()
    );
}

/// A copy of a fixture model folder whose `tensor` holds a NaN.
fn nan_base(kind: &str, tensor: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixture(kind)).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let path = dir.path().join("model.safetensors");
    let mut all = candle_core::safetensors::load(&path, &Device::Cpu).unwrap();
    let t = &all[tensor];
    let mut v = t
        .flatten_all()
        .unwrap()
        .to_dtype(DType::F32)
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    v[0] = f32::NAN;
    let nan = Tensor::from_vec(v, t.dims(), &Device::Cpu)
        .unwrap()
        .to_dtype(t.dtype())
        .unwrap();
    all.insert(tensor.to_string(), nan);
    candle_core::safetensors::save(&all, &path).unwrap();
    dir
}

/// A base with a NaN weight: training and eval say so, naming the tensor, instead of a
/// divergence hint or a NaN loss with exit 0.
#[test]
fn non_finite_base_weights_are_named() {
    let name = "model.layers.0.mlp.down_proj.weight";
    let base = nan_base("qwen2", name);
    let chat = fixture("chat.jsonl");
    let e = evaluate(
        base.path(),
        None,
        std::slice::from_ref(&chat),
        &EvalOptions {
            context: Some(64),
            max_sequences: Some(4),
            ..Default::default()
        },
        DeviceChoice::Cpu,
    )
    .unwrap_err();
    assert_eq!(e.exit_code(), 2, "{}", e.message);
    assert!(
        e.message.contains(name) && e.message.contains("non-finite"),
        "{}",
        e.message
    );
    let out = tempfile::tempdir().unwrap();
    let mut o = LoraTrainOptions::new(
        base.path().to_path_buf(),
        q_proj_spec(),
        64,
        TrainConfig {
            steps: 2,
            batch_size: 2,
            ..Default::default()
        },
        vec![chat],
        out.path().join("run"),
    );
    o.device = DeviceChoice::Cpu;
    let e = match train(&o, &crate::progress::Silent) {
        Ok(_) => panic!("training on a NaN base succeeded"),
        Err(e) => e,
    };
    assert_eq!(e.exit_code(), 2, "{}", e.message);
    assert!(
        e.message.contains(name) && !e.message.contains("diverged"),
        "{}",
        e.message
    );
    assert!(!e.hint.unwrap_or_default().contains("learning_rate"));
}

/// merge: model.safetensors gets the mode of the other files (the folder's less execute bits);
/// an -o that is a file is called one; a second merge into an -o being written is refused
/// naming the first; scratch folders of killed merges beside it go.
#[test]
fn merge_modes_locks_and_stale_scratch() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let adapter = fixture("reference/qwen2-adapter");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

    // A killed merge's scratch folder (its lock file left, no process holding it).
    let stale = tmp.path().join("old.partial");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join(".tmp1234"), b"x").unwrap();
    std::fs::write(tmp.path().join(".old.merge-lock"), b"999999\n").unwrap();
    // Someone else's folder named like one, without cohort's lock file, stays.
    let theirs = tmp.path().join("theirs.partial");
    std::fs::create_dir(&theirs).unwrap();

    let out = tmp.path().join("merged");
    merge(&fixture("qwen2"), &adapter, &out).unwrap();
    let want = mode(&out.join("tokenizer.json"));
    assert_eq!(mode(&out.join("model.safetensors")), want);
    assert_eq!(want, mode(&out) & 0o666);
    assert!(!stale.exists(), "the killed merge's scratch folder stayed");
    assert!(theirs.exists());

    let file = tmp.path().join("afile");
    std::fs::write(&file, b"").unwrap();
    let e = merge(&fixture("qwen2"), &adapter, &file).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.message.contains("is a file"), "{}", e.message);

    // While another process holds the output (this one, here), a merge is refused.
    let busy = tmp.path().join("busy");
    let _held = crate::fsutil::Lock::try_acquire_as_holder(&merge_lock_file(&busy))
        .unwrap()
        .unwrap();
    let e = merge(&fixture("qwen2"), &adapter, &busy).unwrap_err();
    assert_eq!(e.exit_code(), 2, "{}", e.message);
    assert!(
        e.message
            .contains(&format!("(process {})", std::process::id())),
        "{}",
        e.message
    );
}
