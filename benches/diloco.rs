//! DiLoCo vs federated averaging, in one process: 4 simulated workers train the small spec's
//! model (4 layers × 256) on the fixture corpus for N rounds of H steps each, with
//!
//! - `average`: today's pool (fresh AdamW each round, weighted mean of the final weights),
//! - `nesterov`: the outer Nesterov step on the averaged pseudo-gradient, uncompressed,
//! - `nesterov+topk`: the same with top-k 2% at 2 bits per chunk of 4096 and error feedback,
//!
//! the same batches (same seeds, rounds, workers and steps) in every run, so the same tokens.
//! It prints a table (final validation loss, bytes uploaded per worker per round, the
//! ratio to full fp32 weights, the loss gap to `average`) and writes validation loss against
//! bytes sent as an SVG.
//!
//! `cargo bench --bench diloco` (defaults below; each run took 9–11 min on one thread). Environment:
//! `DILOCO_ROUNDS` (N, 8), `DILOCO_STEPS` (H, 30), `DILOCO_WORKERS` (4), `DILOCO_BATCH` (8),
//! `DILOCO_CONTEXT` (64), `DILOCO_LR` and `DILOCO_MOMENTUM` (outer, 0.7 and 0.9),
//! `DILOCO_KEEP_INNER` (1: the nesterov runs keep AdamW moments across rounds, as DiLoCo does),
//! `DILOCO_CHUNK` (top-k chunk, 4096; density 2% and 2 bits are fixed),
//! `DILOCO_SVG` (docs/diloco-loss.svg), `DILOCO_RUNS` (comma list of average, nesterov, topk).
//! A separate mode times compression: `cargo bench --bench diloco -- speed [N]` compresses and
//! decompresses an N-entry Δ (default 100M) and prints the seconds. Runs can also go in separate
//! processes (`DILOCO_RUNS=topk … > topk.log`); `cargo bench --bench diloco -- table LOG…` then
//! reads their printed rounds and writes the joint table and plot, one row per log (so runs of
//! the same kind with other hyperparameters get rows of their own, labelled with them).

// A benchmark binary prints its figures itself.
#![allow(clippy::disallowed_macros)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use cohort::jobspec::JobSpec;
use cohort::progress::Silent;
use cohort::trainer::checkpoint::Tensors;
use cohort::trainer::compress::{self, TopK};
use cohort::trainer::config::{OuterConfig, OuterOptimizer};
use cohort::trainer::model::Model;
use cohort::trainer::optim::AdamW;
use cohort::trainer::outer;
use cohort::trainer::{Checkpoint, Corpus, DeviceChoice, TrainOptions, eval_loss};

fn env<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if args.first().map(String::as_str) == Some("table") {
        table(&args[1..]);
        return;
    }
    if args.first().map(String::as_str) == Some("speed") {
        let n = args
            .get(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000_000);
        speed(n);
        return;
    }
    quality();
}

/// CPU seconds (user + system, all threads) this process has used so far, from /proc/self/stat
/// (Linux, in USER_HZ = 100 ticks a second); NaN elsewhere.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let f: Vec<f64> = s
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|v| v.parse().ok())
                .collect();
            (f.len() == 2).then(|| (f[0] + f[1]) / 100.0)
        })
        .unwrap_or(f64::NAN)
}

/// Times compress (with error feedback) and decompress of an n-entry Δ: wall and CPU time.
fn speed(n: usize) {
    let p = TopK {
        chunk: 4096,
        density: 0.02,
        bits: 2,
    };
    let mut s = 0x2545_F491_4F6C_DD1Du64;
    let delta: Vec<f32> = (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 1e-3
        })
        .collect();
    let layout = vec![("delta".to_string(), vec![n])];
    let mut residual = Vec::new();
    println!(
        "Δ of {n} entries, top-k {} per {} at {} bits, {} threads",
        p.k(),
        p.chunk,
        p.bits,
        rayon::current_num_threads()
    );
    for run in 0..3 {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let c = compress::compress_with_feedback(&layout, &delta, &mut residual, p).unwrap();
        let bytes = c.to_bytes();
        let (tc, cc) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let back = compress::Compressed::from_bytes(&bytes).unwrap();
        let dense = back.decompress();
        let (td, cd) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        assert_eq!(dense.len(), n);
        println!(
            "run {run}: compress+serialize {tc:.3} s wall, {cc:.2} s CPU; parse+check+decompress {td:.3} s wall, {cd:.2} s CPU; {} bytes ({:.1}x fewer than fp32)",
            bytes.len(),
            (n * 4) as f64 / bytes.len() as f64
        );
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Run {
    Average,
    Nesterov,
    TopK,
}

impl Run {
    fn name(self) -> &'static str {
        match self {
            Run::Average => "average",
            Run::Nesterov => "nesterov",
            Run::TopK => "nesterov+topk 2% 2-bit EF",
        }
    }
}

struct Outcome {
    run: Run,
    /// The hyperparameters that set this run apart, for the table and the legend.
    hyper: String,
    /// Inner steps per round (H).
    steps: u64,
    /// (cumulative bytes uploaded per worker, validation loss) after each round, from round 0.
    curve: Vec<(f64, f64)>,
    bytes_per_round: f64,
    seconds: f64,
}

/// What sets a run apart: the outer step and, for top-k, the chunk.
fn hyper(run: Run, lr: f64, mu: f64, keep_inner: bool, chunk: usize) -> String {
    let inner = if keep_inner {
        "inner AdamW state kept"
    } else {
        "fresh inner AdamW"
    };
    match run {
        Run::Average => "fresh inner AdamW each round".into(),
        Run::Nesterov => format!("outer lr {lr}, momentum {mu}, {inner}"),
        Run::TopK => format!("outer lr {lr}, momentum {mu}, {inner}, chunk {chunk}"),
    }
}

fn quality() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = JobSpec::load(&root.join("fixtures/jobs/small.toml")).expect("small spec");
    let rounds: u64 = env("DILOCO_ROUNDS", 8);
    let steps: u64 = env("DILOCO_STEPS", 30);
    let workers: usize = env("DILOCO_WORKERS", 4);
    let mut model = spec.model.config();
    model.context = env("DILOCO_CONTEXT", 64);
    let mut training = spec.training.clone();
    training.batch_size = env("DILOCO_BATCH", 8);
    training.steps = steps;
    training.decay_steps = Some(rounds * steps);
    training.warmup_steps = training.warmup_steps.min(rounds * steps / 10).max(1);
    training.checkpoint_every = None;
    training.eval_every = None;
    // The workers' own before/after evaluations are not used: one window keeps them cheap.
    training.eval_windows = 1;
    let val_windows: usize = env("DILOCO_VAL_WINDOWS", 64);
    let outer_lr: f64 = env("DILOCO_LR", 0.7);
    let outer_mu: f64 = env("DILOCO_MOMENTUM", 0.9);
    let keep_inner = env("DILOCO_KEEP_INNER", 1u8) == 1;
    let chunk: usize = env("DILOCO_CHUNK", 4096);
    let runs: Vec<Run> = std::env::var("DILOCO_RUNS")
        .unwrap_or_else(|_| "average,nesterov,topk".into())
        .split(',')
        .filter_map(|r| match r.trim() {
            "average" => Some(Run::Average),
            "nesterov" => Some(Run::Nesterov),
            "topk" => Some(Run::TopK),
            _ => None,
        })
        .collect();
    let svg = std::env::var("DILOCO_SVG")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("docs/diloco-loss.svg"));
    let data = vec![root.join("fixtures/corpus")];
    let corpus = Corpus::load(&data).expect("corpus");
    let params = model.parameters();
    let tokens = rounds * steps * workers as u64 * (training.batch_size * model.context) as u64;
    println!(
        "model: {} layers × {} (heads {}, context {}), {params} parameters; {workers} workers × {rounds} rounds × {steps} steps × batch {} = {tokens} tokens per run; {} threads",
        model.layers,
        model.width,
        model.heads,
        model.context,
        training.batch_size,
        rayon::current_num_threads()
    );
    println!(
        "outer nesterov lr {outer_lr} momentum {outer_mu}, keep_inner_state {keep_inner}, top-k chunk {chunk}; inner AdamW lr {} (warm-up {} steps, cosine to {:?} over {} steps)",
        training.learning_rate,
        training.warmup_steps,
        training.min_learning_rate,
        rounds * steps
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let device = candle_core::Device::Cpu;
    let init = Model::init(&model, training.seed, &device).expect("model");
    let init = Checkpoint {
        config: model.clone(),
        step: 0,
        weights: init.values().expect("values"),
        optimizer: None,
        info: Default::default(),
    };
    let full_fp32 = init.to_bytes().len() as f64;
    let val = |w: &Tensors| -> f64 {
        let m = Model::from_values(&model, w.clone(), &device).expect("model");
        eval_loss(&m, &corpus.val, Some(val_windows))
            .expect("eval")
            .expect("enough validation data")
            .0
    };
    let initial = val(&init.weights);
    println!("initial validation loss {initial:.4}; full fp32 weights {full_fp32} bytes");
    let topk = TopK {
        chunk,
        density: 0.02,
        bits: 2,
    };
    let mut outcomes = Vec::new();
    for run in runs {
        let began = Instant::now();
        let cfg = OuterConfig {
            optimizer: if run == Run::Average {
                OuterOptimizer::Average
            } else {
                OuterOptimizer::Nesterov
            },
            lr: outer_lr,
            momentum: outer_mu,
            keep_inner_state: keep_inner && run != Run::Average,
        };
        let mut start = init.clone();
        let mut momentum: Option<Tensors> = None;
        let mut inner: Vec<Option<AdamW>> = vec![None; workers];
        let mut residual: Vec<Vec<f32>> = vec![Vec::new(); workers];
        let mut curve = vec![(0.0, initial)];
        let mut sent = 0f64;
        let mut round_bytes = Vec::new();
        for r in 0..rounds {
            let mut finals = Vec::new();
            let mut deltas = Vec::new();
            let mut bytes = 0f64;
            for w in 0..workers {
                let dir = tmp.path().join(format!("w{w}"));
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir).unwrap();
                let init_path = dir.join("init.safetensors");
                let mut ck = start.clone();
                ck.step = r * steps;
                ck.optimizer = if cfg.keep_inner_state {
                    inner[w].clone()
                } else {
                    None
                };
                ck.save(&init_path).unwrap();
                let mut o = TrainOptions::new(
                    data.clone(),
                    model.clone(),
                    training.clone(),
                    dir.join("out"),
                );
                o.init = Some(init_path);
                o.steps = Some(steps);
                o.round = r;
                o.worker = [w as u8 + 1; 20];
                o.start_step = Some(r * steps);
                o.fresh_optimizer = ck.optimizer.is_none();
                o.device = DeviceChoice::Cpu;
                let rep = cohort::trainer::train(&o, &Silent).expect("train");
                let mut end = Checkpoint::load(&rep.final_checkpoint).unwrap();
                if cfg.keep_inner_state {
                    inner[w] = end.optimizer.take();
                }
                end.optimizer = None;
                let units = (steps * (training.batch_size * model.context) as u64) as f64;
                if run == Run::TopK {
                    let d = outer::pseudo_gradient(&start.weights, &end.weights).unwrap();
                    let (layout, flat) = compress::flatten(&d);
                    let c =
                        compress::compress_with_feedback(&layout, &flat, &mut residual[w], topk)
                            .unwrap();
                    let b = c.to_bytes();
                    bytes += b.len() as f64;
                    // What the coordinator gets is the file, parsed back.
                    deltas.push((compress::Compressed::from_bytes(&b).unwrap(), units));
                } else {
                    let p = tmp.path().join(format!("final-{w}.safetensors"));
                    end.save(&p).unwrap();
                    bytes += std::fs::metadata(&p).unwrap().len() as f64;
                    finals.push((p, units));
                }
            }
            let agg = if run == Run::TopK {
                outer::aggregate_compressed(
                    &cfg,
                    &start,
                    &deltas,
                    momentum.as_ref(),
                    (r + 1) * steps,
                )
            } else {
                outer::aggregate_checkpoints(&cfg, &start, &finals, momentum.as_ref())
            }
            .expect("aggregate");
            start = agg.checkpoint;
            momentum = agg.momentum;
            let per_worker = bytes / workers as f64;
            sent += per_worker;
            round_bytes.push(per_worker);
            let v = val(&start.weights);
            curve.push((sent, v));
            println!(
                "{:<28} round {:>2}: validation loss {v:.4}, {per_worker:.0} bytes per worker ({:.0} s)",
                run.name(),
                r + 1,
                began.elapsed().as_secs_f64()
            );
        }
        outcomes.push(Outcome {
            run,
            hyper: hyper(run, outer_lr, outer_mu, cfg.keep_inner_state, chunk),
            steps,
            curve,
            bytes_per_round: round_bytes.iter().sum::<f64>() / round_bytes.len() as f64,
            seconds: began.elapsed().as_secs_f64(),
        });
    }
    report(&outcomes, full_fp32, &svg);
}

/// The table and the plot of finished runs.
fn report(outcomes: &[Outcome], full_fp32: f64, svg: &Path) {
    // The gap is against `average` with the same rounds × steps (the same batches).
    let base = |o: &Outcome| {
        outcomes
            .iter()
            .find(|b| b.run == Run::Average && b.steps == o.steps && b.curve.len() == o.curve.len())
            .map(|b| b.curve.last().unwrap().1)
    };
    println!();
    println!(
        "| run | rounds × steps | hyperparameters | final validation loss | gap vs average | bytes per worker per round | fewer than fp32 | seconds |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for o in outcomes {
        let loss = o.curve.last().unwrap().1;
        let gap = base(o)
            .map(|b| format!("{:+.2}%", (loss / b - 1.0) * 100.0))
            .unwrap_or_else(|| "-".into());
        println!(
            "| {} | {} × {} | {} | {loss:.4} | {gap} | {:.0} | {:.1}× | {:.0} |",
            o.run.name(),
            o.curve.len() - 1,
            o.steps,
            o.hyper,
            o.bytes_per_round,
            full_fp32 / o.bytes_per_round,
            o.seconds
        );
    }
    plot(svg, outcomes).expect("plot");
    println!("\nplot: {}", svg.display());
}

/// Reads the rounds that runs printed (their logs) and reports them together.
fn table(logs: &[String]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let svg = std::env::var("DILOCO_SVG")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("docs/diloco-loss.svg"));
    let mut full = 0f64;
    let mut outcomes: Vec<Outcome> = Vec::new();
    let num = |t: &str| t.trim().parse::<f64>().expect("a number in the log");
    for log in logs {
        let text = std::fs::read_to_string(log).expect("read log");
        let mut initial = f64::NAN;
        // Older logs lack the chunk: it was 4096.
        let (mut lr, mut mu, mut keep, mut chunk, mut steps) = (0.7, 0.9, true, 4096usize, 0u64);
        let first = outcomes.len();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("model: ") {
                // "… parameters; W workers × N rounds × H steps × batch …"
                let words: Vec<&str> = rest.split_whitespace().collect();
                if let Some(i) = words.iter().position(|w| *w == "steps") {
                    steps = num(words[i - 1]) as u64;
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix("outer nesterov lr ") {
                let head = rest.split(';').next().unwrap_or_default();
                let words: Vec<&str> = head.split([' ', ',']).filter(|w| !w.is_empty()).collect();
                lr = num(words[0]);
                let after = |key: &str| words.iter().position(|w| *w == key).map(|i| words[i + 1]);
                mu = after("momentum").map_or(mu, num);
                keep = after("keep_inner_state").map_or(keep, |v| v == "true");
                chunk = after("chunk").map_or(chunk, |v| num(v) as usize);
                continue;
            }
            if let Some(rest) = line.strip_prefix("initial validation loss ") {
                let (v, tail) = rest.split_once(';').expect("initial line");
                initial = num(v);
                full = num(tail
                    .trim()
                    .trim_start_matches("full fp32 weights")
                    .trim_end_matches("bytes"));
            } else if let Some((name, rest)) = line.split_once(" round ") {
                let Some(run) = [Run::Average, Run::Nesterov, Run::TopK]
                    .into_iter()
                    .find(|r| r.name() == name.trim())
                else {
                    continue;
                };
                let (_, rest) = rest.split_once(": validation loss ").expect("round line");
                let (v, rest) = rest.split_once(", ").expect("round line");
                let (b, rest) = rest.split_once(" bytes per worker (").expect("round line");
                let secs = num(rest.trim_end_matches(" s)"));
                if outcomes.len() == first || outcomes.last().is_none_or(|o| o.run != run) {
                    outcomes.push(Outcome {
                        run,
                        hyper: hyper(run, lr, mu, keep && run != Run::Average, chunk),
                        steps,
                        curve: vec![(0.0, initial)],
                        bytes_per_round: 0.0,
                        seconds: 0.0,
                    });
                }
                let o = outcomes.last_mut().unwrap();
                let sent = o.curve.last().unwrap().0 + num(b);
                o.curve.push((sent, num(v)));
                o.bytes_per_round = sent / (o.curve.len() - 1) as f64;
                o.seconds = secs;
            }
        }
    }
    report(&outcomes, full, &svg);
}

fn plot(path: &Path, outcomes: &[Outcome]) -> Result<(), Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    let pts: Vec<(f64, f64)> = outcomes
        .iter()
        .flat_map(|o| o.curve.iter().skip(1).copied())
        .collect();
    let x_lo = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) / 1.5;
    let x_hi = pts.iter().map(|p| p.0).fold(0.0, f64::max) * 1.5;
    let y_lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let y_hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((y_hi - y_lo) * 0.08).max(0.01);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 560)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "Validation loss vs bytes uploaded per worker (4 workers, same tokens per run)",
                ("sans-serif", 20),
            )
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d((x_lo..x_hi).log_scale(), (y_lo - pad)..(y_hi + pad))?;
        chart
            .configure_mesh()
            .x_desc("bytes uploaded per worker (cumulative, log scale)")
            .y_desc("validation loss (nats/byte)")
            .x_label_formatter(&|x| {
                if *x >= 1e6 {
                    format!("{:.0} MB", x / 1e6)
                } else {
                    format!("{:.0} kB", x / 1e3)
                }
            })
            .draw()?;
        for (i, o) in outcomes.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            let pts: Vec<(f64, f64)> = o.curve.iter().skip(1).copied().collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))?
                .label(format!(
                    "{}, {} × {} ({})",
                    o.run.name(),
                    o.curve.len() - 1,
                    o.steps,
                    o.hyper
                ))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color));
            chart.draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))?;
        }
        // Upper right: the cheap runs' first rounds are upper left, the full runs lower right.
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()?;
        root.present()?;
    }
    std::fs::write(path, svg)?;
    Ok(())
}
