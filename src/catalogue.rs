//! The medicine catalogue: names only (generic, brands, group), to recognise what a patient
//! takes however they type it. It holds no hold times, doses or advice, and its schema has
//! no place for them.

use std::collections::HashMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::i18n::Lang;
use crate::problem::{Problem, Problems};

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Anticoagulant,
    Antiplatelet,
    PainReliever,
    Supplement,
}

impl Group {
    /// The message that names the group on the sheet, after a medicine's name ("a blood
    /// thinner").
    pub fn message(self) -> &'static str {
        match self {
            Group::Anticoagulant | Group::Antiplatelet => "group-blood-thinner",
            Group::PainReliever => "group-pain-reliever",
            Group::Supplement => "group-supplement",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    id: Spanned<String>,
    title: String,
    version: u32,
    medicines: Vec<Spanned<RawMedicine>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawMedicine {
    id: Spanned<String>,
    generic: Spanned<String>,
    known_as: Option<Spanned<String>>,
    brands: Vec<Spanned<String>>,
    /// Other names patients use that are not brands: "omega-3", "baby aspirin".
    #[serde(default)]
    also_called: Vec<Spanned<String>>,
    group: Group,
    /// Other screens it is shown on: aspirin taken for pain is on the pain-pill screen too.
    #[serde(default)]
    also_in: Vec<Group>,
    source: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medicine {
    pub id: String,
    pub generic: String,
    /// The brand most patients know it by, shown first ("Plavix (clopidogrel)").
    pub known_as: Option<String>,
    pub brands: Vec<String>,
    pub also_called: Vec<String>,
    pub group: Group,
    pub also_in: Vec<Group>,
    /// Its names in the other language of a translated list: recognised when typed, never
    /// shown.
    pub names_elsewhere: Vec<String>,
}

impl Medicine {
    /// The name a patient knows, with the generic name where the two differ.
    pub fn label(&self) -> String {
        let others = if self.brands.is_empty() {
            &self.also_called
        } else {
            &self.brands
        };
        match &self.known_as {
            Some(brand) => format!("{brand} ({})", self.generic),
            None if others.is_empty() => capitalise(&self.generic),
            None => format!("{} ({})", capitalise(&self.generic), others.join(", ")),
        }
    }

    /// Whether it is shown on a screen of these groups (all groups when empty).
    pub fn is_in(&self, groups: &[Group]) -> bool {
        groups.is_empty()
            || groups.contains(&self.group)
            || self.also_in.iter().any(|g| groups.contains(g))
    }

    /// Every name it goes by: generic, brands, and the other words patients use.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.generic.as_str())
            .chain(self.known_as.as_deref())
            .chain(self.brands.iter().map(String::as_str))
            .chain(self.also_called.iter().map(String::as_str))
            .chain(self.names_elsewhere.iter().map(String::as_str))
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub medicines: Vec<Medicine>,
}

impl Catalogue {
    /// Parse and check a catalogue file; every problem is reported, not just the first.
    pub fn parse(file: &str, text: &[u8]) -> Result<Catalogue, Problems> {
        let raw: RawCatalogue =
            serde_saphyr::from_slice(text).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
        // Names are shown on the walk's screens and on every sheet: what they seem, nothing
        // hidden in them.
        let mut problems = std::str::from_utf8(text)
            .map(|text| crate::problem::unsafe_characters(file, text))
            .unwrap_or_default();
        let mut ids: HashMap<String, u64> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        let mut medicines = Vec::new();
        if raw.id.value.trim().is_empty() {
            let at = raw.id.referenced;
            problems.push(Problem::at(file, at.line(), at.column(), "empty id"));
        }
        for entry in raw.medicines {
            let at = entry.referenced;
            let raw = entry.value;
            let id = raw.id.value.trim().to_string();
            let mut complain = |spot: &Spanned<String>, message: String| {
                let at = spot.referenced;
                problems.push(Problem::at(
                    file,
                    at.line(),
                    at.column(),
                    format!("medicine '{id}': {message}"),
                ));
            };
            if id.is_empty() {
                complain(&raw.id, "empty id".into());
            } else if let Some(first) = ids.insert(id.clone(), at.line()) {
                complain(&raw.id, format!("duplicate id (first on line {first})"));
            }
            if raw.source.value.trim().is_empty() {
                complain(&raw.source, "empty source".into());
            }
            let spots = std::iter::once(&raw.generic)
                .chain(raw.known_as.as_ref())
                .chain(raw.brands.iter())
                .chain(raw.also_called.iter());
            for name in spots {
                let key = normalise(&name.value);
                if key.is_empty() {
                    complain(name, "empty name".into());
                    continue;
                }
                if name.value.contains('\n') {
                    complain(name, "a name must be one line".into());
                }
                match names.get(&key) {
                    Some(owner) if *owner != id => complain(
                        name,
                        format!("the name '{}' is also claimed by '{owner}'", name.value),
                    ),
                    _ => {
                        names.insert(key, id.clone());
                    }
                }
            }
            let known_as = raw.known_as.map(|s| s.value);
            if let Some(brand) = &known_as
                && !raw.brands.iter().any(|b| b.value == *brand)
            {
                complain(
                    &raw.generic,
                    format!("known-as '{brand}' is not one of its brands"),
                );
            }
            medicines.push(Medicine {
                id,
                generic: raw.generic.value,
                known_as,
                brands: raw.brands.into_iter().map(|b| b.value).collect(),
                also_called: raw.also_called.into_iter().map(|b| b.value).collect(),
                group: raw.group,
                also_in: raw.also_in,
                names_elsewhere: Vec::new(),
            });
        }
        if problems.is_empty() {
            Ok(Catalogue {
                id: raw.id.value,
                title: raw.title,
                version: raw.version,
                medicines,
            })
        } else {
            Err(problems)
        }
    }

    /// "catalogue 'id', 26 medicines", for `check` and `list`.
    pub fn summary(&self) -> String {
        let medicines = crate::text::count(self.medicines.len(), "medicine");
        format!("catalogue '{}', {medicines}", self.id)
    }

    pub fn get(&self, id: &str) -> Option<&Medicine> {
        self.medicines.iter().find(|m| m.id == id)
    }

    /// The catalogue medicine a typed name most likely means, if any: exact names first
    /// (ignoring case, spaces and punctuation), then small misspellings, of the whole text
    /// or of one or two of its words ("baby aspirin", "Advil PM").
    pub fn recognise(&self, typed: &str) -> Option<&Medicine> {
        let words: Vec<String> = typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut candidates = vec![words.concat()];
        if words.len() > 1 {
            candidates.extend(words.iter().cloned());
            candidates.extend(words.windows(2).map(|pair| pair.concat()));
        }
        let mut best: Option<(usize, &Medicine)> = None;
        for candidate in candidates.iter().filter(|c| !c.is_empty()) {
            for medicine in &self.medicines {
                for name in medicine.names() {
                    let Some(distance) = near_miss(candidate, name) else {
                        continue;
                    };
                    if best.is_none_or(|(d, _)| distance < d) {
                        best = Some((distance, medicine));
                    }
                }
            }
        }
        best.map(|(_, medicine)| medicine)
    }
}

impl Catalogue {
    /// The medicines with a name, or a word of a name, that starts with what is typed so far
    /// (ignoring case, spaces and punctuation): "eliq" finds Eliquis while it is typed.
    pub fn starting_with<'a>(&'a self, typed: &str) -> impl Iterator<Item = &'a Medicine> {
        let typed = normalise(typed);
        self.medicines.iter().filter(move |medicine| {
            !typed.is_empty()
                && medicine.names().any(|name| {
                    normalise(name).starts_with(&typed)
                        || name
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|word| normalise(word).starts_with(&typed))
                })
        })
    }
}

/// A medicine list's names in another language (`bleeding.es.yaml` beside `bleeding.yaml`):
/// by medicine id, the generic name and the brands and other names patients of that language
/// use, each with where they come from. Facts, like the list itself: no advice.
#[derive(Debug, Clone)]
pub struct CatalogueTranslation {
    pub title: String,
    names: HashMap<String, RawNames>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCatalogueTranslation {
    translation_of: Spanned<String>,
    language: Spanned<String>,
    title: String,
    medicines: std::collections::BTreeMap<String, Spanned<RawNames>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNames {
    generic: String,
    known_as: Option<String>,
    #[serde(default)]
    brands: Vec<String>,
    #[serde(default)]
    also_called: Vec<String>,
    source: String,
}

impl CatalogueTranslation {
    /// Read a medicine list's translation and check it against the list: every medicine,
    /// none that is not there, a source and a name for each, `known-as` among the brands.
    pub fn parse(file: &str, bytes: &[u8], catalogue: &Catalogue) -> Result<Self, Problems> {
        let raw: Spanned<RawCatalogueTranslation> =
            serde_saphyr::from_slice(bytes).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
        let mut problems = std::str::from_utf8(bytes)
            .map(|text| crate::problem::unsafe_characters(file, text))
            .unwrap_or_default();
        let top = raw.referenced;
        let raw = raw.value;
        let complain = |problems: &mut Problems, at: serde_saphyr::Location, message: String| {
            problems.push(Problem::at(file, at.line(), at.column(), message));
        };
        if raw.translation_of.value != catalogue.id {
            let message = format!(
                "this translates medicine list '{}', not '{}'",
                raw.translation_of.value, catalogue.id
            );
            complain(&mut problems, raw.translation_of.referenced, message);
        }
        let lang = Lang::from_code(&raw.language.value).filter(|l| *l != Lang::En);
        if lang.is_none() {
            let message = format!(
                "'{}' is not a language prepcheck can translate into (es)",
                raw.language.value
            );
            complain(&mut problems, raw.language.referenced, message);
        }
        for medicine in &catalogue.medicines {
            if !raw.medicines.contains_key(&medicine.id) {
                complain(
                    &mut problems,
                    top,
                    format!("missing medicine '{}'", medicine.id),
                );
            }
        }
        for (id, names) in &raw.medicines {
            let at = names.referenced;
            let names = &names.value;
            if catalogue.get(id).is_none() {
                let message = format!("'{id}' is not a medicine of list '{}'", catalogue.id);
                complain(&mut problems, at, message);
            }
            if names.generic.trim().is_empty() || names.source.trim().is_empty() {
                let message = format!("medicine '{id}': a name and a source are needed");
                complain(&mut problems, at, message);
            }
            if let Some(brand) = &names.known_as
                && !names.brands.contains(brand)
            {
                let message =
                    format!("medicine '{id}': known-as '{brand}' is not one of its brands");
                complain(&mut problems, at, message);
            }
        }
        match lang {
            Some(_) if problems.is_empty() => Ok(CatalogueTranslation {
                title: raw.title,
                names: raw
                    .medicines
                    .into_iter()
                    .map(|(id, names)| (id, names.value))
                    .collect(),
            }),
            _ => Err(problems),
        }
    }
}

impl Catalogue {
    /// The list with its medicines named as in `translation`; their names in the list's own
    /// language are still recognised when typed.
    pub fn translated(&self, translation: &CatalogueTranslation) -> Catalogue {
        let mut copy = self.clone();
        copy.title.clone_from(&translation.title);
        for medicine in &mut copy.medicines {
            let Some(names) = translation.names.get(&medicine.id) else {
                continue;
            };
            let own: Vec<String> = medicine.names().map(str::to_string).collect();
            medicine.generic.clone_from(&names.generic);
            medicine.known_as.clone_from(&names.known_as);
            medicine.brands.clone_from(&names.brands);
            medicine.also_called.clone_from(&names.also_called);
            medicine.names_elsewhere = own;
        }
        copy
    }
}

/// Lower case, letters and digits only: "Omega-3 " and "omega3" are the same name.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The edit distance between a typed word and a catalogue name, when it is small enough to
/// be a misspelling of it. Short words must match exactly, and so must a name with a short
/// word in it ("vitamin E" is not "vitamin D").
fn near_miss(typed: &str, name: &str) -> Option<usize> {
    let wanted = normalise(name);
    if typed == wanted {
        return Some(0);
    }
    let has_short_word = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && w.chars().count() <= 2);
    let allowed = match typed.chars().count() {
        _ if has_short_word => 0,
        0..=4 => 0,
        5..=6 => 1,
        _ => 2,
    };
    let distance = strsim::damerau_levenshtein(typed, &wanted);
    (distance <= allowed).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Catalogue {
        let bytes = include_bytes!("../checklists/medicines/bleeding.yaml");
        Catalogue::parse("bleeding.yaml", bytes).expect("the built-in catalogue is valid")
    }

    #[test]
    fn typed_names_are_recognised_or_not() {
        let catalogue = built_in();
        let cases: &[(&str, Option<&str>)] = &[
            // Brands and generics, any case, extra spaces.
            ("Eliquis", Some("apixaban")),
            ("eliquis", Some("apixaban")),
            ("  ELIQUIS  ", Some("apixaban")),
            ("apixaban", Some("apixaban")),
            ("Plavix", Some("clopidogrel")),
            ("clopidogrel", Some("clopidogrel")),
            ("aspirin", Some("aspirin")),
            ("Bayer", Some("aspirin")),
            ("baby aspirin", Some("aspirin")),
            ("Coumadin", Some("warfarin")),
            ("jantoven", Some("warfarin")),
            ("Xarelto", Some("rivaroxaban")),
            ("Pradaxa", Some("dabigatran")),
            ("Savaysa", Some("edoxaban")),
            ("Effient", Some("prasugrel")),
            ("brilinta", Some("ticagrelor")),
            ("Aggrenox", Some("aspirin-dipyridamole")),
            ("cilostazol", Some("cilostazol")),
            ("Lovenox", Some("enoxaparin")),
            ("heparin", Some("heparin")),
            ("Arixtra", Some("fondaparinux")),
            ("Advil PM", Some("ibuprofen")),
            ("motrin", Some("ibuprofen")),
            ("Aleve", Some("naproxen")),
            ("Voltaren gel", Some("diclofenac")),
            ("Mobic", Some("meloxicam")),
            ("Celebrex", Some("celecoxib")),
            ("Ginkgo Biloba", Some("ginkgo")),
            ("fish oil", Some("fish-oil")),
            ("fishoil", Some("fish-oil")),
            ("Omega-3", Some("fish-oil")),
            ("omega 3", Some("fish-oil")),
            ("vitamin E", Some("vitamin-e")),
            ("Vitamine", Some("vitamin-e")),
            ("dong quai", Some("dong-quai")),
            // Small misspellings.
            ("Elliquis", Some("apixaban")),
            ("eliquiss", Some("apixaban")),
            ("plavics", Some("clopidogrel")),
            ("xeralto", Some("rivaroxaban")),
            ("asprin", Some("aspirin")),
            ("warfrin", Some("warfarin")),
            ("coumadine", Some("warfarin")),
            ("ibuprofin", Some("ibuprofen")),
            ("mortin", Some("ibuprofen")),
            ("clopidogrell", Some("clopidogrel")),
            // Not blood thinners, and not near one.
            ("Tylenol", None),
            ("acetaminophen", None),
            ("vitamin D", None),
            ("vitamin C", None),
            ("omega 6", None),
            ("Lipitor", None),
            ("metformin", None),
            ("Advair", None),
            ("Paxil", None),
            ("Celexa", None),
            ("insulin", None),
            ("", None),
            ("   ", None),
            ("123", None),
        ];
        let mut wrong = Vec::new();
        for (typed, expected) in cases {
            let got = catalogue.recognise(typed).map(|m| m.id.as_str());
            if got != *expected {
                wrong.push(format!("{typed:?}: expected {expected:?}, got {got:?}"));
            }
        }
        assert!(cases.len() >= 40);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn names_are_found_as_they_are_typed() {
        let catalogue = built_in();
        let found = |typed: &str| -> Vec<&str> {
            catalogue
                .starting_with(typed)
                .map(|m| m.id.as_str())
                .collect()
        };
        assert_eq!(found("eliq"), ["apixaban"]);
        assert_eq!(found("ELIQUIS"), ["apixaban"]);
        assert_eq!(found("baby asp"), ["aspirin"]);
        assert_eq!(found("oil"), ["fish-oil"]);
        assert_eq!(found("war"), ["warfarin"]);
        assert!(found("").is_empty() && found("zorb").is_empty());
    }

    #[test]
    fn labels_name_the_brand_and_the_generic() {
        let catalogue = built_in();
        let label = |id: &str| catalogue.get(id).map(Medicine::label);
        assert_eq!(
            label("clopidogrel").as_deref(),
            Some("Plavix (clopidogrel)")
        );
        assert_eq!(label("apixaban").as_deref(), Some("Eliquis (apixaban)"));
        assert_eq!(
            label("warfarin").as_deref(),
            Some("Warfarin (Coumadin, Jantoven)")
        );
        assert_eq!(label("heparin").as_deref(), Some("Heparin"));
        let first: Vec<&str> = catalogue.medicines[..4]
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(first, ["aspirin", "clopidogrel", "apixaban", "warfarin"]);
    }

    #[test]
    fn the_catalogue_carries_names_only() {
        let extra = b"id: x\ntitle: X\nversion: 1\nmedicines:\n  - id: a\n    generic: a\n    brands: []\n    group: supplement\n    source: s\n    hold-days: 5\n";
        let problems = Catalogue::parse("x.yaml", extra).unwrap_err();
        assert_eq!(problems[0].line, 10);
        assert!(
            problems[0].message.contains("unknown field `hold-days`"),
            "{problems:?}"
        );
    }
}
