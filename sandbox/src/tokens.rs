//! `POST /v1/tokens`: the citizen's browser swaps card details for a
//! single-use token, with the account's publishable key.
//!
//! `Idempotency-Key` is not honoured here. Creating a second token
//! charges nothing, and comparing a retry with the first request would
//! mean keeping the card number to compare against, which the sandbox
//! refuses to do.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use crate::auth::{KeyKind, authenticate};
use crate::card_details;
use crate::clock::{new_id, now_unix};
use crate::error::{Answer, ApiError};
use crate::idempotency::missing_ledger;
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
        &shared.accounts,
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
