//! Reading a checklist file into its raw structs, within a budget of YAML events; when an
//! item cannot be read, the others are still read, each on its own.

use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

use crate::checklist::raw::{Located, RawChecklist, RawSection};
use crate::problem::{Problem, Problems};

// Within a budget of YAML events (the built-in checklist has under 1,000): a file of the
// largest size allowed, made of thousands of tiny values, is refused quickly instead of
// read in full (it took the YAML library 290 ms).
use crate::problem::read_yaml as from_yaml;

/// The file as its raw structs. When an item cannot be read (a value of the wrong type),
/// the other items still are, each on its own, so that one mistake hides no other: the
/// unreadable items are left out and their problems added.
pub(in crate::checklist) fn read_raw(
    file: &str,
    text: &[u8],
    problems: &mut Problems,
) -> Result<Spanned<RawChecklist>, Problems> {
    let (whole, budget) = match from_yaml::<Spanned<RawChecklist>>(text) {
        Ok(raw) => return Ok(raw),
        Err(e) => {
            let budget = e.without_snippet().to_string().starts_with("budget");
            (Problem::from_yaml(file, &e), budget)
        }
    };
    let fail = |problems: &mut Problems| {
        problems.push(whole.clone());
        Err(std::mem::take(problems))
    };
    // A file too big once its aliases are expanded is not read again, item by item.
    if budget {
        return fail(problems);
    }
    let (Ok(skeleton), Ok(text)) = (
        from_yaml::<Spanned<RawChecklist<Spanned<IgnoredAny>>>>(text),
        std::str::from_utf8(text),
    ) else {
        return fail(problems);
    };
    let before = problems.len();
    let value = skeleton.value;
    let sections = value
        .sections
        .map(|sections| items_alone(file, text, sections, problems));
    if problems.len() == before {
        // The mistake was not in an item: it is the one to report.
        return fail(problems);
    }
    Ok(Spanned {
        value: RawChecklist {
            id: value.id,
            title: value.title,
            procedure: value.procedure,
            version: value.version,
            sources: value.sources,
            closed_days: value.closed_days,
            sections,
        },
        referenced: skeleton.referenced,
        defined: skeleton.defined,
    })
}

/// The sections with each item read on its own: those that read, and the problem of each
/// that does not in `problems`.
fn items_alone(
    file: &str,
    text: &str,
    sections: Vec<RawSection<Spanned<IgnoredAny>>>,
    problems: &mut Problems,
) -> Vec<RawSection> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut read = |item: Spanned<IgnoredAny>| match item_alone(file, &lines, item.referenced) {
        Ok(item) => Some(item),
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    sections
        .into_iter()
        .map(|section| RawSection {
            title: section.title,
            items: section.items.into_iter().filter_map(&mut read).collect(),
        })
        .collect()
}

/// One item read on its own: its lines, with the "- " that opens it made a space, so every
/// column is the one in the file, and its lines `line_offset` early. (They were once read
/// with every line before the item left blank, which made reading a file of many items take
/// time that grew with the square of its length: seconds for a file under the size limit.)
/// The item ends before the next line that starts left of where it starts.
fn item_alone(file: &str, lines: &[&str], at: Location) -> Result<Located, Problem> {
    let first = usize::try_from(at.line()).unwrap_or(1).max(1) - 1;
    let column = usize::try_from(at.column()).unwrap_or(1).max(1) - 1;
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut text = String::new();
    for (n, line) in lines.iter().enumerate().skip(first) {
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        if n > first && !blank && indent(line) < column {
            break;
        }
        if n == first {
            let head: String = line.chars().take(column).map(|_| ' ').collect();
            let rest: String = line.chars().skip(column).collect();
            text.push_str(&head);
            text.push_str(&rest);
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }
    let line_offset = first as u64;
    match from_yaml(text.as_bytes()) {
        Ok(item) => Ok(Located { item, line_offset }),
        Err(e) => {
            let mut problem = Problem::from_yaml(file, &e);
            if problem.line > 0 {
                problem.line += line_offset;
            }
            Err(problem)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{HEAD, assert_has, parsed, problems_of};

    #[test]
    fn an_item_that_cannot_be_read_hides_no_other_mistake() {
        let problems = problems_of(
            "      - id: first
        ask: Is this read?
        kind: yes-no
        role: [not, a, role]
      - id: second
        ask: Is this read too?
        kind: no-such-kind
      - id: third
        ask: Tell us about your heart.
        kind: info
",
        );
        // Each unreadable item is reported at its own line, with the file's columns.
        assert_has(&problems, "t.yaml:13:15: ");
        // Where is ours; the YAML library words what is wrong.
        assert_has(&problems, "t.yaml:16:15: ");
        assert_has(&problems, "`no-such-kind`");
        // The item that reads is still checked: an instruction needs its source.
        assert_has(&problems, "item 'third': missing field `source`");
    }

    #[test]
    fn a_mistake_outside_the_items_is_the_one_reported() {
        let problems = parsed("id: [t]\ntitle: A\n").expect_err("not a checklist");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("t.yaml:1:"), "{problems:?}");
    }

    #[test]
    fn a_file_of_too_many_values_is_refused_before_it_is_read_whole() {
        let mut yaml = String::from(HEAD);
        yaml.push_str("      - id: many\n        ask: Which?\n        kind: one-choice\n");
        yaml.push_str("        choices:\n");
        for n in 0..(crate::problem::MAX_YAML_EVENTS / 4) {
            yaml.push_str(&format!("          - {{id: c{n}, label: C {n}}}\n"));
        }
        let problems = parsed(&yaml).expect_err("over the budget");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_has(&problems, "too many values: a file may hold at most 20000");
    }
}
