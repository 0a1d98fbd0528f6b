//! Reading the two small JSON shapes the page receives with the
//! browser's own parser. `serde_json` did the same job but cost about
//! a tenth of the page's WebAssembly; the browser already has a JSON
//! parser, so the page borrows it.

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::JsValue;

/// A parsed JSON value, read field by field. Missing fields and wrong
/// types read as empty, zero or `None`: the shim is the page's only
/// source, and a shape it does not send is handled where it is used.
#[derive(Clone, Debug)]
pub struct Json(JsValue);

impl Json {
    /// Parses text; `None` if it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        JSON::parse(text).ok().map(Json)
    }

    pub fn get(&self, key: &str) -> Json {
        let value = if self.0.is_object() {
            Reflect::get(&self.0, &JsValue::from_str(key)).ok()
        } else {
            None
        };
        Json(value.unwrap_or(JsValue::UNDEFINED))
    }

    pub fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    pub fn text(&self) -> Option<String> {
        self.0.as_string()
    }

    /// The string at `key`, or empty.
    pub fn string(&self, key: &str) -> String {
        self.get(key).text().unwrap_or_default()
    }

    /// The whole number at `key`, or 0.
    pub fn integer(&self, key: &str) -> i64 {
        self.get(key).0.as_f64().map_or(0, |n| n as i64)
    }

    /// The boolean at `key`; anything else reads as false.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).0.as_bool().unwrap_or(false)
    }

    /// The strings of the array at `key`.
    pub fn strings(&self, key: &str) -> Vec<String> {
        let value = self.get(key).0;
        if !Array::is_array(&value) {
            return Vec::new();
        }
        Array::from(&value)
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }
}

/// `{"name": "value"}` with the value escaped as JSON requires.
pub fn object_with(name: &str, value: &str) -> String {
    let quoted = JSON::stringify(&JsValue::from_str(value))
        .map(String::from)
        .unwrap_or_else(|_| "\"\"".to_owned());
    format!("{{\"{name}\":{quoted}}}")
}
