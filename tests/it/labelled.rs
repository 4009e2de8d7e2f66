//! The labelled evaluation sets stay well formed: every reply has exactly one
//! label, every label a file, and every value is one the card can take.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn sets() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/labelled");
    let mut sets: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/labelled")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("labels.json").is_file())
        .collect();
    sets.sort();
    sets
}

#[test]
fn every_reply_has_one_valid_label() {
    let sets = sets();
    assert!(sets.len() >= 5, "{sets:?}");
    for set in sets {
        let text = std::fs::read_to_string(set.join("labels.json")).expect("labels.json");
        let labels: serde_json::Map<String, Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", set.display()));
        let mut files = BTreeSet::new();
        for lang in ["fi", "en", "sv"] {
            let Ok(entries) = std::fs::read_dir(set.join(lang)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("entry").path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("eml"))
                {
                    files.insert(format!("{lang}/{name}"));
                }
            }
        }
        let labelled: BTreeSet<String> = labels.keys().cloned().collect();
        assert_eq!(
            files,
            labelled,
            "{}: files and labels differ",
            set.display()
        );
        for (file, squares) in &labels {
            for square in bingo::rules::Square::ALL.map(bingo::rules::Square::id) {
                let value = &squares[square];
                let ok = match square {
                    "greeting" => value.as_u64().is_some_and(|v| v <= 2),
                    "tone" | "questions" => {
                        value.is_null() || value.as_u64().is_some_and(|v| v <= 1)
                    }
                    _ => value.as_u64().is_some_and(|v| v <= 1),
                };
                assert!(ok, "{}: {file}: {square} = {value}", set.display());
            }
            // Tone and questions apply together: both need the customer's message.
            assert_eq!(
                squares["tone"].is_null(),
                squares["questions"].is_null(),
                "{}: {file}",
                set.display()
            );
        }
    }
}
