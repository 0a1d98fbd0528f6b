//! The ids in a payments API path, checked before anything is looked up.
//!
//! axum's own `Path` rejection is plain text ("Invalid URL: ..."), which
//! no GOV.UK Pay client can read; handlers take the `Result` instead and
//! hand it here. A segment that cannot be decoded (`%FF`), or that no id
//! of ours could be, names no payment: the answer is the operation's
//! "not found", exactly as for an id that was never issued.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;

use super::{ApiError, Operation};

/// Far longer than any id we issue (26 characters, `secret::new_id`),
/// short enough that a pasted essay is refused before the database.
const MAX_ID_LENGTH: usize = 64;

/// The `{payment_id}` of a path.
pub fn payment_id(
    path: Result<Path<String>, PathRejection>,
    op: Operation,
) -> Result<String, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound(op));
    };
    checked(id, op)
}

/// The `{payment_id}` and `{refund_id}` of a path.
pub fn payment_and_refund_id(
    path: Result<Path<(String, String)>, PathRejection>,
    op: Operation,
) -> Result<(String, String), ApiError> {
    let Ok(Path((payment_id, refund_id))) = path else {
        return Err(ApiError::NotFound(op));
    };
    Ok((checked(payment_id, op)?, checked(refund_id, op)?))
}

fn checked(id: String, op: Operation) -> Result<String, ApiError> {
    let shaped = !id.is_empty()
        && id.len() <= MAX_ID_LENGTH
        && id.bytes().all(|b| b.is_ascii_alphanumeric());
    if shaped {
        Ok(id)
    } else {
        Err(ApiError::NotFound(op))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ids_we_could_have_issued_are_looked_up() {
        let op = Operation::Get;
        assert!(checked("hu20sqlact5260q2nanm0q8u93".into(), op).is_ok());
        for id in ["", "a b", "x/y", "é", &"a".repeat(65)] {
            assert!(checked(id.to_owned(), op).is_err(), "{id:?}");
        }
    }
}
