//! Federated averaging: the weighted mean of N checkpoints' weights (not optimizer state).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::checkpoint::{Checkpoint, Tensors, shape};
use crate::error::{Error, Result};

/// Writes to `out` (atomically) the average of the checkpoints' weights, weighted by the given
/// non-negative weights (normalized to sum 1). All inputs must have the same config and tensor
/// shapes. The result has no optimizer state (a round starts with a fresh one) and the largest
/// input step.
pub fn average(inputs: &[(PathBuf, f64)], out: &Path) -> Result<()> {
    let (first, sums, step) = weighted_sums(inputs)?;
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

/// Tensors accumulated in f64: shape and values.
pub type Sums = BTreeMap<String, (Vec<usize>, Vec<f64>)>;

/// The weighted mean, in f64, of the checkpoints' weights (weights normalized to sum 1, added
/// in input order), the first checkpoint and the largest step. `average` rounds it to f32; the
/// outer optimizer steps towards it.
pub fn weighted_sums(inputs: &[(PathBuf, f64)]) -> Result<(Checkpoint, Sums, u64)> {
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
    let mut sums: Sums = first
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
        let (mine, firsts) = (shape(&ck.config), shape(&first.config));
        if mine != firsts {
            return Err(Error::usage(
                "checkpoint.config_mismatch",
                format!(
                    "checkpoint {} has {mine} but the first checkpoint, {}, has {firsts}",
                    path.display(),
                    inputs[0].0.display()
                ),
            )
            .hint("average checkpoints of one model shape"));
        }
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
    Ok((first, sums, step))
}

/// What [`average_safetensors`] needs every input to agree on: each tensor's name, dtype and
/// shape, in name order.
pub type Layout = BTreeMap<String, (safetensors::Dtype, Vec<usize>)>;

/// The layout of a safetensors file's bytes (an error when they are not safetensors).
pub fn layout_of(bytes: &[u8]) -> Result<Layout> {
    let st = safetensors::SafeTensors::deserialize(bytes).map_err(|e| {
        Error::verification("average.bad_file", format!("not a safetensors file: {e}"))
    })?;
    Ok(st
        .tensors()
        .into_iter()
        .map(|(n, v)| (n, (v.dtype(), v.shape().to_vec())))
        .collect())
}

/// Whether [`average_safetensors`] can average tensors of this dtype.
pub fn averageable(d: safetensors::Dtype) -> bool {
    use safetensors::Dtype;
    matches!(d, Dtype::F32 | Dtype::F64 | Dtype::BF16)
}

/// Why a file of layout `got` cannot be averaged with files of layout `want` (the first
/// difference, naming the tensor), or a tensor of `got` that cannot be averaged at all; None
/// when it can.
pub fn layout_problem(got: &Layout, want: &Layout) -> Option<String> {
    if let Some((name, (d, _))) = got.iter().find(|(_, (d, _))| !averageable(*d)) {
        return Some(format!(
            "tensor {name} is {d:?}, which cannot be averaged (F32, F64 or BF16)"
        ));
    }
    if let Some(name) = want.keys().find(|n| !got.contains_key(*n)) {
        return Some(format!("it lacks tensor {name}"));
    }
    if let Some(name) = got.keys().find(|n| !want.contains_key(*n)) {
        return Some(format!("it has an extra tensor {name}"));
    }
    got.iter().find_map(|(name, (d, shape))| {
        let (wd, wshape) = &want[name];
        (d != wd || shape != wshape)
            .then(|| format!("tensor {name} is {d:?} {shape:?}, not {wd:?} {wshape:?}"))
    })
}

/// The weighted average of safetensors files' float tensors (exec jobs): every file must hold
/// the same tensor names, dtypes and shapes; F32, F64 and BF16 are averaged in f64 and
/// written back in their dtype; the first file's metadata is kept.
pub fn average_safetensors(inputs: &[(PathBuf, f64)], out: &Path) -> Result<()> {
    use safetensors::{Dtype, SafeTensors, tensor::TensorView};
    let total: f64 = inputs.iter().map(|(_, w)| w).sum();
    if inputs.is_empty() || total <= 0.0 {
        return Err(Error::usage("average.none", "nothing to average"));
    }
    let files: Vec<Vec<u8>> = inputs
        .iter()
        .map(|(p, _)| std::fs::read(p).map_err(|e| Error::io("read", p, e)))
        .collect::<Result<_>>()?;
    let parsed: Vec<SafeTensors> = files
        .iter()
        .zip(inputs)
        .map(|(b, (p, _))| {
            SafeTensors::deserialize(b).map_err(|e| {
                Error::verification(
                    "average.bad_file",
                    format!("{} is not safetensors: {e}", p.display()),
                )
            })
        })
        .collect::<Result<_>>()?;
    // The first input's metadata (format, config, step…) carries over, so a trainer that wrote
    // it can start from the average.
    let metadata = SafeTensors::read_metadata(&files[0])
        .ok()
        .and_then(|(_, m)| m.metadata().clone());
    let mut names: Vec<String> = parsed[0].names().into_iter().map(str::to_string).collect();
    names.sort();
    let mut outputs: Vec<(String, Dtype, Vec<usize>, Vec<u8>)> = Vec::new();
    for name in &names {
        let first = parsed[0]
            .tensor(name)
            .map_err(|e| Error::failed("average", e.to_string()))?;
        let (dtype, shape) = (first.dtype(), first.shape().to_vec());
        let n: usize = shape.iter().product();
        let mut acc = vec![0f64; n];
        for (t, (_, w)) in parsed.iter().zip(inputs) {
            let v = t.tensor(name).map_err(|_| {
                Error::verification(
                    "average.mismatch",
                    format!("a checkpoint lacks tensor {name}"),
                )
            })?;
            if v.dtype() != dtype || v.shape() != shape.as_slice() {
                return Err(Error::verification(
                    "average.mismatch",
                    format!("tensor {name} differs in dtype or shape"),
                ));
            }
            let vals = to_f64(v.data(), dtype).ok_or_else(|| {
                Error::usage(
                    "average.dtype",
                    format!("tensor {name} has dtype {dtype:?}, which cannot be averaged"),
                )
            })?;
            for (a, x) in acc.iter_mut().zip(vals) {
                *a += x * w / total;
            }
        }
        outputs.push((name.clone(), dtype, shape, from_f64(&acc, dtype)));
    }
    let views: Vec<(String, TensorView)> = outputs
        .iter()
        .map(|(n, d, s, b)| {
            Ok((
                n.clone(),
                TensorView::new(*d, s.clone(), b)
                    .map_err(|e| Error::failed("average", e.to_string()))?,
            ))
        })
        .collect::<Result<_>>()?;
    let bytes = safetensors::serialize(views, metadata)
        .map_err(|e| Error::failed("average", e.to_string()))?;
    crate::fsutil::write_atomic(out, &sorted_header(&bytes)?, 0o644)
}

/// The safetensors file with its JSON header's keys sorted (`__metadata__`'s too). The crate
/// writes the metadata in a `HashMap`'s order, which changes from process to process: every
/// member averaging the same outputs must write the same bytes, so the same aggregate root.
fn sorted_header(file: &[u8]) -> Result<Vec<u8>> {
    let bad = |e: String| Error::failed("average", format!("safetensors header: {e}"));
    let n = file
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")) as usize)
        .ok_or_else(|| bad("too short".into()))?;
    let header = file.get(8..8 + n).ok_or_else(|| bad("too short".into()))?;
    let mut map: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(header).map_err(|e| bad(e.to_string()))?;
    if let Some(meta) = map.remove("__metadata__") {
        let meta: BTreeMap<String, String> =
            serde_json::from_value(meta).map_err(|e| bad(e.to_string()))?;
        map.insert(
            "__metadata__".into(),
            serde_json::to_value(meta).map_err(|e| bad(e.to_string()))?,
        );
    }
    let mut text = serde_json::to_string(&map).map_err(|e| bad(e.to_string()))?;
    // The data starts 8-byte aligned, as the crate writes it.
    text.extend(std::iter::repeat_n(
        ' ',
        text.len().next_multiple_of(8) - text.len(),
    ));
    let mut out = Vec::with_capacity(8 + text.len() + file.len() - 8 - n);
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&file[8 + n..]);
    Ok(out)
}

fn to_f64(b: &[u8], d: safetensors::Dtype) -> Option<Vec<f64>> {
    use safetensors::Dtype;
    Some(match d {
        Dtype::F32 => b
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()) as f64)
            .collect(),
        Dtype::F64 => b
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
            .collect(),
        Dtype::BF16 => b
            .chunks_exact(2)
            .map(|c| f32::from_bits((u16::from_le_bytes([c[0], c[1]]) as u32) << 16) as f64)
            .collect(),
        _ => return None,
    })
}

fn from_f64(v: &[f64], d: safetensors::Dtype) -> Vec<u8> {
    use safetensors::Dtype;
    match d {
        Dtype::F64 => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
        Dtype::BF16 => v
            .iter()
            .flat_map(|x| (((*x as f32).to_bits() >> 16) as u16).to_le_bytes())
            .collect(),
        _ => v.iter().flat_map(|x| (*x as f32).to_le_bytes()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use safetensors::{Dtype, SafeTensors, tensor::TensorView};

    fn write(path: &Path, values: &[f32]) {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let view = TensorView::new(Dtype::F32, vec![values.len()], &bytes).unwrap();
        let meta = std::collections::HashMap::from([("step".to_string(), "7".to_string())]);
        std::fs::write(
            path,
            safetensors::serialize([("w", view)], Some(meta)).unwrap(),
        )
        .unwrap();
    }

    #[test]
    fn exec_checkpoints_average_by_weight_and_keep_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, out) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("o"),
        );
        write(&a, &[1.0, 2.0]);
        write(&b, &[4.0, 8.0]);
        average_safetensors(&[(a, 2.0), (b, 1.0)], &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        let t = SafeTensors::deserialize(&bytes).unwrap();
        let w = t.tensor("w").unwrap();
        let got: Vec<f32> = w
            .data()
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(got, vec![2.0, 4.0]);
        let (_, meta) = SafeTensors::read_metadata(&bytes).unwrap();
        assert_eq!(meta.metadata().as_ref().unwrap()["step"], "7");
    }

    /// Averaging the same files writes the same bytes, whatever order the metadata came in:
    /// the header's keys are sorted (the crate writes the metadata in a `HashMap`'s order, which
    /// differs from map to map, so two members' aggregate roots differed).
    #[test]
    fn averages_with_several_metadata_keys_are_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let keys: Vec<String> = (0..12).map(|i| format!("key{i:02}")).collect();
        let mut outs = Vec::new();
        for run in 0..4 {
            let input = dir.path().join(format!("in{run}"));
            let meta: std::collections::HashMap<String, String> =
                keys.iter().map(|k| (k.clone(), k.to_uppercase())).collect();
            let view = TensorView::new(Dtype::F32, vec![2], &bytes).unwrap();
            let view_b = TensorView::new(Dtype::F32, vec![2], &bytes).unwrap();
            std::fs::write(
                &input,
                safetensors::serialize([("w", view), ("b", view_b)], Some(meta)).unwrap(),
            )
            .unwrap();
            let out = dir.path().join(format!("out{run}"));
            average_safetensors(&[(input, 1.0)], &out).unwrap();
            outs.push(std::fs::read(&out).unwrap());
        }
        assert!(outs.iter().all(|o| o == &outs[0]));
        let (_, meta) = SafeTensors::read_metadata(&outs[0]).unwrap();
        assert_eq!(meta.metadata().as_ref().unwrap()["key07"], "KEY07");
        let n = u64::from_le_bytes(outs[0][..8].try_into().unwrap()) as usize;
        assert_eq!(n % 8, 0);
        let header = std::str::from_utf8(&outs[0][8..8 + n]).unwrap();
        let at: Vec<usize> = keys
            .iter()
            .map(|k| header.find(k.as_str()).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{header}");
        let t = SafeTensors::deserialize(&outs[0]).unwrap();
        assert_eq!(t.tensor("w").unwrap().data(), bytes.as_slice());
    }

    #[test]
    fn layouts_name_the_first_difference() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        write(&a, &[1.0, 2.0]);
        write(&b, &[4.0]);
        let la = layout_of(&std::fs::read(&a).unwrap()).unwrap();
        let lb = layout_of(&std::fs::read(&b).unwrap()).unwrap();
        assert_eq!(layout_problem(&la, &la), None);
        let why = layout_problem(&lb, &la).unwrap();
        assert!(
            why.contains("tensor w") && why.contains("[1]") && why.contains("[2]"),
            "{why}"
        );
        let mut extra = la.clone();
        extra.insert("x".into(), (Dtype::F32, vec![1]));
        assert!(
            layout_problem(&extra, &la)
                .unwrap()
                .contains("extra tensor x")
        );
        assert!(
            layout_problem(&la, &extra)
                .unwrap()
                .contains("lacks tensor x")
        );
        let mut ints = la.clone();
        ints.insert("w".into(), (Dtype::I64, vec![2]));
        assert!(
            layout_problem(&ints, &ints)
                .unwrap()
                .contains("cannot be averaged")
        );
        assert!(layout_of(b"not safetensors").is_err());
    }

    #[test]
    fn exec_checkpoints_of_different_shapes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, out) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("o"),
        );
        write(&a, &[1.0, 2.0]);
        write(&b, &[4.0]);
        let e = average_safetensors(&[(a, 1.0), (b, 1.0)], &out).unwrap_err();
        assert_eq!(e.exit_code(), 5);
    }
}
