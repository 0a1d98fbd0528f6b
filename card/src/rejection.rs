//! The one trait every rejection type shares.

/// A reason the crate refused some input.
///
/// The crate holds no English: the page and the shim turn [`code`] into
/// a message in the citizen's language (English or Welsh). Codes are
/// stable: once published, a code keeps its meaning, because
/// translations and council dashboards key on it.
///
/// Every rejection type also implements [`std::error::Error`], and its
/// `Display` shows the code, so a log line names the rule that failed
/// and never the input that failed it.
///
/// [`code`]: Rejection::code
pub trait Rejection: std::error::Error {
    /// The stable, kebab-case code, for example
    /// `"card-number-too-short"`.
    fn code(&self) -> &'static str;
}

/// Implements `Display` (the code) and `Error` for a rejection enum
/// whose `Rejection` impl is written beside it.
macro_rules! display_as_code {
    ($problem:ty) => {
        impl std::fmt::Display for $problem {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::Rejection::code(self))
            }
        }

        impl std::error::Error for $problem {}
    };
}

pub(crate) use display_as_code;
