//! The sandbox payment provider.
