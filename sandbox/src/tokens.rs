//! `POST /v1/tokens`: the citizen's browser swaps card details for a
//! single-use token, with the account's publishable key.
//!
//! `Idempotency-Key` is not honoured here. Creating a second token
//! charges nothing, and comparing a retry with the first request would
//! mean keeping the card number to compare against, which the sandbox
//! refuses to do.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};

use crate::auth::{KeyKind, authenticate};
use crate::card_details;
use crate::clock::{new_id, now_unix};
use crate::error::{Answer, ApiError};
use crate::idempotency::missing_ledger;
use crate::secret::{path_id, read};
use crate::store::{Shared, TokenRecord};
use crate::{body, cors, views};

#[tracing::instrument(skip_all)]
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let origin = match cors::allowed_origin(&shared, &headers) {
        Ok(origin) => origin,
        Err(error) => return cors::decorate(error.into_response(), None),
    };
    let answer = match tokenise(&shared, &headers, body) {
        Ok(answer) => answer,
        Err(error) => {
            tracing::debug!(code = error.code(), "token request refused");
            Answer::from(error)
        }
    };
    cors::decorate(answer.into_response(), origin)
}

fn tokenise(
    shared: &Shared,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Answer, ApiError> {
    let mut params = body::form(headers, body)?;
    let form_key = params.take("key")?;
    let account = authenticate(
        shared.keyring(),
        headers,
        form_key.as_deref(),
        KeyKind::Publishable,
    )?;

    let (card, outcome) = card_details::check(params)?;
    let record = TokenRecord {
        id: new_id("tok"),
        card_id: new_id("card"),
        created: now_unix(),
        card,
        outcome,
        used: false,
    };
    let body = views::token(&record);
    tracing::info!(token = %record.id, "token created");
    shared
        .with_ledger(account, |ledger| {
            ledger.tokens.insert(record.id.clone(), record);
        })
        .ok_or_else(missing_ledger)?;
    Ok(Answer::ok(body))
}

/// `GET /v1/tokens/{id}`, with the secret key: what the card behind a
/// token is, before it is charged. The shim uses it to refuse a brand
/// the council does not take without moving any money.
#[tracing::instrument(skip_all)]
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let id = match path_id(path) {
        Ok(id) => id,
        Err(error) => return error.into_response(),
    };
    let found = read(&shared, &headers, &uri, |ledger, params| {
        params.finish()?;
        let token = ledger
            .tokens
            .get(&id)
            .ok_or_else(|| ApiError::no_such("token", &id, "token"))?;
        Ok(views::token(token))
    });
    match found {
        Ok(body) => Answer::ok(body).into_response(),
        Err(error) => error.into_response(),
    }
}
