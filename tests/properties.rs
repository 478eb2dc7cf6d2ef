#![cfg(not(target_arch = "wasm32"))]
//! Properties of the formula (docs/methodology.md, "How a score is computed") over profiles
//! generated from the rubric itself, and robustness of every entry point against arbitrary trees.

#[path = "support/checks.rs"]
mod checks;

use checks::check_bounds;
use proptest::prelude::*;
use proptest::strategy::Union;
use sdo_openness::report::{Report, State, Status, WeightsKind};
use sdo_openness::rubric::{Choice, Element, Scale};
use sdo_openness::{compare, rubric, score, sensitivity, validate, Json, SCHEMA};

// ---------------------------------------------------------------------------------------------
// The rubric, flattened
// ---------------------------------------------------------------------------------------------

/// Every element with its pillar and indicator index, in rubric order.
fn elements() -> Vec<(usize, usize, &'static Element)> {
    rubric().elements().collect()
}

fn indicator_ids() -> Vec<&'static str> {
    rubric().indicators().map(|i| i.id).collect()
}

fn default_weights() -> Vec<f64> {
    rubric().indicators().map(|i| i.weight).collect()
}

/// Indicator positions of each pillar.
fn pillar_ranges() -> Vec<std::ops::Range<usize>> {
    let mut at = 0;
    rubric()
        .pillars
        .iter()
        .map(|p| {
            let r = at..at + p.indicators.len();
            at = r.end;
            r
        })
        .collect()
}

fn best_option(e: &Element) -> Option<&'static str> {
    match &e.scale {
        Scale::Options { options } => Some(extreme(options, true).id),
        Scale::Curve { .. } => None,
    }
}

/// The best (or worst) option, as `Iterator::max_by` (or `min_by`) picks it among equals.
fn extreme(options: &'static [Choice], best: bool) -> &'static Choice {
    let by = |a: &&Choice, b: &&Choice| a.points.total_cmp(&b.points);
    let pick = if best {
        options.iter().max_by(by)
    } else {
        options.iter().min_by(by)
    };
    pick.expect("an options scale has options")
}

fn best_value(e: &Element) -> Option<f64> {
    match &e.scale {
        Scale::Curve { points, .. } => Some(Scale::best_value(points)),
        Scale::Options { .. } => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Generated profiles
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Given {
    NotAssessed,
    Option(&'static str, f64),
    Value(f64),
    NoPublicInformation,
    NotApplicable,
}

impl Given {
    fn points(&self, e: &Element) -> Option<f64> {
        match (self, &e.scale) {
            (Given::Option(_, p), _) => Some(*p),
            (Given::Value(v), Scale::Curve { points, .. }) => Some(Scale::curve_points(points, *v)),
            (Given::NoPublicInformation, _) => Some(0.0),
            _ => None,
        }
    }

    fn assessed(&self) -> bool {
        matches!(
            self,
            Given::Option(..) | Given::Value(_) | Given::NoPublicInformation
        )
    }

    fn applicable(&self) -> bool {
        *self != Given::NotApplicable
    }
}

#[derive(Clone, Debug)]
struct Answer {
    given: Given,
    evidence: bool,
    note: bool,
}

/// A valid profile: one answer slot per element, and the order of the answers in the object.
#[derive(Clone, Debug)]
struct Gen {
    answers: Vec<Answer>,
    order: Vec<usize>,
    dated: bool,
}

fn s(x: &str) -> Json {
    Json::String(x.into())
}

impl Gen {
    fn to_json(&self) -> Json {
        self.with_order(&self.order)
    }

    fn with_order(&self, order: &[usize]) -> Json {
        let els = elements();
        let mut answers = Vec::new();
        for &n in order {
            let (_, _, e) = els[n];
            let a = &self.answers[n];
            let mut entries = match &a.given {
                Given::NotAssessed => continue,
                Given::Option(id, _) => vec![("option", s(id))],
                Given::Value(v) => vec![("value", Json::Number(*v))],
                Given::NoPublicInformation => vec![("status", s("no-public-information"))],
                Given::NotApplicable => vec![("status", s("not-applicable"))],
            };
            if a.note {
                entries.push(("note", s("An assessor's note.")));
            }
            if a.evidence {
                entries.push((
                    "evidence",
                    Json::Array(vec![Json::object(vec![(
                        "url",
                        s(&format!("https://example.org/evidence/{}", e.id)),
                    )])]),
                ));
            }
            answers.push((e.id.to_string(), Json::object(entries)));
        }
        let mut process = vec![("name", s("Example generated process"))];
        if self.dated {
            process.push(("assessedOn", s("2026-11-01")));
        }
        Json::object(vec![
            ("schema", s(SCHEMA)),
            ("process", Json::object(process)),
            ("answers", Json::Object(answers)),
        ])
    }

    fn set(&self, n: usize, given: Given) -> Gen {
        let mut g = self.clone();
        g.answers[n].given = given;
        g
    }
}

/// A value on the element's curve: its knots, anything in range, the part that is not flat,
/// and whole numbers.
fn value_strategy(min: f64, max: f64, points: &'static [(f64, f64)]) -> BoxedStrategy<f64> {
    let knots: Vec<f64> = points.iter().map(|p| p.0).collect();
    let slope_end = knots[knots.len() - 2];
    prop_oneof![
        proptest::sample::select(knots.clone()),
        min..=max,
        knots[0]..=slope_end,
        (min as i64..=max as i64).prop_map(|x| x as f64),
    ]
    .boxed()
}

/// Any answer to `e`, the kinds weighted by `mix` = (answered, not assessed, no public
/// information, not applicable).
fn given_strategy(e: &'static Element, mix: (u32, u32, u32, u32)) -> BoxedStrategy<Given> {
    let answered: BoxedStrategy<Given> = match &e.scale {
        Scale::Options { options } => proptest::sample::select(options.iter().collect::<Vec<_>>())
            .prop_map(|c| Given::Option(c.id, c.points))
            .boxed(),
        Scale::Curve {
            min, max, points, ..
        } => value_strategy(*min, *max, points)
            .prop_map(Given::Value)
            .boxed(),
    };
    let arms: Vec<(u32, BoxedStrategy<Given>)> = vec![
        (mix.0, answered),
        (mix.1, Just(Given::NotAssessed).boxed()),
        (mix.2, Just(Given::NoPublicInformation).boxed()),
        (mix.3, Just(Given::NotApplicable).boxed()),
    ];
    Union::new_weighted(arms.into_iter().filter(|(w, _)| *w > 0).collect()).boxed()
}

fn answers_strategy(mix: (u32, u32, u32, u32)) -> BoxedStrategy<Vec<Answer>> {
    elements()
        .into_iter()
        .map(|(_, _, e)| {
            (given_strategy(e, mix), any::<bool>(), any::<bool>()).prop_map(
                |(given, evidence, note)| Answer {
                    given,
                    evidence,
                    note,
                },
            )
        })
        .collect::<Vec<_>>()
        .boxed()
}

fn order_strategy() -> impl Strategy<Value = Vec<usize>> {
    Just((0..elements().len()).collect::<Vec<_>>()).prop_shuffle()
}

/// Valid profiles, from nearly empty to complete.
fn gen_strategy() -> impl Strategy<Value = Gen> {
    (1u32..=8, 0u32..=4, 0u32..=2, 0u32..=2)
        .prop_flat_map(|mix| (answers_strategy(mix), order_strategy(), any::<bool>()))
        .prop_map(|(answers, order, dated)| Gen {
            answers,
            order,
            dated,
        })
}

/// Custom indicator weights: `None` keeps the default. Each pillar keeps a positive weight.
fn weights_strategy() -> impl Strategy<Value = Vec<Option<f64>>> {
    let n = default_weights().len();
    proptest::collection::vec(
        prop_oneof![
            3 => Just(None),
            1 => Just(Some(0.0)),
            2 => (0.0..=1000.0).prop_map(Some),
            1 => (1u32..=100).prop_map(|w| Some(f64::from(w))),
        ],
        n,
    )
    .prop_map(|mut w| {
        let defaults = default_weights();
        for range in pillar_ranges() {
            if range.clone().all(|i| w[i].unwrap_or(defaults[i]) <= 0.0) {
                w[range.start] = Some(1.0);
            }
        }
        w
    })
}

fn weights_json(w: &[Option<f64>]) -> Option<Json> {
    let ids = indicator_ids();
    let entries: Vec<(&str, Json)> = w
        .iter()
        .zip(&ids)
        .filter_map(|(w, id)| w.map(|w| (*id, Json::Number(w))))
        .collect();
    (!entries.is_empty()).then(|| Json::object(vec![("weights", Json::object(entries))]))
}

fn is_custom(w: &[Option<f64>]) -> bool {
    w.iter()
        .zip(default_weights())
        .any(|(w, d)| w.is_some_and(|w| w != d))
}

// ---------------------------------------------------------------------------------------------
// Invariants of any report
// ---------------------------------------------------------------------------------------------

fn band_of(score: f64) -> &'static str {
    match score {
        s if s >= 80.0 => "strong",
        s if s >= 60.0 => "substantial",
        s if s >= 40.0 => "partial",
        _ => "limited",
    }
}

/// The coverage rule, computed from the rubric and the generated answers alone (the oracle for
/// every `status`): each indicator's answered and applicable element weight, and from them each
/// indicator's and each pillar's status and the pillar's answered share, under `weights`.
struct Coverage {
    indicators: Vec<Status>,
    pillars: Vec<(Status, f64)>,
}

fn coverage(g: &Gen, weights: &[f64]) -> Coverage {
    let els = elements();
    let count = indicator_ids().len();
    let (mut answered, mut applicable) = (vec![0.0; count], vec![0.0; count]);
    let mut indicator_of = Vec::new();
    let mut at = 0;
    for (p, pillar) in rubric().pillars.iter().enumerate() {
        for i in 0..pillar.indicators.len() {
            indicator_of.push((p, i, at));
            at += 1;
        }
    }
    for (n, (p, i, e)) in els.iter().enumerate() {
        let flat = indicator_of
            .iter()
            .find(|(q, j, _)| q == p && j == i)
            .unwrap()
            .2;
        let given = &g.answers[n].given;
        if given.applicable() {
            applicable[flat] += e.weight;
        }
        if given.assessed() {
            answered[flat] += e.weight;
        }
    }
    let indicators: Vec<Status> = (0..count)
        .map(|k| {
            if applicable[k] == 0.0 {
                Status::NotApplicable
            } else if answered[k] / applicable[k] + 1e-9 >= 0.5 {
                Status::Scored
            } else {
                Status::InsufficientData
            }
        })
        .collect();
    let pillars = pillar_ranges()
        .into_iter()
        .map(|range| {
            let (mut sum, mut weight, mut every) = (0.0, 0.0, true);
            let mut any = false;
            for k in range {
                if weights[k] > 0.0 && applicable[k] > 0.0 {
                    any = true;
                    sum += weights[k] * answered[k] / applicable[k];
                    weight += weights[k];
                    every &= answered[k] > 0.0;
                }
            }
            let share = if weight > 0.0 { sum / weight } else { 0.0 };
            let scored = any && every && share + 1e-9 >= 0.7;
            let status = if scored {
                Status::Scored
            } else {
                Status::InsufficientData
            };
            (status, share)
        })
        .collect();
    Coverage {
        indicators,
        pillars,
    }
}

/// The weights a report says it used, in rubric order.
fn used_weights(r: &Report) -> Vec<f64> {
    r.pillars
        .iter()
        .flat_map(|p| p.indicators.iter().map(|i| i.weight))
        .collect()
}

/// Bounds, coverage, counts, states, statuses and bands, against what was generated; and the
/// rule of rules: no pillar or indicator below the coverage rule shows a score or a band.
fn check_report(g: &Gen, r: &Report) {
    let els = elements();
    assert_eq!(r.pillars.len(), rubric().pillars.len());
    let oracle = coverage(g, &used_weights(r));
    let mut flat = 0;
    for (p, pillar) in r.pillars.iter().enumerate() {
        let (status, share) = oracle.pillars[p];
        assert_eq!(pillar.status, status, "{}", pillar.id);
        // A rounding to three decimals of the oracle's share: the oracle sums weights in another
        // order, so at a midpoint (0.6715) the last bit may tip it either way.
        assert!(
            (pillar.answered_weight - share).abs() <= 0.0005 + 1e-9
                && (pillar.answered_weight * 1000.0 - (pillar.answered_weight * 1000.0).round())
                    .abs()
                    < 1e-6,
            "{}: answered weight {} for a share of {}",
            pillar.id,
            pillar.answered_weight,
            share
        );
        assert!(
            pillar.evidence_quality <= pillar.answered_weight + 1e-9,
            "{}",
            pillar.id
        );
        if status != Status::Scored {
            assert_eq!((pillar.score, pillar.band), (None, None), "{}", pillar.id);
            assert!(
                r.recommendations.iter().all(|rec| rec.pillar != pillar.id),
                "{}: a recommendation without a score",
                pillar.id
            );
        } else {
            assert!(pillar.score.is_some(), "{}", pillar.id);
        }
        for indicator in &pillar.indicators {
            let status = oracle.indicators[flat];
            flat += 1;
            assert_eq!(indicator.status, status, "{}", indicator.id);
            assert_eq!(
                indicator.score.is_some(),
                status == Status::Scored,
                "{}",
                indicator.id
            );
            assert_eq!(
                indicator.band.is_some(),
                status == Status::Scored,
                "{}",
                indicator.id
            );
        }
    }
    let mut n = 0;
    for pillar in &r.pillars {
        check_bounds(pillar.id, pillar.score, pillar.lower, pillar.upper);
        assert!((0.0..=1.0).contains(&pillar.coverage), "{}", pillar.id);
        assert_eq!(
            pillar.provisional,
            pillar.assessed < pillar.applicable,
            "{}",
            pillar.id
        );
        let expected = if pillar.applicable == 0 {
            1.0
        } else {
            (pillar.assessed as f64 / pillar.applicable as f64 * 1000.0).round() / 1000.0
        };
        assert_eq!(pillar.coverage, expected, "{}", pillar.id);
        assert_eq!(pillar.band, pillar.score.map(band_of), "{}", pillar.id);
        let (mut assessed, mut applicable) = (0, 0);
        for indicator in &pillar.indicators {
            check_bounds(
                indicator.id,
                indicator.score,
                indicator.lower,
                indicator.upper,
            );
            let (mut ia, mut iapp) = (0, 0);
            for element in &indicator.elements {
                let (_, _, e) = els[n];
                let given = &g.answers[n].given;
                n += 1;
                assert_eq!(element.id, e.id);
                let state = match given {
                    Given::NotAssessed => State::NotAssessed,
                    Given::NotApplicable => State::NotApplicable,
                    Given::NoPublicInformation => State::NoPublicInformation,
                    _ => State::Answered,
                };
                assert_eq!(element.state, state, "{}", e.id);
                check_bounds(e.id, element.score, element.lower, element.upper);
                ia += usize::from(given.assessed());
                iapp += usize::from(given.applicable());
            }
            assert_eq!(
                (indicator.assessed, indicator.applicable),
                (ia, iapp),
                "{}",
                indicator.id
            );
            assert_eq!(indicator.lower.is_some(), iapp > 0, "{}", indicator.id);
            assessed += ia;
            applicable += iapp;
        }
        assert_eq!(
            (pillar.assessed, pillar.applicable),
            (assessed, applicable),
            "{}",
            pillar.id
        );
    }
    assert_eq!(n, els.len());
    let claims = g
        .answers
        .iter()
        .filter(|a| a.given.assessed())
        .collect::<Vec<_>>();
    assert_eq!(r.evidence.answers, claims.len());
    assert_eq!(
        r.evidence.with_evidence,
        claims.iter().filter(|a| a.evidence).count()
    );
    assert!((0.0..=1.0).contains(&r.evidence.share));
}

/// Every score, lower and upper bound of pillars and indicators, in report order.
fn all_figures(r: &Report) -> Vec<(String, Option<f64>)> {
    let mut out = Vec::new();
    for p in &r.pillars {
        out.push((format!("{} score", p.id), p.score));
        out.push((format!("{} lower", p.id), p.lower));
        out.push((format!("{} upper", p.id), p.upper));
        for i in &p.indicators {
            out.push((format!("{} score", i.id), i.score));
            out.push((format!("{} lower", i.id), i.lower));
            out.push((format!("{} upper", i.id), i.upper));
        }
    }
    out
}

/// A strictly better answer to element `e` than `given`, if there is one; `seed` in [0, 1)
/// picks among them.
fn improve(e: &Element, given: &Given, seed: f64) -> Option<Given> {
    let current = given.points(e)?;
    match &e.scale {
        Scale::Options { options } => {
            let better: Vec<_> = options.iter().filter(|c| c.points > current).collect();
            let c =
                better.get(((seed * better.len() as f64) as usize).min(better.len().max(1) - 1))?;
            Some(Given::Option(c.id, c.points))
        }
        Scale::Curve {
            min, max, points, ..
        } => {
            let candidate = min + seed * (max - min);
            if Scale::curve_points(points, candidate) > current {
                return Some(Given::Value(candidate));
            }
            let best = Scale::best_value(points);
            (Scale::curve_points(points, best) > current).then_some(Given::Value(best))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties of the formula
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn bounds_coverage_and_counts_hold(g in gen_strategy(), w in weights_strategy()) {
        let options = weights_json(&w);
        let report = score(&g.to_json(), options.as_ref()).expect("generated profiles are valid");
        check_report(&g, &report);
        let v = validate(&g.to_json(), options.as_ref());
        prop_assert!(v.ok, "{:?}", v.errors);
        prop_assert_eq!(&report.warnings, &v.warnings);
    }

    #[test]
    fn a_better_answer_never_lowers_a_score(
        g in gen_strategy(),
        w in weights_strategy(),
        custom in any::<bool>(),
        pick in any::<usize>(),
        seed in 0.0..1.0f64,
    ) {
        let els = elements();
        let improvable: Vec<(usize, Given)> = (0..els.len())
            .filter_map(|n| improve(els[n].2, &g.answers[n].given, seed).map(|b| (n, b)))
            .collect();
        prop_assume!(!improvable.is_empty());
        let (n, better) = improvable[pick % improvable.len()].clone();
        let options = if custom { weights_json(&w) } else { None };
        let before = score(&g.to_json(), options.as_ref()).unwrap();
        let after = score(&g.set(n, better.clone()).to_json(), options.as_ref()).unwrap();
        for ((what, old), (_, new)) in all_figures(&before).into_iter().zip(all_figures(&after)) {
            prop_assert_eq!(old.is_some(), new.is_some(), "{}", what);
            if let (Some(old), Some(new)) = (old, new) {
                prop_assert!(new >= old, "{} fell from {} to {} when {} became {:?}", what, old, new, els[n].2.id, better);
            }
        }
    }

    #[test]
    fn the_bounds_are_the_scores_of_the_worst_and_best_completions(
        g in gen_strategy(),
        w in weights_strategy(),
        custom in any::<bool>(),
    ) {
        let options = if custom { weights_json(&w) } else { None };
        let report = score(&g.to_json(), options.as_ref()).unwrap();
        let els = elements();
        let complete = |best: bool| {
            let mut c = g.clone();
            for (n, (_, _, e)) in els.iter().enumerate() {
                if c.answers[n].given != Given::NotAssessed {
                    continue;
                }
                c.answers[n].given = match &e.scale {
                    Scale::Options { options } => {
                        let c = extreme(options, best);
                        Given::Option(c.id, c.points)
                    }
                    Scale::Curve { points, .. } => {
                        let target = if best { e.scale.max_points() } else { e.scale.min_points() };
                        Given::Value(points.iter().find(|p| p.1 == target).unwrap().0)
                    }
                };
            }
            score(&c.to_json(), options.as_ref()).unwrap()
        };
        let (worst, best) = (complete(false), complete(true));
        for (n, p) in report.pillars.iter().enumerate() {
            prop_assert_eq!(p.lower, worst.pillars[n].score, "{} lower", p.id);
            prop_assert_eq!(p.upper, best.pillars[n].score, "{} upper", p.id);
            for (i, ind) in p.indicators.iter().enumerate() {
                prop_assert_eq!(ind.lower, worst.pillars[n].indicators[i].score, "{} lower", ind.id);
                prop_assert_eq!(ind.upper, best.pillars[n].indicators[i].score, "{} upper", ind.id);
            }
        }
    }

    #[test]
    fn the_same_input_gives_the_same_report_whatever_the_answer_order(
        g in gen_strategy(),
        other_order in order_strategy(),
        w in weights_strategy(),
    ) {
        let options = weights_json(&w);
        let a = score(&g.to_json(), options.as_ref()).unwrap();
        let b = score(&g.to_json(), options.as_ref()).unwrap();
        prop_assert_eq!(&a, &b);
        let c = score(&g.with_order(&other_order), options.as_ref()).unwrap();
        prop_assert_eq!(&a, &c);
        prop_assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&c).unwrap()
        );
    }

    #[test]
    fn recommendations_are_ranked_bounded_and_true(
        g in gen_strategy(),
        w in weights_strategy(),
        custom in any::<bool>(),
    ) {
        let options = if custom { weights_json(&w) } else { None };
        let default = options.is_none();
        let els = elements();
        let report = score(&g.to_json(), options.as_ref()).unwrap();
        let recs = &report.recommendations;
        prop_assert!(recs.len() <= 10);
        for pair in recs.windows(2) {
            prop_assert!(pair[0].gain >= pair[1].gain, "not sorted: {:?}", recs);
        }
        for r in recs {
            let n = els.iter().position(|(_, _, e)| e.id == r.element).expect("a rubric element");
            let (p, i, e) = els[n];
            let pillar = &rubric().pillars[p];
            prop_assert_eq!(r.pillar, pillar.id);
            prop_assert_eq!(r.indicator, pillar.indicators[i].id);
            let given = &g.answers[n].given;
            let points = given.points(e);
            prop_assert!(points.is_some_and(|x| x < e.scale.max_points()), "{} is not below its best: {:?}", e.id, given);
            prop_assert_eq!(r.option, best_option(e));
            prop_assert_eq!(r.value, best_value(e));
            // Rounded to one decimal; positive whenever an option is involved under the
            // methodology's weights (see recommendation_gains_are_positive for values).
            prop_assert!(r.gain >= 0.0);
            prop_assert_eq!((r.gain * 10.0).round() / 10.0, r.gain);
            if default && matches!(e.scale, Scale::Options { .. }) {
                prop_assert!(r.gain > 0.0, "{:?}", r);
            }
            // Applying it raises the pillar by the gain, and nothing else.
            let best = match (r.option, r.value) {
                (Some(id), None) => {
                    let Scale::Options { options: choices } = &e.scale else { unreachable!() };
                    let c = choices.iter().find(|c| c.id == id).unwrap();
                    Given::Option(c.id, c.points)
                }
                (None, Some(v)) => Given::Value(v),
                other => panic!("a recommendation names an option or a value: {other:?}"),
            };
            prop_assert_eq!(best.points(e), Some(e.scale.max_points()));
            let after = score(&g.set(n, best).to_json(), options.as_ref()).unwrap();
            let (old, new) = (report.pillars[p].score.unwrap(), after.pillars[p].score.unwrap());
            prop_assert!(
                ((new - old) - r.gain).abs() <= 0.1 + 1e-9,
                "{}: gain {} but the score went from {} to {}", e.id, r.gain, old, new
            );
            for (q, other) in report.pillars.iter().enumerate().filter(|(q, _)| *q != p) {
                prop_assert_eq!(other.score, after.pillars[q].score);
            }
        }
        // Under the methodology's weights every assessed option answer below its best earns a
        // place, until the list is full.
        if default && recs.len() < 10 {
            for (n, (_, _, e)) in els.iter().enumerate() {
                let scored = report.pillars[els[n].0].status == Status::Scored;
                let below = scored
                    && matches!(e.scale, Scale::Options { .. })
                    && g.answers[n].given.points(e).is_some_and(|x| x < e.scale.max_points());
                if below {
                    prop_assert!(recs.iter().any(|r| r.element == e.id), "{} missing from {:?}", e.id, recs);
                }
            }
        }
    }

    #[test]
    fn the_best_answers_score_100_and_the_worst_0(
        best in any::<bool>(),
        order in order_strategy(),
        evidence in proptest::collection::vec(any::<bool>(), elements().len()),
        high in 90.0..=100.0f64,
    ) {
        let answers = elements()
            .into_iter()
            .zip(&evidence)
            .map(|((_, _, e), &evidence)| {
                let given = match &e.scale {
                    Scale::Options { options } => {
                        let c = extreme(options, best);
                        Given::Option(c.id, c.points)
                    }
                    // O5.1 (fees) earns 100 only at 0 and 0 from 200,000; O6.3 (hybrid share)
                    // earns 100 from 90 percent.
                    Scale::Curve { points, .. } => {
                        let v = match (best, e.id) {
                            (true, "O6.3") => high,
                            (true, _) => Scale::best_value(points),
                            (false, "O5.1") => 200_000.0 + (high - 90.0) * 100_000.0,
                            // O5.4 (meeting days) earns 0 from 60 days a year.
                            (false, "O5.4") => 60.0 + (high - 90.0) * 30.0,
                            (false, _) => points[0].0,
                        };
                        Given::Value(v)
                    }
                };
                Answer { given, evidence, note: false }
            })
            .collect();
        let g = Gen { answers, order, dated: true };
        let report = score(&g.to_json(), None).unwrap();
        check_report(&g, &report);
        let (target, band) = if best { (100.0, "strong") } else { (0.0, "limited") };
        for p in &report.pillars {
            prop_assert_eq!((p.score, p.lower, p.upper), (Some(target), Some(target), Some(target)));
            prop_assert_eq!(p.band, Some(band));
            prop_assert_eq!(p.coverage, 1.0);
            prop_assert!(!p.provisional);
        }
        if best {
            prop_assert!(report.recommendations.is_empty());
        } else {
            prop_assert_eq!(report.recommendations.len(), 10);
        }
    }

    #[test]
    fn one_status_everywhere(status in 0..3u8, order in order_strategy(), note in any::<bool>()) {
        let given = match status {
            0 => Given::NoPublicInformation,
            1 => Given::NotApplicable,
            _ => Given::NotAssessed,
        };
        let g = Gen {
            answers: vec![Answer { given: given.clone(), evidence: false, note }; elements().len()],
            order,
            dated: true,
        };
        let report = score(&g.to_json(), None).unwrap();
        check_report(&g, &report);
        for p in &report.pillars {
            let expected = match given {
                Given::NoPublicInformation => (Status::Scored, Some(0.0), Some(0.0), Some(0.0), Some("limited"), 1.0, false),
                // Nothing applies: nothing to score.
                Given::NotApplicable => (Status::InsufficientData, None, None, None, None, 1.0, false),
                _ => (Status::InsufficientData, None, Some(0.0), Some(100.0), None, 0.0, true),
            };
            prop_assert_eq!((p.status, p.score, p.lower, p.upper, p.band, p.coverage, p.provisional), expected);
        }
        prop_assert!(report.recommendations.is_empty() || given == Given::NoPublicInformation);
    }

    #[test]
    fn weights_equal_to_the_defaults_are_not_custom(
        g in gen_strategy(),
        named in proptest::collection::vec(any::<bool>(), default_weights().len()),
        change in any::<usize>(),
        by in 0.5..10.0f64,
    ) {
        let defaults = default_weights();
        let same: Vec<Option<f64>> = named.iter().zip(&defaults).map(|(&n, &d)| n.then_some(d)).collect();
        let plain = score(&g.to_json(), None).unwrap();
        let options = weights_json(&same).unwrap_or_else(|| Json::object(vec![("weights", Json::object(vec![]))]));
        let report = score(&g.to_json(), Some(&options)).unwrap();
        prop_assert_eq!(report.weights, WeightsKind::Default);
        prop_assert_eq!(&report, &plain);
        prop_assert_eq!(serde_json::to_value(report.weights).unwrap(), serde_json::json!("default"));
        // Any one weight changed makes them custom.
        let mut changed = same;
        let k = change % defaults.len();
        changed[k] = Some(defaults[k] + by);
        prop_assert!(is_custom(&changed));
        let custom = weights_json(&changed).unwrap();
        let report = score(&g.to_json(), Some(&custom)).unwrap();
        prop_assert_eq!(report.weights, WeightsKind::Custom);
        prop_assert_eq!(serde_json::to_value(report.weights).unwrap(), serde_json::json!("custom"));
        let c = compare(&Json::Array(vec![g.to_json()]), Some(&custom)).unwrap();
        prop_assert_eq!(c.weights, WeightsKind::Custom);
        prop_assert_eq!(&c.reports[0], &report);
    }
}

// ---------------------------------------------------------------------------------------------
// Comparison and sensitivity
// ---------------------------------------------------------------------------------------------

fn sensitivity_options(draws: u32, seed: u32, spread: f64, w: &[Option<f64>]) -> Json {
    let mut entries = vec![
        ("draws", Json::Number(f64::from(draws))),
        ("seed", Json::Number(f64::from(seed))),
        ("spread", Json::Number(spread)),
    ];
    if let Some(Json::Object(mut weights)) = weights_json(w) {
        entries.push(("weights", weights.remove(0).1));
    }
    Json::object(entries)
}

fn score_options(w: &[Option<f64>]) -> Option<Json> {
    weights_json(w)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn comparisons_rank_scored_profiles_by_their_ranges(
        gens in proptest::collection::vec(gen_strategy(), 1..6),
        w in weights_strategy(),
    ) {
        let profiles = Json::Array(gens.iter().map(Gen::to_json).collect());
        let options = score_options(&w);
        let c = compare(&profiles, options.as_ref()).unwrap();
        prop_assert_eq!(c.reports.len(), gens.len());
        for (g, r) in gens.iter().zip(&c.reports) {
            prop_assert_eq!(r, &score(&g.to_json(), options.as_ref()).unwrap());
        }
        for (p, ranking) in c.rankings.iter().enumerate() {
            prop_assert_eq!(ranking.pillar, rubric().pillars[p].id);
            prop_assert_eq!(ranking.order.len(), gens.len());
            let pillar = |n: usize| &c.reports[n].pillars[p];
            let scored = |n: usize| pillar(n).status == Status::Scored;
            for place in &ranking.order {
                let me = pillar(place.index);
                prop_assert_eq!((place.status, place.score, place.lower, place.upper), (me.status, me.score, me.lower, me.upper));
                if !scored(place.index) {
                    // No rank where the data cannot support one.
                    prop_assert_eq!((place.rank, place.lowest_rank), (None, None));
                    prop_assert!(place.indistinguishable.is_empty());
                    prop_assert!(ranking.order.iter().all(|o| !o.indistinguishable.contains(&place.index)));
                    continue;
                }
                let (lo, hi) = (me.lower.unwrap(), me.upper.unwrap());
                let others: Vec<usize> = (0..gens.len()).filter(|&n| n != place.index && scored(n)).collect();
                let certainly_above = others.iter().filter(|&&n| pillar(n).lower.unwrap() > hi).count();
                let could_be_above = others.iter().filter(|&&n| pillar(n).upper.unwrap() > lo).count();
                let ties: Vec<usize> = others.iter().copied().filter(|&n| {
                    pillar(n).lower.unwrap() <= hi && pillar(n).upper.unwrap() >= lo
                }).collect();
                prop_assert_eq!(place.rank, Some(1 + certainly_above));
                prop_assert_eq!(place.lowest_rank, Some(1 + could_be_above));
                prop_assert!(place.rank <= place.lowest_rank);
                prop_assert_eq!(&place.indistinguishable, &ties);
                // Complete profiles rank by points, as a competition ranking.
                if lo == hi {
                    let higher = others.iter().filter(|&&n| {
                        pillar(n).lower == pillar(n).upper && pillar(n).score.unwrap() > me.score.unwrap()
                    }).count();
                    if others.iter().all(|&n| pillar(n).lower == pillar(n).upper) {
                        prop_assert_eq!(place.rank, Some(1 + higher));
                    }
                }
            }
            // Ranked first (by rank, then score, then input order), unranked last in input order.
            for pair in ranking.order.windows(2) {
                let key = |pl: &sdo_openness::compare::Place| (pl.rank.is_none(), pl.rank.unwrap_or(0));
                let (a, b) = (&pair[0], &pair[1]);
                prop_assert!(key(a) <= key(b));
                if key(a) == key(b) {
                    let (sa, sb) = (a.score.unwrap_or(0.0), b.score.unwrap_or(0.0));
                    prop_assert!(sa > sb || (sa == sb && a.index < b.index));
                }
            }
        }
    }

    #[test]
    fn sensitivity_is_seeded_and_honest_about_missing_data(
        gens in proptest::collection::vec(gen_strategy(), 1..5),
        draws in 1u32..60,
        seed in any::<u32>(),
        spread in prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64],
        w in weights_strategy(),
    ) {
        let profiles = Json::Array(gens.iter().map(Gen::to_json).collect());
        let options = sensitivity_options(draws, seed, spread, &w);
        let a = sensitivity(&profiles, Some(&options)).unwrap();
        let b = sensitivity(&profiles, Some(&options)).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!((a.draws, a.seed, a.spread), (draws, seed, spread));
        let reports: Vec<Report> = gens
            .iter()
            .map(|g| score(&g.to_json(), score_options(&w).as_ref()).unwrap())
            .collect();
        let complete = |n: usize, p: usize| {
            let r = &reports[n].pillars[p];
            r.lower == r.upper
        };
        for (p, pillar) in a.pillars.iter().enumerate() {
            prop_assert_eq!(pillar.pillar, rubric().pillars[p].id);
            prop_assert_eq!(pillar.profiles.len(), gens.len());
            let base_scores: Vec<Option<f64>> = reports.iter().map(|r| r.pillars[p].score).collect();
            for (n, base) in pillar.profiles.iter().enumerate() {
                prop_assert_eq!(base.index, n);
                prop_assert_eq!((base.status, base.score), (reports[n].pillars[p].status, base_scores[n]));
                let higher = base_scores.iter().flatten().filter(|&&o| Some(o) > base_scores[n]).count();
                prop_assert_eq!(base.rank, base_scores[n].map(|_| 1 + higher));
            }
            for (name, analysis) in [("weights", &pillar.weights), ("missing", &pillar.missing), ("both", &pillar.both)] {
                prop_assert_eq!(analysis.profiles.len(), gens.len());
                for (n, spread_of) in analysis.profiles.iter().enumerate() {
                    prop_assert_eq!(spread_of.index, n);
                    prop_assert!((0.0..=1.0).contains(&spread_of.scored));
                    prop_assert_eq!(spread_of.rank_stability.is_some(), base_scores[n].is_some(), "{}", name);
                    match (spread_of.p5, spread_of.p50, spread_of.p95) {
                        (Some(p5), Some(p50), Some(p95)) => {
                            prop_assert!(p5 <= p50 && p50 <= p95, "{} {} {}", p5, p50, p95);
                            prop_assert!((0.0..=100.0).contains(&p5) && (0.0..=100.0).contains(&p95));
                            // A draw never leaves the range the missing answers allow.
                            let r = &reports[n].pillars[p];
                            if name == "missing" {
                                prop_assert!(r.lower.unwrap() - 0.05 <= p5 && p95 <= r.upper.unwrap() + 0.05, "{:?} outside {:?}–{:?}", spread_of, r.lower, r.upper);
                            }
                        }
                        (None, None, None) => prop_assert_eq!(spread_of.scored, 0.0),
                        other => prop_assert!(false, "partial percentiles {:?}", other),
                    }
                    if let Some(share) = spread_of.rank_stability {
                        prop_assert!((0.0..=1.0).contains(&share));
                    }
                    // Filled profiles are complete, so every applicable pillar has a score in every draw.
                    if name != "weights" && reports[n].pillars[p].lower.is_some() {
                        prop_assert_eq!(spread_of.scored, 1.0, "{}", name);
                    }
                    // Unperturbed weights change nothing for a scored pillar.
                    if name == "weights" && spread == 0.0 {
                        let expected = base_scores[n];
                        prop_assert_eq!((spread_of.p5, spread_of.p50, spread_of.p95), (expected, expected, expected));
                        prop_assert_eq!(spread_of.scored, if expected.is_some() { 1.0 } else { 0.0 });
                        if expected.is_some() {
                            prop_assert_eq!(spread_of.rank_stability, Some(1.0));
                        }
                    }
                    // Nothing is missing from a complete profile.
                    if name == "missing" && complete(n, p) && base_scores[n].is_some() {
                        let expected = base_scores[n];
                        prop_assert_eq!((spread_of.p5, spread_of.p50, spread_of.p95), (expected, expected, expected));
                    }
                }
                for pair in &analysis.pairs {
                    prop_assert!(pair.higher != pair.lower);
                    prop_assert!(pair.share >= pair.reverse, "{:?}", pair);
                    prop_assert!(pair.share > 0.0 && pair.share + pair.reverse <= 1.001 + 1e-9, "{:?}", pair); // each rounded to 0.001
                }
                if name == "weights" && spread == 0.0 {
                    for x in 0..gens.len() {
                        for y in 0..gens.len() {
                            if let (Some(sx), Some(sy)) = (base_scores[x], base_scores[y]) {
                                if sx > sy {
                                    prop_assert!(
                                        analysis.pairs.iter().any(|q| q.higher == x && q.lower == y && q.share == 1.0),
                                        "pair ({}, {}) missing", x, y
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every element of pillar `p` answered with its best answer, except those in `with`.
fn complete_pillar(p: usize, with: &[(&str, &str)]) -> Json {
    let mut answers = Vec::new();
    for (q, _, e) in elements() {
        if q != p {
            continue;
        }
        let entry = match with.iter().find(|(id, _)| *id == e.id) {
            Some((_, json)) => Json::parse(json).unwrap(),
            None => match (best_option(e), best_value(e)) {
                (Some(id), _) => Json::object(vec![("option", s(id))]),
                (None, Some(v)) => Json::object(vec![("value", Json::Number(v))]),
                _ => unreachable!(),
            },
        };
        answers.push((e.id.to_string(), entry));
    }
    Json::object(vec![
        ("schema", s(SCHEMA)),
        ("process", Json::object(vec![("name", s("x"))])),
        ("answers", Json::Object(answers)),
    ])
}

/// A recommendation is reported with gain 0.0 when the raw gain is below 0.05.
#[test]
fn recommendation_gains_are_positive() {
    let p = complete_pillar(0, &[("O6.3", r#"{"value": 89.99}"#)]);
    let report = score(&p, None).unwrap();
    assert_eq!(report.pillars[0].status, Status::Scored);
    assert_eq!(report.pillars[0].score, Some(100.0));
    for r in &report.recommendations {
        assert!(r.gain > 0.0, "{r:?}");
    }
}

/// `compare` and `sensitivity` rank on published (rounded) scores.
#[test]
fn sensitivity_ranks_agree_with_compare() {
    let p = |v: f64| complete_pillar(0, &[("O6.3", &format!(r#"{{"value": {v}}}"#))]);
    let profiles = Json::Array(vec![p(89.99), p(90.0)]);
    let c = compare(&profiles, None).unwrap();
    let s = sensitivity(
        &profiles,
        Some(&Json::parse(r#"{"draws":10,"spread":0}"#).unwrap()),
    )
    .unwrap();
    let open = &s.pillars[0];
    for place in &c.rankings[0].order {
        assert_eq!(place.status, Status::Scored);
        assert_eq!(
            open.profiles[place.index].score, place.score,
            "same base score"
        );
        assert_eq!(open.profiles[place.index].rank, place.rank, "same rank");
    }
    assert!(open.weights.pairs.is_empty(), "{:?}", open.weights.pairs);
    assert!(open.missing.pairs.is_empty(), "{:?}", open.missing.pairs);
}

/// The example of the issue that asked for the coverage rule: one answer is not a score.
#[test]
fn one_answer_is_not_a_score() {
    let p = Json::parse(&format!(
        r#"{{"schema":"{SCHEMA}","process":{{"name":"x"}},"answers":{{"O1.1":{{"option":"public"}}}}}}"#
    ))
    .unwrap();
    let report = score(&p, None).unwrap();
    let open = &report.pillars[0];
    assert_eq!(
        (open.status, open.score, open.band),
        (Status::InsufficientData, None, None)
    );
    assert!(open.lower < open.upper);
    assert!(report.recommendations.is_empty());
    let c = compare(&Json::Array(vec![p.clone(), p]), None).unwrap();
    assert!(c
        .rankings
        .iter()
        .all(|r| r.order.iter().all(|o| o.rank.is_none())));
}

// ---------------------------------------------------------------------------------------------
// Robustness: nothing panics, and validate agrees with score
// ---------------------------------------------------------------------------------------------

fn interesting_strings() -> Vec<String> {
    let mut out: Vec<String> = [
        SCHEMA,
        "sdo-openness/profile/v2",
        "no-public-information",
        "not-applicable",
        "2026-11-01",
        "2024-02-29",
        "2026-02-30",
        "2026-11-01T09:00:00Z",
        "https://example.org/drafts",
        "HTTP://example.org",
        "https://",
        "javascript:alert(1)",
        "",
        " ",
        "é",
        "👩🏽‍💻",
        "O1.l",
        "publik",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.push("x".repeat(201));
    out.push("€".repeat(1500));
    for (_, _, e) in elements() {
        out.push(e.id.into());
        if let Scale::Options { options } = &e.scale {
            out.extend(options.iter().map(|c| c.id.to_string()));
        }
    }
    out.extend(indicator_ids().into_iter().map(String::from));
    out
}

fn keys() -> Vec<String> {
    let mut out: Vec<String> = [
        "schema",
        "$schema",
        "process",
        "answers",
        "name",
        "organization",
        "scope",
        "url",
        "assessedOn",
        "assessor",
        "illustrative",
        "option",
        "value",
        "status",
        "note",
        "evidence",
        "checkedOn",
        "weights",
        "asOf",
        "draws",
        "seed",
        "spread",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.extend(elements().into_iter().map(|(_, _, e)| e.id.to_string()));
    out.extend(indicator_ids().into_iter().map(String::from));
    out
}

fn key_strategy() -> BoxedStrategy<String> {
    prop_oneof![4 => proptest::sample::select(keys()), 1 => ".{0,8}"].boxed()
}

fn number_strategy() -> BoxedStrategy<f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        (-5i32..=10_001).prop_map(f64::from),
        -1.0..=101.0f64,
        Just(4_294_967_296.0),
        Just(1e7),
        Just(1e7 + 1.0),
    ]
    .boxed()
}

fn arb_json() -> BoxedStrategy<Json> {
    let leaf = prop_oneof![
        1 => Just(Json::Null),
        1 => any::<bool>().prop_map(Json::Bool),
        2 => number_strategy().prop_map(Json::Number),
        3 => prop_oneof![4 => proptest::sample::select(interesting_strings()), 1 => ".{0,16}"]
            .prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec((key_strategy(), inner), 0..6).prop_map(Json::Object),
        ]
    })
    .boxed()
}

/// A leaf that fits somewhere in a profile: an id, a status, a date, a URL, a number.
fn plausible_leaf() -> BoxedStrategy<Json> {
    prop_oneof![
        3 => proptest::sample::select(interesting_strings()).prop_map(Json::String),
        2 => number_strategy().prop_map(Json::Number),
        1 => any::<bool>().prop_map(Json::Bool),
        1 => Just(Json::Null),
    ]
    .boxed()
}

fn some_of(keys: &[&str]) -> BoxedStrategy<String> {
    proptest::sample::select(keys.iter().map(|k| k.to_string()).collect::<Vec<_>>()).boxed()
}

/// Trees shaped like a profile, with anything inside.
fn profileish() -> BoxedStrategy<Json> {
    let value = || prop_oneof![4 => plausible_leaf(), 1 => arb_json()];
    let evidence = proptest::collection::vec(
        proptest::collection::vec(
            (
                prop_oneof![4 => some_of(&["url", "note", "checkedOn"]), 1 => key_strategy()],
                value(),
            ),
            0..3,
        )
        .prop_map(Json::Object),
        0..3,
    )
    .prop_map(Json::Array);
    let answer = (
        proptest::collection::vec(
            (
                prop_oneof![6 => some_of(&["option", "value", "status"]), 1 => key_strategy()],
                value(),
            ),
            1..3,
        ),
        proptest::option::of(value()),
        proptest::option::of(prop_oneof![3 => evidence, 1 => arb_json()]),
    )
        .prop_map(|(mut entries, note, evidence)| {
            if let Some(n) = note {
                entries.push(("note".into(), n));
            }
            if let Some(e) = evidence {
                entries.push(("evidence".into(), e));
            }
            Json::Object(entries)
        });
    let element_ids: Vec<String> = elements()
        .iter()
        .map(|(_, _, e)| e.id.to_string())
        .collect();
    let answers = proptest::collection::vec(
        (
            prop_oneof![6 => proptest::sample::select(element_ids), 1 => key_strategy()],
            prop_oneof![6 => answer, 1 => arb_json()],
        ),
        0..8,
    )
    .prop_map(Json::Object);
    let process = (
        prop_oneof![
            6 => proptest::sample::select(interesting_strings()).prop_map(|n| Some(Json::String(n))),
            1 => plausible_leaf().prop_map(Some),
            1 => Just(None),
        ],
        proptest::collection::vec(
            (
                prop_oneof![
                    4 => some_of(&["organization", "scope", "url", "assessedOn", "assessor", "illustrative"]),
                    1 => key_strategy()
                ],
                value(),
            ),
            0..4,
        ),
    )
        .prop_map(|(name, mut entries)| {
            if let Some(n) = name {
                entries.insert(0, ("name".into(), n));
            }
            Json::Object(entries)
        });
    (
        prop_oneof![6 => Just(Some(s(SCHEMA))), 1 => arb_json().prop_map(Some), 1 => Just(None)],
        prop_oneof![8 => process.prop_map(Some), 1 => arb_json().prop_map(Some), 1 => Just(None)],
        prop_oneof![8 => answers.prop_map(Some), 1 => arb_json().prop_map(Some), 1 => Just(None)],
        prop_oneof![4 => Just(None), 1 => (key_strategy(), arb_json()).prop_map(Some)],
    )
        .prop_map(|(schema, process, answers, extra)| {
            let mut entries = Vec::new();
            if let Some(v) = schema {
                entries.push(("schema".to_string(), v));
            }
            if let Some(v) = process {
                entries.push(("process".to_string(), v));
            }
            if let Some(v) = answers {
                entries.push(("answers".to_string(), v));
            }
            if let Some(kv) = extra {
                entries.push(kv);
            }
            Json::Object(entries)
        })
        .boxed()
}

/// Options for `score`, `validate` and `compare`: none, valid weights, or anything.
fn options_strategy() -> BoxedStrategy<Option<Json>> {
    prop_oneof![
        2 => Just(None),
        1 => weights_strategy().prop_map(|w| weights_json(&w)),
        1 => proptest::collection::vec(
            (
                prop_oneof![proptest::sample::select(vec!["weights".to_string(), "asOf".to_string()]), key_strategy()],
                prop_oneof![arb_json(), proptest::collection::vec((key_strategy(), number_strategy().prop_map(Json::Number)), 0..4).prop_map(Json::Object)],
            ),
            0..3,
        )
        .prop_map(|e| Some(Json::Object(e))),
        1 => arb_json().prop_map(Some),
    ]
    .boxed()
}

/// Replaces the subtree reached by `path` (each step an index into an object's entries or an
/// array's items, modulo their number) with `with`, or inserts `with` under `key` there.
fn mutate(at: &mut Json, path: &[usize], with: Json, key: Option<String>) {
    if let Some((&i, rest)) = path.split_first() {
        match at {
            Json::Object(entries) if !entries.is_empty() => {
                let n = i % entries.len();
                return mutate(&mut entries[n].1, rest, with, key);
            }
            Json::Array(items) if !items.is_empty() => {
                let n = i % items.len();
                return mutate(&mut items[n], rest, with, key);
            }
            _ => {}
        }
    }
    match (key, at) {
        (Some(key), Json::Object(entries)) => {
            let n = path.first().copied().unwrap_or(0) % (entries.len() + 1);
            entries.insert(n, (key, with));
        }
        (_, at) => *at = with,
    }
}

fn mutated() -> BoxedStrategy<Json> {
    (
        gen_strategy(),
        prop_oneof![
            1 => proptest::collection::vec(any::<usize>(), 0..2),
            4 => proptest::collection::vec(any::<usize>(), 2..6),
        ],
        prop_oneof![3 => plausible_leaf(), 1 => arb_json()],
        prop_oneof![3 => Just(None), 1 => key_strategy().prop_map(Some)],
    )
        .prop_map(|(g, path, with, key)| {
            let mut tree = g.to_json();
            mutate(&mut tree, &path, with, key);
            tree
        })
        .boxed()
}

fn minimal_profile() -> Json {
    Json::object(vec![
        ("schema", s(SCHEMA)),
        ("process", Json::object(vec![("name", s("x"))])),
        ("answers", Json::object(vec![])),
    ])
}

fn within_first(path: &str) -> String {
    if path.is_empty() || path.starts_with('[') {
        format!("[0]{path}")
    } else {
        format!("[0].{path}")
    }
}

/// Calls every entry point; checks they agree with each other.
fn check_consistent(x: &Json, options: Option<&Json>) -> Result<(), TestCaseError> {
    let scored = score(x, options);
    let v = validate(x, options);
    prop_assert_eq!(
        v.ok,
        scored.is_ok(),
        "validate {:?} vs score {:?}",
        v.errors,
        scored.as_ref().err()
    );
    prop_assert_eq!(v.ok, v.errors.is_empty());
    prop_assert!(v.errors.len() <= 100);
    if let Err(e) = &scored {
        prop_assert_eq!(v.errors.first(), Some(e));
    }
    if let Ok(report) = &scored {
        for p in &report.pillars {
            check_bounds(p.id, p.score, p.lower, p.upper);
            prop_assert_eq!(p.provisional, p.assessed < p.applicable);
            prop_assert!((0.0..=1.0).contains(&p.coverage));
        }
        prop_assert!(report.recommendations.len() <= 10);
        serde_json::to_string(report).expect("reports serialize");
    }
    // In a comparison of one, the same outcome: the options' own error as it is, a profile's
    // error with its path prefixed by `[0]`.
    let one = Json::Array(vec![x.clone()]);
    let options_ok = validate(&minimal_profile(), options).ok;
    match (compare(&one, options), &scored) {
        (Ok(c), Ok(r)) => prop_assert_eq!(&c.reports[0], r),
        (Err(ce), Err(e)) if !options_ok => prop_assert_eq!(&ce, e),
        (Err(ce), Err(e)) => {
            prop_assert_eq!(ce.code(), e.code());
            prop_assert_eq!(ce.path(), within_first(e.path()));
            prop_assert_eq!(ce.to_string(), e.to_string());
        }
        (c, _) => prop_assert!(false, "compare {:?} but score {:?}", c.err(), scored.err()),
    }
    // Sensitivity of one, with few draws: fails exactly when the profile does.
    let quick = Json::object(vec![("draws", Json::Number(20.0))]);
    let plain = score(x, None);
    let analysed = sensitivity(&one, Some(&quick));
    prop_assert_eq!(analysed.is_ok(), plain.is_ok());
    if let (Err(a), Err(p)) = (&analysed, &plain) {
        prop_assert_eq!(a.path(), within_first(p.path()));
    }
    // The tree itself as a list, and the options as sensitivity options: no panic.
    let _ = compare(x, options);
    let _ = sensitivity(x, Some(&quick));
    if let Some(o) = options {
        let small = match o {
            Json::Object(entries) => Json::Object(
                entries
                    .iter()
                    .filter(|(k, _)| k != "draws")
                    .cloned()
                    .chain([("draws".to_string(), Json::Number(5.0))])
                    .collect(),
            ),
            other => other.clone(),
        };
        let _ = sensitivity(&one, Some(&small));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_trees_never_panic(x in arb_json(), options in options_strategy()) {
        check_consistent(&x, options.as_ref())?;
    }

    #[test]
    fn profile_shaped_trees_never_panic(x in profileish(), options in options_strategy()) {
        check_consistent(&x, options.as_ref())?;
    }

    #[test]
    fn mutated_profiles_never_panic(x in mutated(), options in options_strategy()) {
        check_consistent(&x, options.as_ref())?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,64}", g in gen_strategy(), cut in any::<usize>()) {
        let _ = Json::parse(&text);
        // Valid profile text cut anywhere.
        let full = to_text(&g.to_json());
        let mut at = cut % (full.len() + 1);
        while !full.is_char_boundary(at) {
            at -= 1;
        }
        if let Ok(tree) = Json::parse(&full[..at]) {
            check_consistent(&tree, None)?;
        }
        let tree = Json::parse(&full).expect("whole text parses");
        prop_assert!(score(&tree, None).is_ok());
    }
}

/// The same as [`to_text`], one value per line, indented.
fn to_pretty_text(j: &Json, indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let close = "  ".repeat(indent);
    match j {
        Json::Array(items) if !items.is_empty() => format!(
            "[\n{}\n{close}]",
            items
                .iter()
                .map(|v| format!("{pad}{}", to_pretty_text(v, indent + 1)))
                .collect::<Vec<_>>()
                .join(",\n")
        ),
        Json::Object(entries) if !entries.is_empty() => format!(
            "{{\r\n{}\r\n{close}}}",
            entries
                .iter()
                .map(|(k, v)| format!(
                    "{pad}{}:\t{}",
                    serde_json::to_string(k).unwrap(),
                    to_pretty_text(v, indent + 1)
                ))
                .collect::<Vec<_>>()
                .join(",\r\n")
        ),
        other => to_text(other),
    }
}

/// JSON text of a tree (finite numbers only), keys in order, duplicates kept.
fn to_text(j: &Json) -> String {
    match j {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(x) => serde_json::to_string(x).unwrap(),
        Json::String(s) => serde_json::to_string(s).unwrap(),
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(to_text).collect::<Vec<_>>().join(",")
        ),
        Json::Object(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), to_text(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON text parser
// ---------------------------------------------------------------------------------------------

/// The same tree with every non-finite number replaced, so that it can be written as text.
fn finite(j: Json) -> Json {
    match j {
        Json::Number(x) if !x.is_finite() => Json::Number(0.0),
        Json::Array(items) => Json::Array(items.into_iter().map(finite).collect()),
        Json::Object(entries) => {
            Json::Object(entries.into_iter().map(|(k, v)| (k, finite(v))).collect())
        }
        other => other,
    }
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
}

/// JSON text of arbitrary trees, sometimes broken by a few edits with JSON's own characters.
fn json_text() -> BoxedStrategy<String> {
    let alphabet: Vec<char> = "{}[]\":,.-+eE019 \n\ttrufalsn\\/xé\u{1}".chars().collect();
    let c = proptest::sample::select(alphabet);
    let edit = prop_oneof![
        (any::<usize>(), c.clone()).prop_map(|(at, c)| Edit::Insert(at, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), c).prop_map(|(at, c)| Edit::Replace(at, c)),
    ];
    (
        arb_json().prop_map(finite),
        proptest::collection::vec(edit, 0..4),
        any::<bool>(),
    )
        .prop_map(|(tree, edits, pretty)| {
            let text = if pretty {
                to_pretty_text(&tree, 0)
            } else {
                to_text(&tree)
            };
            let mut chars: Vec<char> = text.chars().collect();
            for e in edits {
                let n = chars.len();
                match e {
                    Edit::Insert(at, c) => chars.insert(at % (n + 1), c),
                    Edit::Delete(at) if n > 0 => {
                        chars.remove(at % n);
                    }
                    Edit::Replace(at, c) if n > 0 => chars[at % n] = c,
                    _ => {}
                }
            }
            chars.into_iter().collect()
        })
        .boxed()
}

/// Our tree and serde_json's reading of the same text agree (serde_json keeps the last of
/// duplicate keys). Numbers agree to a few units in the last place: ours is the nearest f64
/// (tests/numbers.rs holds that against `str::parse`), serde_json's, without its
/// `float_roundtrip` feature, may be a few units off.
fn same(a: &Json, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (Json::Null, V::Null) => true,
        (Json::Bool(x), V::Bool(y)) => x == y,
        (Json::Number(x), V::Number(y)) => {
            let y = y.as_f64().expect("finite");
            let ordinal = |v: f64| {
                let magnitude = (v.to_bits() & !(1 << 63)) as i64;
                if v.is_sign_negative() {
                    -magnitude
                } else {
                    magnitude
                }
            };
            *x == y || ordinal(*x).abs_diff(ordinal(y)) <= 16
        }
        (Json::String(x), V::String(y)) => x == y,
        (Json::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), V::Object(y)) => {
            let last: std::collections::BTreeMap<&str, &Json> =
                x.iter().map(|(k, v)| (k.as_str(), v)).collect();
            last.len() == y.len()
                && last
                    .iter()
                    .all(|(k, v)| y.get(*k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn the_parser_agrees_with_serde_json(text in json_text()) {
        let ours = Json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{:?}\nours   {:?}\ntheirs {:?}", text, a, b),
            (Err(e), Err(_)) => prop_assert_eq!(e.code(), "invalid-json", "{:?}", text),
            // serde_json refuses what JSON text may hold but f64 cannot; the engine reads it as
            // infinity, which validation rejects as not finite.
            (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
            // serde_json refuses lone surrogates; the engine keeps the text readable with U+FFFD.
            (Ok(_), Err(e)) if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") => {}
            _ => prop_assert!(false, "{:?}\nours   {:?}\ntheirs {:?}", text, ours, theirs),
        }
        if let Ok(tree) = &ours {
            check_consistent(tree, None)?;
        }
    }

    #[test]
    fn whole_and_short_decimals_parse_exactly(
        int in -10_000_000i64..=10_000_000,
        frac in 0u32..10_000,
        digits in 0usize..=4,
    ) {
        let text = if digits == 0 {
            int.to_string()
        } else {
            format!("{int}.{:0width$}", frac % 10u32.pow(digits as u32), width = digits)
        };
        let expected: f64 = text.parse().unwrap();
        prop_assert_eq!(Json::parse(&text).unwrap(), Json::Number(expected), "{}", text);
    }
}

#[test]

fn tiny_normal_numbers_are_not_zero() {
    let Json::Number(x) = Json::parse("1000000000000000000e-325").unwrap() else {
        panic!("a number")
    };
    assert!((x / 1e-307 - 1.0).abs() < 1e-12, "{x}");
}

#[test]

fn a_lone_high_surrogate_keeps_the_next_escape() {
    assert_eq!(
        Json::parse(r#""\ud800\u0041""#).unwrap(),
        Json::String("\u{FFFD}A".into())
    );
}

/// Valid JSON as serde_json writes it, numbers kept to what the parser reads exactly: integers
/// within 2^53, and decimals of up to 9 digits scaled by at most 10^-12.
fn serde_value() -> BoxedStrategy<serde_json::Value> {
    use serde_json::Value as V;
    let number = prop_oneof![
        (-(1i64 << 53)..=1 << 53).prop_map(V::from),
        (-999_999_999i64..=999_999_999, 0i32..=12)
            .prop_map(|(m, k)| V::from(m as f64 / 10f64.powi(k))),
        Just(V::from(-0.0)),
    ];
    let leaf = prop_oneof![
        Just(V::Null),
        any::<bool>().prop_map(V::Bool),
        number,
        any::<String>().prop_map(V::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(V::Array),
            proptest::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|entries| V::Object(entries.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Text with every character outside ASCII written as a `\u` escape (astral ones as surrogate
/// pairs): valid JSON, as they only occur inside strings.
fn ascii_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// The tree and serde_json's value are the same, numbers to the bit.
fn exactly(a: &Json, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (Json::Null, V::Null) => true,
        (Json::Bool(x), V::Bool(y)) => x == y,
        (Json::Number(x), V::Number(y)) => y.as_f64().is_some_and(|y| x.to_bits() == y.to_bits()),
        (Json::String(x), V::String(y)) => x == y,
        (Json::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| exactly(a, b))
        }
        (Json::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, a), (l, b))| k == l && exactly(a, b))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn the_parser_reads_serde_json_text_exactly(v in serde_value(), pretty in any::<bool>(), ascii in any::<bool>()) {
        let mut text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            serde_json::to_string(&v).unwrap()
        };
        if ascii {
            text = ascii_escaped(&text);
        }
        let tree = Json::parse(&text).expect("serde_json writes valid JSON");
        prop_assert!(exactly(&tree, &v), "{:?}\n{:?}", text, tree);
    }
}
