//! The built-in recognizers, one module per family, in the order the engine runs them (the order
//! of the Python modules they replace, so ties in settlement resolve the same way).

use crate::recognizer::Recognizer;

pub mod email;

/// Every built-in recognizer, in run order.
pub fn builtin() -> Vec<Box<dyn Recognizer>> {
    let list: Vec<Box<dyn Recognizer>> = vec![Box::new(email::EmailRecognizer::new())];
    list
}
