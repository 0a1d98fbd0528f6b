//! The shim's sense of time, injected so tests can move it forward
//! (a payment expires 90 minutes after creation; no test waits that long).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

/// Wall-clock time plus an offset that only tests change.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        let offset = self.offset_seconds.load(Ordering::Relaxed);
        Utc::now() + Duration::seconds(offset)
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        let seconds = by.num_seconds();
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }
}
