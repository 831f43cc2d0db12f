//! What the islands read: JSON that the server wrote into a `data-` attribute of the page (with
//! serde_json, on the server), or that the page keeps in local storage, read with the browser's
//! own `JSON.parse`. Islands take no props: Leptos would deserialize them with serde_json, whose
//! parser and one visitor per struct would be most of the WebAssembly.

use wasm_bindgen::JsValue;

/// A parsed JSON value; a missing or mistyped field reads as empty, zero or false.
#[derive(Clone)]
pub struct Data(JsValue);

impl Data {
    pub fn parse(json: &str) -> Option<Data> {
        js_sys::JSON::parse(json).ok().filter(|v| !v.is_null() && !v.is_undefined()).map(Data)
    }

    /// The JSON in an element's attribute.
    pub fn of(el: &web_sys::Element, attribute: &str) -> Option<Data> {
        Data::parse(&el.get_attribute(attribute)?)
    }

    pub fn get(&self, key: &str) -> Data {
        Data(js_sys::Reflect::get(&self.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED))
    }

    pub fn is_none(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    pub fn text(&self) -> String {
        self.0.as_string().unwrap_or_default()
    }

    pub fn number(&self) -> f64 {
        self.0.as_f64().unwrap_or(0.0)
    }

    pub fn flag(&self) -> bool {
        self.0.as_bool().unwrap_or(false)
    }

    pub fn list(&self) -> Vec<Data> {
        if !js_sys::Array::is_array(&self.0) {
            return Vec::new();
        }
        js_sys::Array::from(&self.0).iter().map(Data).collect()
    }

    pub fn texts(&self) -> Vec<String> {
        self.list().iter().map(Data::text).collect()
    }
}

/// What the server writes into a `data-setup` attribute for an island.
#[cfg(feature = "ssr")]
pub fn setup_json(setup: &impl serde::Serialize) -> String {
    serde_json::to_string(setup).unwrap_or_default()
}
