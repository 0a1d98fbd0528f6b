//! `GET /v1/payments` and `GET /v1/refunds`: a council's searches,
//! paginated as GOV.UK Pay paginates them.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Query, State as AppData};
use serde_json::{Value, json};

use super::view::{self, Links};
use super::{ApiError, Caller, Operation, State};
use crate::app::AppState;
use crate::store::{RefundFilter, SearchFilter, stamp};

/// GOV.UK Pay's default and largest page.
const MAX_PAGE_SIZE: i64 = 500;

const PAYMENT_PARAMS: [&str; 10] = [
    "reference",
    "email",
    "state",
    "card_brand",
    "from_date",
    "to_date",
    "page",
    "display_size",
    "cardholder_name",
    "last_digits_card_number",
];

pub async fn payments(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let bad = |why: String| ApiError::BadSearch(Operation::Search, why);
    known(&params, &PAYMENT_PARAMS).map_err(bad)?;
    let filter = payment_filter(&params).map_err(bad)?;
    let page = Page::read(&params).map_err(bad)?;
    let council = &owner.council.slug;
    let (rows, total) = state
        .store
        .search(council, &filter, page.size, page.offset())
        .await?;
    page.check_exists(total, Operation::Search)?;

    let results: Vec<Value> = rows
        .iter()
        .map(|row| {
            let links = Links::new(&state, &row.payment_id);
            view::payment(row, &links, &state.councils)
        })
        .collect();
    let base = format!("{}/v1/payments", state.public_url);
    Ok(Json(page.answer(results, total, &base, &params)))
}

pub async fn refunds(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let bad = |why: String| ApiError::BadSearch(Operation::SearchRefunds, why);
    let names = ["from_date", "to_date", "page", "display_size"];
    known(&params, &names).map_err(bad)?;
    let filter = RefundFilter {
        from: date(&params, "from_date").map_err(bad)?,
        to: date(&params, "to_date").map_err(bad)?,
    };
    let page = Page::read(&params).map_err(bad)?;
    let council = &owner.council.slug;
    let (rows, total) = state
        .store
        .search_refunds(council, &filter, page.size, page.offset())
        .await?;
    page.check_exists(total, Operation::SearchRefunds)?;

    let results: Vec<Value> = rows
        .iter()
        .map(|r| view::refund(r, &state.public_url))
        .collect();
    let base = format!("{}/v1/refunds", state.public_url);
    Ok(Json(page.answer(results, total, &base, &params)))
}

fn known(
    params: &HashMap<String, String>,
    names: &[&str],
) -> Result<(), String> {
    match params.keys().find(|key| !names.contains(&key.as_str())) {
        Some(key) => Err(format!(
            "{key} is not a search parameter; use {}",
            names.join(", ")
        )),
        None => Ok(()),
    }
}

fn payment_filter(
    params: &HashMap<String, String>,
) -> Result<SearchFilter, String> {
    let text = |name: &str| params.get(name).cloned();
    let states = match params.get("state") {
        Some(status) => Some(states(status)?),
        None => None,
    };
    let last4 = text("last_digits_card_number");
    if last4.as_ref().is_some_and(|d| !four_digits(d)) {
        return Err("last_digits_card_number must be 4 digits".into());
    }
    let card_brand = text("card_brand").map(|b| b.to_ascii_lowercase());
    Ok(SearchFilter {
        reference: text("reference"),
        email: text("email"),
        states,
        card_brand,
        cardholder_name: text("cardholder_name"),
        last4,
        from: date(params, "from_date")?,
        to: date(params, "to_date")?,
    })
}

fn states(status: &str) -> Result<Vec<&'static str>, String> {
    let names = State::names_with_status(status);
    if names.is_empty() {
        return Err(format!(
            "state {status:?} is not one of created, started, submitted, \
             success, failed, cancelled, error"
        ));
    }
    Ok(names)
}

fn four_digits(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DDThh:mm:ssZ`, as stored for comparison.
fn date(
    params: &HashMap<String, String>,
    name: &str,
) -> Result<Option<String>, String> {
    let Some(value) = params.get(name) else {
        return Ok(None);
    };
    let parsed = chrono::DateTime::parse_from_rfc3339(value).map_err(|_| {
        format!("{name} must be a UTC time like 2026-08-13T12:35:00Z")
    })?;
    Ok(Some(stamp(parsed.with_timezone(&chrono::Utc))))
}

/// Which page of results, and how many on it.
struct Page {
    number: i64,
    size: i64,
}

impl Page {
    fn read(params: &HashMap<String, String>) -> Result<Page, String> {
        let number = positive(params, "page", 1, i64::MAX / MAX_PAGE_SIZE)?;
        let size =
            positive(params, "display_size", MAX_PAGE_SIZE, MAX_PAGE_SIZE)?;
        Ok(Page { number, size })
    }

    fn offset(&self) -> i64 {
        (self.number - 1) * self.size
    }

    fn last(&self, total: i64) -> i64 {
        ((total + self.size - 1) / self.size).max(1)
    }

    /// A page past the last is "not found" (P0402 / P1100).
    fn check_exists(&self, total: i64, op: Operation) -> Result<(), ApiError> {
        if self.number > self.last(total) {
            return Err(ApiError::NotFound(op));
        }
        Ok(())
    }

    fn answer(
        &self,
        results: Vec<Value>,
        total: i64,
        base: &str,
        params: &HashMap<String, String>,
    ) -> Value {
        let link = |number: i64| {
            let mut query: Vec<(&str, String)> = params
                .iter()
                .filter(|(k, _)| *k != "page" && *k != "display_size")
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            query.sort();
            query.push(("page", number.to_string()));
            query.push(("display_size", self.size.to_string()));
            let query = serde_urlencoded::to_string(&query).unwrap_or_default();
            json!({ "href": format!("{base}?{query}") })
        };
        let last = self.last(total);
        let mut links = json!({
            "self": link(self.number),
            "first_page": link(1),
            "last_page": link(last),
        });
        if self.number > 1 {
            links["prev_page"] = link(self.number - 1);
        }
        if self.number < last {
            links["next_page"] = link(self.number + 1);
        }
        json!({
            "total": total,
            "count": results.len(),
            "page": self.number,
            "results": results,
            "_links": links,
        })
    }
}

fn positive(
    params: &HashMap<String, String>,
    name: &str,
    default: i64,
    max: i64,
) -> Result<i64, String> {
    let Some(value) = params.get(name) else {
        return Ok(default);
    };
    let number = value.parse::<i64>().ok().filter(|n| (1..=max).contains(n));
    number
        .ok_or_else(|| format!("{name} must be a whole number from 1 to {max}"))
}
