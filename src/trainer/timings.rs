//! Where a training step's time goes (`cohort train --timings`): each phase of a step (the
//! batch, each kind of op of the forward and backward pass on a GPU, the optimizer, reading the
//! loss, evaluation and checkpoints) is run to completion before the next starts, the device
//! synchronized at every boundary, and its wall time added to the phase's total.
//!
//! What it shows: which phases dominate a step, with their launches and waits. What it does not:
//! the speed of an untimed step, where the host queues work while the GPU runs earlier work;
//! the phases' sum is the time of the same step with no overlap at all.

use std::time::Instant;

use candle_core::Device;
use serde::Serialize;

/// The time of one phase over the timed steps.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseTime {
    pub phase: String,
    /// Seconds over all timed steps.
    pub seconds: f64,
    /// Milliseconds per timed step.
    pub ms_per_step: f64,
    /// Fraction of all phases' time.
    pub share: f64,
    /// Times the phase ran (once a step, or once per block and step).
    pub calls: u64,
}

/// The phases' times, longest first.
#[derive(Debug, Clone, Serialize)]
pub struct Timings {
    /// Steps timed (a run's first step is left out where it has more: it compiles kernels
    /// and fills caches).
    pub steps: u64,
    /// Milliseconds of a timed step, every phase synchronized.
    pub ms_per_step: f64,
    pub phases: Vec<PhaseTime>,
}

/// Times phases on a device: [`PhaseTimer::start`] at a step's start, [`PhaseTimer::mark`] after
/// each phase.
pub struct PhaseTimer {
    device: Device,
    last: Instant,
    rows: Vec<(&'static str, f64, u64)>,
    steps: u64,
}

impl PhaseTimer {
    pub fn new(device: &Device) -> PhaseTimer {
        PhaseTimer {
            device: device.clone(),
            last: Instant::now(),
            rows: Vec::new(),
            steps: 0,
        }
    }

    /// Starts a step: waits for the device, then starts the clock.
    pub fn start(&mut self) -> candle_core::Result<()> {
        self.device.synchronize()?;
        self.steps += 1;
        self.last = Instant::now();
        Ok(())
    }

    /// Ends a phase: waits for the device, and adds the time since the last mark (or start) to
    /// `phase`.
    pub fn mark(&mut self, phase: &'static str) -> candle_core::Result<()> {
        self.device.synchronize()?;
        let now = Instant::now();
        let secs = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        match self.rows.iter_mut().find(|r| r.0 == phase) {
            Some(r) => {
                r.1 += secs;
                r.2 += 1;
            }
            None => self.rows.push((phase, secs, 1)),
        }
        Ok(())
    }

    /// The phases so far, longest first.
    pub fn report(&self) -> Timings {
        let total: f64 = self.rows.iter().map(|r| r.1).sum();
        let steps = self.steps.max(1) as f64;
        let mut phases: Vec<PhaseTime> = self
            .rows
            .iter()
            .map(|&(phase, seconds, calls)| PhaseTime {
                phase: phase.to_string(),
                seconds,
                ms_per_step: 1e3 * seconds / steps,
                share: if total > 0.0 { seconds / total } else { 0.0 },
                calls,
            })
            .collect();
        phases.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
        Timings {
            steps: self.steps,
            ms_per_step: 1e3 * total / steps,
            phases,
        }
    }
}

/// `mark(phase)` on a timer where there is one.
pub(crate) fn mark(
    p: &mut Option<&mut PhaseTimer>,
    phase: &'static str,
) -> candle_core::Result<()> {
    match p {
        Some(p) => p.mark(phase),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_add_up_and_sort_longest_first() {
        let mut p = PhaseTimer::new(&Device::Cpu);
        for _ in 0..2 {
            p.start().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(2));
            p.mark("short").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(12));
            p.mark("long").unwrap();
            p.mark("short").unwrap();
        }
        let r = p.report();
        assert_eq!(r.steps, 2);
        assert!(r.phases[0].seconds >= r.phases[1].seconds, "{r:?}");
        let of = |name: &str| r.phases.iter().find(|x| x.phase == name).unwrap();
        assert_eq!((of("long").calls, of("short").calls), (2, 4));
        // A sleep lasts at least what it asks.
        assert!(
            of("long").ms_per_step >= 12.0 && of("short").ms_per_step >= 2.0,
            "{r:?}"
        );
        let shares: f64 = r.phases.iter().map(|x| x.share).sum();
        assert!((shares - 1.0).abs() < 1e-9);
        let sum: f64 = r.phases.iter().map(|x| x.ms_per_step).sum();
        assert!((sum - r.ms_per_step).abs() < 1e-9);
    }
}
