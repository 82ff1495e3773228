//! AdamW with decoupled weight decay and global-norm gradient clipping, for the builtin model's
//! parameters and a LoRA adapter's tensors alike. On the CPU it runs on host copies in name
//! order, so the result is the same on every run; on a GPU (`cuda` feature) the moments stay on
//! the device and one fused kernel per tensor updates it in place (`cuda.rs`).

use std::collections::BTreeMap;

use candle_core::backprop::GradStore;
use candle_core::{DType, Tensor, Var};

use super::config::TrainConfig;
use super::model::{Model, ce, decays};
use crate::error::{Error, Result};

/// The optimizer state: the step count and both moments of every parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamW {
    /// Updates applied so far (for bias correction).
    pub t: u64,
    pub m: BTreeMap<String, Vec<f32>>,
    pub v: BTreeMap<String, Vec<f32>>,
}

/// Where AdamW's moments live between steps when the parameters are on a GPU (CUDA builds):
/// there, [`AdamW`]'s host maps are stale until [`AdamW::synced`] reads them back. Empty on
/// the CPU.
#[derive(Default)]
pub struct OnDevice(#[cfg(feature = "cuda")] Option<(Vec<String>, super::cuda::Moments)>);

impl OnDevice {
    /// The global gradient norm before clipping of the last update on a GPU (a read back: it
    /// waits for the GPU); None where no update ran there.
    pub fn norm(&self) -> Result<Option<f64>> {
        #[cfg(feature = "cuda")]
        if let Some((_, moments)) = &self.0 {
            return moments.norm().map(Some).map_err(ce);
        }
        Ok(None)
    }
}

/// `step` with the weight decay of a tensor that `decays` (or none).
fn with_decay(
    step: cohort_kernels::AdamStep,
    decays: bool,
    lr: f64,
    cfg: &TrainConfig,
) -> cohort_kernels::AdamStep {
    let decay = if decays {
        (lr * cfg.weight_decay) as f32
    } else {
        0.0
    };
    cohort_kernels::AdamStep { decay, ..step }
}

/// Named trainable tensors, in the order the optimizer visits them.
pub type Named<'a> = [(String, &'a Var)];

/// What a missing gradient is reported as: the error code and what a tensor is called.
pub type NoGrad = (&'static str, &'static str);

impl AdamW {
    /// A fresh state (zero moments) for tensors of the given names and sizes.
    pub fn zeros(sizes: impl IntoIterator<Item = (String, usize)>) -> AdamW {
        let m: BTreeMap<String, Vec<f32>> = sizes
            .into_iter()
            .map(|(n, len)| (n, vec![0f32; len]))
            .collect();
        AdamW {
            t: 0,
            v: m.clone(),
            m,
        }
    }

    /// A fresh state (zero moments) for `model`.
    pub fn new(model: &Model) -> AdamW {
        AdamW::zeros(
            model
                .params
                .iter()
                .map(|(n, v)| (n.clone(), v.as_tensor().elem_count())),
        )
    }

    /// Applies one update to `model` with learning rate `lr`; returns the gradient norm before
    /// clipping where it is known without waiting for a GPU (on a GPU, None:
    /// [`OnDevice::norm`] reads it).
    pub fn step(
        &mut self,
        model: &Model,
        on_device: &mut OnDevice,
        grads: &GradStore,
        lr: f64,
        cfg: &TrainConfig,
    ) -> Result<Option<f64>> {
        let vars = model.named();
        let no_grad = ("trainer.no_grad", "parameter");
        self.step_vars(on_device, &vars, grads, lr, cfg, &decays, no_grad)
    }

    /// One update of `vars` with their gradients in `grads`; weight decay applies where
    /// `decays(name)`. Returns the gradient norm before clipping as [`AdamW::step`] does.
    #[allow(clippy::too_many_arguments)]
    pub fn step_vars(
        &mut self,
        on_device: &mut OnDevice,
        vars: &Named,
        grads: &GradStore,
        lr: f64,
        cfg: &TrainConfig,
        decays: &dyn Fn(&str) -> bool,
        (code, what): NoGrad,
    ) -> Result<Option<f64>> {
        let mut gs = Vec::with_capacity(vars.len());
        for (name, var) in vars {
            let g = grads.get(var.as_tensor()).ok_or_else(|| {
                Error::failed(code, format!("{what} {name} received no gradient"))
            })?;
            gs.push(g.clone());
        }
        self.step_tensors(on_device, vars, gs, None, lr, cfg, decays)
    }

    /// [`AdamW::step`] with every parameter's gradient in name order (the order of
    /// [`Model::params`], as [`super::direct`] gives them), applied only if `loss` (the step's,
    /// a scalar) is finite. On a GPU that condition is checked there, by the update itself: the
    /// update is queued without waiting for the loss, and the caller reads the loss after. The
    /// step counts either way; a caller that finds the loss not finite stops (as
    /// `trainer.diverged` does) or sets [`AdamW::t`] back.
    pub fn step_grads(
        &mut self,
        model: &Model,
        on_device: &mut OnDevice,
        grads: Vec<Tensor>,
        loss: &Tensor,
        lr: f64,
        cfg: &TrainConfig,
    ) -> Result<Option<f64>> {
        let vars = model.named();
        if grads.len() != vars.len() {
            return Err(Error::failed(
                "trainer.no_grad",
                format!("{} gradients for {} parameters", grads.len(), vars.len()),
            ));
        }
        self.step_tensors(on_device, &vars, grads, Some(loss), lr, cfg, &decays)
    }

    /// One update of `vars` with their gradients `gs` (in the same order), where `loss` is None
    /// or finite.
    #[allow(clippy::too_many_arguments)]
    fn step_tensors(
        &mut self,
        on_device: &mut OnDevice,
        vars: &Named,
        gs: Vec<Tensor>,
        loss: Option<&Tensor>,
        lr: f64,
        cfg: &TrainConfig,
        decays: &dyn Fn(&str) -> bool,
    ) -> Result<Option<f64>> {
        #[cfg(feature = "cuda")]
        if vars.first().is_some_and(|(_, v)| v.device().is_cuda()) {
            self.step_device(on_device, vars, &gs, loss, lr, cfg, decays)?;
            return Ok(None);
        }
        let _ = on_device;
        // Off a GPU the loss costs nothing to read.
        if let Some(loss) = loss {
            let value = loss.to_dtype(DType::F32).and_then(|l| l.to_scalar::<f32>());
            if !value.map_err(ce)?.is_finite() {
                self.t += 1;
                return Ok(None);
            }
        }
        let f32_cpu = |t: &Tensor| t.dtype() == DType::F32 && t.device().is_cpu();
        if gs.iter().all(f32_cpu) && vars.iter().all(|(_, v)| f32_cpu(v.as_tensor())) {
            return self.step_in_place(vars, &gs, lr, cfg, decays).map(Some);
        }
        let flat = |t: &Tensor| t.flatten_all()?.to_dtype(DType::F32)?.to_vec1::<f32>();
        let host = gs.iter().map(flat).collect::<candle_core::Result<Vec<_>>>();
        let params = vars.iter().map(|(_, v)| flat(v.as_tensor()));
        let params = params.collect::<candle_core::Result<Vec<_>>>();
        self.step_host(
            vars,
            params.map_err(ce)?,
            host.map_err(ce)?,
            lr,
            cfg,
            decays,
        )
        .map(Some)
    }

    /// [`AdamW::step_vars`] on f32 CPU tensors: the gradients are read where they are and the
    /// parameters copied one at a time (no second copy of all of them at once), with the same
    /// arithmetic in the same order as [`AdamW::step_host`].
    fn step_in_place(
        &mut self,
        vars: &Named,
        grads: &[Tensor],
        lr: f64,
        cfg: &TrainConfig,
        decays: &dyn Fn(&str) -> bool,
    ) -> Result<f64> {
        use super::ops::with_f32;
        let mut norm = 0f64;
        for g in grads {
            norm += with_f32(g, cohort_kernels::sum_sq).map_err(ce)?;
        }
        let norm = norm.sqrt();
        let step = self.begin(norm, lr, cfg);
        for ((name, var), g) in vars.iter().zip(grads) {
            let step = with_decay(step, decays(name), lr, cfg);
            let t = var.as_tensor();
            let mut p = t
                .flatten_all()
                .and_then(|f| f.to_vec1::<f32>())
                .map_err(ce)?;
            with_f32(g, |g| self.update(name, &mut p, g, step)).map_err(ce)?;
            var.set(&Tensor::from_vec(p, t.shape(), t.device()).map_err(ce)?)
                .map_err(ce)?;
        }
        Ok(norm)
    }

    /// Counts the step and returns what its updates share (clipping, bias corrections), with no
    /// weight decay.
    fn begin(&mut self, norm: f64, lr: f64, cfg: &TrainConfig) -> cohort_kernels::AdamStep {
        let clip = if cfg.grad_clip > 0.0 && norm > cfg.grad_clip {
            (cfg.grad_clip / (norm + 1e-6)) as f32
        } else {
            1.0
        };
        self.t += 1;
        let bc1 = 1.0 - cfg.beta1.powi(self.t as i32);
        let bc2 = 1.0 - cfg.beta2.powi(self.t as i32);
        cohort_kernels::AdamStep {
            beta1: cfg.beta1 as f32,
            beta2: cfg.beta2 as f32,
            eps: cfg.eps as f32,
            step_size: (lr / bc1) as f32,
            bc2_sqrt: bc2.sqrt() as f32,
            decay: 0.0,
            clip,
        }
    }

    /// The update of tensor `name`'s host values `p` by its gradient `g`, with weight decay
    /// `decay` (already times the learning rate).
    fn update(&mut self, name: &str, p: &mut [f32], g: &[f32], step: cohort_kernels::AdamStep) {
        let m = self.m.get_mut(name).expect("state for every parameter");
        let v = self.v.get_mut(name).expect("state for every parameter");
        cohort_kernels::adamw(p, g, m, v, step);
    }

    /// [`AdamW::step_vars`] with the tensors' host copies and their gradients, both in the
    /// order of `vars`.
    pub fn step_host(
        &mut self,
        vars: &Named,
        params: Vec<Vec<f32>>,
        grads: Vec<Vec<f32>>,
        lr: f64,
        cfg: &TrainConfig,
        decays: &dyn Fn(&str) -> bool,
    ) -> Result<f64> {
        let norm = grads
            .iter()
            .map(|g| cohort_kernels::sum_sq(g))
            .sum::<f64>()
            .sqrt();
        let step = self.begin(norm, lr, cfg);
        for (((name, var), g), mut p) in vars.iter().zip(grads).zip(params) {
            let t = var.as_tensor();
            let step = with_decay(step, decays(name), lr, cfg);
            self.update(name, &mut p, &g, step);
            var.set(&Tensor::from_vec(p, t.shape(), t.device()).map_err(ce)?)
                .map_err(ce)?;
        }
        Ok(norm)
    }

    /// The update on the GPU: the moments are copied there at the first step and stay.
    #[cfg(feature = "cuda")]
    #[allow(clippy::too_many_arguments)]
    fn step_device(
        &mut self,
        on_device: &mut OnDevice,
        vars: &Named,
        grads: &[Tensor],
        loss: Option<&Tensor>,
        lr: f64,
        cfg: &TrainConfig,
        decays: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        let names: Vec<String> = vars.iter().map(|(n, _)| n.clone()).collect();
        if on_device.0.as_ref().is_some_and(|(n, _)| *n != names) {
            self.sync(on_device)?;
            on_device.0 = None;
        }
        if on_device.0.is_none() {
            fn pick<'a>(map: &'a BTreeMap<String, Vec<f32>>, names: &[String]) -> Vec<&'a [f32]> {
                names.iter().map(|n| map[n].as_slice()).collect()
            }
            let moments = super::cuda::Moments::upload(
                vars[0].1.as_tensor(),
                &pick(&self.m, &names),
                &pick(&self.v, &names),
            )
            .map_err(ce)?;
            on_device.0 = Some((names, moments));
        }
        let (_, moments) = on_device.0.as_mut().expect("set above");
        self.t += 1;
        let bc1 = 1.0 - cfg.beta1.powi(self.t as i32);
        let bc2 = 1.0 - cfg.beta2.powi(self.t as i32);
        let decay: Vec<f32> = vars
            .iter()
            .map(|(n, _)| {
                if decays(n) {
                    (lr * cfg.weight_decay) as f32
                } else {
                    0.0
                }
            })
            .collect();
        let params: Vec<&Tensor> = vars.iter().map(|(_, v)| v.as_tensor()).collect();
        let u = super::cuda::Update {
            beta1: cfg.beta1 as f32,
            beta2: cfg.beta2 as f32,
            eps: cfg.eps as f32,
            step_size: (lr / bc1) as f32,
            bc2_sqrt: bc2.sqrt() as f32,
            grad_clip: cfg.grad_clip,
        };
        moments.step(&params, grads, &decay, loss, &u).map_err(ce)
    }

    /// Reads the moments kept on a GPU back into the host maps (nothing to do on the CPU).
    pub fn sync(&mut self, on_device: &OnDevice) -> Result<()> {
        #[cfg(feature = "cuda")]
        if let Some((names, moments)) = &on_device.0 {
            let [m, v] = moments.download().map_err(ce)?;
            for ((name, m), v) in names.iter().zip(m).zip(v) {
                self.m.insert(name.clone(), m);
                self.v.insert(name.clone(), v);
            }
        }
        let _ = on_device;
        Ok(())
    }

    /// The state with the moments kept on a GPU read back: a copy on a GPU, the state itself
    /// on the CPU (nothing to read back, nothing copied).
    pub fn synced(&self, on_device: &OnDevice) -> Result<std::borrow::Cow<'_, AdamW>> {
        #[cfg(feature = "cuda")]
        if on_device.0.is_some() {
            let mut out = self.clone();
            out.sync(on_device)?;
            return Ok(std::borrow::Cow::Owned(out));
        }
        let _ = on_device;
        Ok(std::borrow::Cow::Borrowed(self))
    }
}
