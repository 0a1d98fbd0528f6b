//! `GET /v1/payments` and `GET /v1/refunds`: a council's searches,
//! paginated as GOV.UK Pay paginates them.

use axum::Json;
use axum::extract::{RawQuery, State as AppData};
use serde_json::{Value, json};

use super::query::{self, Params};
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

const REFUND_PARAMS: [&str; 4] =
    ["from_date", "to_date", "page", "display_size"];

/// Why settlement dates cannot be searched (GOV.UK Pay offers them for
/// Stripe accounts). When settlement is read back from the PSP's
/// payouts, this is where the two parameters become filters.
const NO_SETTLEMENT: &str = "paypage does not record when the payment \
                             provider settles money (settlement_summary \
                             is always empty), so it cannot search by \
                             settled date; search by from_date and \
                             to_date instead";

pub async fn payments(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let bad = |why: String| ApiError::BadSearch(Operation::Search, why);
    let params = query::parse(raw.as_deref()).map_err(bad)?;
    unsupported_payment_params(&params).map_err(bad)?;
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
            view::search_result(row, &links, &state.councils)
        })
        .collect();
    let base = format!("{}/v1/payments", state.public_url);
    Ok(Json(page.answer(results, total, &base, &params)))
}

pub async fn refunds(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let bad = |why: String| ApiError::BadSearch(Operation::SearchRefunds, why);
    let params = query::parse(raw.as_deref()).map_err(bad)?;
    settled_dates(&params).map_err(bad)?;
    known(&params, &REFUND_PARAMS).map_err(bad)?;
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

/// The spec's search parameters paypage cannot honour, each refused
/// with why rather than ignored: ignoring one would answer a narrower
/// question with a wider list, and nothing would say so.
fn unsupported_payment_params(params: &Params) -> Result<(), String> {
    if let Some(digits) = params.get("first_digits_card_number") {
        // The spec: "value must be 6 digits". A well-formed value still
        // cannot be matched: the PSP reports only the last four digits.
        if !all_digits(digits, 6) {
            return Err("first_digits_card_number must be 6 digits".into());
        }
        return Err("paypage cannot search by first_digits_card_number: \
                    the payment provider reports only the last four \
                    digits of a card, so paypage never learns the first \
                    six; search by last_digits_card_number instead"
            .into());
    }
    if params.contains_key("agreement_id") {
        return Err("paypage takes one-off card payments only, never \
                    payments under an agreement, so no payment has an \
                    agreement_id; leave agreement_id out"
            .into());
    }
    settled_dates(params)
}

fn settled_dates(params: &Params) -> Result<(), String> {
    let names = ["from_settled_date", "to_settled_date"];
    match names.into_iter().find(|name| params.contains_key(*name)) {
        Some(name) => Err(format!("{name}: {NO_SETTLEMENT}")),
        None => Ok(()),
    }
}

fn known(params: &Params, names: &[&str]) -> Result<(), String> {
    match params.keys().find(|key| !names.contains(&key.as_str())) {
        Some(key) => Err(format!(
            "{key} is not a search parameter; use {}",
            names.join(", ")
        )),
        None => Ok(()),
    }
}

fn payment_filter(params: &Params) -> Result<SearchFilter, String> {
    let text = |name: &str| params.get(name).cloned();
    let states = match params.get("state") {
        Some(status) => Some(states(status)?),
        None => None,
    };
    let last4 = text("last_digits_card_number");
    if last4.as_ref().is_some_and(|d| !all_digits(d, 4)) {
        return Err("last_digits_card_number must be 4 digits".into());
    }
    let card_brand = params.get("card_brand").map(|b| brand_code(b));
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
        // The value is not repeated: this reason is logged, and a
        // search's terms do not belong in a log (see `observe`).
        return Err("state must be one of created, started, submitted, \
                    success, failed, cancelled, error"
            .into());
    }
    Ok(names)
}

fn all_digits(text: &str, count: usize) -> bool {
    text.len() == count && text.bytes().all(|b| b.is_ascii_digit())
}

/// The stored brand code for a `card_brand` search. GOV.UK Pay's codes
/// (`master-card`) are what the spec's clients send; the names our
/// answers show (`Mastercard`) are accepted too, in any case, since a
/// client may well search with what it read. Anything else is searched
/// as given, and matches nothing.
fn brand_code(text: &str) -> String {
    let text = text.trim().to_ascii_lowercase();
    let named = paypage_card::Brand::ALL.into_iter().find(|brand| {
        brand.code() == text || brand.name().to_ascii_lowercase() == text
    });
    named.map_or(text, |brand| brand.code().to_owned())
}

/// `YYYY-MM-DDThh:mm:ssZ`, as stored for comparison.
fn date(params: &Params, name: &str) -> Result<Option<String>, String> {
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
    fn read(params: &Params) -> Result<Page, String> {
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
        params: &Params,
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
            // The spec's `SearchNavigationLinks` are `Link`s, which
            // have a method as well as an address.
            json!({ "href": format!("{base}?{query}"), "method": "GET" })
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
    params: &Params,
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
