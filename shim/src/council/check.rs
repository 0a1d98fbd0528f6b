//! `paypage-shim check-council councils/<slug>`: checks one council's
//! folder with the same code the shim runs at start, so a council can
//! test a change before deploying it.

use std::fmt::Write;
use std::path::Path;

use super::Council;

/// The report on one folder: `Ok` with every colour pair's ratio when
/// the shim would load it, `Err` with every problem when it would not.
pub fn report(folder: &Path) -> Result<String, String> {
    let shown = folder.display().to_string();
    let shown = shown.trim_end_matches('/');
    let council = Council::load(folder)
        .map_err(|error| format!("{shown}: NOT OK\n{error}\n"))?;
    let mut out = format!("{shown}: OK\n");
    let _ = writeln!(out, "colour contrast:");
    for pair in council.colours.pairs() {
        let _ = writeln!(out, "  {pair}");
    }
    let _ = writeln!(out, "{}", logo_line(&council));
    let preview = match council.preview_key() {
        Some(_) => format!("yes, at /preview/{}", council.slug),
        None => "no ([preview] test_key is not set)".to_owned(),
    };
    let _ = writeln!(out, "preview: {preview}");
    Ok(out)
}

fn logo_line(council: &Council) -> String {
    match (&council.logo, &council.logo_image) {
        (Some(file), Some(logo)) => format!(
            "logo: {file} ({}, {} bytes)",
            logo.content_type,
            logo.bytes.len()
        ),
        _ => "logo: none (the header shows the council's name)".to_owned(),
    }
}
