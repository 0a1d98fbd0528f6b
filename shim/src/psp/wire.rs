//! The parts of Stripe's JSON that paypage reads.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Token {
    pub card: TokenCard,
}

/// A token's card as the PSP reports it: never the number.
#[derive(Clone, Debug, Deserialize)]
pub struct TokenCard {
    pub brand: String,
    pub last4: String,
    pub exp_month: u8,
    pub exp_year: u16,
    #[serde(default)]
    pub funding: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address_line1: Option<String>,
    #[serde(default)]
    pub address_line2: Option<String>,
    #[serde(default)]
    pub address_city: Option<String>,
    #[serde(default)]
    pub address_zip: Option<String>,
    #[serde(default)]
    pub address_country: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Intent {
    pub id: String,
    pub status: String,
}

#[derive(Debug, Deserialize)]
pub struct Refund {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub struct StripeError {
    pub error: ErrorBody,
}

#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct List {
    pub data: Vec<serde_json::Value>,
}
