//! DiLoCo's spec tables (`[training.outer]`, `[training.compress]`): good specs parse with
//! their values, bad ones exit 2 naming the key, and pools run them with cohort's own trainers only.

use crate::common::{Home, write};
use cohort::jobspec::JobSpec;
use cohort::trainer::config::{CompressMethod, OuterOptimizer};
use predicates::str::contains;

const SPEC: &str = r#"
[model]
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 8
steps = 4
eval_windows = 4

[training.outer]
optimizer = "nesterov"
lr = 0.7
momentum = 0.9
keep_inner_state = true

[training.compress]
method = "topk"
chunk = 64
density = 0.02
bits = 2
error_feedback = true
"#;

#[test]
fn a_diloco_spec_parses_with_its_values() {
    let spec = JobSpec::parse(SPEC, "diloco.toml").unwrap();
    let (o, c) = (&spec.training.outer, &spec.training.compress);
    assert_eq!(o.optimizer, OuterOptimizer::Nesterov);
    assert_eq!((o.lr, o.momentum, o.keep_inner_state), (0.7, 0.9, true));
    assert_eq!(c.method, CompressMethod::Topk);
    assert_eq!(
        (c.chunk, c.density, c.bits, c.error_feedback),
        (64, 0.02, 2, true)
    );
    let p = c.topk().unwrap();
    assert_eq!(p.k(), 2);
    // Without the tables: today's behaviour, and the spec serializes without them.
    let plain = SPEC.split("\n[training.outer]").next().unwrap();
    let spec = JobSpec::parse(plain, "plain.toml").unwrap();
    assert_eq!(spec.training.outer.optimizer, OuterOptimizer::Average);
    assert_eq!(spec.training.compress.method, CompressMethod::None);
    assert!(spec.training.compress.topk().is_none());
    let text = toml::to_string(&spec).unwrap();
    assert!(
        !text.contains("outer") && !text.contains("compress"),
        "{text}"
    );
}

#[test]
fn bad_outer_and_compress_values_exit_2_naming_the_key() {
    let home = Home::new();
    let data = write(
        home.path(),
        "data/a.txt",
        "to be or not to be, that is the question. ".repeat(40),
    );
    let cases: &[(&str, &str, &str)] = &[
        (
            "density = 0.02",
            "density = 0.0",
            "training.compress.density",
        ),
        (
            "density = 0.02",
            "density = 1.5",
            "training.compress.density",
        ),
        (
            "density = 0.02",
            "density = -0.1",
            "training.compress.density",
        ),
        ("bits = 2", "bits = 3", "training.compress.bits"),
        ("bits = 2", "bits = 16", "training.compress.bits"),
        ("chunk = 64", "chunk = 0", "training.compress.chunk"),
        (
            "optimizer = \"nesterov\"",
            "optimizer = \"average\"",
            "training.compress.method",
        ),
        (
            "momentum = 0.9",
            "momentum = 1.0",
            "training.outer.momentum",
        ),
        ("lr = 0.7", "lr = 0.0", "training.outer.lr"),
        ("bits = 2", "bitz = 2", "bitz"),
        ("optimizer = \"nesterov\"", "optimizer = \"adam\"", "adam"),
    ];
    for (i, (from, to, key)) in cases.iter().enumerate() {
        let text = SPEC.replace(from, to);
        assert_ne!(text, SPEC, "case {i} changes the spec");
        // The library names the key…
        let e = JobSpec::parse(&text, "bad.toml").unwrap_err();
        assert_eq!(e.exit_code(), 2, "{to}: {}", e.message);
        let spec = write(home.path(), &format!("bad{i}.toml"), &text);
        // …and so does the binary, with exit 2.
        home.cmd()
            .arg("train")
            .arg("--data")
            .arg(&data)
            .arg("--config")
            .arg(&spec)
            .arg("--out")
            .arg(home.path().join("out"))
            .assert()
            .code(2)
            .stderr(contains(*key));
    }
    // The valid spec passes the same checks (the cases above are its only faults).
    JobSpec::parse(SPEC, "good.toml").unwrap();
}

#[test]
fn pools_run_diloco_with_cohorts_own_trainers_only() {
    let job = "\n[job]\ndatasets = [\"shakespeare\"]\nrounds = 2\nreward_per_round = \"0.1ether\"\nmax_workers = 2\nround_timeout = 600\n";
    let mut spec = JobSpec::parse(&format!("{SPEC}{job}"), "pool.toml").unwrap();
    spec.check_pool_outer().unwrap();
    spec.model.trainer = cohort::jobspec::TrainerKind::Lora;
    spec.check_pool_outer().unwrap();
    // The same tables with the exec trainer: refused, naming the key and the trainer.
    spec.model.trainer = cohort::jobspec::TrainerKind::Exec;
    let e = spec.check_pool_outer().unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(
        e.message.contains("training.outer.optimizer") && e.message.contains("exec"),
        "{}",
        e.message
    );
    spec.training.outer = Default::default();
    let e = spec.check_pool_outer().unwrap_err();
    assert!(
        e.message.contains("training.compress.method"),
        "{}",
        e.message
    );
    spec.training.compress = Default::default();
    spec.check_pool_outer().unwrap();
}
