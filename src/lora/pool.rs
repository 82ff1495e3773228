//! LoRA in pools: the one-file checkpoint a round's work is made of, span re-execution, the
//! held-out loss and the coordinator's average.
//!
//! A pool checkpoint (`format = cohort-lora/1`) is one safetensors file:
//!
//! | tensor | what |
//! |---|---|
//! | `base_model.model.<path>.lora_A.weight` `[r, in]` | A of one adapted layer (PEFT's name) |
//! | `base_model.model.<path>.lora_B.weight` `[out, r]` | B of that layer |
//! | `optim.m.<path>.lora_{A,B}.weight`, `optim.v.…` | AdamW moments (worker checkpoints only) |
//!
//! with metadata `format`, `step`, `optim.t` (with moments), `lora.rank`, `lora.alpha`,
//! `lora.dropout`, `lora.targets` (JSON) and `base` (the base model's manifest root). The
//! adapter tensors alone are a PEFT `adapter_model.safetensors` (see [`LoraCheckpoint::save_peft`]).
//! A file is a pure function of its contents: tensors in name order, metadata sorted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use candle_core::Device;

use super::lora::{PEFT_PREFIX, Tensors, safetensors_bytes};
use super::{AdamState, Adapter, Config, Dataset, LoraSpec, Model, TextCodec, adam_state};
use crate::error::{Error, Result};
use crate::trainer::verify::{TensorDiff, VerifyReport, diff};
use crate::trainer::{DeviceChoice, TrainConfig};

/// The `format` of a pool checkpoint.
pub const FORMAT: &str = "cohort-lora/1";

/// One LoRA pool checkpoint in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct LoraCheckpoint {
    pub step: u64,
    pub spec: LoraSpec,
    /// The base model it adapts, as named where it was trained (a manifest root in pools).
    pub base: String,
    /// Adapter tensors by cohort's name (`<path>.lora_A.weight`).
    pub adapter: Tensors,
    pub optimizer: Option<AdamState>,
}

fn bad(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::usage(
        "lora.bad_checkpoint",
        format!("{} is not a cohort LoRA checkpoint: {why}", path.display()),
    )
}

impl LoraCheckpoint {
    /// A checkpoint of `adapter` (and its optimizer state) at `step`.
    pub fn of(adapter: &Adapter, opt: Option<&AdamState>, step: u64, base: &str) -> Result<Self> {
        Ok(LoraCheckpoint {
            step,
            spec: adapter.spec.clone(),
            base: base.to_string(),
            adapter: adapter.values()?,
            optimizer: opt.cloned(),
        })
    }

    /// The safetensors bytes (the same bytes for the same checkpoint).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut t = Tensors::new();
        for (k, v) in &self.adapter {
            t.insert(format!("{PEFT_PREFIX}{k}"), v.clone());
        }
        let mut meta = BTreeMap::new();
        meta.insert("format".to_string(), FORMAT.to_string());
        meta.insert("step".into(), self.step.to_string());
        meta.insert("lora.rank".into(), self.spec.rank.to_string());
        meta.insert("lora.alpha".into(), self.spec.alpha.to_string());
        meta.insert("lora.dropout".into(), self.spec.dropout.to_string());
        meta.insert(
            "lora.targets".into(),
            serde_json::to_string(&self.spec.targets).expect("strings serialize"),
        );
        meta.insert("base".into(), self.base.clone());
        if let Some(o) = &self.optimizer {
            meta.insert("optim.t".into(), o.t.to_string());
            for (name, (shape, _)) in &self.adapter {
                t.insert(
                    format!("optim.m.{name}"),
                    (shape.clone(), o.m[name].clone()),
                );
                t.insert(
                    format!("optim.v.{name}"),
                    (shape.clone(), o.v[name].clone()),
                );
            }
        }
        safetensors_bytes(&t, &meta)
    }

    /// Writes the checkpoint atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::ensure_dir(d, 0o755)?;
        }
        crate::fsutil::write_atomic(path, &self.to_bytes(), 0o644)
    }

    /// Reads a pool checkpoint.
    pub fn load(path: &Path) -> Result<LoraCheckpoint> {
        let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
        let (_, meta) =
            safetensors::SafeTensors::read_metadata(&bytes).map_err(|e| bad(path, e))?;
        let md = meta.metadata().clone().unwrap_or_default();
        if md.get("format").map(String::as_str) != Some(FORMAT) {
            return Err(bad(path, format!("metadata `format` is not {FORMAT}")));
        }
        let get = |k: &str| {
            md.get(k)
                .cloned()
                .ok_or_else(|| bad(path, format!("metadata `{k}` missing")))
        };
        let num = |k: &str| -> Result<f64> {
            get(k)?
                .parse::<f64>()
                .map_err(|_| bad(path, format!("metadata `{k}` is not a number")))
        };
        let step: u64 = get("step")?
            .parse()
            .map_err(|_| bad(path, "metadata `step` is not a step"))?;
        let spec = LoraSpec {
            rank: num("lora.rank")? as usize,
            alpha: num("lora.alpha")?,
            dropout: num("lora.dropout")?,
            targets: serde_json::from_str(&get("lora.targets")?)
                .map_err(|_| bad(path, "metadata `lora.targets` is not a list"))?,
        };
        let st = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| bad(path, e))?;
        let mut adapter = Tensors::new();
        let mut m = BTreeMap::new();
        let mut v = BTreeMap::new();
        for (name, view) in st.tensors() {
            if view.dtype() != safetensors::Dtype::F32 {
                return Err(bad(path, format!("tensor {name} is not F32")));
            }
            let data: Vec<f32> = view
                .data()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            let shape = view.shape().to_vec();
            if let Some(k) = name.strip_prefix("optim.m.") {
                m.insert(k.to_string(), data);
            } else if let Some(k) = name.strip_prefix("optim.v.") {
                v.insert(k.to_string(), data);
            } else if let Some(k) = name.strip_prefix(PEFT_PREFIX) {
                adapter.insert(k.to_string(), (shape, data));
            } else {
                return Err(bad(path, format!("unexpected tensor {name}")));
            }
        }
        let optimizer = match md.get("optim.t") {
            None if m.is_empty() && v.is_empty() => None,
            None => return Err(bad(path, "moments without metadata `optim.t`")),
            Some(t) => {
                let t = t
                    .parse()
                    .map_err(|_| bad(path, "metadata `optim.t` is not a number"))?;
                for (name, (_, x)) in &adapter {
                    let ok = |s: &BTreeMap<String, Vec<f32>>| s.get(name).map(Vec::len);
                    if ok(&m) != Some(x.len()) || ok(&v) != Some(x.len()) {
                        return Err(bad(path, format!("the moments of {name} are missing")));
                    }
                }
                Some(AdamState { t, m, v })
            }
        };
        Ok(LoraCheckpoint {
            step,
            spec,
            base: get("base")?,
            adapter,
            optimizer,
        })
    }

    /// The adapter on `device` for `config`'s model (shapes checked).
    pub fn to_adapter(&self, config: &Config, device: &Device) -> Result<Adapter> {
        Adapter::from_values(&self.spec, config, self.adapter.clone(), device)
    }

    /// Writes the adapter as a PEFT folder (`adapter_model.safetensors` +
    /// `adapter_config.json`) naming `base` as its base model.
    pub fn save_peft(&self, dir: &Path, config: &Config, base: &str) -> Result<()> {
        self.to_adapter(config, &Device::Cpu)?.save_peft(dir, base)
    }
}

/// The adapter a `lora` job starts round 0 from: A from the job's seed, B zero, step 0, no
/// optimizer state.
pub fn initial(spec: &LoraSpec, config: &Config, seed: u64, base: &str) -> Result<LoraCheckpoint> {
    let a = Adapter::init(spec, config, seed, &Device::Cpu)?;
    LoraCheckpoint::of(&a, None, 0, base)
}

/// What re-executing a LoRA span needs besides the two checkpoints.
#[derive(Debug, Clone)]
pub struct SpanInputs {
    /// The base model's local folder.
    pub base: PathBuf,
    pub data: Vec<PathBuf>,
    pub context: usize,
    pub training: TrainConfig,
    pub seed: u64,
    pub round: u64,
    pub worker: [u8; 20],
    pub device: DeviceChoice,
    /// The steps the two checkpoints are listed at, as `VerifyOptions::steps`.
    pub steps: Option<(u64, u64)>,
}

/// Re-runs training from `from` (its adapter and moments at step s) to the step of `claimed`
/// and compares adapter and moments tensor by tensor, as the builtin trainer's spans are.
pub fn verify_span(from: &Path, claimed: &Path, o: &SpanInputs) -> Result<VerifyReport> {
    let start = LoraCheckpoint::load(from)?;
    let claim = LoraCheckpoint::load(claimed)?;
    crate::trainer::verify::check_listed_steps(o.steps, (start.step, claim.step))?;
    if claim.step <= start.step {
        return Err(Error::usage(
            "verify.span",
            format!(
                "the claimed checkpoint is at step {} but the start is at step {}: nothing to re-run",
                claim.step, start.step
            ),
        ));
    }
    if claim.spec != start.spec {
        return Err(bad(
            claimed,
            "its adapter shape differs from the span's start",
        ));
    }
    let config = Config::load(&o.base)?;
    let codec = TextCodec::load(&o.base)?;
    let device = o.device.device()?;
    let data = Dataset::load(&o.data, &codec, o.context)?;
    super::release_free_memory();
    let model = Model::load(&o.base, &device, super::dtype_for(&device))?;
    let adapter = start.to_adapter(&config, &device)?;
    let opt = start
        .optimizer
        .clone()
        .unwrap_or_else(|| adam_state(&adapter));
    let mut s = super::Session {
        model: &model,
        adapter,
        opt,
        on_device: Default::default(),
        data: &data,
        cfg: o.training.clone(),
        seed: o.seed,
        round: o.round,
        worker: o.worker,
        step: start.step,
        recompute: super::resolve_recompute(
            None,
            &config,
            o.training.batch_size,
            o.context,
            &device,
        ),
        timer: None,
    };
    while s.step < claim.step {
        s.step()?;
    }
    let mine = LoraCheckpoint::of(&s.adapter, Some(&*s.optimizer()?), s.step, &claim.base)?;
    Ok(compare(&start, &mine, &claim))
}

/// The report of `mine` (the re-execution) against `claim`, with `start` for the span's scale.
fn compare(start: &LoraCheckpoint, mine: &LoraCheckpoint, claim: &LoraCheckpoint) -> VerifyReport {
    let mut tensors = Vec::new();
    let mut identical = mine.adapter.keys().eq(claim.adapter.keys());
    let mut span_change = 0f64;
    for (name, (_, a)) in &mine.adapter {
        let Some((_, b)) = claim.adapter.get(name) else {
            continue;
        };
        diff(name, a, b, &mut tensors, &mut identical);
        if let Some((_, s)) = start.adapter.get(name) {
            for (x, y) in b.iter().zip(s) {
                span_change = span_change.max((*x as f64 - *y as f64).abs());
            }
        }
    }
    if !identical && tensors.is_empty() {
        tensors.push(TensorDiff {
            name: "adapter tensors".into(),
            max_abs_diff: f64::INFINITY,
        });
    }
    let weights_max_abs_diff = tensors.iter().map(|t| t.max_abs_diff).fold(0.0, f64::max);
    let compared_optimizer = claim.optimizer.is_some();
    match (&mine.optimizer, &claim.optimizer) {
        (Some(a), Some(b)) => {
            identical &= a.t == b.t;
            for (prefix, x, y) in [("optim.m.", &a.m, &b.m), ("optim.v.", &a.v, &b.v)] {
                for (name, data) in x {
                    match y.get(name) {
                        Some(other) => diff(
                            &format!("{prefix}{name}"),
                            data,
                            other,
                            &mut tensors,
                            &mut identical,
                        ),
                        None => identical = false,
                    }
                }
            }
        }
        // A worker's span ends in a checkpoint with its moments: one without them is not
        // the claimed work.
        (Some(_), None) => {
            identical = false;
            tensors.push(TensorDiff {
                name: "optimizer state (missing in the claim)".into(),
                max_abs_diff: f64::INFINITY,
            });
        }
        _ => {}
    }
    let max_abs_diff = tensors.iter().map(|t| t.max_abs_diff).fold(0.0, f64::max);
    let relative_diff = if weights_max_abs_diff == 0.0 {
        0.0
    } else if span_change > 0.0 {
        weights_max_abs_diff / span_change
    } else {
        f64::INFINITY
    };
    VerifyReport {
        identical,
        from_step: start.step,
        to_step: claim.step,
        max_abs_diff,
        weights_max_abs_diff,
        span_change,
        relative_diff,
        compared_optimizer,
        tensors,
    }
}

/// The mean loss per scored token of the checkpoint's adapter on the held-out examples of
/// `data` (the first `training.eval_windows`), on the CPU: what the coordinator's Δloss check
/// and the round report's validation loss use.
pub fn val_loss(
    base: &Path,
    ckpt: &Path,
    data: &[PathBuf],
    context: usize,
    training: &TrainConfig,
) -> Result<Option<f64>> {
    let c = LoraCheckpoint::load(ckpt)?;
    let config = Config::load(base)?;
    let codec = TextCodec::load(base)?;
    let model = Model::load(base, &Device::Cpu, candle_core::DType::F32)?;
    let ds = Dataset::load(data, &codec, context)?;
    let adapter = c.to_adapter(&config, &Device::Cpu)?;
    let cap = training.eval_windows.max(1);
    let val = &ds.val[..ds.val.len().min(cap)];
    Ok(super::eval_loss(&model, Some(&adapter), val, training.batch_size)?.map(|v| v.0))
}

/// The coordinator's aggregate: A and B of every layer averaged separately, weighted by work
/// units (as FedIT and FLock do), summed in f64 in input order; no optimizer state; the step
/// and metadata of the first input.
pub fn average(inputs: &[(PathBuf, f64)], out: &Path) -> Result<()> {
    let (first, sums) = weighted_sums(inputs)?;
    let adapter = sums
        .into_iter()
        .map(|(k, (shape, acc))| (k, (shape, acc.iter().map(|x| *x as f32).collect())))
        .collect();
    LoraCheckpoint {
        step: first.step,
        spec: first.spec.clone(),
        base: first.base.clone(),
        adapter,
        optimizer: None,
    }
    .save(out)
}

/// The weighted mean of the inputs' adapter tensors in f64 (weights normalized to sum 1), and
/// the first checkpoint: what [`average`] rounds to f32, and the outer step's target.
pub fn weighted_sums(
    inputs: &[(PathBuf, f64)],
) -> Result<(LoraCheckpoint, crate::trainer::average::Sums)> {
    let total: f64 = inputs.iter().map(|(_, w)| w).sum();
    if inputs.is_empty() || total <= 0.0 {
        return Err(Error::usage("average.none", "nothing to average"));
    }
    let cks: Vec<LoraCheckpoint> = inputs
        .iter()
        .map(|(p, _)| LoraCheckpoint::load(p))
        .collect::<Result<_>>()?;
    let first = &cks[0];
    let mut acc: BTreeMap<&str, Vec<f64>> = first
        .adapter
        .iter()
        .map(|(k, (_, v))| (k.as_str(), vec![0f64; v.len()]))
        .collect();
    for (c, (p, w)) in cks.iter().zip(inputs) {
        if c.spec != first.spec || !c.adapter.keys().eq(first.adapter.keys()) {
            return Err(Error::verification(
                "average.mismatch",
                format!(
                    "{} adapts other layers or another rank than {}",
                    p.display(),
                    inputs[0].0.display()
                ),
            ));
        }
        for (name, (shape, v)) in &c.adapter {
            if *shape != first.adapter[name].0 {
                return Err(Error::verification(
                    "average.mismatch",
                    format!("tensor {name} differs in shape"),
                ));
            }
            for (a, x) in acc
                .get_mut(name.as_str())
                .expect("same keys")
                .iter_mut()
                .zip(v)
            {
                *a += *x as f64 * w / total;
            }
        }
    }
    let sums = first
        .adapter
        .iter()
        .map(|(k, (shape, _))| (k.clone(), (shape.clone(), acc[k.as_str()].clone())))
        .collect();
    Ok((first.clone(), sums))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> LoraSpec {
        LoraSpec {
            rank: 2,
            alpha: 4.0,
            dropout: 0.0,
            targets: vec!["q_proj".into()],
        }
    }

    fn ck(vals: &[f32], opt: bool) -> LoraCheckpoint {
        let mut adapter = Tensors::new();
        adapter.insert("l.lora_A.weight".into(), (vec![1, 2], vals[..2].to_vec()));
        adapter.insert("l.lora_B.weight".into(), (vec![2, 1], vals[2..4].to_vec()));
        let optimizer = opt.then(|| AdamState {
            t: 7,
            m: adapter
                .iter()
                .map(|(k, (_, v))| (k.clone(), v.clone()))
                .collect(),
            v: adapter
                .iter()
                .map(|(k, (_, v))| (k.clone(), v.iter().map(|x| x * x).collect()))
                .collect(),
        });
        LoraCheckpoint {
            step: 30,
            spec: spec(),
            base: "0xabc".into(),
            adapter,
            optimizer,
        }
    }

    #[test]
    fn a_checkpoint_round_trips_with_and_without_moments() {
        let dir = tempfile::tempdir().unwrap();
        for opt in [false, true] {
            let c = ck(&[1.0, -2.5, 0.25, 3.0], opt);
            let p = dir.path().join(format!("c{opt}.safetensors"));
            c.save(&p).unwrap();
            assert_eq!(LoraCheckpoint::load(&p).unwrap(), c);
            // The same checkpoint gives the same bytes.
            assert_eq!(std::fs::read(&p).unwrap(), c.to_bytes());
        }
        // A builtin checkpoint or any other safetensors file is refused, naming the file.
        let other = dir.path().join("other.safetensors");
        std::fs::write(&other, safetensors_bytes(&Tensors::new(), &BTreeMap::new())).unwrap();
        let e = LoraCheckpoint::load(&other).unwrap_err();
        assert!(e.message.contains("other.safetensors") && e.message.contains(FORMAT));
    }

    #[test]
    fn the_average_weighs_a_and_b_separately_by_units_and_drops_the_moments() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        ck(&[1.0, 2.0, 3.0, 4.0], true).save(&a).unwrap();
        ck(&[5.0, 6.0, -1.0, 0.0], true).save(&b).unwrap();
        let out = dir.path().join("avg");
        average(&[(a, 1.0), (b, 3.0)], &out).unwrap();
        let got = LoraCheckpoint::load(&out).unwrap();
        assert_eq!(got.optimizer, None);
        assert_eq!(got.adapter["l.lora_A.weight"].1, vec![4.0, 5.0]);
        assert_eq!(got.adapter["l.lora_B.weight"].1, vec![0.0, 1.0]);
        assert_eq!(got.step, 30);
    }

    #[test]
    fn a_changed_entry_or_missing_moments_are_not_identical() {
        let start = ck(&[0.0, 0.0, 0.0, 0.0], true);
        let claim = ck(&[1.0, 2.0, 3.0, 4.0], true);
        let r = compare(&start, &claim.clone(), &claim);
        assert!(r.identical && r.max_abs_diff == 0.0 && r.span_change == 4.0);
        let mut off = claim.clone();
        off.adapter.get_mut("l.lora_B.weight").unwrap().1[1] = 4.5;
        let r = compare(&start, &claim, &off);
        assert!(!r.identical);
        assert_eq!(r.weights_max_abs_diff, 0.5);
        let mut bare = claim.clone();
        bare.optimizer = None;
        let r = compare(&start, &claim, &bare);
        assert!(!r.identical && r.max_abs_diff.is_infinite());
    }
}
