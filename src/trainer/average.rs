//! Federated averaging: the weighted mean of N checkpoints' weights (not optimizer state).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::checkpoint::{Checkpoint, Tensors};
use crate::error::{Error, Result};

/// Writes to `out` (atomically) the average of the checkpoints' weights, weighted by the given
/// non-negative weights (normalized to sum 1). All inputs must have the same config and tensor
/// shapes. The result has no optimizer state (a round starts with a fresh one) and the largest
/// input step.
pub fn average(inputs: &[(PathBuf, f64)], out: &Path) -> Result<()> {
    if inputs.is_empty() {
        return Err(Error::usage("average.none", "no checkpoints to average"));
    }
    if let Some((p, w)) = inputs.iter().find(|(_, w)| !(w.is_finite() && *w >= 0.0)) {
        return Err(Error::usage(
            "average.weight",
            format!(
                "weight {w} for {} is not a finite non-negative number",
                p.display()
            ),
        ));
    }
    let total: f64 = inputs.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return Err(Error::usage("average.weight", "the weights sum to zero")
            .hint("give at least one checkpoint a positive weight"));
    }
    let first = Checkpoint::load(&inputs[0].0)?;
    let mut sums: BTreeMap<String, (Vec<usize>, Vec<f64>)> = first
        .weights
        .iter()
        .map(|(n, (s, d))| (n.clone(), (s.clone(), vec![0f64; d.len()])))
        .collect();
    let mut step = 0;
    for (i, (path, w)) in inputs.iter().enumerate() {
        let ck = if i == 0 {
            first.clone()
        } else {
            Checkpoint::load(path)?
        };
        ck.check_config(&first.config, path)?;
        step = step.max(ck.step);
        let scale = w / total;
        for (name, (shape, data)) in &ck.weights {
            let (s, acc) = sums.get_mut(name).ok_or_else(|| {
                Error::usage(
                    "average.mismatch",
                    format!("{} has extra tensor {name}", path.display()),
                )
            })?;
            if s != shape {
                return Err(Error::usage(
                    "average.mismatch",
                    format!(
                        "tensor {name} is {shape:?} in {} but {s:?} in {}",
                        path.display(),
                        inputs[0].0.display()
                    ),
                ));
            }
            for (a, v) in acc.iter_mut().zip(data) {
                *a += scale * *v as f64;
            }
        }
    }
    let weights: Tensors = sums
        .into_iter()
        .map(|(n, (s, d))| (n, (s, d.into_iter().map(|v| v as f32).collect())))
        .collect();
    let mut info = BTreeMap::new();
    info.insert("averaged_from".to_string(), inputs.len().to_string());
    let ck = Checkpoint {
        config: first.config.clone(),
        step,
        weights,
        optimizer: None,
        info,
    };
    ck.save(out)
}
