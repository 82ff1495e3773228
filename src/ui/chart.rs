//! Pictures for people: a sparkline of losses, a share as a bar, the loss curve as SVG.

use std::path::Path;

use crate::error::{Error, Result};

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One block character per value, scaled between the smallest and the largest (`▇▅▃▁`).
/// Values that are not finite are left out.
pub fn sparkline(values: &[f64]) -> String {
    let v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let (lo, hi) = v
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
            (l.min(x), h.max(x))
        });
    v.iter()
        .map(|&x| {
            let i = if hi > lo {
                ((x - lo) / (hi - lo) * 7.0).round() as usize
            } else {
                3
            };
            SPARKS[i.min(7)]
        })
        .collect()
}

/// A share (parts per million) as a bar `width` cells wide, in eighths of a cell.
pub fn share_bar(ppm: u64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (ppm.min(1_000_000) as u128 * width as u128 * 8 / 1_000_000) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    s
}

/// A series of the loss chart: its name and (round, loss) points.
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    /// Drawn as a line (the aggregate), else as points (the workers' submissions).
    pub line: bool,
}

/// Writes the loss per round as an SVG file (written next to `path`, then moved into place).
pub fn loss_svg(path: &Path, title: &str, series: &[Series]) -> Result<()> {
    use plotters::prelude::*;
    let all: Vec<(f64, f64)> = series
        .iter()
        .flat_map(|s| s.points.iter().copied())
        .filter(|(_, y)| y.is_finite())
        .collect();
    if all.is_empty() {
        return Err(
            Error::usage("plot.no_data", "there is no validation loss to plot yet")
                .hint("plot after the first round is finalized (`cohort job watch ID`)"),
        );
    }
    let x_max = all.iter().map(|p| p.0).fold(0.0, f64::max).max(1.0);
    let y_lo = all.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let y_hi = all.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((y_hi - y_lo) * 0.1).max(0.01);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (800, 480)).into_drawing_area();
        let draw = |e: &dyn std::fmt::Display| {
            Error::failed("plot.draw", format!("could not draw the chart: {e}"))
        };
        root.fill(&WHITE).map_err(|e| draw(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.2..x_max + 0.2, (y_lo - pad)..(y_hi + pad))
            .map_err(|e| draw(&e))?;
        chart
            .configure_mesh()
            .x_desc("round")
            .y_desc("validation loss")
            .x_labels(x_max as usize + 1)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()
            .map_err(|e| draw(&e))?;
        for (i, s) in series.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            let pts: Vec<(f64, f64)> = s
                .points
                .iter()
                .copied()
                .filter(|(_, y)| y.is_finite())
                .collect();
            let legend =
                |c: RGBAColor| move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], c);
            if s.line {
                chart
                    .draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))
                    .map_err(|e| draw(&e))?
                    .label(s.name.clone())
                    .legend(legend(color));
                chart
                    .draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))
                    .map_err(|e| draw(&e))?;
            } else {
                chart
                    .draw_series(pts.iter().map(|&p| Cross::new(p, 4, color.stroke_width(2))))
                    .map_err(|e| draw(&e))?
                    .label(s.name.clone())
                    .legend(legend(color));
            }
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(|e| draw(&e))?;
        root.present().map_err(|e| draw(&e))?;
    }
    crate::fsutil::write_atomic(path, svg.as_bytes(), 0o644)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_between_the_extremes() {
        assert_eq!(sparkline(&[4.0, 3.0, 2.0, 1.0]), "█▆▃▁");
        assert_eq!(sparkline(&[2.0, 2.0]), "▄▄");
        assert_eq!(sparkline(&[1.0, f64::NAN, 2.0]), "▁█");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn share_bars_fill_eighths_of_cells() {
        assert_eq!(share_bar(1_000_000, 10), "██████████");
        assert_eq!(share_bar(500_000, 10), "█████");
        assert_eq!(share_bar(50_000, 10), "▌");
        assert_eq!(share_bar(0, 10), "");
    }

    #[test]
    fn the_loss_chart_is_an_svg_with_every_series() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("loss.svg");
        loss_svg(
            &p,
            "job 1",
            &[
                Series {
                    name: "aggregate".into(),
                    points: vec![(0.0, 3.1), (1.0, 2.4), (2.0, 2.0)],
                    line: true,
                },
                Series {
                    name: "0xabcd…1234".into(),
                    points: vec![(0.0, 3.3), (1.0, 2.5)],
                    line: false,
                },
            ],
        )
        .unwrap();
        let svg = std::fs::read_to_string(&p).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..100.min(svg.len())]);
        assert!(svg.contains("aggregate") && svg.contains("0xabcd…1234"));
        assert!(svg.contains("<polyline"), "no line drawn");
        assert!(loss_svg(&p, "x", &[]).is_err());
    }
}
