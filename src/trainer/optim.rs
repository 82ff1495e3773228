//! AdamW with decoupled weight decay and global-norm gradient clipping, computed on host
//! copies in name order so the result is the same on every run.

use std::collections::BTreeMap;

use candle_core::Tensor;
use candle_core::backprop::GradStore;

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

impl AdamW {
    /// A fresh state (zero moments) for `model`.
    pub fn new(model: &Model) -> AdamW {
        let mut m = BTreeMap::new();
        for (name, var) in &model.params {
            m.insert(name.clone(), vec![0f32; var.as_tensor().elem_count()]);
        }
        AdamW {
            t: 0,
            v: m.clone(),
            m,
        }
    }

    /// Applies one update with learning rate `lr`; returns the gradient norm before clipping.
    pub fn step(
        &mut self,
        model: &Model,
        grads: &GradStore,
        lr: f64,
        cfg: &TrainConfig,
    ) -> Result<f64> {
        let mut host = Vec::with_capacity(model.params.len());
        for (name, var) in &model.params {
            let g = grads.get(var.as_tensor()).ok_or_else(|| {
                Error::failed(
                    "trainer.no_grad",
                    format!("parameter {name} received no gradient"),
                )
            })?;
            host.push(
                g.flatten_all()
                    .and_then(|g| g.to_vec1::<f32>())
                    .map_err(ce)?,
            );
        }
        let mut params = Vec::with_capacity(model.params.len());
        for var in model.params.values() {
            params.push(
                var.as_tensor()
                    .flatten_all()
                    .and_then(|t| t.to_vec1::<f32>())
                    .map_err(ce)?,
            );
        }
        self.step_host(model, params, host, lr, cfg)
    }

    /// [`AdamW::step`] with the parameters' host copies and their gradients, both in name order.
    pub fn step_host(
        &mut self,
        model: &Model,
        params: Vec<Vec<f32>>,
        grads: Vec<Vec<f32>>,
        lr: f64,
        cfg: &TrainConfig,
    ) -> Result<f64> {
        let norm = grads
            .iter()
            .map(|g| cohort_kernels::sum_sq(g))
            .sum::<f64>()
            .sqrt();
        let clip = if cfg.grad_clip > 0.0 && norm > cfg.grad_clip {
            (cfg.grad_clip / (norm + 1e-6)) as f32
        } else {
            1.0
        };
        self.t += 1;
        let bc1 = 1.0 - cfg.beta1.powi(self.t as i32);
        let bc2 = 1.0 - cfg.beta2.powi(self.t as i32);
        for (((name, var), g), mut p) in model.params.iter().zip(grads).zip(params) {
            let t = var.as_tensor();
            let m = self.m.get_mut(name).expect("state for every parameter");
            let v = self.v.get_mut(name).expect("state for every parameter");
            let c = cohort_kernels::AdamStep {
                beta1: cfg.beta1 as f32,
                beta2: cfg.beta2 as f32,
                eps: cfg.eps as f32,
                step_size: (lr / bc1) as f32,
                bc2_sqrt: bc2.sqrt() as f32,
                decay: if decays(name) {
                    (lr * cfg.weight_decay) as f32
                } else {
                    0.0
                },
                clip,
            };
            cohort_kernels::adamw(&mut p, &g, m, v, c);
            var.set(&Tensor::from_vec(p, t.shape(), t.device()).map_err(ce)?)
                .map_err(ce)?;
        }
        Ok(norm)
    }
}
