//! The PSP connector: Stripe's API, which the sandbox PSP also speaks,
//! so the same code takes test and live payments.

mod wire;

use std::time::Duration;

use paypage_card::Brand;
use reqwest::StatusCode;

pub use wire::TokenCard;
use wire::{Intent, Refund, StripeError};

/// Why a charge did not take money, in terms the page can explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decline {
    /// The bank said no without saying why.
    Declined,
    /// The card has expired.
    ExpiredCard,
    /// The security code does not match the card.
    IncorrectSecurityCode,
    /// The bank wants 3-D Secure, which paypage cannot do yet.
    AuthenticationRequired,
}

impl Decline {
    /// Stable code the page maps to a message.
    pub fn code(self) -> &'static str {
        match self {
            Decline::Declined => "card-declined",
            Decline::ExpiredCard => "card-expired",
            Decline::IncorrectSecurityCode => "security-code-incorrect",
            Decline::AuthenticationRequired => "authentication-required",
        }
    }
}

/// What charging a token came to.
#[derive(Debug)]
pub enum Charge {
    /// Money taken; the PSP's id for it.
    Succeeded { intent_id: String },
    /// The card was refused; another card may work.
    Declined(Decline),
}

/// A PSP failure that is not the card's fault.
#[derive(Debug, thiserror::Error)]
pub enum PspError {
    #[error("the PSP could not be reached: {0}")]
    Unreachable(#[from] reqwest::Error),
    #[error("the PSP refused the request ({status}): {code}: {message}")]
    Refused {
        status: StatusCode,
        code: String,
        message: String,
    },
    #[error("the PSP answered in a shape we do not understand: {0}")]
    Unexpected(String),
}

/// A client for one PSP account.
#[derive(Clone)]
pub struct Connector {
    http: reqwest::Client,
    api_base: String,
    secret_key: String,
}

/// By hand, so the secret key cannot reach a log through `{:?}` of the
/// connector (or of `AppState`, which holds it): only the key's mode
/// and last four characters show, enough to tell two keys apart.
impl std::fmt::Debug for Connector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connector")
            .field("api_base", &self.api_base)
            .field("secret_key", &KeyHint(&self.secret_key))
            .finish_non_exhaustive()
    }
}

/// `sk_test_…WXYZ`: Stripe's key prefixes say the mode.
struct KeyHint<'a>(&'a str);

impl std::fmt::Debug for KeyHint<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key = self.0;
        let mode = if key.contains("_live_") {
            "live"
        } else if key.contains("_test_") {
            "test"
        } else {
            "unknown mode"
        };
        // A short key would be mostly shown by its last four: hide it.
        let chars: Vec<char> = key.chars().collect();
        let last4: String = match chars.len() {
            0..16 => String::new(),
            n => chars[n - 4..].iter().collect(),
        };
        write!(f, "\"{mode} key …{last4}\"")
    }
}

impl Connector {
    pub fn new(api_base: &str, secret_key: &str) -> Connector {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap_or_default();
        Connector {
            http,
            api_base: api_base.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
        }
    }

    /// What the PSP knows of a token's card: checked before any charge,
    /// so a brand the council does not take is never charged.
    pub async fn token_card(&self, token: &str) -> Result<TokenCard, PspError> {
        let url = format!("{}/v1/tokens/{}", self.api_base, path_part(token));
        let response = self.http.get(url).bearer_auth(&self.secret_key);
        let token: wire::Token = read(response.send().await?).await?;
        Ok(token.card)
    }

    /// Charges a token once. The idempotency key makes a repeated call
    /// (a retry after a timeout, a double press) return the first answer.
    pub async fn charge(
        &self,
        charge: &ChargeRequest<'_>,
    ) -> Result<Charge, PspError> {
        let url = format!("{}/v1/payment_intents", self.api_base);
        let request = self
            .http
            .post(url)
            .bearer_auth(&self.secret_key)
            .header("Idempotency-Key", charge.idempotency_key)
            .form(&charge.form());
        charge_outcome(request.send().await?).await
    }

    /// The account's most recent payment intents, newest first: what an
    /// operator (or a test) reads to see how many charges really
    /// happened.
    pub async fn recent_charges(
        &self,
        limit: u8,
    ) -> Result<Vec<serde_json::Value>, PspError> {
        let url = format!("{}/v1/payment_intents", self.api_base);
        let request = self
            .http
            .get(url)
            .bearer_auth(&self.secret_key)
            .query(&[("limit", limit)]);
        let list: wire::List = read(request.send().await?).await?;
        Ok(list.data)
    }

    /// Refunds part or all of a charge.
    pub async fn refund(
        &self,
        intent_id: &str,
        amount: i64,
        idempotency_key: &str,
    ) -> Result<String, PspError> {
        let form = [
            ("payment_intent", intent_id.to_owned()),
            ("amount", amount.to_string()),
        ];
        let url = format!("{}/v1/refunds", self.api_base);
        let request = self
            .http
            .post(url)
            .bearer_auth(&self.secret_key)
            .header("Idempotency-Key", idempotency_key)
            .form(&form);
        let refund: Refund = read(request.send().await?).await?;
        Ok(refund.id)
    }
}

/// Keeps a token from changing the path it is put in.
fn path_part(token: &str) -> String {
    url::form_urlencoded::byte_serialize(token.as_bytes()).collect()
}

/// One charge of a card token for a paypage payment.
#[derive(Debug)]
pub struct ChargeRequest<'a> {
    pub amount: i64,
    pub token: &'a str,
    pub description: &'a str,
    /// The paypage payment, sent as `metadata[payment_id]`, so anyone
    /// reading the PSP's dashboard (or a test reading the sandbox) can
    /// tell which payment a charge was for even when two share a
    /// description.
    pub payment_id: &'a str,
    pub idempotency_key: &'a str,
}

impl ChargeRequest<'_> {
    fn form(&self) -> [(&'static str, String); 7] {
        [
            ("amount", self.amount.to_string()),
            ("currency", "gbp".to_owned()),
            ("confirm", "true".to_owned()),
            ("description", self.description.to_owned()),
            ("metadata[payment_id]", self.payment_id.to_owned()),
            ("payment_method_data[type]", "card".to_owned()),
            ("payment_method_data[card][token]", self.token.to_owned()),
        ]
    }
}

async fn charge_outcome(
    response: reqwest::Response,
) -> Result<Charge, PspError> {
    if response.status() == StatusCode::PAYMENT_REQUIRED {
        let error: StripeError = decode(response).await?;
        return decline_of(error);
    }
    let intent: Intent = read(response).await?;
    match intent.status.as_str() {
        "succeeded" => Ok(Charge::Succeeded {
            intent_id: intent.id,
        }),
        "requires_action" => {
            Ok(Charge::Declined(Decline::AuthenticationRequired))
        }
        other => Err(PspError::Unexpected(format!(
            "payment intent {} is {other}",
            intent.id
        ))),
    }
}

/// Stripe's card errors, as declines where another card may work.
fn decline_of(error: StripeError) -> Result<Charge, PspError> {
    let body = error.error;
    let decline = match body.code.as_deref() {
        Some("expired_card") => Decline::ExpiredCard,
        Some("incorrect_cvc") => Decline::IncorrectSecurityCode,
        Some("authentication_required") => Decline::AuthenticationRequired,
        Some("card_declined") => Decline::Declined,
        _ => {
            return Err(PspError::Refused {
                status: StatusCode::PAYMENT_REQUIRED,
                code: body.code.unwrap_or_default(),
                message: body.message.unwrap_or_default(),
            });
        }
    };
    Ok(Charge::Declined(decline))
}

/// Reads a success body, or turns an error body into `PspError`.
async fn read<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, PspError> {
    let status = response.status();
    if status.is_success() {
        return decode(response).await;
    }
    let error: StripeError = decode(response).await?;
    Err(PspError::Refused {
        status,
        code: error.error.code.unwrap_or(error.error.kind),
        message: error.error.message.unwrap_or_default(),
    })
}

async fn decode<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, PspError> {
    let bytes = response.bytes().await?;
    serde_json::from_slice(&bytes)
        .map_err(|e| PspError::Unexpected(e.to_string()))
}

/// A brand as Stripe names it on a token's card.
pub fn brand_from_stripe(name: &str) -> Option<Brand> {
    match name.to_ascii_lowercase().as_str() {
        "visa" => Some(Brand::Visa),
        "mastercard" => Some(Brand::Mastercard),
        "american express" | "amex" => Some(Brand::AmericanExpress),
        "maestro" => Some(Brand::Maestro),
        "diners club" | "diners" => Some(Brand::DinersClub),
        "discover" => Some(Brand::Discover),
        "jcb" => Some(Brand::Jcb),
        "unionpay" => Some(Brand::UnionPay),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Connector;

    #[test]
    fn debug_shows_the_keys_mode_and_last_four_never_the_key() {
        let key = "sk_test_51HsecretPartOfTheKeyAbCd";
        let shown = format!("{:?}", Connector::new("http://psp/", key));
        assert!(shown.contains("test key …AbCd"), "{shown}");
        assert!(!shown.contains("secretPart"), "{shown}");
        assert!(!shown.contains(key), "{shown}");
        assert!(shown.contains("http://psp"), "{shown}");

        let live = "sk_live_0123456789abcdefWXYZ";
        let shown = format!("{:?}", Connector::new("https://psp", live));
        assert!(shown.contains("live key …WXYZ"), "{shown}");
        assert!(!shown.contains("0123456789"), "{shown}");
    }

    #[test]
    fn a_short_key_shows_nothing_of_itself() {
        let shown = format!("{:?}", Connector::new("http://psp", "sk_x1234"));
        assert!(shown.contains("unknown mode key …\""), "{shown}");
        assert!(!shown.contains("1234"), "{shown}");
    }
}
