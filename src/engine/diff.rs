//! Two assessments of the same process, side by side: which answers changed and how every pillar
//! and indicator moved. Both are scored under this engine's methodology (a v1 profile through
//! its crosswalk), with the same options, so that the differences are the answers' alone.

use crate::base::text::json_object;
use crate::engine::report::{ElementReport, Methodology, Report, State, Status};
use crate::engine::score::{round1, score};
use crate::input::date::Date;
use crate::input::options::ScoreOptions;
use crate::input::profile::{Format, Profile};
use crate::prelude::*;
use serde::Serialize;

json_object! {
    /// What changed from one assessment to the next.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Diff {
        pub old: Side,
        pub new: Side,
        /// Every question whose answer (state, option or value) differs, in rubric order.
        pub answers: Vec<AnswerChange>,
        /// Every pillar, in rubric order.
        pub pillars: Vec<FigureChange>,
        /// Every indicator whose figures differ, in rubric order.
        pub indicators: Vec<FigureChange>,
    }
}

json_object! {
    /// One of the two assessments.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Side {
        /// The profile format it was written in.
        pub format: Format,
        /// The methodology it was scored under.
        pub methodology: Methodology,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub assessed_on as "assessedOn": Option<Date>,
    }
}

json_object! {
    /// An answer before and after.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct AnswerChange {
        pub element: &'static str,
        pub old: Given,
        pub new: Given,
    }
}

json_object! {
    /// What an answer was.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Given {
        pub state: State,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub option: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub value: Option<f64>,
    }
}

json_object! {
    /// A pillar's or indicator's figures before and after.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct FigureChange {
        pub id: &'static str,
        pub old: Figure,
        pub new: Figure,
        /// `new.score − old.score`, one decimal, when both are scored.
        pub change: Option<f64>,
    }
}

json_object! {
    /// Published figures of a pillar or indicator.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Figure {
        pub status: Status,
        pub score: Option<f64>,
        pub lower: Option<f64>,
        pub upper: Option<f64>,
    }
}

/// Scores both profiles with the same options and lists the differences. The caller has checked
/// that both assess the same process.
pub(crate) fn diff(old: Profile, new: Profile, options: &ScoreOptions) -> Diff {
    let side = |p: &Profile| Side {
        format: p.format,
        methodology: Methodology::CURRENT,
        id: p.id.clone(),
        assessed_on: p.process.assessed_on,
    };
    let (old_side, new_side) = (side(&old), side(&new));
    let (old, new) = (score(old, options), score(new, options));
    let mut answers = Vec::new();
    let mut indicators = Vec::new();
    for (po, pn) in old.pillars.iter().zip(&new.pillars) {
        for (io, inew) in po.indicators.iter().zip(&pn.indicators) {
            for (eo, en) in io.elements.iter().zip(&inew.elements) {
                let (a, b) = (given(eo), given(en));
                if a != b {
                    answers.push(AnswerChange {
                        element: eo.id,
                        old: a,
                        new: b,
                    });
                }
            }
            let change = figure_change(
                io.id,
                (io.status, io.score, io.lower, io.upper),
                (inew.status, inew.score, inew.lower, inew.upper),
            );
            if change.old != change.new {
                indicators.push(change);
            }
        }
    }
    let pillars = pillars(&old, &new);
    Diff {
        old: old_side,
        new: new_side,
        answers,
        pillars,
        indicators,
    }
}

fn pillars(old: &Report, new: &Report) -> Vec<FigureChange> {
    old.pillars
        .iter()
        .zip(&new.pillars)
        .map(|(a, b)| {
            figure_change(
                a.id,
                (a.status, a.score, a.lower, a.upper),
                (b.status, b.score, b.lower, b.upper),
            )
        })
        .collect()
}

type Figures = (Status, Option<f64>, Option<f64>, Option<f64>);

fn figure_change(id: &'static str, old: Figures, new: Figures) -> FigureChange {
    let figure = |(status, score, lower, upper): Figures| Figure {
        status,
        score,
        lower,
        upper,
    };
    let change = match (old.1, new.1) {
        (Some(a), Some(b)) => Some(round1(b - a)),
        _ => None,
    };
    FigureChange {
        id,
        old: figure(old),
        new: figure(new),
        change,
    }
}

fn given(e: &ElementReport) -> Given {
    Given {
        state: e.state,
        option: e.option,
        value: e.value,
    }
}
