//! A checklist's conditions (`when`) as FHIR R4 can say them. An item's `enableWhen` is one
//! flat list joined by `enableBehavior` `all` or `any`, so a condition like "step is
//! implant, and heart or infection is yes" has no direct form. R4 does disable every
//! descendant of a disabled item, though: an AND of levels is said by nesting. So the
//! condition is put in conjunctive normal form (an AND of ORs), and each OR becomes one level:
//! the single facts together as one `all` level, and each OR of several as an `any` level.
//! The innermost level goes on the item itself, the others on plain groups around it.

use crate::checklist::Condition;

/// "The answer to `item` is `value`" (a choice id, "yes" or "no", a medicine id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub item: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behavior {
    All,
    Any,
}

impl Behavior {
    pub fn code(self) -> &'static str {
        match self {
            Behavior::All => "all",
            Behavior::Any => "any",
        }
    }
}

/// One `enableWhen` list. `behavior` is `None` for a single fact: R4 requires
/// `enableBehavior` only when there are several (que-12).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    pub atoms: Vec<Atom>,
    pub behavior: Option<Behavior>,
}

impl Level {
    fn of(atoms: Vec<Atom>, behavior: Behavior) -> Level {
        let behavior = (atoms.len() > 1).then_some(behavior);
        Level { atoms, behavior }
    }
}

/// More ORs than this after normalising is a condition no person wrote on purpose: refused
/// rather than written as a deep nest of groups.
const MAX_CLAUSES: usize = 32;

/// The levels of a condition, outermost first; none for an item without one.
pub fn levels(condition: Option<&Condition>) -> Result<Vec<Level>, String> {
    let Some(condition) = condition else {
        return Ok(Vec::new());
    };
    let clauses = cnf(condition)?;
    if clauses.iter().any(Vec::is_empty) {
        return Err(format!("the condition \"{condition}\" can never hold"));
    }
    let (single, several): (Vec<Vec<Atom>>, Vec<Vec<Atom>>) =
        clauses.into_iter().partition(|c| c.len() == 1);
    let mut levels = Vec::new();
    if !single.is_empty() {
        levels.push(Level::of(
            single.into_iter().flatten().collect(),
            Behavior::All,
        ));
    }
    levels.extend(several.into_iter().map(|c| Level::of(c, Behavior::Any)));
    Ok(levels)
}

/// An AND of ORs of atoms, in the order the checklist names them, without repeats and
/// without an OR that another one makes redundant.
fn cnf(condition: &Condition) -> Result<Vec<Vec<Atom>>, String> {
    let clauses = match condition {
        Condition::Is { item, values } => vec![
            values
                .iter()
                .map(|value| Atom {
                    item: item.clone(),
                    value: value.clone(),
                })
                .collect(),
        ],
        Condition::All(parts) => {
            let mut all = Vec::new();
            for part in parts {
                all.extend(cnf(part)?);
            }
            all
        }
        Condition::Any(parts) => {
            // (a and b) or (c and d) = (a or c)(a or d)(b or c)(b or d).
            let mut product: Vec<Vec<Atom>> = vec![Vec::new()];
            for part in parts {
                let part = cnf(part)?;
                let mut next = Vec::new();
                for left in &product {
                    for right in &part {
                        next.push(left.iter().chain(right).cloned().collect());
                    }
                }
                product = simplify(next);
                if product.len() > MAX_CLAUSES {
                    return Err(too_complex(condition));
                }
            }
            product
        }
    };
    let clauses = simplify(clauses);
    if clauses.len() > MAX_CLAUSES {
        return Err(too_complex(condition));
    }
    Ok(clauses)
}

fn too_complex(condition: &Condition) -> String {
    format!(
        "the condition \"{condition}\" needs more than {MAX_CLAUSES} levels of groups in FHIR; \
         write it more simply"
    )
}

fn simplify(clauses: Vec<Vec<Atom>>) -> Vec<Vec<Atom>> {
    let deduped: Vec<Vec<Atom>> = clauses
        .into_iter()
        .map(|clause| {
            let mut kept: Vec<Atom> = Vec::new();
            for atom in clause {
                if !kept.contains(&atom) {
                    kept.push(atom);
                }
            }
            kept
        })
        .collect();
    let subset = |small: &[Atom], big: &[Atom]| small.iter().all(|a| big.contains(a));
    let mut kept: Vec<Vec<Atom>> = Vec::new();
    for (at, clause) in deduped.iter().enumerate() {
        // Absorption: (a) and (a or b) is (a). Of two equal clauses, the first stays.
        let absorbed = deduped.iter().enumerate().any(|(other_at, other)| {
            other_at != at && subset(other, clause) && (other.len() < clause.len() || other_at < at)
        });
        if !absorbed {
            kept.push(clause.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(item: &str, values: &[&str]) -> Condition {
        Condition::Is {
            item: item.into(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn show(levels: &[Level]) -> Vec<String> {
        levels
            .iter()
            .map(|level| {
                let atoms: Vec<String> = level
                    .atoms
                    .iter()
                    .map(|a| format!("{}={}", a.item, a.value))
                    .collect();
                let how = level.behavior.map_or("one", Behavior::code);
                format!("{how}: {}", atoms.join(" "))
            })
            .collect()
    }

    #[test]
    fn fhir_flat_conditions_stay_one_level() {
        assert!(levels(None).expect("none").is_empty());
        assert_eq!(
            show(&levels(Some(&is("step", &["trial"]))).expect("is")),
            ["one: step=trial"]
        );
        assert_eq!(
            show(&levels(Some(&is("step", &["trial", "implant"]))).expect("is")),
            ["any: step=trial step=implant"]
        );
        let any = Condition::Any(vec![is("heart", &["yes"]), is("infection", &["yes"])]);
        assert_eq!(
            show(&levels(Some(&any)).expect("any")),
            ["any: heart=yes infection=yes"]
        );
        let all = Condition::All(vec![is("heart", &["yes"]), is("step", &["second"])]);
        assert_eq!(
            show(&levels(Some(&all)).expect("all")),
            ["all: heart=yes step=second"]
        );
    }

    #[test]
    fn fhir_nested_conditions_become_nested_levels() {
        // step is implant, and (heart or infection) is yes.
        let nested = Condition::All(vec![
            is("step", &["implant"]),
            Condition::Any(vec![is("heart", &["yes"]), is("infection", &["yes"])]),
        ]);
        assert_eq!(
            show(&levels(Some(&nested)).expect("nested")),
            ["one: step=implant", "any: heart=yes infection=yes"]
        );
        // (a and b) or c = (a or c) and (b or c).
        let or_of_and = Condition::Any(vec![
            Condition::All(vec![is("a", &["yes"]), is("b", &["yes"])]),
            is("c", &["no"]),
        ]);
        assert_eq!(
            show(&levels(Some(&or_of_and)).expect("or of and")),
            ["any: a=yes c=no", "any: b=yes c=no"]
        );
        // a and (a or b) is a.
        let absorbed = Condition::All(vec![
            is("a", &["yes"]),
            Condition::Any(vec![is("a", &["yes"]), is("b", &["yes"])]),
        ]);
        assert_eq!(
            show(&levels(Some(&absorbed)).expect("absorbed")),
            ["one: a=yes"]
        );
    }

    #[test]
    fn fhir_conditions_too_big_to_nest_are_refused() {
        let pairs: Vec<Condition> = (0..8)
            .map(|n| {
                Condition::All(vec![
                    is(&format!("a{n}"), &["yes"]),
                    is(&format!("b{n}"), &["yes"]),
                ])
            })
            .collect();
        let error = levels(Some(&Condition::Any(pairs))).expect_err("2^8 clauses");
        assert!(error.contains("write it more simply"), "{error}");
    }
}
