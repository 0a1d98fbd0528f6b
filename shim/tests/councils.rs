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

/// Like `load`, with extra files (a logo) written beside the TOML.
fn load_with(toml: &str, files: &[File]) -> Result<Councils, String> {
    let dir = tempfile::tempdir().unwrap();
    let council = dir.path().join("test-council");
    std::fs::create_dir(&council).unwrap();
    std::fs::write(council.join("council.toml"), toml).unwrap();
    for (name, bytes) in files {
        std::fs::write(council.join(name), bytes).unwrap();
    }
    Councils::load(dir.path()).map_err(|e| e.to_string())
}

/// A file written beside `council.toml`: its name and bytes.
type File<'a> = (&'a str, &'a [u8]);

const ALT: &str = "[logo_alt]\nen = \"Test Council\"\ncy = \"Cyngor Prawf\"\n";

#[test]
fn the_error_names_the_council_and_every_problem_at_once() {
    let toml = format!(
        "default_language = \"fr\"\n{BASE}[colours]\nlink = \"#aaaaaa\"\n\
         brand = \"#0b0c0c\"\n"
    );
    let error = load(&toml).unwrap_err();
    assert!(error.contains("council test-council"), "{error}");
    assert!(error.contains("default_language"), "{error}");
    assert!(error.contains("colours.link #aaaaaa"), "{error}");
    assert!(
        error.contains(
            "colours.brand #0b0c0c on header_background #0b0c0c has a \
             contrast of 1.00:1; non-text needs at least 3:1"
        ),
        "{error}"
    );
}

#[test]
fn a_council_with_an_svg_logo_and_its_alt_text_loads() {
    let toml = format!("logo = \"logo.svg\"\n{BASE}{ALT}");
    let svg: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
    let councils = load_with(&toml, &[("logo.svg", svg)]).unwrap();
    let council = councils.get("test-council").unwrap();
    let logo = council.logo_image.as_ref().unwrap();
    assert_eq!(logo.content_type, "image/svg+xml");
}

#[test]
fn logo_mistakes_are_named() {
    let svg: &[u8] = b"<svg></svg>";
    let cases: [(String, Vec<File>, &str); 4] = [
        (
            format!("logo = \"logo.svg\"\n{BASE}"),
            vec![("logo.svg", svg)],
            "logo_alt is required with a logo",
        ),
        (
            format!("logo = \"logo.svg\"\n{BASE}{ALT}"),
            vec![],
            "logo \"logo.svg\": cannot read",
        ),
        (
            format!("logo = \"logo.png\"\n{BASE}{ALT}"),
            vec![("logo.png", svg)],
            "logo \"logo.png\" is not a PNG image",
        ),
        (
            format!("{BASE}{ALT}"),
            vec![],
            "logo_alt is given but logo is not",
        ),
    ];
    for (toml, files, expected) in cases {
        let error = load_with(&toml, &files).unwrap_err();
        assert!(error.contains(expected), "{expected}: {error}");
    }
}

#[test]
fn the_preview_key_must_be_one_of_the_councils_own_test_keys() {
    let key = "api_test_preview_key_for_tests_01";
    let hash = paypage_shim::secret::hash(key);
    let listed = format!(
        "{BASE}[[api_keys]]\nname = \"t\"\nmode = \"test\"\n\
         sha256 = \"{hash}\"\n"
    );
    let good = format!("{listed}[preview]\ntest_key = \"{key}\"\n");
    assert!(load(&good).is_ok());

    let unlisted = format!("{BASE}[preview]\ntest_key = \"{key}\"\n");
    let error = load(&unlisted).unwrap_err();
    assert!(error.contains("not one of this council's test keys"));
    assert!(error.contains(&hash), "{error}");

    let live = format!("{listed}[preview]\ntest_key = \"api_live_x\"\n");
    let error = load(&live).unwrap_err();
    assert!(error.contains("must be a test key"), "{error}");
}

#[test]
fn footer_and_support_mistakes_are_named() {
    let toml = format!(
        "{BASE}[footer.privacy]\nen = \"Privacy\"\ncy = \"\"\n\
         url = \"https://example.gov.uk/privacy\"\n\
         [footer.contact]\nen = \"Contact\"\ncy = \"Cysylltu\"\n\
         url = \"example.gov.uk/contact\"\n\
         [support]\nphone = \"call us\"\n"
    );
    let error = load(&toml).unwrap_err();
    for expected in [
        "footer.privacy.cy must not be empty",
        "footer.contact.url \"example.gov.uk/contact\" must be a full https",
        "support.phone \"call us\"",
    ] {
        assert!(error.contains(expected), "{expected}: {error}");
    }
}
