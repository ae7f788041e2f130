//! Conditions (`when`) and the values they and sheet lines' `if` compare with: only earlier
//! items, and only values they can have; a misspelt item id gets a suggestion.

use std::collections::HashSet;

use serde_saphyr::{Location, Spanned};

use super::Builder;
use crate::checklist::Condition;
use crate::checklist::raw::{RawCondition, RawKind};
use crate::problem::Message;

/// What later items need to know of an earlier one: conditions may only look back.
pub(super) struct Seen {
    pub(super) id: String,
    pub(super) kind: RawKind,
    pub(super) values: Vec<String>,
    /// The same values, to look them up: conditions and `if`s may name thousands.
    pub(super) known: HashSet<String>,
}

impl Seen {
    pub(super) fn new(id: String, kind: RawKind, values: Vec<String>) -> Seen {
        let known = values.iter().cloned().collect();
        Seen {
            id,
            kind,
            values,
            known,
        }
    }
}

impl Builder<'_> {
    /// Check a condition: it may only name earlier items, and only values they can have.
    pub(super) fn condition(
        &mut self,
        raw: RawCondition,
        at: Location,
        item: &str,
    ) -> Option<Condition> {
        match (raw.item, raw.is, raw.any, raw.all) {
            (Some(target), Some(is), None, None) => {
                let values = is.into_vec();
                let found = self.item_index.get(&target.value);
                let Some(seen) = found.and_then(|&at| self.items.get(at)) else {
                    let message = if self.all_id_set.contains(&target.value) {
                        Message::new("check-not-earlier")
                    } else {
                        let near = self.suggest(&target.value);
                        Message::new("check-not-an-item")
                            .text("near", near.unwrap_or_else(|| "none".into()))
                    };
                    let message = message
                        .text("item", item)
                        .text("target", target.value.as_str());
                    self.complain(target.referenced, message);
                    return None;
                };
                if let Some(why) = bad_values(seen, &values) {
                    let message = Message::new("check-condition-values")
                        .text("item", item)
                        .with("why", why);
                    self.complain(target.referenced, message);
                    return None;
                }
                Some(Condition::Is {
                    item: target.value,
                    values,
                })
            }
            (None, None, Some(list), None) if !list.is_empty() => {
                Some(Condition::Any(self.conditions(list, item)))
            }
            (None, None, None, Some(list)) if !list.is_empty() => {
                Some(Condition::All(self.conditions(list, item)))
            }
            _ => {
                self.complain(at, Message::new("check-condition-shape").text("item", item));
                None
            }
        }
    }

    /// An id of the file within two edits of `name`, if one is found within the budget.
    /// Ids whose lengths differ by more than two cannot be, and are not compared.
    fn suggest(&mut self, name: &str) -> Option<String> {
        let length = name.chars().count();
        for id in &self.all_ids {
            if self.suggestions_left == 0 {
                return None;
            }
            if id.chars().count().abs_diff(length) > 2 {
                continue;
            }
            self.suggestions_left -= 1;
            if strsim::damerau_levenshtein(id, name) <= 2 {
                return Some(id.clone());
            }
        }
        None
    }

    fn conditions(&mut self, list: Vec<Spanned<RawCondition>>, item: &str) -> Vec<Condition> {
        list.into_iter()
            .filter_map(|c| self.condition(c.value, c.referenced, item))
            .collect()
    }
}

pub(super) fn bad_values(seen: &Seen, values: &[String]) -> Option<Message> {
    if seen.values.is_empty() {
        return Some(
            Message::new("check-not-comparable")
                .text("item", seen.id.as_str())
                .text("kind", seen.kind.name()),
        );
    }
    let bad: Vec<&str> = values
        .iter()
        .filter(|v| !seen.known.contains(*v))
        .map(String::as_str)
        .collect();
    // A long list is shortened: each bad value repeating thousands made the messages
    // grow with the square of the file.
    const SHOWN: usize = 20;
    (values.is_empty() || !bad.is_empty()).then(|| {
        let has = seen.values[..seen.values.len().min(SHOWN)].join(", ");
        Message::new("check-no-such-value")
            .text("item", seen.id.as_str())
            .text("bad", bad.join("', '"))
            .text("has", has)
            .number("more", seen.values.len().saturating_sub(SHOWN))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{HEAD, assert_has, parsed, problems_of};
    use crate::checklist::Condition;

    const STEP: &str = "      - id: step
        ask: Which visit is it?
        kind: one-choice
        choices:
          - {id: first, label: The first visit}
          - {id: second, label: The second visit}
";

    #[test]
    fn a_condition_on_an_earlier_item_holds_its_values() {
        let (checklist, _) = parsed(&format!(
            "{HEAD}{STEP}      - id: again
        ask: Is it your second time?
        kind: yes-no
        when: {{any: [{{item: step, is: second}}, {{item: step, is: [first]}}]}}
"
        ))
        .expect("a good checklist");
        let when = checklist.item("again").and_then(|i| i.when.clone());
        assert_eq!(
            when,
            Some(Condition::Any(vec![
                Condition::Is {
                    item: "step".into(),
                    values: vec!["second".into()]
                },
                Condition::Is {
                    item: "step".into(),
                    values: vec!["first".into()]
                },
            ]))
        );
    }

    #[test]
    fn conditions_look_back_only_at_items_and_values_that_are_there() {
        let problems = problems_of(&format!(
            "      - id: early
        ask: Is it early?
        kind: yes-no
        when: {{item: step, is: first}}
{STEP}      - id: spelt
        ask: Is it spelt?
        kind: yes-no
        when: {{item: stpe, is: first}}
      - id: value
        ask: Is it a value?
        kind: yes-no
        when: {{item: step, is: third}}
      - id: empty
        ask: Is it empty?
        kind: yes-no
        when: {{any: []}}
"
        ));
        assert_has(
            &problems,
            "item 'early': condition names 'step', which is not an earlier item",
        );
        assert_has(
            &problems,
            "item 'spelt': condition names 'stpe', which is not an item of this checklist \
             (did you mean 'step'?)",
        );
        assert_has(
            &problems,
            "item 'value': condition: 'step' has no choice 'third' (it has: first, second)",
        );
        assert_has(
            &problems,
            "item 'empty': condition must be {item: ID, is: VALUE}",
        );
    }

    #[test]
    fn a_text_answer_cannot_be_compared() {
        let problems = problems_of(
            "      - id: name
        ask: What is your name?
        kind: text
      - id: named
        ask: Is it you?
        kind: yes-no
        when: {item: name, is: Ann}
",
        );
        assert_has(
            &problems,
            "'name' is a text item, whose answers cannot be compared",
        );
    }
}
