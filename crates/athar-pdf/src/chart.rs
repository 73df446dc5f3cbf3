//! Horizontal bar charts drawn with rectangles and text, so they stay sharp, searchable and
//! mirrored in Arabic (labels on the right, bars growing leftwards from the zero line).
//!
//! Tick values are chosen and printed with `Decimal` (1, 2, 2.5 or 5 times a power of ten) so
//! the axis reads exactly like the numbers in the tables; only positions on the page use
//! floating point. A chart longer than the page continues on the next page with its axis
//! repeated under each part.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::fonts::Weight;
use crate::layout::{Composer, Element, Side, INK, MUTED, RULE};
use crate::model::{Align, BarChart, Rgb};
use crate::numbers::format_decimal;
use crate::text::Line;

const PALETTE: [Rgb; 6] = [
    Rgb(0x1F, 0x6F, 0xA8),
    Rgb(0x2E, 0x9E, 0x6B),
    Rgb(0xE0, 0x8A, 0x1E),
    Rgb(0x8E, 0x5C, 0xB8),
    Rgb(0xC2, 0x4E, 0x4E),
    Rgb(0x2A, 0xA8, 0xB8),
];
const BAR_HEIGHT: f32 = 11.0;
const ROW_GAP: f32 = 5.0;
const LABEL_SIZE: f32 = 9.0;
const VALUE_SIZE: f32 = 8.5;
const TICK_SIZE: f32 = 7.5;

/// The value range of the axis and its ticks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Axis {
    pub min: Decimal,
    pub max: Decimal,
    pub ticks: Vec<Decimal>,
    /// Decimal places of the tick labels.
    pub decimals: u32,
}

impl Axis {
    /// An axis that includes zero and every value, with about five round ticks.
    pub(crate) fn for_values(values: &[Decimal]) -> Axis {
        let lo = values.iter().copied().fold(Decimal::ZERO, Decimal::min);
        let hi = values.iter().copied().fold(Decimal::ZERO, Decimal::max);
        let range = hi.checked_sub(lo).unwrap_or(Decimal::MAX);
        if range.is_zero() {
            return Axis::ticked(Decimal::ZERO, Decimal::ONE, Decimal::new(2, 1))
                .unwrap_or_else(|| Axis::bare(Decimal::ZERO, Decimal::ONE));
        }
        nice_step(range)
            .and_then(|step| {
                let min = lo.checked_div(step)?.floor().checked_mul(step)?;
                let max = hi.checked_div(step)?.ceil().checked_mul(step)?;
                Axis::ticked(min, max, step)
            })
            .unwrap_or_else(|| Axis::bare(lo, hi))
    }

    fn ticked(min: Decimal, max: Decimal, step: Decimal) -> Option<Axis> {
        let mut ticks = Vec::new();
        let mut t = min;
        while t <= max && ticks.len() <= 20 {
            ticks.push(t.normalize());
            t = t.checked_add(step)?;
        }
        Some(Axis {
            min,
            max,
            ticks,
            decimals: step.normalize().scale(),
        })
    }

    fn bare(min: Decimal, max: Decimal) -> Axis {
        Axis {
            min,
            max,
            ticks: vec![min, max],
            decimals: 0,
        }
    }

    /// Where `v` falls, from 0 (the minimum) to 1 (the maximum).
    pub(crate) fn fraction(&self, v: Decimal) -> f32 {
        let (min, max, v) = (to_f64(self.min), to_f64(self.max), to_f64(v));
        if max <= min {
            return 0.0;
        }
        (((v - min) / (max - min)).clamp(0.0, 1.0)) as f32
    }
}

fn to_f64(d: Decimal) -> f64 {
    // Decimal's conversion to f64 never fails; positions need no more precision.
    d.to_f64().unwrap_or(0.0)
}

/// 1, 2, 2.5 or 5 times a power of ten, about a fifth of `range`.
fn nice_step(range: Decimal) -> Option<Decimal> {
    let raw = range.checked_div(Decimal::from(5))?;
    if raw <= Decimal::ZERO {
        return None;
    }
    let ten = Decimal::TEN;
    let mut p = Decimal::ONE;
    while p > raw {
        p = p.checked_div(ten)?;
        if p.is_zero() {
            return None;
        }
    }
    while p.checked_mul(ten)? <= raw {
        p = p.checked_mul(ten)?;
    }
    let m = raw.checked_div(p)?;
    let nice = if m <= Decimal::ONE {
        Decimal::ONE
    } else if m <= Decimal::TWO {
        Decimal::TWO
    } else if m <= Decimal::new(25, 1) {
        Decimal::new(25, 1)
    } else if m <= Decimal::new(5, 0) {
        Decimal::new(5, 0)
    } else {
        ten
    };
    nice.checked_mul(p)
}

struct Row {
    label: Vec<Line>,
    value: Option<Line>,
    height: f32,
    /// Start offsets of the bar's ends (zero and the value).
    end: f32,
    value_negative: bool,
}

/// Everything measured before drawing: used to draw, and to know how much room the chart
/// needs (so a heading is not left alone above it).
pub(crate) struct ChartPlan {
    title: Vec<Line>,
    title_h: f32,
    rows: Vec<Row>,
    ticks: Vec<(f32, Option<Line>)>,
    unit: Vec<Line>,
    tick_h: f32,
    axis_h: f32,
    label_w: f32,
    plot_start: f32,
    plot_w: f32,
    zero: f32,
}

impl ChartPlan {
    /// The height the chart needs at the bottom of a page before it is worth starting there:
    /// all of it when it fits on a page, else its title, a row and the axis.
    pub(crate) fn keep_height(&self, page_height: f32) -> f32 {
        let total = self.title_h + self.rows.iter().map(|r| r.height).sum::<f32>() + self.axis_h;
        if total <= page_height {
            total
        } else {
            self.title_h + self.rows.first().map_or(0.0, |r| r.height) + self.axis_h
        }
    }
}

impl Composer<'_> {
    pub(crate) fn plan_chart(&self, chart: &BarChart) -> ChartPlan {
        let width = self.geo.body_width();
        let title = chart
            .title
            .as_ref()
            .map(|t| self.lines(t, Self::style(10.5, Weight::Bold, INK), width))
            .unwrap_or_default();
        let title_h = title.iter().map(Line::height).sum::<f32>() + 4.0;
        let values: Vec<Decimal> = chart.bars.iter().map(|b| b.value).collect();
        let axis = Axis::for_values(&values);
        let label_style = Self::style(LABEL_SIZE, Weight::Regular, INK);
        let value_style = Self::style(VALUE_SIZE, Weight::Regular, INK);
        let tick_style = Self::style(TICK_SIZE, Weight::Regular, MUTED);

        let widest_label = chart
            .bars
            .iter()
            .map(|b| self.natural_width(&b.label, label_style))
            .fold(0.0, f32::max);
        let label_w = widest_label.min(width * 0.32);
        let values_text: Vec<String> = values
            .iter()
            .map(|v| format_decimal(*v, self.language, chart.decimals))
            .collect();
        let value_w = values_text
            .iter()
            .map(|t| self.natural_width(t, value_style))
            .fold(0.0, f32::max)
            + 4.0;
        let negative_room = if axis.min < Decimal::ZERO {
            value_w
        } else {
            0.0
        };
        let plot_start = label_w + 8.0 + negative_room;
        let plot_w = (width - plot_start - value_w).max(width * 0.25);
        let pos = |v: Decimal| plot_start + axis.fraction(v) * plot_w;

        let rows: Vec<Row> = chart
            .bars
            .iter()
            .zip(&values_text)
            .map(|(bar, text)| {
                let label = self.lines(&bar.label, label_style, label_w.max(1.0));
                let value = self
                    .lines(text, value_style, f32::INFINITY)
                    .into_iter()
                    .next();
                let label_h: f32 = label.iter().map(Line::height).sum();
                Row {
                    label,
                    value,
                    height: label_h.max(BAR_HEIGHT + 4.0) + ROW_GAP,
                    end: pos(bar.value),
                    value_negative: bar.value < Decimal::ZERO,
                }
            })
            .collect();

        let ticks: Vec<(f32, Option<Line>)> = axis
            .ticks
            .iter()
            .map(|t| {
                let text = format_decimal(*t, self.language, axis.decimals);
                (
                    pos(*t),
                    self.lines(&text, tick_style, f32::INFINITY)
                        .into_iter()
                        .next(),
                )
            })
            .collect();
        let unit = chart
            .axis_label
            .as_ref()
            .map(|a| self.lines(a, tick_style, plot_w))
            .unwrap_or_default();
        let tick_h = ticks
            .iter()
            .filter_map(|(_, l)| l.as_ref().map(Line::height))
            .fold(0.0, f32::max);
        let axis_h = 3.0 + tick_h + unit.iter().map(Line::height).sum::<f32>() + 2.0;
        ChartPlan {
            title,
            title_h,
            rows,
            ticks,
            unit,
            tick_h,
            axis_h,
            label_w,
            plot_start,
            plot_w,
            zero: pos(Decimal::ZERO),
        }
    }

    pub(crate) fn bar_chart(&mut self, chart: &BarChart) {
        let (left, width) = (self.geo.left, self.geo.body_width());
        let plan = self.plan_chart(chart);
        // Keep a chart that fits on one page together; a longer one starts here and
        // continues with its axis repeated.
        self.ensure(plan.keep_height(self.geo.bottom - self.geo.top));
        let ChartPlan {
            title,
            rows,
            ticks,
            unit,
            tick_h,
            axis_h,
            label_w,
            plot_start,
            plot_w,
            zero,
            ..
        } = plan;
        let side = self.side(Align::Start);
        self.place_lines(title, left, width, side);
        self.y += 4.0;
        let end_side = self.side(Align::End);

        let mut i = 0;
        while i < rows.len() {
            self.ensure(rows[i].height + axis_h);
            let top = self.y;
            let mut drawn = Vec::new();
            while i < rows.len()
                && (rows[i].height + axis_h <= self.remaining() + 0.01 || self.y == top)
            {
                let row = &rows[i];
                let y = self.y;
                let bar_y = y + (row.height - ROW_GAP - BAR_HEIGHT) / 2.0;
                // Label, at the side of the label column next to the bars.
                let label_h: f32 = row.label.iter().map(Line::height).sum();
                let mut ly = y + (row.height - ROW_GAP - label_h) / 2.0;
                let box_left = self.span(left, width, 0.0, label_w);
                for line in &row.label {
                    drawn.push(Element::Text {
                        x: Self::x_for(end_side, box_left, label_w, line.width),
                        baseline: ly + line.ascent,
                        line: line.clone(),
                    });
                    ly += line.height();
                }
                // Bar from zero to the value.
                let end = row.end;
                let (s, w) = (zero.min(end), (end - zero).abs());
                if w > 0.0 {
                    drawn.push(Element::Rect {
                        x: self.span(left, width, s, w),
                        y: bar_y,
                        w,
                        h: BAR_HEIGHT,
                        fill: chart.bars[i].colour.unwrap_or(PALETTE[i % PALETTE.len()]),
                    });
                }
                // Value just past the end of the bar.
                if let Some(v) = &row.value {
                    let start = if row.value_negative {
                        end - 3.0 - v.width
                    } else {
                        end + 3.0
                    };
                    drawn.push(Element::Text {
                        x: self.span(left, width, start, v.width),
                        baseline: bar_y + BAR_HEIGHT / 2.0 + VALUE_SIZE * 0.36,
                        line: v.clone(),
                    });
                }
                self.y += row.height;
                i += 1;
            }
            // Grid first, so that bars are drawn over it.
            let bottom = self.y;
            for (x, _) in &ticks {
                let gx = self.span(left, width, *x, 0.0);
                self.push(Element::Rule {
                    x1: gx,
                    y1: top,
                    x2: gx,
                    y2: bottom,
                    width: 0.4,
                    colour: RULE,
                });
            }
            let zx = self.span(left, width, zero, 0.0);
            self.push(Element::Rule {
                x1: zx,
                y1: top,
                x2: zx,
                y2: bottom,
                width: 0.9,
                colour: MUTED,
            });
            for e in drawn {
                self.push(e);
            }
            let mut y = bottom + 3.0;
            for (x, label) in &ticks {
                if let Some(l) = label {
                    let lx = self.span(left, width, *x - l.width / 2.0, l.width);
                    self.push(Element::Text {
                        x: lx,
                        baseline: y + l.ascent,
                        line: l.clone(),
                    });
                }
            }
            y += tick_h;
            let plot_left = self.span(left, width, plot_start, plot_w);
            for l in &unit {
                self.push(Element::Text {
                    x: Self::x_for(Side::Centre, plot_left, plot_w, l.width),
                    baseline: y + l.ascent,
                    line: l.clone(),
                });
                y += l.height();
            }
            self.y = y + 2.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn axis_ticks_are_round_and_cover_the_values() {
        let a = Axis::for_values(&[d("1.82"), d("0.35"), d("2.41")]);
        assert_eq!(a.min, d("0"));
        assert_eq!(a.max, d("2.5"));
        assert_eq!(
            a.ticks,
            vec![d("0"), d("0.5"), d("1"), d("1.5"), d("2"), d("2.5")]
        );
        assert_eq!(a.decimals, 1);

        let a = Axis::for_values(&[d("-120"), d("480")]);
        assert_eq!((a.min, a.max), (d("-200"), d("600")));
        assert_eq!(
            a.ticks,
            vec![d("-200"), d("0"), d("200"), d("400"), d("600")]
        );
        assert_eq!(a.decimals, 0);
    }

    #[test]
    fn all_zero_and_extreme_values_do_not_panic() {
        let a = Axis::for_values(&[Decimal::ZERO]);
        assert_eq!((a.min, a.max), (d("0"), d("1")));
        let a = Axis::for_values(&[Decimal::MAX, Decimal::MIN]);
        assert!(a.ticks.len() >= 2);
        assert!(a.fraction(Decimal::ZERO) > 0.4 && a.fraction(Decimal::ZERO) < 0.6);
        let a = Axis::for_values(&[d("0.0000000000000000000000000001")]);
        assert!(!a.ticks.is_empty());
    }
}
