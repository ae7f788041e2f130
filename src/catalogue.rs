//! The medicine catalogue: names only (generic, brands, group), to recognise what a patient
//! takes however they type it. It holds no hold times, doses or advice, and its schema has
//! no place for them.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::i18n::Lang;
use crate::problem::{Message, Problem, Problems};

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Anticoagulant,
    Antiplatelet,
    /// A pain reliever whose label or reference says it affects bleeding (most NSAIDs).
    PainReliever,
    /// A pain reliever the reference does not say affects bleeding (Celebrex): named
    /// without that claim.
    OtherPainReliever,
    Supplement,
    /// A fish oil sold on prescription (Lovaza, Vascepa): not a supplement.
    PrescriptionFishOil,
    /// A stomach medicine that contains a salicylate (Pepto-Bismol).
    StomachMedicine,
}

impl Group {
    /// The message that names the group on the sheet, after a medicine's name ("a blood
    /// thinner").
    pub fn message(self) -> &'static str {
        match self {
            Group::Anticoagulant | Group::Antiplatelet => "group-blood-thinner",
            Group::PainReliever => "group-pain-reliever",
            Group::OtherPainReliever => "group-other-pain-reliever",
            Group::Supplement => "group-supplement",
            Group::PrescriptionFishOil => "group-prescription-fish-oil",
            Group::StomachMedicine => "group-stomach-medicine",
        }
    }

    /// The message that offers a name the list does not know, on a screen that lists
    /// `groups`: "Add "X" as another supplement or herb" where supplements are listed with
    /// neither blood thinners nor pain relievers, else "Add "X" as another medicine".
    pub fn another_one(groups: &[Group]) -> &'static str {
        let medicines = [
            Group::Anticoagulant,
            Group::Antiplatelet,
            Group::PainReliever,
            Group::OtherPainReliever,
        ];
        if groups.contains(&Group::Supplement) && !groups.iter().any(|g| medicines.contains(g)) {
            "row-add-typed-supplement"
        } else {
            "row-add-typed"
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
    /// Common misspellings ("clopidrogel"): recognised when typed, never shown.
    #[serde(default)]
    misspelled: Vec<Spanned<String>>,
    group: Group,
    /// Other screens it is shown on: aspirin taken for pain is on the pain screen too.
    #[serde(default)]
    also_in: Vec<Group>,
    source: Spanned<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Medicine {
    pub id: String,
    pub generic: String,
    /// The brand most patients know it by, shown first ("Plavix (clopidogrel)").
    pub known_as: Option<String>,
    pub brands: Vec<String>,
    pub also_called: Vec<String>,
    /// Common misspellings of its names: recognised when typed, never shown.
    pub misspelled: Vec<String>,
    pub group: Group,
    pub also_in: Vec<Group>,
    /// Its names in the list's own language, in a translated list: recognised when typed,
    /// never shown. (Its names in other languages are the catalogue's `names_elsewhere`.)
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

    /// Its names: generic, brands, the other words patients use, their misspellings, and in a
    /// translated list its names in the list's own language. Only `label` is shown.
    /// `Catalogue::names_of` adds its names in the list's other languages.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.generic.as_str())
            .chain(self.known_as.as_deref())
            .chain(self.brands.iter().map(String::as_str))
            .chain(self.also_called.iter().map(String::as_str))
            .chain(self.misspelled.iter().map(String::as_str))
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

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Catalogue {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub medicines: Vec<Medicine>,
    /// Translation files of this list: their names are recognised too, in every language.
    /// Not in the built-in lists' compiled form: the loader gives them again.
    #[serde(skip)]
    other_languages: OtherLanguages,
}

/// A list's translation files, read for their names only when a typed name is first
/// recognised: a sheet never needs them, and reading them took a millisecond at start-up.
#[derive(Debug, Clone, Default)]
struct OtherLanguages {
    files: Vec<Rc<(String, Cow<'static, [u8]>)>>,
    /// By medicine id, every name the files give it; shared by the list's translated copies.
    names: Rc<OnceCell<HashMap<String, Vec<String>>>>,
}

impl Catalogue {
    /// Parse and check a catalogue file; every problem is reported, not just the first.
    pub fn parse(file: &str, text: &[u8]) -> Result<Catalogue, Problems> {
        let raw: RawCatalogue =
            crate::problem::read_yaml(text).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
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
            let message = Message::new("check-list-empty-id");
            problems.push(Problem::at(file, at.line(), at.column(), message));
        }
        for entry in raw.medicines {
            let at = entry.referenced;
            let raw = entry.value;
            let id = raw.id.value.trim().to_string();
            let mut complain = |spot: &Spanned<String>, message: Message| {
                let at = spot.referenced;
                let message = of_medicine(&id, message);
                problems.push(Problem::at(file, at.line(), at.column(), message));
            };
            if id.is_empty() {
                complain(&raw.id, Message::new("check-list-empty-id"));
            } else if let Some(first) = ids.insert(id.clone(), at.line()) {
                let first = usize::try_from(first).unwrap_or_default();
                complain(
                    &raw.id,
                    Message::new("check-list-duplicate-id").number("first", first),
                );
            }
            if raw.source.value.trim().is_empty() {
                complain(&raw.source, Message::new("check-list-empty-source"));
            }
            let spots = std::iter::once(&raw.generic)
                .chain(raw.known_as.as_ref())
                .chain(raw.brands.iter())
                .chain(raw.also_called.iter())
                .chain(raw.misspelled.iter());
            for name in spots {
                let key = normalise(&name.value);
                if key.is_empty() {
                    complain(name, Message::new("check-list-empty-name"));
                    continue;
                }
                if name.value.contains('\n') {
                    complain(name, Message::new("check-list-name-one-line"));
                }
                match names.get(&key) {
                    Some(owner) if *owner != id => complain(name, claimed(&name.value, owner)),
                    _ => {
                        names.insert(key, id.clone());
                    }
                }
            }
            let known_as = raw.known_as.map(|s| s.value);
            if let Some(brand) = &known_as
                && !raw.brands.iter().any(|b| b.value == *brand)
            {
                let message = Message::new("check-list-known-as").text("brand", brand.as_str());
                complain(&raw.generic, message);
            }
            medicines.push(Medicine {
                id,
                generic: raw.generic.value,
                known_as,
                brands: raw.brands.into_iter().map(|b| b.value).collect(),
                also_called: raw.also_called.into_iter().map(|b| b.value).collect(),
                misspelled: raw.misspelled.into_iter().map(|b| b.value).collect(),
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
                other_languages: OtherLanguages::default(),
            })
        } else {
            Err(problems)
        }
    }

    /// A catalogue that only names its id, until `Checklist::link` puts the real one in
    /// its place (the compiled form names a list's catalogue by id).
    pub fn stand_in(id: String) -> Catalogue {
        Catalogue {
            id,
            title: String::new(),
            version: 0,
            medicines: Vec::new(),
            other_languages: OtherLanguages::default(),
        }
    }

    /// "catalogue 'id', 26 medicines", for `check`.
    pub fn summary(&self) -> Message {
        Message::new("check-summary-catalogue")
            .text("id", self.id.as_str())
            .number("medicines", self.medicines.len())
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
                for name in self.names_of(medicine) {
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

    /// Every name a medicine of this list is recognised by: its own (`Medicine::names`) and
    /// those the list's translation files give it. None but its label is ever shown.
    pub fn names_of<'a>(&'a self, medicine: &'a Medicine) -> impl Iterator<Item = &'a str> {
        let elsewhere = self.names_elsewhere().get(&medicine.id);
        medicine
            .names()
            .chain(elsewhere.into_iter().flatten().map(String::as_str))
    }

    /// The names the translation files give, by medicine id, read on first use. A file with
    /// problems gives none here: `check` reports them, and the walk in its language too.
    fn names_elsewhere(&self) -> &HashMap<String, Vec<String>> {
        self.other_languages.names.get_or_init(|| {
            let mut all: HashMap<String, Vec<String>> = HashMap::new();
            for file in &self.other_languages.files {
                let (name, bytes) = file.as_ref();
                let Ok(translation) = CatalogueTranslation::parse(name, bytes, self) else {
                    continue;
                };
                for (id, names) in &translation.names {
                    all.entry(id.clone())
                        .or_default()
                        .extend(names.all().map(str::to_string));
                }
            }
            all
        })
    }
}

impl Catalogue {
    /// The medicines with a name, or a word of a name, that starts with what is typed so far
    /// (ignoring case, spaces and punctuation): "eliq" finds Eliquis while it is typed.
    pub fn starting_with<'a>(&'a self, typed: &str) -> impl Iterator<Item = &'a Medicine> {
        let typed = normalise(typed);
        self.medicines.iter().filter(move |medicine| {
            !typed.is_empty()
                && self.names_of(medicine).any(|name| {
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
    /// Common misspellings: recognised when typed, never shown.
    #[serde(default)]
    misspelled: Vec<String>,
    source: String,
}

impl RawNames {
    /// Every name it gives, misspellings too.
    fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.generic.as_str())
            .chain(self.known_as.as_deref())
            .chain(self.brands.iter().map(String::as_str))
            .chain(self.also_called.iter().map(String::as_str))
            .chain(self.misspelled.iter().map(String::as_str))
    }
}

impl CatalogueTranslation {
    /// Read a medicine list's translation and check it against the list: every medicine,
    /// none that is not there, a source and a name for each, `known-as` among the brands,
    /// and no name that another medicine has in either language (every name is recognised
    /// in every language, so it must name one medicine).
    pub fn parse(file: &str, bytes: &[u8], catalogue: &Catalogue) -> Result<Self, Problems> {
        let raw: Spanned<RawCatalogueTranslation> =
            crate::problem::read_yaml(bytes).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
        let mut problems = std::str::from_utf8(bytes)
            .map(|text| crate::problem::unsafe_characters(file, text))
            .unwrap_or_default();
        let top = raw.referenced;
        let raw = raw.value;
        let complain = |problems: &mut Problems, at: serde_saphyr::Location, message: Message| {
            problems.push(Problem::at(file, at.line(), at.column(), message));
        };
        if raw.translation_of.value != catalogue.id {
            let message = Message::new("check-list-translates-other")
                .text("found", raw.translation_of.value.as_str())
                .text("expected", catalogue.id.as_str());
            complain(&mut problems, raw.translation_of.referenced, message);
        }
        let lang = Lang::from_code(&raw.language.value).filter(|l| *l != Lang::En);
        if lang.is_none() {
            let message =
                Message::new("check-not-a-language").text("code", raw.language.value.as_str());
            complain(&mut problems, raw.language.referenced, message);
        }
        for medicine in &catalogue.medicines {
            if !raw.medicines.contains_key(&medicine.id) {
                let message =
                    Message::new("check-list-missing-medicine").text("id", medicine.id.as_str());
                complain(&mut problems, top, message);
            }
        }
        let mut owners: HashMap<String, &str> = HashMap::new();
        for medicine in &catalogue.medicines {
            for name in medicine.names() {
                owners.entry(normalise(name)).or_insert(&medicine.id);
            }
        }
        for (id, names) in &raw.medicines {
            let at = names.referenced;
            let names = &names.value;
            for name in names.all() {
                let key = normalise(name);
                if key.is_empty() {
                    let message = of_medicine(id, Message::new("check-list-empty-name"));
                    complain(&mut problems, at, message);
                    continue;
                }
                match owners.get(&key) {
                    Some(owner) if owner != id => {
                        let message = of_medicine(id, claimed(name, owner));
                        complain(&mut problems, at, message);
                    }
                    _ => {
                        owners.insert(key, id);
                    }
                }
            }
            if catalogue.get(id).is_none() {
                let message = Message::new("check-list-not-a-medicine")
                    .text("id", id.as_str())
                    .text("list", catalogue.id.as_str());
                complain(&mut problems, at, message);
            }
            if names.generic.trim().is_empty() || names.source.trim().is_empty() {
                let message = of_medicine(id, Message::new("check-list-name-and-source"));
                complain(&mut problems, at, message);
            }
            if let Some(brand) = &names.known_as
                && !names.brands.contains(brand)
            {
                let known_as = Message::new("check-list-known-as").text("brand", brand.as_str());
                complain(&mut problems, at, of_medicine(id, known_as));
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
    /// language (and any other it knows) are still recognised when typed.
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
            medicine.misspelled.clone_from(&names.misspelled);
            medicine.names_elsewhere = own;
        }
        copy
    }

    /// Recognise, as well as its own, the names a translation file of this list (`name`,
    /// `bytes`) gives its medicines: a patient on the English screens types the Flanax or the
    /// Sintrom they bought in Mexico or Spain. They are never shown, and the file is read
    /// only when a typed name is first recognised.
    pub fn recognise_names_in(&mut self, name: &str, bytes: Cow<'static, [u8]>) {
        self.other_languages
            .files
            .push(Rc::new((name.to_string(), bytes)));
        self.other_languages.names = Rc::default();
    }
}

/// A problem of the medicine `id` of a list: "medicine 'aspirin': ...".
fn of_medicine(id: &str, problem: Message) -> Message {
    Message::new("check-medicine")
        .text("id", id)
        .with("problem", problem)
}

/// "the name 'X' is also claimed by 'Y'".
fn claimed(name: &str, owner: &str) -> Message {
    Message::new("check-list-name-claimed")
        .text("name", name)
        .text("owner", owner)
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
/// word in it ("vitamin E" is not "vitamin D"). The walk reads typed names with it, and
/// `check`'s advice detector the words of a checklist, so a name misspelt is one for both.
pub(crate) fn near_miss(typed: &str, name: &str) -> Option<usize> {
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

    fn spanish_names(catalogue: &Catalogue) -> CatalogueTranslation {
        let bytes = include_bytes!("../checklists/medicines/bleeding.es.yaml");
        CatalogueTranslation::parse("bleeding.es.yaml", bytes, catalogue)
            .expect("the built-in translation is valid")
    }

    /// The built-in list as the English screens use it (knowing the Spanish names too, as
    /// the loader gives it), and as the Spanish screens do.
    fn both_languages() -> [(&'static str, Catalogue); 2] {
        let mut english = built_in();
        let bytes = include_bytes!("../checklists/medicines/bleeding.es.yaml");
        english.recognise_names_in("bleeding.es.yaml", Cow::Borrowed(bytes));
        let spanish = english.translated(&spanish_names(&english));
        [("en", english), ("es", spanish)]
    }

    /// Names from the reference, of either language, their misspellings, and names that are
    /// not on the list (the same in both languages).
    const EITHER_LANGUAGE: &[(&str, Option<&str>)] = &[
        ("Sintrom", Some("acenocoumarol")),
        ("acenocumarol", Some("acenocoumarol")),
        ("Flanax", Some("naproxen")),
        ("Clexane", Some("enoxaparin")),
        ("enoxaparina", Some("enoxaparin")),
        ("Lovenox", Some("enoxaparin")),
        ("Adiro", Some("aspirin")),
        ("Tromalyt", Some("aspirin")),
        ("Aspirina", Some("aspirin")),
        ("Aspirina Protect", Some("aspirin")),
        ("Aspirina Bayer", Some("aspirin")),
        ("Bayer Aspirin", Some("aspirin")),
        ("ácido acetilsalicílico", Some("aspirin")),
        ("Enantyum", Some("dexketoprofen")),
        ("Pepto-Bismol", Some("bismuth-subsalicylate")),
        ("Kaopectate", Some("bismuth-subsalicylate")),
        ("Vascepa", Some("icosapent-ethyl")),
        ("Lovaza", Some("omega-3-ethyl-esters")),
        ("Omacor", Some("omega-3-ethyl-esters")),
        ("turmeric", Some("turmeric")),
        ("cúrcuma", Some("turmeric")),
        ("curcuma", Some("turmeric")),
        ("ginger", Some("ginger")),
        ("jengibre", Some("ginger")),
        ("feverfew", Some("feverfew")),
        ("saw palmetto", Some("saw-palmetto")),
        ("St. John's wort", Some("st-johns-wort")),
        ("hierba de San Juan", Some("st-johns-wort")),
        ("krill oil", Some("krill-oil")),
        ("Hibor", Some("bemiparin")),
        ("Innohep", Some("tinzaparin")),
        ("Fraxiparina", Some("nadroparin")),
        ("Disgren", Some("triflusal")),
        ("Tiklid", Some("ticlopidine")),
        ("ticlopidina", Some("ticlopidine")),
        ("Nolotil", Some("metamizole")),
        ("Neo-Melubrina", Some("metamizole")),
        ("Espidifen", Some("ibuprofen")),
        ("Dalsy", Some("ibuprofen")),
        ("Voltadol", Some("diclofenac")),
        ("Droal", Some("ketorolac")),
        ("Supradol", Some("ketorolac")),
        ("Aldocumar", Some("warfarin")),
        ("Iscover", Some("clopidogrel")),
        ("Lodine", Some("etodolac")),
        ("Feldene", Some("piroxicam")),
        ("Daypro", Some("oxaprozin")),
        ("ketoprofen", Some("ketoprofen")),
        ("Clinoril", Some("sulindac")),
        ("diflunisal", Some("diflunisal")),
        ("salsalate", Some("salsalate")),
        ("Percodan", Some("aspirin-combination")),
        ("Fiorinal", Some("aspirin-combination")),
        ("Vicoprofen", Some("ibuprofen-combination")),
        ("Duexis", Some("ibuprofen-combination")),
        ("Vimovo", Some("naproxen-combination")),
        ("Treximet", Some("naproxen-combination")),
        ("Aleve PM", Some("naproxen-combination")),
        ("Arthrotec", Some("diclofenac-misoprostol")),
        ("Celebrex", Some("celecoxib")),
        // The reference's misspellings.
        ("Sintron", Some("acenocoumarol")),
        ("clopidrogel", Some("clopidogrel")),
        ("asprin", Some("aspirin")),
        ("asprina", Some("aspirin")),
        ("warfarn", Some("warfarin")),
        ("Plavics", Some("clopidogrel")),
        ("Brillinta", Some("ticagrelor")),
        ("fishoil", Some("fish-oil")),
        // "Bayer" alone also makes Aleve and Xarelto.
        ("Bayer", None),
        ("Bayer Aleve", Some("naproxen")),
        // Not on the list, in either language.
        ("Tylenol", None),
        ("paracetamol", None),
        ("acetaminofén", None),
        ("omeprazol", None),
        ("metformina", None),
        ("insulina", None),
        ("vitamina D", None),
        ("Nexium", None),
        ("Lipitor", None),
        ("Ozempic", None),
        ("Zoloft", None),
        ("Cymbalta", None),
    ];

    #[test]
    fn names_of_either_language_are_recognised_in_both() {
        let mut wrong = Vec::new();
        for (lang, catalogue) in both_languages() {
            for (typed, expected) in EITHER_LANGUAGE {
                let got = catalogue.recognise(typed).map(|m| m.id.as_str());
                if got != *expected {
                    wrong.push(format!(
                        "{lang} {typed:?}: expected {expected:?}, got {got:?}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Typed names written before the Spanish names and misspellings were added, and never
    /// tuned against: how well `recognise` does on names it was not shown. Reported, with
    /// the names it misses, rather than all required.
    #[test]
    fn a_held_out_set_of_typed_names_is_mostly_recognised() {
        const HELD_OUT: &[(&str, Option<&str>)] = &[
            ("Sintrum", Some("acenocoumarol")),
            ("Clexan", Some("enoxaparin")),
            ("Adirro", Some("aspirin")),
            ("Flanaks", Some("naproxen")),
            ("Enantium", Some("dexketoprofen")),
            ("Pepto Bismol", Some("bismuth-subsalicylate")),
            ("pepto", Some("bismuth-subsalicylate")),
            ("Vasepa", Some("icosapent-ethyl")),
            ("tumeric", Some("turmeric")),
            ("Xarelto 20 mg", Some("rivaroxaban")),
            ("aspirina de bebé", Some("aspirin")),
            ("Tromalyt 150", Some("aspirin")),
            ("heparina", Some("heparin")),
            ("Eliquis 5", Some("apixaban")),
            ("Sintrom 4", Some("acenocoumarol")),
            ("clopidogrel 75", Some("clopidogrel")),
            ("Aleve PM", Some("naproxen-combination")),
            ("ibuprofeno 400", Some("ibuprofen")),
            ("Motrin IB", Some("ibuprofen")),
            ("naproxeno sódico", Some("naproxen")),
            ("diclofenaco gel", Some("diclofenac")),
            ("ajo", Some("garlic")),
            ("vitamina e", Some("vitamin-e")),
            ("ginko", Some("ginkgo")),
            ("St Johns Wort", Some("st-johns-wort")),
            ("Tylenol", None),
            ("paracetamol", None),
            ("Gelocatil", None),
            ("Losartan", None),
            ("metformina", None),
            ("Ozempic", None),
            ("Zoloft", None),
            ("antacid", None),
            ("Tums", None),
            ("vitamina D", None),
            ("Bayer", None),
        ];
        // Known misses, found when the set was first run: a nickname that is no name on the
        // list, and "antacid", two letters from Inacid (indomethacin in Spain). The walk asks
        // "Did you mean...?" before it keeps a match.
        const MISSED: &[&str] = &["pepto", "antacid"];
        for (lang, catalogue) in both_languages() {
            let missed: Vec<&str> = HELD_OUT
                .iter()
                .filter(|(typed, expected)| {
                    catalogue.recognise(typed).map(|m| m.id.as_str()) != *expected
                })
                .map(|(typed, _)| *typed)
                .collect();
            assert_eq!(missed, MISSED, "{lang}");
        }
    }

    /// Misspellings and the other language's names are recognised, never shown; the
    /// Spanish rows show the brands sold in Spain and Mexico.
    #[test]
    fn rows_show_the_patients_language_and_no_misspelling() {
        for (lang, catalogue) in both_languages() {
            for medicine in &catalogue.medicines {
                let label = medicine.label().to_lowercase();
                for wrong in &medicine.misspelled {
                    assert!(!label.contains(&wrong.to_lowercase()), "{lang}: {label}");
                }
                // "Bayer" is shown only as part of an aspirin brand.
                let bayer = label.matches("bayer").count();
                let as_aspirin = label.matches("bayer aspirin").count()
                    + label.matches("aspirina bayer").count();
                assert_eq!(bayer, as_aspirin, "{lang}: {label}");
            }
        }
        let [(_, english), (_, spanish)] = both_languages();
        let rows = |c: &Catalogue| -> String {
            c.medicines
                .iter()
                .map(Medicine::label)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (english, spanish) = (rows(&english), rows(&spanish));
        for row in [
            "Sintrom (acenocumarol)",
            "Enoxaparina (Clexane, Lovenox)",
            "Ácido acetilsalicílico (Aspirina, Adiro, Tromalyt",
            "Naproxeno (Flanax",
        ] {
            assert!(spanish.contains(row), "no {row:?} in:\n{spanish}");
        }
        for row in [
            "Sintrom (acenocoumarol)",
            "Lovenox (enoxaparin)",
            "Aspirin (Bayer Aspirin",
        ] {
            assert!(english.contains(row), "no {row:?} in:\n{english}");
        }
        assert!(
            !english.contains("Clexane") && !english.contains("Flanax"),
            "{english}"
        );
    }

    #[test]
    fn celebrex_is_named_without_a_bleeding_claim() {
        let catalogue = built_in();
        let celebrex = catalogue.recognise("Celebrex").expect("Celebrex");
        assert_eq!(celebrex.group.message(), "group-other-pain-reliever");
        let advil = catalogue.recognise("Advil").expect("Advil");
        assert_eq!(advil.group.message(), "group-pain-reliever");
        let pain = [Group::PainReliever, Group::OtherPainReliever];
        assert!(celebrex.is_in(&pain) && advil.is_in(&pain));
    }

    #[test]
    fn a_name_typed_on_a_screen_of_supplements_is_offered_as_a_supplement() {
        use Group::*;
        assert_eq!(
            Group::another_one(&[Supplement, PrescriptionFishOil, StomachMedicine]),
            "row-add-typed-supplement"
        );
        assert_eq!(
            Group::another_one(&[Supplement]),
            "row-add-typed-supplement"
        );
        for groups in [
            &[][..],
            &[Anticoagulant, Antiplatelet],
            &[PainReliever, OtherPainReliever],
            &[Supplement, PainReliever],
        ] {
            assert_eq!(Group::another_one(groups), "row-add-typed", "{groups:?}");
        }
    }

    /// Every name is recognised in every language, so a name must belong to one medicine in
    /// both files together.
    #[test]
    fn a_name_two_medicines_claim_is_refused_across_languages() {
        let catalogue = built_in();
        let bytes = include_bytes!("../checklists/medicines/bleeding.es.yaml");
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let clash = text.replacen("brands: [Sintrom]", "brands: [Sintrom, Plavix]", 1);
        let problems =
            CatalogueTranslation::parse("bleeding.es.yaml", clash.as_bytes(), &catalogue)
                .expect_err("Plavix is clopidogrel");
        assert!(
            problems.iter().any(|p| p.message.english()
                == "medicine 'acenocoumarol': the name 'Plavix' is also claimed by 'clopidogrel'"),
            "{problems:?}"
        );
        let misspelt = b"id: x\ntitle: X\nversion: 1\nmedicines:\n  - id: a\n    generic: aspirin\n    brands: []\n    group: antiplatelet\n    source: s\n  - id: b\n    generic: warfarin\n    brands: []\n    misspelled: [aspirin]\n    group: anticoagulant\n    source: s\n";
        let problems = Catalogue::parse("x.yaml", misspelt).expect_err("a clash");
        assert!(
            problems[0]
                .message
                .english()
                .contains("the name 'aspirin' is also claimed by 'a'"),
            "{problems:?}"
        );
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
            ("Bayer Aspirin", Some("aspirin")),
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
            ("Advil PM", Some("ibuprofen-combination")),
            ("Advil", Some("ibuprofen")),
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
        assert_eq!(found("oil"), ["fish-oil", "krill-oil"]);
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
            problems[0]
                .message
                .english()
                .contains("unknown field `hold-days`"),
            "{problems:?}"
        );
    }
}
