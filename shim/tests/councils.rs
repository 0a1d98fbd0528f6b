//! Loading councils: a configuration that would break the page, or is
//! simply mistyped, stops the shim with a message naming the file and
//! what to change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use paypage_shim::council::Councils;

fn load(toml: &str) -> Result<Councils, String> {
    let dir = tempfile::tempdir().unwrap();
    let council = dir.path().join("test-council");
    std::fs::create_dir(&council).unwrap();
    std::fs::write(council.join("council.toml"), toml).unwrap();
    Councils::load(dir.path()).map_err(|e| e.to_string())
}

const BASE: &str = "accepted_brands = [\"visa\"]\n\
                    return_url_hosts = [\"example.gov.uk\"]\n\
                    [name]\nen = \"Test\"\ncy = \"Prawf\"\n";

#[test]
fn a_council_with_good_colours_loads() {
    let toml = format!("{BASE}[colours]\nheader_background = \"#003078\"\n");
    let councils = load(&toml).unwrap();
    assert!(councils.get("test-council").is_some());
}

#[test]
fn colours_that_fail_contrast_are_refused_naming_the_pair_and_ratio() {
    let toml = format!(
        "{BASE}[colours]\nheader_background = \"#ffdd00\"\n\
         header_text = \"#ffffff\"\n"
    );
    let error = load(&toml).unwrap_err();
    assert!(error.contains("council.toml"), "{error}");
    assert!(error.contains("colours.header_text #ffffff"), "{error}");
    assert!(error.contains("header_background #ffdd00"), "{error}");
    assert!(error.contains(":1"), "{error}");
}

#[test]
fn mistakes_in_the_file_are_named() {
    let cases = [
        (format!("{BASE}colour = \"red\"\n"), "unknown field"),
        (
            BASE.replace("visa", "vissa"),
            "\"vissa\" is not a card brand",
        ),
        (format!("{BASE}[colours]\nlink = \"blue\"\n"), "#rrggbb"),
        (
            BASE.replace("[\"example.gov.uk\"]", "[]"),
            "return_url_hosts",
        ),
        (
            format!("default_language = \"fr\"\n{BASE}"),
            "default_language",
        ),
    ];
    for (toml, expected) in cases {
        let error = load(&toml).unwrap_err();
        assert!(error.contains(expected), "{expected}: {error}");
    }
}

#[test]
fn an_empty_councils_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let error = Councils::load(dir.path()).unwrap_err().to_string();
    assert!(error.contains("no councils found"), "{error}");
}
