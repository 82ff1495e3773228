//! The builtin trainer: reproducibility, learning, averaging, verification and bad input.

use crate::common::write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cohort::jobspec::JobSpec;
use cohort::progress::Silent;
use cohort::trainer::model::Model;
use cohort::trainer::ops::Kernels;
use cohort::trainer::{
    self, Checkpoint, Corpus, DEFAULT_GPU_TOLERANCE, DeviceChoice, ModelConfig, Split, Tolerance,
    TrainConfig, TrainOptions, VerifyOptions,
};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::io::Write;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus")
}

fn fixture_spec(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/jobs")
        .join(name)
}

/// A very small model for tests that only need a few real steps.
fn micro() -> (ModelConfig, TrainConfig) {
    let model = ModelConfig {
        layers: 1,
        width: 32,
        heads: 2,
        context: 32,
        dropout: 0.1,
    };
    let training = TrainConfig {
        batch_size: 8,
        steps: 20,
        checkpoint_every: Some(10),
        eval_windows: 8,
        seed: 5,
        ..TrainConfig::default()
    };
    (model, training)
}

const MICRO_TOML: &str = r#"
[model]
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 8
steps = 4
eval_windows = 4
"#;

fn cohort(home: &Path) -> Command {
    let mut c = Command::cargo_bin("cohort").unwrap();
    c.env("COHORT_HOME", home).env_remove("COHORT_PROFILE");
    c
}

fn opts(model: &ModelConfig, training: &TrainConfig, out: &Path) -> TrainOptions {
    TrainOptions {
        device: DeviceChoice::Cpu,
        ..TrainOptions::new(
            vec![corpus()],
            model.clone(),
            training.clone(),
            out.to_path_buf(),
        )
    }
}

fn blake3_file(p: &Path) -> String {
    blake3::hash(&std::fs::read(p).unwrap())
        .to_hex()
        .to_string()
}

#[test]
fn same_seed_gives_bit_identical_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let (model, training) = micro();
    let a = trainer::train(&opts(&model, &training, &dir.path().join("a")), &Silent).unwrap();
    let b = trainer::train(&opts(&model, &training, &dir.path().join("b")), &Silent).unwrap();
    assert_eq!(a.checkpoints.len(), 3, "start, step 10 and step 20");
    for (x, y) in a.checkpoints.iter().zip(&b.checkpoints) {
        assert_eq!(
            blake3_file(x),
            blake3_file(y),
            "{} vs {}",
            x.display(),
            y.display()
        );
    }
    let other = TrainOptions {
        seed: Some(6),
        ..opts(&model, &training, &dir.path().join("c"))
    };
    let c = trainer::train(&other, &Silent).unwrap();
    assert_ne!(
        blake3_file(&a.final_checkpoint),
        blake3_file(&c.final_checkpoint)
    );
    // Another worker sees other batches, so its checkpoint differs too.
    let w = TrainOptions {
        worker: [7; 20],
        ..opts(&model, &training, &dir.path().join("d"))
    };
    let d = trainer::train(&w, &Silent).unwrap();
    assert_ne!(
        blake3_file(&a.final_checkpoint),
        blake3_file(&d.final_checkpoint)
    );
}

fn grads_of(kernels: Kernels) -> (f32, Vec<(String, Vec<f32>)>) {
    let (mut config, _) = micro();
    config.dropout = 0.0;
    let mut model = Model::init(&config, 3, &candle_core::Device::Cpu).unwrap();
    model.kernels = kernels;
    let c = Corpus::load(&[corpus()]).unwrap();
    let offsets: Vec<usize> = (0..4).map(|i| i * 1000).collect();
    let (x, y) = trainer::data::windows(&c.train, &offsets, config.context);
    graph_grads(&model, (&x, &y, 4), None)
}

/// `model`'s loss and every parameter's gradient (by name, in name order) from candle's graph
/// over its kernels, for `batch` rows of `x` → `y`.
fn graph_grads(
    model: &Model,
    (x, y, batch): (&[u32], &[u32], usize),
    dropout: Option<&mut cohort::trainer::rng::Stream>,
) -> (f32, Vec<(String, Vec<f32>)>) {
    let loss = model.loss(x, y, batch, dropout).unwrap();
    let store = loss.backward().unwrap();
    let grads = model
        .params
        .iter()
        .map(|(name, var)| {
            let g = store
                .get(var.as_tensor())
                .unwrap_or_else(|| panic!("no gradient for {name}"));
            (name.clone(), g.flatten_all().unwrap().to_vec1().unwrap())
        })
        .collect();
    (loss.to_scalar::<f32>().unwrap(), grads)
}

/// Asserts that the graph of each kernel set in `sets` gives `loss` (within 1e-5) and `grads`
/// (each tensor within its set's tolerance of its scale), the masks drawn from `stream()`.
fn matches_graphs(
    model: &mut Model,
    batch: (&[u32], &[u32], usize),
    stream: &dyn Fn() -> cohort::trainer::rng::Stream,
    (loss, grads): (f32, &[Vec<f32>]),
    sets: &[(Kernels, f32)],
    what: &str,
) {
    for &(kernels, tol) in sets {
        model.kernels = kernels;
        let (l, graph) = graph_grads(model, batch, Some(&mut stream()));
        assert!(
            (l - loss).abs() < 1e-5,
            "{kernels:?}, {what}: loss {l} vs {loss}"
        );
        let (worst, name) = worst_relative(&graph, grads);
        assert!(
            worst < tol,
            "{kernels:?}, {what}: {name} differs by {worst} of its scale"
        );
    }
}

#[test]
fn every_parameter_receives_a_nonzero_gradient() {
    for kernels in [Kernels::Fused, Kernels::Device, Kernels::Reference] {
        let (_, grads) = grads_of(kernels);
        assert_eq!(grads.len(), 4 + 12);
        for (name, g) in grads {
            let norm: f32 = g.iter().map(|v| v.abs()).sum();
            assert!(
                norm > 0.0 && norm.is_finite(),
                "{kernels:?}: {name} has gradient norm {norm}"
            );
        }
    }
}

/// `kernels`' loss and gradients against candle's reference ops: the loss within 1e-4, every
/// gradient within `tol` of its tensor's scale.
fn matches_reference(kernels: Kernels, tol: f32) {
    let (lk, gk) = grads_of(kernels);
    let (lr, gr) = grads_of(Kernels::Reference);
    assert!((lk - lr).abs() < 1e-4, "{kernels:?}: loss {lk} vs {lr}");
    let gk: Vec<Vec<f32>> = gk.into_iter().map(|(_, g)| g).collect();
    let (worst, name) = worst_relative(&gr, &gk);
    assert!(
        worst < tol,
        "{kernels:?}: {name} differs by {worst} of its scale"
    );
}

#[test]
fn fused_kernels_match_candle_reference_ops() {
    matches_reference(Kernels::Fused, 1e-3);
}

/// The GPU's ops (`Kernels::Device`: the fused ops' own graph nodes, attention as one node)
/// run on the CPU here, against candle's reference ops: the attention node's backward is the
/// reference graph's, computed in one step.
#[test]
fn device_kernels_match_candle_reference_ops() {
    matches_reference(Kernels::Device, 1e-4);
}

/// Largest difference between two gradient sets, relative to each tensor's largest entry.
fn worst_relative(a: &[(String, Vec<f32>)], b: &[Vec<f32>]) -> (f32, String) {
    let mut worst = (0f32, String::new());
    assert_eq!(a.len(), b.len());
    for ((name, x), y) in a.iter().zip(b) {
        assert_eq!(x.len(), y.len(), "{name}");
        let scale = x.iter().map(|v| v.abs()).fold(0f32, f32::max).max(1e-6);
        let diff = x
            .iter()
            .zip(y)
            .map(|(p, q)| (p - q).abs())
            .fold(0f32, f32::max);
        if diff / scale > worst.0 {
            worst = (diff / scale, name.clone());
        }
    }
    worst
}

/// The CPU's hand-written forward and backward pass (`trainer::fast`, what `cohort train` runs
/// on the CPU) against candle's autograd graph over the same model: the same loss and gradients
/// as the graph of the fused kernels and as the graph of candle's own reference ops, with
/// dropout (the same masks from the same stream) and without.
#[test]
fn the_fast_step_matches_candles_graph() {
    use cohort::trainer::rng::Stream;
    let c = Corpus::load(&[corpus()]).unwrap();
    for dropout in [0.0, 0.2] {
        let (mut config, _) = micro();
        config.layers = 2;
        config.dropout = dropout;
        let offsets: Vec<usize> = (0..4).map(|i| i * 1000 + 17).collect();
        let (x, y) = trainer::data::windows(&c.train, &offsets, config.context);
        let stream = || Stream::new("cohort.test.v1", &[b"fast"]);
        let mut model = Model::init(&config, 11, &candle_core::Device::Cpu).unwrap();
        let host = trainer::fast::Host::of(&model).unwrap();
        let (loss, grads) =
            trainer::fast::loss_and_grads(&model, &host, &x, &y, 4, Some(&mut stream()));
        assert!(loss.is_finite() && loss > 1.0, "loss {loss}");
        // The batch cut into groups of 1 and of 3 sequences (4 groups; 2 groups, the last short)
        // gives the same loss and gradients as in one group, up to the order of the sums.
        for per in [1, 3] {
            let (l, g) = trainer::fast::loss_and_grads_in_groups(
                &model,
                &host,
                &x,
                &y,
                4,
                per,
                Some(&mut stream()),
            );
            let (_, whole) = trainer::fast::loss_and_grads_in_groups(
                &model,
                &host,
                &x,
                &y,
                4,
                4,
                Some(&mut stream()),
            );
            assert!(
                (l - loss).abs() < 1e-6,
                "groups of {per}: loss {l} vs {loss}"
            );
            let named = |v: &[Vec<f32>]| -> Vec<(String, Vec<f32>)> {
                model
                    .params
                    .keys()
                    .cloned()
                    .zip(v.iter().cloned())
                    .collect()
            };
            let (worst, name) = worst_relative(&named(&whole), &g);
            assert!(
                worst < 1e-5,
                "groups of {per}: {name} differs by {worst} of its scale"
            );
            assert!(g != whole, "groups of {per}: the sums ran in one order");
        }
        let sets = [
            (Kernels::Fused, 1e-4),
            (Kernels::Device, 1e-3),
            (Kernels::Reference, 1e-3),
        ];
        let what = format!("dropout {dropout}");
        matches_graphs(
            &mut model,
            (&x, &y, 4),
            &stream,
            (loss, &grads),
            &sets,
            &what,
        );
    }
}

/// The GPU's graph-free pass (`trainer::direct`, what `cohort train` runs on a GPU), here on the
/// CPU: the same loss and gradients as candle's graph over the same kernels (`Kernels::Device`)
/// and as the graph of candle's reference ops, with dropout (the same masks from the same
/// stream) and without, for windows as long as the context and shorter (the positions' rows
/// past the window get no gradient); and the same bits run to run.
#[test]
fn the_direct_step_matches_candles_graph() {
    use cohort::trainer::rng::Stream;
    let c = Corpus::load(&[corpus()]).unwrap();
    for (dropout, len) in [(0.0, 32), (0.2, 32), (0.2, 24)] {
        let (mut config, _) = micro();
        config.layers = 2;
        config.dropout = dropout;
        let offsets: Vec<usize> = (0..4).map(|i| i * 1000 + 29).collect();
        let (x, y) = trainer::data::windows(&c.train, &offsets, len);
        let stream = || Stream::new("cohort.test.v1", &[b"direct"]);
        let mut model = Model::init(&config, 13, &candle_core::Device::Cpu).unwrap();
        let timed = |model: &Model, prof: Option<&mut trainer::timings::PhaseTimer>| {
            let (l, g) =
                trainer::direct::loss_and_grads(model, &x, &y, 4, Some(&mut stream()), prof)
                    .unwrap();
            let g: Vec<Vec<f32>> = g
                .iter()
                .map(|t| t.flatten_all().unwrap().to_vec1().unwrap())
                .collect();
            (l.to_scalar::<f32>().unwrap(), g)
        };
        let run = |model: &Model| timed(model, None);
        let (loss, grads) = run(&model);
        // Timed (every kind of op apart): the same bits, and each kind once per use.
        let mut prof = trainer::timings::PhaseTimer::new(&candle_core::Device::Cpu);
        prof.start().unwrap();
        assert_eq!(timed(&model, Some(&mut prof)), (loss, grads.clone()));
        let report = prof.report();
        let calls = |phase: &str| {
            let row = report.phases.iter().find(|p| p.phase == phase);
            row.map_or(0, |p| p.calls)
        };
        let layers = config.layers as u64;
        for (phase, want) in [
            ("upload", 1),
            ("embedding", 1),
            ("layer norm", 2 * layers + 1),
            ("linear", 4 * layers),
            ("attention", layers),
            ("attention backward", layers),
            ("linear backward", 4 * layers),
            ("layer norm backward", 2 * layers + 1),
            ("embedding backward", 1),
        ] {
            assert_eq!(calls(phase), want, "{phase}: {report:?}");
        }
        assert!(loss.is_finite() && loss > 1.0, "loss {loss}");
        assert_eq!(
            run(&model),
            (loss, grads.clone()),
            "dropout {dropout}: run to run"
        );
        let pos = model.params.keys().position(|n| n == "pos_emb").unwrap();
        let d = config.width;
        assert!(grads[pos][..len * d].iter().any(|v| *v != 0.0));
        assert!(grads[pos][len * d..].iter().all(|v| *v == 0.0));
        let sets = [(Kernels::Device, 1e-4), (Kernels::Reference, 1e-3)];
        let what = format!("dropout {dropout}, {len} tokens");
        matches_graphs(
            &mut model,
            (&x, &y, 4),
            &stream,
            (loss, &grads),
            &sets,
            &what,
        );
    }
}

#[test]
fn training_tiny_spec_beats_untrained_model_and_unigram_entropy() {
    let dir = tempfile::tempdir().unwrap();
    let spec = JobSpec::load(&fixture_spec("tiny.toml")).unwrap();
    let o = opts(&spec.model.config(), &spec.training_config(), dir.path());
    let started = std::time::Instant::now();
    let r = trainer::train(&o, &Silent).unwrap();
    let secs = started.elapsed().as_secs_f64();
    let _ = writeln!(
        std::io::stderr(),
        "300-step tiny run: {secs:.1} s, {:.0} tokens/s",
        r.tokens_per_s
    );
    assert_eq!(r.end_step, 300);
    let (initial, last) = (r.initial_val_loss.unwrap(), r.final_val_loss.unwrap());
    assert!(last < initial - 1.0, "val loss {initial} → {last}");
    let bits = r.final_val_bits_per_byte.unwrap();
    assert!(
        bits < r.unigram_bits_per_byte - 0.5,
        "{bits} vs unigram {}",
        r.unigram_bits_per_byte
    );
    assert!(dir.path().join("metrics.json").exists());

    let eval = |p: &Path| {
        trainer::evaluate_split(p, &[corpus()], Split::Val, Some(64), DeviceChoice::Cpu).unwrap()
    };
    let untrained = eval(&r.checkpoints[0]);
    let trained = eval(&r.final_checkpoint);
    assert!(
        trained.loss < untrained.loss - 1.0,
        "{} vs {}",
        trained.loss,
        untrained.loss
    );
    assert!((trained.bits_per_byte - trained.loss / std::f64::consts::LN_2).abs() < 1e-9);

    let text = sample(&r.final_checkpoint, "ROMEO:\n", 300, 0.7, 1);
    let again = sample(&r.final_checkpoint, "ROMEO:\n", 300, 0.7, 1);
    assert_eq!(text, again, "sampling is seeded");
    let _ = writeln!(std::io::stderr(), "sample: {text}");
    let letters = text
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
        .count();
    assert!(
        letters * 10 > text.chars().count() * 7,
        "mostly letters and spaces: {text:?}"
    );
    assert!(
        text.contains(' ') && text.contains('\n'),
        "words and lines: {text:?}"
    );
}

#[test]
fn averaging_two_workers_is_not_worse_than_their_mean() {
    let dir = tempfile::tempdir().unwrap();
    let (mut model, mut training) = micro();
    model.dropout = 0.0;
    training.steps = 60;
    training.checkpoint_every = None;
    training.eval_windows = 64;
    let base = trainer::train(&opts(&model, &training, &dir.path().join("base")), &Silent).unwrap();
    let mut results = Vec::new();
    for w in [1u8, 2] {
        let o = TrainOptions {
            init: Some(base.final_checkpoint.clone()),
            fresh_optimizer: true,
            round: 1,
            worker: [w; 20],
            steps: Some(25),
            ..opts(&model, &training, &dir.path().join(format!("w{w}")))
        };
        results.push(trainer::train(&o, &Silent).unwrap());
    }
    let out = dir.path().join("avg.safetensors");
    let inputs: Vec<(PathBuf, f64)> = results
        .iter()
        .map(|r| (r.final_checkpoint.clone(), 1.0))
        .collect();
    trainer::average(&inputs, &out).unwrap();
    let avg = Checkpoint::load(&out).unwrap();
    assert!(avg.optimizer.is_none(), "averages carry weights only");
    assert_eq!(avg.step, 85);
    let eval = |p: &Path| {
        trainer::evaluate_split(p, &[corpus()], Split::Val, None, DeviceChoice::Cpu)
            .unwrap()
            .loss
    };
    let (a, b, m) = (eval(&inputs[0].0), eval(&inputs[1].0), eval(&out));
    assert!(m <= (a + b) / 2.0 + 1e-6, "average {m} vs workers {a}, {b}");

    // Weights: 0 and 1 reproduce the second checkpoint exactly.
    let only_b = dir.path().join("only_b.safetensors");
    trainer::average(
        &[(inputs[0].0.clone(), 0.0), (inputs[1].0.clone(), 1.0)],
        &only_b,
    )
    .unwrap();
    let (x, y) = (
        Checkpoint::load(&only_b).unwrap(),
        Checkpoint::load(&inputs[1].0).unwrap(),
    );
    assert_eq!(x.weights, y.weights);
}

#[test]
fn verify_span_accepts_honest_work_and_reports_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let (model, training) = micro();
    let worker = [0x42; 20];
    let o = TrainOptions {
        worker,
        round: 3,
        ..opts(&model, &training, dir.path())
    };
    let r = trainer::train(&o, &Silent).unwrap();
    let (from, claimed) = (&r.checkpoints[1], &r.checkpoints[2]);
    let v = VerifyOptions {
        data: vec![corpus()],
        model: model.clone(),
        training: training.clone(),
        seed: None,
        round: 3,
        worker,
        device: DeviceChoice::Cpu,
        steps: None,
    };
    let honest = trainer::verify_span(from, claimed, &v).unwrap();
    assert!(honest.identical, "{honest:?}");
    assert_eq!((honest.from_step, honest.to_step), (10, 20));
    // Listed at the steps inside the files: the same; listed elsewhere (a few real steps
    // passed off as a longer span): refused, naming both.
    let listed = VerifyOptions {
        steps: Some((10, 20)),
        ..v.clone()
    };
    assert!(
        trainer::verify_span(from, claimed, &listed)
            .unwrap()
            .identical
    );
    let relisted = VerifyOptions {
        steps: Some((100, 200)),
        ..v.clone()
    };
    let e = trainer::verify_span(from, claimed, &relisted).unwrap_err();
    assert_eq!(e.code, "verify.step_mismatch", "{e}");
    assert!(
        e.message.contains("100..200") && e.message.contains("10..20"),
        "{e}"
    );
    assert!(honest.compared_optimizer);
    assert_eq!(honest.relative_diff, 0.0);
    assert!(honest.span_change > 0.0);
    let tol = Tolerance::default();
    assert!(honest.accepted(&tol, false) && honest.accepted(&tol, true));

    // Work done elsewhere in floating point (a GPU): every weight off by 0.5% of the span's
    // change. Rejected as CPU work, accepted as GPU work; other batches are rejected as both.
    let mut ck = Checkpoint::load(claimed).unwrap();
    let noise = (honest.span_change * 0.005) as f32;
    for (_, (_, data)) in ck.weights.iter_mut() {
        for (i, x) in data.iter_mut().enumerate() {
            *x += if i % 2 == 0 { noise } else { -noise };
        }
    }
    let rounded = dir.path().join("rounded.safetensors");
    ck.save(&rounded).unwrap();
    let r = trainer::verify_span(from, &rounded, &v).unwrap();
    assert!(!r.identical);
    assert!(r.relative_diff > 0.004 && r.relative_diff < 0.006, "{r:?}");
    assert!(!r.accepted(&tol, false), "{r:?}");
    assert!(r.accepted(&tol, true), "{r:?}");

    let mut ck = Checkpoint::load(claimed).unwrap();
    ck.weights.get_mut("blocks.0.mlp.fc.bias").unwrap().1[3] += 0.001;
    let tampered = dir.path().join("tampered.safetensors");
    ck.save(&tampered).unwrap();
    let report = trainer::verify_span(from, &tampered, &v).unwrap();
    assert!(!report.identical);
    let bad: Vec<_> = report
        .tensors
        .iter()
        .filter(|t| t.max_abs_diff > 0.0)
        .collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].name, "blocks.0.mlp.fc.bias");
    assert!((bad[0].max_abs_diff - 0.001).abs() < 1e-4);

    // The wrong worker address means other batches: not reproduced, not even as GPU work.
    let wrong = VerifyOptions {
        worker: [0x43; 20],
        ..v
    };
    let other = trainer::verify_span(from, claimed, &wrong).unwrap();
    assert!(!other.identical);
    assert!(other.relative_diff > DEFAULT_GPU_TOLERANCE, "{other:?}");
    assert!(!other.accepted(&tol, true));

    // Through the binary: exit 0 for the honest span, 5 for the tampered one.
    let spec = write(
        dir.path(),
        "micro.toml",
        "[model]\nlayers = 1\nwidth = 32\nheads = 2\ncontext = 32\ndropout = 0.1\n\n\
         [training]\nbatch_size = 8\nsteps = 20\ncheckpoint_every = 10\neval_windows = 8\nseed = 5\n",
    );
    let args = |claim: &Path| {
        let mut c = cohort(dir.path());
        c.args(["model", "verify", "--from"])
            .arg(from)
            .arg("--claimed")
            .arg(claim)
            .arg("--data")
            .arg(corpus())
            .arg("--config")
            .arg(&spec)
            .args([
                "--round",
                "3",
                "--worker",
                &format!("0x{}", "42".repeat(20)),
            ]);
        c
    };
    args(claimed)
        .assert()
        .success()
        .stdout(contains("identical"));
    args(&tampered)
        .assert()
        .code(5)
        .stdout(contains("blocks.0.mlp.fc.bias"));
}

#[test]
fn config_errors_exit_2_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "data/a.txt",
        "to be or not to be, that is the question. ".repeat(40),
    );
    let run = |name: &str, toml: &str| {
        let spec = write(dir.path(), name, toml);
        let mut c = cohort(dir.path());
        c.arg("train")
            .arg("--data")
            .arg(&data)
            .arg("--config")
            .arg(&spec);
        c.arg("--out").arg(dir.path().join("out"));
        c.assert().code(2)
    };
    run(
        "unknown.toml",
        &MICRO_TOML.replace("width = 32", "widht = 32"),
    )
    .stderr(contains("widht"));
    run("heads.toml", &MICRO_TOML.replace("heads = 2", "heads = 3"))
        .stderr(contains("model.heads"));
    run(
        "training.toml",
        &format!("{MICRO_TOML}learning_rat = 0.1\n"),
    )
    .stderr(contains("learning_rat"));
    run(
        "context.toml",
        &MICRO_TOML.replace("context = 32", "context = 4096"),
    )
    .stderr(contains("model.context"));
    run(
        "memory.toml",
        &MICRO_TOML
            .replace("layers = 1", "layers = 256")
            .replace("width = 32", "width = 16384"),
    )
    .stderr(contains("GiB").and(contains("--force")));
    let exec = "[model]\ntrainer = \"exec\"\ncommand = [\"python3\", \"train.py\"]\n";
    run("exec.toml", exec).stderr(contains("builtin"));
}

/// `cohort train --timings`: every step but the first timed phase by phase (in the report
/// and metrics.json), each phase once a step, the shares adding up; and the same checkpoint as
/// without it.
#[test]
fn train_timings_report_each_phase_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "micro.toml", MICRO_TOML);
    let run = |out: &str, timings: bool| -> serde_json::Value {
        let mut c = cohort(dir.path());
        c.arg("train")
            .arg("--data")
            .arg(corpus())
            .arg("--config")
            .arg(&spec);
        c.arg("--out")
            .arg(dir.path().join(out))
            .args(["--device", "cpu", "--json"]);
        if timings {
            c.arg("--timings");
        }
        let out = c.assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).expect("one JSON document")
    };
    let (plain, timed) = (run("plain", false), run("timed", true));
    assert!(plain.get("timings").is_none(), "{plain}");
    let t = &timed["timings"];
    assert_eq!(t["steps"], 3, "4 steps, the first left out: {t}");
    let phases = t["phases"].as_array().unwrap();
    for phase in ["batch", "forward + backward", "optimizer"] {
        let row = phases.iter().find(|p| p["phase"] == phase);
        assert_eq!(
            row.map(|r| r["calls"].clone()),
            Some(3.into()),
            "{phase}: {t}"
        );
    }
    let shares: f64 = phases.iter().map(|p| p["share"].as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{t}");
    let secs: Vec<f64> = phases
        .iter()
        .map(|p| p["seconds"].as_f64().unwrap())
        .collect();
    assert!(secs.windows(2).all(|w| w[0] >= w[1]), "longest first: {t}");
    let file = |r: &serde_json::Value, key: &str| PathBuf::from(r[key].as_str().unwrap());
    let metrics: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file(&timed, "metrics_file")).unwrap()).unwrap();
    assert_eq!(&metrics["timings"], t);
    assert_eq!(
        blake3_file(&file(&plain, "final_checkpoint")),
        blake3_file(&file(&timed, "final_checkpoint"))
    );
}

#[test]
fn checkpoint_from_another_config_is_refused_naming_both_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let small = write(dir.path(), "small.toml", MICRO_TOML);
    let wide = write(
        dir.path(),
        "wide.toml",
        MICRO_TOML.replace("width = 32", "width = 48"),
    );
    let mut c = cohort(dir.path());
    c.arg("train")
        .arg("--data")
        .arg(corpus())
        .arg("--config")
        .arg(&small);
    c.arg("--out")
        .arg(dir.path().join("a"))
        .args(["--steps", "1", "--json"]);
    let out = c.assert().success().get_output().stdout.clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("one JSON document");
    let ckpt = report["final_checkpoint"].as_str().unwrap().to_string();
    assert_eq!(report["end_step"], 1);
    assert!(report["metrics"].as_array().is_some_and(|m| !m.is_empty()));

    let mut c = cohort(dir.path());
    c.arg("train")
        .arg("--data")
        .arg(corpus())
        .arg("--config")
        .arg(&wide);
    c.arg("--out")
        .arg(dir.path().join("b"))
        .arg("--init")
        .arg(&ckpt);
    c.assert()
        .code(2)
        .stderr(contains("width=32").and(contains("width=48")));

    let other = write(dir.path(), "other.safetensors", "not a checkpoint");
    cohort(dir.path())
        .args(["model", "average"])
        .arg(&ckpt)
        .arg(&other)
        .arg("-o")
        .arg(dir.path().join("avg.safetensors"))
        .assert()
        .code(2)
        .stderr(contains("not a cohort checkpoint"));
}

#[test]
fn empty_or_binary_only_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "spec.toml", MICRO_TOML);
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    write(&empty, "nothing.txt", "");
    let binary = dir.path().join("binary");
    std::fs::create_dir_all(&binary).unwrap();
    std::fs::write(binary.join("blob.bin"), [0u8, 1, 2, 3, 0, 255].repeat(100)).unwrap();
    for (data, what) in [(&empty, "empty"), (&binary, "binary")] {
        let mut c = cohort(dir.path());
        c.arg("train")
            .arg("--data")
            .arg(data)
            .arg("--config")
            .arg(&spec);
        c.arg("--out").arg(dir.path().join("out"));
        c.assert().code(2).stderr(contains(what));
    }
    let err = Corpus::load(&[binary]).unwrap_err();
    assert!(err.message.contains("binary"), "{}", err.message);
}

#[test]
fn every_fixture_job_spec_parses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jobs");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let spec = JobSpec::load(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert!(spec.job.is_some(), "{} shows a [job] table", p.display());
            n += 1;
        }
    }
    assert!(n >= 2);
    let tiny = JobSpec::load(&fixture_spec("tiny.toml")).unwrap();
    let c = tiny.model.config();
    assert_eq!(
        (
            c.layers,
            c.width,
            c.heads,
            c.context,
            tiny.training.batch_size
        ),
        (2, 64, 4, 64, 16)
    );
    // With a [job] table the schedule spans every round.
    assert_eq!(
        tiny.training_config().decay_steps,
        Some(300 * tiny.job.unwrap().rounds)
    );
}

/// Without the `cuda` feature, every way of asking for a GPU stops at once with exit 2 and says
/// how to rebuild; bad tolerances are refused before anything is contacted.
#[cfg(not(feature = "cuda"))]
#[test]
fn gpu_requests_without_the_cuda_feature_name_the_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus();
    let spec = fixture_spec("tiny.toml");
    let runs: Vec<Vec<String>> = vec![
        vec![
            "train".into(),
            "--data".into(),
            corpus.display().to_string(),
            "--config".into(),
            spec.display().to_string(),
            "--out".into(),
            dir.path().join("o").display().to_string(),
            "--device".into(),
            "cuda".into(),
        ],
        vec!["quickstart".into(), "--gpu".into()],
    ];
    for args in runs {
        let out = cohort(dir.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("without CUDA support"), "{args:?}: {err}");
        assert!(err.contains("--features cuda"), "{args:?}: {err}");
        assert!(err.contains("./install.sh --cuda"), "{args:?}: {err}");
    }
    let worker = "--worker=0x0000000000000000000000000000000000000001";
    for (args, flag) in [
        (
            vec!["job", "coordinate", "1", "--gpu-tolerance=-1"],
            "--gpu-tolerance",
        ),
        (
            vec!["job", "audit", "1", "--round=0", worker, "--tolerance=nan"],
            "--tolerance",
        ),
    ] {
        let out = cohort(dir.path())
            .args(&args)
            .args(["--rpc-url", "http://127.0.0.1:9"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(flag), "{args:?}: {err}");
    }
}

/// `model average` needs two checkpoints and names the first one's shape against a mismatch;
/// `train` refuses an --out that is a file and clears the temporaries a killed run left behind
/// (and only those).
#[test]
fn average_and_train_out_folder_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let small = write(dir.path(), "small.toml", MICRO_TOML);
    let wide = write(
        dir.path(),
        "wide.toml",
        MICRO_TOML.replace("width = 32", "width = 48"),
    );
    let train = |spec: &Path, out: &Path| {
        let mut c = cohort(dir.path());
        c.arg("train")
            .arg("--data")
            .arg(corpus())
            .arg("--config")
            .arg(spec)
            .arg("--out")
            .arg(out)
            .args(["--steps", "1", "--device", "cpu"]);
        c
    };
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    train(&small, &a).assert().success();
    train(&wide, &b).assert().success();
    let (ca, cb) = (
        a.join("step-000001.safetensors"),
        b.join("step-000001.safetensors"),
    );
    let avg = dir.path().join("avg.safetensors");
    cohort(dir.path())
        .args(["model", "average"])
        .arg(&ca)
        .arg(&cb)
        .arg("-o")
        .arg(&avg)
        .assert()
        .code(2)
        .stderr(
            contains("the first checkpoint")
                .and(contains("width=32"))
                .and(contains("width=48"))
                .and(contains("config asks").not()),
        );
    cohort(dir.path())
        .args(["model", "average"])
        .arg(&ca)
        .arg("-o")
        .arg(&avg)
        .assert()
        .code(2)
        .stderr(contains("two or more"));
    assert!(!avg.exists());

    // A file as --out.
    let file = write(dir.path(), "afile", "x");
    train(&small, &file)
        .assert()
        .code(2)
        .stderr(contains("is a file"));

    // Temporaries of a dead process go, those of a live one and other files stay.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = write(
        &a,
        &format!(".step-000354.safetensors.tmp-{dead}-12345"),
        "half",
    );
    let live = write(
        &a,
        &format!(".step-000355.safetensors.tmp-{}-6", std::process::id()),
        "busy",
    );
    let other = write(&a, ".notes.tmp-x-1", "mine");
    train(&small, &a).arg("--init").arg(&ca).assert().success();
    assert!(!stale.exists(), "the dead run's temporary is removed");
    assert!(live.exists() && other.exists());
}

/// The builtin `cohort train` resumes as the lora one does: a rerun into an earlier run's --out
/// is refused (exit 2, naming the checkpoint to continue from) and overwrites nothing; `--init`
/// continues to training.steps, ending with the checkpoint an uninterrupted run writes, and
/// exits 2 when the schedule is done; Ctrl-C (exit 130) names the last checkpoint and --init.
#[test]
fn builtin_train_refuses_an_earlier_runs_out_resumes_to_the_schedule_and_names_it_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "micro.toml", MICRO_TOML);
    let train = |out: &str, more: &[&str]| -> Command {
        let mut c = cohort(dir.path());
        c.arg("train")
            .arg("--data")
            .arg(corpus())
            .arg("--config")
            .arg(&spec)
            .arg("--out")
            .arg(dir.path().join(out))
            .args(["--device", "cpu", "--json"])
            .args(more);
        c
    };
    let json = |c: &mut Command| -> serde_json::Value {
        let out = c.assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).expect("one JSON document")
    };
    let a = dir.path().join("a");
    let second = a.join("step-000002.safetensors");
    let r = json(&mut train("a", &["--steps", "2"]));
    assert_eq!(r["end_step"], 2, "{r}");
    let before = blake3_file(&second);

    // Again into the same folder without --init: refused before anything is written.
    let out = train("a", &["--steps", "1"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("train.out_not_empty")
            && err.contains("earlier run")
            && err.contains(&format!("--init {}", second.display())),
        "{err}"
    );
    assert_eq!(blake3_file(&second), before);
    assert!(!a.join("step-000001.safetensors").exists());

    // Continuing it: from step 2 up to training.steps = 4 (not 2 + 4), the same checkpoint as
    // one uninterrupted run of 4 steps.
    let init = second.to_str().unwrap();
    let r = json(&mut train("a", &["--init", init]));
    assert_eq!(
        (&r["start_step"], &r["end_step"]),
        (&2.into(), &4.into()),
        "{r}"
    );
    let whole = json(&mut train("whole", &[]));
    assert_eq!(whole["end_step"], 4, "{whole}");
    assert_eq!(
        blake3_file(&a.join("step-000004.safetensors")),
        blake3_file(&dir.path().join("whole/step-000004.safetensors"))
    );
    // At training.steps already: nothing left without --steps; --steps N trains N more.
    let done = a.join("step-000004.safetensors");
    let done = done.to_str().unwrap();
    train("a", &["--init", done])
        .assert()
        .code(2)
        .stderr(contains("train.schedule_done").and(contains("--steps")));
    let r = json(&mut train("a", &["--init", done, "--steps", "1"]));
    assert_eq!(
        (&r["start_step"], &r["end_step"]),
        (&4.into(), &5.into()),
        "{r}"
    );

    // Ctrl-C after the first checkpoints: exit 130 naming the last one and --init.
    let c = dir.path().join("c");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"))
        .arg("train")
        .arg("--data")
        .arg(corpus())
        .arg("--config")
        .arg(&spec)
        .arg("--out")
        .arg(&c)
        .args([
            "--device",
            "cpu",
            "--steps",
            "1000000",
            "--checkpoint-every",
            "1",
        ])
        .env("COHORT_HOME", dir.path())
        .env_remove("COHORT_PROFILE")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = crate::common::interrupt_once_exists(child, &c.join("step-000002.safetensors"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(
        err.contains("the last checkpoint is")
            && err.contains(&format!("--init {}", c.join("step-").display())),
        "{err}"
    );
}

/// `max_tokens` bytes sampled after `prompt` from a builtin checkpoint, seeded: what `cohort model
/// generate` and `cohort model serve` sample.
fn sample(ck: &Path, prompt: &str, max_tokens: usize, temperature: f64, seed: u64) -> String {
    use cohort::serve::engine::{Builtin, Engine, GenRequest};
    let e = Builtin::load(ck).unwrap();
    let req = GenRequest {
        prompt: e.encode(prompt),
        max_tokens,
        min_tokens: 0,
        temperature,
        top_p: 1.0,
        seed,
    };
    let mut made = Vec::new();
    e.generate(&req, &mut |t| {
        made.push(t);
        true
    })
    .unwrap();
    String::from_utf8_lossy(&e.decode(&made)).into_owned()
}
