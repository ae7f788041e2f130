//! An item's sheet lines: exactly one place each, their placeholders, what adds them
//! (`if`), their source, and the rules of every text a patient reads.

use serde_saphyr::{Location, Spanned};

use super::conditions::{Seen, bad_values};
use super::rules::Reading;
use super::{Builder, Medicines};
use crate::advice::Role as Voice;
use crate::checklist::raw::{RawKind, RawSheetLine, RawSourceRef};
use crate::checklist::{Place, Quote, SheetLine};
use crate::problem::Message;

impl Builder<'_> {
    /// One sheet line of an item, and everything about it a problem can be found in.
    pub(super) fn sheet_line(
        &mut self,
        spanned: Spanned<RawSheetLine>,
        seen: &Seen,
        medicines: Medicines,
    ) -> Option<SheetLine> {
        let at = spanned.referenced;
        let raw = spanned.value;
        let item = seen.id.as_str();
        let places = [
            (Place::Urgent, raw.urgent),
            (Place::Todo, raw.todo),
            (Place::Ask, raw.ask),
            (Place::Ride, raw.ride),
            (Place::Bring, raw.bring),
            (Place::Contact, raw.contact),
            (Place::Expect, raw.expect),
        ];
        let mut given = places.into_iter().filter_map(|(p, t)| Some((p, t?)));
        let (Some((place, text)), None) = (given.next(), given.next()) else {
            self.complain(at, Message::new("check-line-one-place").text("item", item));
            return None;
        };
        let source = self.line_source(raw.source, place, at, item);
        let text = text.trim().to_string();
        if text.is_empty() {
            self.complain(at, Message::new("check-line-empty").text("item", item));
        }
        let voice = if place == Place::Ask {
            Voice::Question
        } else {
            Voice::Statement
        };
        let what = Message::new("text-sheet-line")
            .text("item", item)
            .text("place", place.key());
        // What to expect describes the procedure, not the medicines: it is read as it is.
        let reading = Reading {
            voice,
            about_medicines: Some(medicines.item),
            item_names_one: medicines.names_one,
            about_the_chosen: medicines.lines && place != Place::Expect,
        };
        self.patient_text(at, &what, &text, reading);
        let trigger = raw.trigger.map(|t| t.into_vec());
        self.line_answers(&text, trigger.as_deref(), seen, at);
        Some(SheetLine {
            place,
            text,
            trigger,
            source,
        })
    }

    /// A sheet line's own source, when it has one; a line of what to expect needs one.
    fn line_source(
        &mut self,
        source: Option<Spanned<RawSourceRef>>,
        place: Place,
        at: Location,
        item: &str,
    ) -> Option<Quote> {
        match source {
            Some(source) => {
                let context = Message::new("check-context-line").text("item", item);
                self.source(source, &context)
            }
            None if place == Place::Expect => {
                let message = Message::new("check-expect-needs-source")
                    .text("item", item)
                    .text("from", self.a_source_id().to_string());
                self.complain(at, message);
                None
            }
            None => None,
        }
    }

    /// What a line says of the answer: only `{answer}` and `{each}` (`{each}` only for an
    /// item of several), and the answers that add it (`if`), which a yes-no item needs.
    fn line_answers(&mut self, text: &str, trigger: Option<&[String]>, seen: &Seen, at: Location) {
        let item = seen.id.as_str();
        if let Some(bad) = unknown_placeholder(text) {
            let message = Message::new("check-unknown-placeholder")
                .text("item", item)
                .text("placeholder", bad);
            self.complain(at, message);
        }
        let repeats = text.contains("{each}");
        if repeats && !matches!(seen.kind, RawKind::SeveralChoices | RawKind::Medicines) {
            self.complain(
                at,
                Message::new("check-each-needs-several").text("item", item),
            );
        }
        if let Some(trigger) = trigger {
            if let Some(why) = bad_values(seen, trigger) {
                let message = Message::new("check-line-if")
                    .text("item", item)
                    .with("why", why);
                self.complain(at, message);
            }
        } else if seen.kind == RawKind::YesNo {
            self.complain(at, Message::new("check-yes-no-needs-if").text("item", item));
        }
    }
}

fn unknown_placeholder(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let end = after.find('}').map_or(after.len(), |e| e + 1);
        let placeholder = &after[..end];
        if placeholder != "{answer}" && placeholder != "{each}" {
            return Some(placeholder.to_string());
        }
        rest = &after[end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{HEAD, assert_has, parsed, problems_of};
    use crate::checklist::Place;

    #[test]
    fn a_sheet_line_goes_to_its_place_when_its_answer_is_given() {
        let (checklist, _) = parsed(&format!(
            "{HEAD}      - id: heart
        ask: Do you have a heart problem?
        kind: yes-no
        sheet:
          - ask: Do I need an OK from my heart doctor?
            if: \"yes\"
        source: {{from: leaflet, quote: Tell us about your heart.}}
"
        ))
        .expect("a good checklist");
        let line = &checklist.item("heart").expect("the item").sheet[0];
        assert_eq!(line.place, Place::Ask);
        assert_eq!(line.trigger, Some(vec!["yes".to_string()]));
    }

    #[test]
    fn each_sheet_line_rule_is_said_where_it_is_broken() {
        let problems = problems_of(
            "      - id: heart
        ask: Do you have a heart problem?
        kind: yes-no
        sheet:
          - {ask: Which doctor?, todo: Call the doctor.}
          - ask: Is {answer} the {name}?
            if: \"yes\"
          - ask: Is it fine?
          - ask: Is {each} fine?
            if: maybe
        source: {from: leaflet, quote: Tell us about your heart.}
      - id: friend
        ask: Who will come with you?
        kind: text
        sheet:
          - expect: You will feel fine.
        source: {from: leaflet, quote: Come with a friend.}
",
        );
        assert_has(
            &problems,
            "item 'heart': sheet line needs exactly one of urgent, todo, ask",
        );
        assert_has(&problems, "unknown placeholder '{name}'");
        assert_has(
            &problems,
            "of a yes-no item needs 'if: \"yes\"' or 'if: \"no\"'",
        );
        assert_has(
            &problems,
            "{each} needs a several-choices or medicines item",
        );
        assert_has(&problems, "'if' 'heart' has no choice 'maybe'");
        assert_has(
            &problems,
            "item 'friend': sheet line: an expect line needs a `source` of its own",
        );
    }

    #[test]
    fn a_sheet_line_may_not_tell_a_patient_to_stop_a_medicine() {
        let problems = problems_of(
            "      - id: pills
        ask: Do you take any of these?
        kind: medicines
        catalogue: bleeding
        sheet:
          - todo: Stop {each} 5 days before.
        source: {from: leaflet, quote: Bring your list.}
",
        );
        assert_has(&problems, "item 'pills': sheet line (todo)");
    }
}
