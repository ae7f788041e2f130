//! Approved texts the tests look for, read from the catalogues (`src/i18n/en.ftl`,
//! `src/i18n/es.ftl`) rather than written out in each test: a change of wording is made once,
//! where a translator makes it, and the tests follow.

/// A one-line message of the catalogue of `lang` ("en" or "es"), as the program says it.
pub fn message(lang: &str, id: &str) -> String {
    let catalogue = match lang {
        "es" => include_str!("../../src/i18n/es.ftl"),
        _ => include_str!("../../src/i18n/en.ftl"),
    };
    catalogue
        .lines()
        .find_map(|line| line.strip_prefix(id)?.trim_start().strip_prefix('='))
        .map(|text| text.trim().to_string())
        .unwrap_or_else(|| panic!("no message {id} in the {lang} catalogue"))
}

/// The medication statement every sheet and every medicine screen carries, whole.
pub fn statement(lang: &str) -> String {
    message(lang, "medication-statement")
}

/// Its first sentence ("Only your doctor can change your medicines."), which screens and pages show
/// where the rest may be wrapped onto other lines.
pub fn statement_start(lang: &str) -> String {
    let whole = statement(lang);
    match whole.find(". ") {
        Some(end) => whole[..=end].to_string(),
        None => whole,
    }
}

#[test]
fn the_statement_is_read_from_each_catalogue() {
    assert!(statement("en").starts_with("Only your doctor can change your medicines. Do not stop"));
    assert_eq!(
        statement_start("en"),
        "Only your doctor can change your medicines."
    );
    assert_eq!(
        statement_start("es"),
        "Solo su médico puede cambiar sus medicinas."
    );
}
