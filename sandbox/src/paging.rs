//! Stripe's cursor pagination for lists: `limit`, and `starting_after`
//! or `ending_before` naming an object id from a previous page.

use crate::error::ApiError;
use crate::params::{Params, integer};

const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 100;

#[derive(Debug)]
pub(crate) struct Page {
    limit: usize,
    starting_after: Option<String>,
    ending_before: Option<String>,
}

impl Page {
    pub(crate) fn from_params(params: &mut Params) -> Result<Page, ApiError> {
        let limit = match params.optional("limit")? {
            None => DEFAULT_LIMIT,
            Some(value) => limit(&value)?,
        };
        let starting_after = params.optional("starting_after")?;
        let ending_before = params.optional("ending_before")?;
        if starting_after.is_some() && ending_before.is_some() {
            return Err(ApiError::invalid(
                "Send starting_after or ending_before, not both.",
            )
            .with_code("parameters_exclusive")
            .with_param("ending_before"));
        }
        Ok(Page {
            limit,
            starting_after,
            ending_before,
        })
    }

    /// Picks this page out of `items` (already in list order) and says
    /// whether more lie beyond it in the direction of travel.
    pub(crate) fn select<'a, T>(
        &self,
        items: &[&'a T],
        id_of: impl Fn(&T) -> &str,
    ) -> Result<(Vec<&'a T>, bool), ApiError> {
        let position = |cursor: &str, param: &str| {
            items
                .iter()
                .position(|item| id_of(item) == cursor)
                .ok_or_else(|| {
                    ApiError::invalid(format!("No such object: '{cursor}'"))
                        .with_code("resource_missing")
                        .with_param(param)
                })
        };
        if let Some(cursor) = &self.starting_after {
            let start = position(cursor, "starting_after")? + 1;
            let rest = &items[start..];
            let page: Vec<&T> = rest.iter().take(self.limit).copied().collect();
            return Ok((page, rest.len() > self.limit));
        }
        if let Some(cursor) = &self.ending_before {
            let end = position(cursor, "ending_before")?;
            let first = end.saturating_sub(self.limit);
            return Ok((items[first..end].to_vec(), first > 0));
        }
        let page = items.iter().take(self.limit).copied().collect();
        Ok((page, items.len() > self.limit))
    }
}

fn limit(value: &str) -> Result<usize, ApiError> {
    let number = integer("limit", value)?;
    usize::try_from(number)
        .ok()
        .filter(|limit| (1..=MAX_LIMIT).contains(limit))
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "The limit must be between 1 and {MAX_LIMIT}."
            ))
            .with_param("limit")
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        (1..=5).map(|n| format!("pi_{n}")).collect()
    }

    fn page(query: &str) -> (Vec<String>, bool) {
        let ids = ids();
        let refs: Vec<&String> = ids.iter().collect();
        let mut params = Params::parse(query.as_bytes());
        let page = Page::from_params(&mut params).unwrap();
        let (items, more) = page.select(&refs, |id| id.as_str()).unwrap();
        (items.into_iter().cloned().collect(), more)
    }

    #[test]
    fn the_first_page_says_more_follow() {
        assert_eq!(page("limit=2"), (vec!["pi_1".into(), "pi_2".into()], true));
    }

    #[test]
    fn starting_after_continues_to_the_end() {
        let (items, more) = page("limit=3&starting_after=pi_3");
        assert_eq!(items, vec!["pi_4", "pi_5"]);
        assert!(!more);
    }

    #[test]
    fn ending_before_pages_back() {
        let (items, more) = page("limit=2&ending_before=pi_4");
        assert_eq!(items, vec!["pi_2", "pi_3"]);
        assert!(more);
    }

    #[test]
    fn a_limit_out_of_range_is_refused() {
        let mut params = Params::parse(b"limit=0");
        assert!(Page::from_params(&mut params).is_err());
        let mut params = Params::parse(b"limit=101");
        assert!(Page::from_params(&mut params).is_err());
    }
}
