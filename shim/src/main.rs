//! The paypage shim: the council-facing payments API and page server.
fn main() {}
