//! The start of every request made with an account's secret key: the
//! shim's charges, refunds and reads.

use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::http::{HeaderMap, Uri};
use serde_json::Value;

use crate::auth::{KeyKind, authenticate};
use crate::body;
use crate::error::ApiError;
use crate::idempotency::{self, missing_ledger};
use crate::params::Params;
use crate::store::{Ledger, Shared};

/// Authenticates a POST and reads its form and idempotency key, in
/// that order, so a request with a wrong key learns nothing else.
pub(crate) fn begin_post(
    shared: &Shared,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(usize, Params, Option<String>), ApiError> {
    let account =
        authenticate(shared.keyring(), headers, None, KeyKind::Secret)?;
    let params = body::form(headers, body)?;
    let key = idempotency::key_from(headers)?;
    Ok((account, params, key))
}

/// Authenticates a GET (the secret key or the account's read-only
/// key) and runs `work` on the account's ledger with the query's
/// parameters.
pub(crate) fn read(
    shared: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    work: impl FnOnce(&Ledger, Params) -> Result<Value, ApiError>,
) -> Result<Value, ApiError> {
    let account = authenticate(shared.keyring(), headers, None, KeyKind::Read)?;
    let params = body::query(uri);
    shared
        .with_ledger(account, |ledger| work(ledger, params))
        .ok_or_else(missing_ledger)?
}

/// The object id from a path such as `/v1/refunds/{id}`. An id that is
/// not UTF-8 after percent-decoding cannot name anything the sandbox
/// made, and gets Stripe's error shape rather than axum's plain text.
pub(crate) fn path_id(
    path: Result<Path<String>, PathRejection>,
) -> Result<String, ApiError> {
    path.map(|Path(id)| id).map_err(|_| {
        ApiError::invalid(
            "The id in the URL could not be read; ids are plain ASCII, \
             such as pi_3kTq2vLx.",
        )
    })
}
