//! How long the page spends on each keystroke's checks.
//!
//! Run with `cargo bench -p paypage-card`; figures are in README.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use paypage_card::{
    Brand, CardNumber, Expiry, YearMonth, check_number, detect, format_number,
    reformat,
};

fn number_checks(c: &mut Criterion) {
    let accepted = [Brand::Visa, Brand::Mastercard, Brand::Maestro];
    let mut group = c.benchmark_group("number");

    group.bench_function("check 16 digits, spaced", |b| {
        b.iter(|| check_number(black_box("4242 4242 4242 4242"), &accepted))
    });
    group.bench_function("check 16 digits, plain", |b| {
        b.iter(|| check_number(black_box("5555555555554444"), &accepted))
    });
    group.bench_function("parse CardNumber, 16 digits", |b| {
        b.iter(|| CardNumber::parse(black_box("4242424242424242"), &accepted))
    });
    group.finish();
}

fn brand_detection(c: &mut Criterion) {
    let mut group = c.benchmark_group("detect");
    for prefix in ["4", "6011", "622126", "4242424242424242"] {
        group.bench_function(prefix, |b| b.iter(|| detect(black_box(prefix))));
    }
    group.finish();
}

fn formatting(c: &mut Criterion) {
    let mut group = c.benchmark_group("format");
    group.bench_function("format 16 digits", |b| {
        b.iter(|| format_number(black_box("4242424242424242")))
    });
    group.bench_function("reformat paste with hyphens", |b| {
        b.iter(|| reformat(black_box("4242-4242-4242-4242"), 19))
    });
    group.finish();
}

fn expiry(c: &mut Criterion) {
    let today = YearMonth {
        year: 2026,
        month: 5,
    };
    let mut group = c.benchmark_group("expiry");
    group.bench_function("parse MM/YY", |b| {
        b.iter(|| Expiry::parse(black_box("04/29"), today))
    });
    group.bench_function("potentially valid, partial", |b| {
        b.iter(|| Expiry::potentially_valid(black_box("12/2"), today))
    });
    group.finish();
}

criterion_group!(benches, number_checks, brand_detection, formatting, expiry);
criterion_main!(benches);
