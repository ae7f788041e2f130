//! What the reference tool grades in a YAML file: every string value, in order. Only the
//! tests and `scripts/reading-agreement.sh` need it, to compare grades with the reference.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use super::grade_of;

/// Every string value of a YAML document, in document order: what the reference tool grades
/// in a YAML file (it then keeps those with a space). Keys, numbers and booleans are left out.
pub fn yaml_strings(yaml: &[u8]) -> Result<Vec<String>, serde_saphyr::Error> {
    let StringValues(strings) = serde_saphyr::from_slice(yaml)?;
    Ok(strings)
}

/// A YAML file's grade as the reference tool computes it (but for placeholders, which count
/// as one short word here).
pub fn grade_yaml(yaml: &[u8]) -> Result<f64, serde_saphyr::Error> {
    let strings = yaml_strings(yaml)?;
    let texts: Vec<&str> = strings.iter().map(String::as_str).collect();
    Ok(grade_of(&texts))
}

/// Collects every string value of a YAML document (see `yaml_strings`).
struct StringValues(Vec<String>);

impl<'de> Deserialize<'de> for StringValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut strings = Vec::new();
        Collect(&mut strings).deserialize(deserializer)?;
        Ok(StringValues(strings))
    }
}

struct Collect<'a>(&'a mut Vec<String>);

impl<'de> DeserializeSeed<'de> for Collect<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Collect<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.0.push(value.to_string());
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Collect(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Collect(&mut *self.0))?;
        }
        Ok(())
    }
}
