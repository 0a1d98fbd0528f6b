//! Random identifiers and secrets, and the hashes we store instead.

use hmac::{Hmac, Mac};
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};

/// A payment or refund id in GOV.UK Pay's style: 26 lower-case letters
/// and digits (`hu20sqlact5260q2nanm0q8u93`).
pub fn new_id() -> String {
    let mut rng = rand::rng();
    (0..26)
        .map(|_| {
            let n = rng.random_range(0..36u8);
            char::from_digit(u32::from(n), 36).unwrap_or('0')
        })
        .collect()
}

/// A secret for a URL or cookie: 43 characters, about 256 bits.
pub fn new_secret() -> String {
    let rng = rand::rng();
    rng.sample_iter(&Alphanumeric)
        .take(43)
        .map(char::from)
        .collect()
}

/// The one-time token in a payment's `next_url`: derived from the
/// payment id with the shim's key, so the same link can be shown again
/// (in `GET /v1/payments/{id}`, or to a repeated create) without the
/// token itself ever being stored.
pub fn page_token(key: &str, payment_id: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(key.as_bytes()) {
        Ok(mac) => mac,
        // HMAC takes keys of any length; this arm cannot be reached.
        Err(_) => return hash(payment_id),
    };
    mac.update(payment_id.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// SHA-256 in hex: what is stored for API keys, tokens and sessions.
pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_look_like_govuk_pay_ids_and_do_not_repeat() {
        let (a, b) = (new_id(), new_id());
        assert_eq!(a.len(), 26);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
