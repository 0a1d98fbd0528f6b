//! `paypage-shim check-council <folder>`: what a council runs before
//! deploying a change. It must say OK with every ratio, or list every
//! problem, and its exit code must say which.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

fn check(folder: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paypage-shim"))
        .arg("check-council")
        .arg(folder)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_example_council_passes_with_its_ratios_printed() {
    let councils = Path::new(env!("CARGO_MANIFEST_DIR")).join("../councils");
    for slug in ["example", "northmoor", "glan-teifi", "sunnybank"] {
        let output = check(&councils.join(slug));
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{slug}: {stdout}");
        let first = stdout.lines().next().unwrap();
        assert!(first.ends_with(&format!("{slug}: OK")), "{first}");
        assert_eq!(stdout.matches(" ok\n").count(), 10, "{stdout}");
        assert!(!stdout.contains("FAILS"), "{stdout}");
        assert!(stdout.contains("preview: yes"), "{stdout}");
    }
}

#[test]
fn the_bright_council_shows_its_dark_text_ratios() {
    let councils = Path::new(env!("CARGO_MANIFEST_DIR")).join("../councils");
    let stdout = text(&check(&councils.join("sunnybank")).stdout);
    let line =
        "button_text #0b0c0c on button #ffd60a: 13.87:1 (needs 4.5:1) ok";
    assert!(stdout.contains(line), "{stdout}");
    assert!(stdout.contains("logo: logo.svg (image/svg+xml"), "{stdout}");
}

#[test]
fn a_broken_council_fails_listing_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("broken");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("council.toml"),
        "accepted_brands = [\"visa\"]\nreturn_url_hosts = [\"localhost\"]\n\
         logo = \"missing.svg\"\n\
         [name]\nen = \"Broken\"\ncy = \"Wedi torri\"\n\
         [colours]\nbutton = \"#ffdd00\"\nlink = \"#aaaaaa\"\n",
    )
    .unwrap();
    let output = check(&folder);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(stderr.contains("broken: NOT OK"), "{stderr}");
    assert!(stderr.contains("council broken"), "{stderr}");
    for problem in [
        "colours.button_text #ffffff on button #ffdd00 has a contrast of \
         1.35:1",
        "colours.link #aaaaaa on the page's white #ffffff has a contrast \
         of 2.32:1",
        "logo_alt is required with a logo",
    ] {
        assert!(stderr.contains(problem), "{problem}: {stderr}");
    }
}

#[test]
fn a_folder_without_council_toml_fails_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("council.toml"));
}

#[test]
fn a_mistyped_command_prints_usage_instead_of_starting_the_server() {
    let output = Command::new(env!("CARGO_BIN_EXE_paypage-shim"))
        .arg("check-councils")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("usage: paypage-shim"));
}
