//! The payment's state: one enum, and one table that says what the API
//! reports for each (GOV.UK Pay's "payment status lifecycle").

use serde::Serialize;

/// Why a payment ended without money moving, when it did not succeed.
///
/// Each ending has the GOV.UK Pay state code a council service already
/// handles, so a service written against GOV.UK Pay needs no change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Created by the council's service; the citizen has not opened it.
    Created,
    /// The citizen opened the page (and may have had a card declined).
    Started,
    /// A token is being charged at the PSP right now.
    Submitted,
    /// The PSP took the money.
    Success,
    /// The card was declined on the last allowed attempt (P0010).
    Declined,
    /// Not finished within 90 minutes of creation (P0020).
    Expired,
    /// The citizen chose Cancel on the page (P0030).
    CancelledByUser,
    /// The council's service cancelled it over the API (P0040).
    CancelledByService,
    /// The PSP answered with an error we cannot retry (P0050).
    Error,
}

/// What `state` looks like in the payments API.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ApiState {
    pub status: &'static str,
    pub finished: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'static str>,
}

struct Row {
    state: State,
    name: &'static str,
    status: &'static str,
    code: Option<&'static str>,
    message: Option<&'static str>,
}

/// The one table: the stored name, the API status, the code and message.
const TABLE: [Row; 9] = [
    row(State::Created, "created", "created", None),
    row(State::Started, "started", "started", None),
    row(State::Submitted, "submitted", "submitted", None),
    row(State::Success, "success", "success", None),
    row(
        State::Declined,
        "declined",
        "failed",
        Some(("P0010", "Payment method rejected")),
    ),
    row(
        State::Expired,
        "expired",
        "failed",
        Some(("P0020", "Payment expired")),
    ),
    row(
        State::CancelledByUser,
        "cancelled_by_user",
        "cancelled",
        Some(("P0030", "Payment was cancelled by the user")),
    ),
    row(
        State::CancelledByService,
        "cancelled_by_service",
        "cancelled",
        Some(("P0040", "Payment was cancelled by the service")),
    ),
    row(
        State::Error,
        "error",
        "error",
        Some(("P0050", "Payment provider returned an error")),
    ),
];

const fn row(
    state: State,
    name: &'static str,
    status: &'static str,
    code: Option<(&'static str, &'static str)>,
) -> Row {
    let (code, message) = match code {
        Some((code, message)) => (Some(code), Some(message)),
        None => (None, None),
    };
    Row {
        state,
        name,
        status,
        code,
        message,
    }
}

impl State {
    fn row(self) -> &'static Row {
        // Every variant has exactly one row; the test below proves it.
        let found = TABLE.iter().find(|row| row.state == self);
        found.unwrap_or(&TABLE[8])
    }

    /// The name stored in the database.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// Reads a stored name back; `None` for a name this build never wrote.
    pub fn from_name(name: &str) -> Option<State> {
        TABLE
            .iter()
            .find(|row| row.name == name)
            .map(|row| row.state)
    }

    /// The API's `status` value (what councils search by).
    pub fn status(self) -> &'static str {
        self.row().status
    }

    /// The stored names that have this API status, for searching.
    pub fn names_with_status(status: &str) -> Vec<&'static str> {
        let rows = TABLE.iter().filter(|row| row.status == status);
        rows.map(|row| row.name).collect()
    }

    /// True once nothing more can happen to the payment.
    pub fn is_finished(self) -> bool {
        !matches!(self, State::Created | State::Started | State::Submitted)
    }

    /// The `state` object of the payments API.
    pub fn api(self) -> ApiState {
        let row = self.row();
        ApiState {
            status: row.status,
            finished: self.is_finished(),
            code: row.code,
            message: row.message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [State; 9] = [
        State::Created,
        State::Started,
        State::Submitted,
        State::Success,
        State::Declined,
        State::Expired,
        State::CancelledByUser,
        State::CancelledByService,
        State::Error,
    ];

    #[test]
    fn every_state_has_exactly_one_row_and_round_trips() {
        for state in ALL {
            let rows = TABLE.iter().filter(|row| row.state == state);
            assert_eq!(rows.count(), 1, "{state:?}");
            assert_eq!(State::from_name(state.name()), Some(state));
        }
    }

    #[test]
    fn failed_states_carry_the_govuk_pay_codes() {
        assert_eq!(State::Expired.api().code, Some("P0020"));
        assert_eq!(State::Declined.api().status, "failed");
        assert_eq!(State::CancelledByService.api().code, Some("P0040"));
        assert!(State::Success.api().finished);
        assert!(!State::Started.api().finished);
    }

    #[test]
    fn searching_by_failed_finds_declined_and_expired() {
        let names = State::names_with_status("failed");
        assert_eq!(names, vec!["declined", "expired"]);
    }
}
