//! Word (`.docx`) and LibreOffice (`.odt`) notes (issue 23), on documents
//! made by real word processors' code: python-docx, odfpy, and LibreOffice
//! rewriting each in the other format (`scripts/make-office-fixtures`,
//! which also wraps the hostile ones). The tests read the committed files.

use std::process::Output;

use crate::common::{regard, regard_stdin, stderr, stdout, Dir};
use regard::document::{Document, Kind};

const SESSIONS: [&str; 4] = [
    "session.docx",
    "session.odt",
    "session-libreoffice.docx",
    "session-libreoffice.odt",
];

fn fixture(name: &str) -> String {
    format!("fixtures/office/{name}")
}

fn read(name: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).unwrap();
    match Document::read(fixture(name), bytes, Kind::Word) {
        Ok(doc) => doc,
        Err(_) => panic!("{name} does not read"),
    }
}

/// Findings as `line:column rule matched`, from the JSON output.
fn findings(o: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {}",
                f["start"]["line"], f["start"]["column"], f["rule"], f["matched"]
            )
            .replace('"', "")
        })
        .collect()
}

#[test]
fn paragraphs_in_reading_order_one_a_line() {
    // Heading, bold run inside a word joined, quotation, list items, table
    // cells, the suppression's paragraph, tracked changes accepted (the
    // deleted "lazy" gone, the inserted words in), then the comment that
    // is a remark. The suppression comment is not prose.
    assert_eq!(
        read("session.docx").shown(),
        "Session notes: the Hollis family\n\
         Client was resistant to the new plan at first, then asked for a week to think.\n\
         We met at the family centre. Mr Hollis brought the school letter.\n\
         He said, \u{201c}I am lazy about forms, everyone says so.\u{201d}\n\
         The referral calls him manipulative with staff.\n\
         Actions\n\
         Book the next visit for Tuesday.\n\
         He claims the bus was late again.\n\
         Attendance\n\
         Came to three of four sessions.\n\
         Engagement\n\
         Mum was hostile at pickup.\n\
         The court report describes her as non-compliant with the order.\n\
         Next review in March.\n\
         Dad was tired after the night shift.\n\
         Mum was hostile and left early.\n\
         Second page. \n\
         Check the date with the school.\n"
    );
    // LibreOffice's rewrite reads the same, paragraph for paragraph (but
    // for the space the page break stood for).
    let trimmed = |name| -> Vec<String> {
        read(name)
            .shown()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    };
    assert_eq!(trimmed("session-libreoffice.odt"), trimmed("session.docx"));
    // odfpy's note: the tracked deletion ("lazy") lives apart from the body
    // and is left out; the insertion ("hostile") is in. Its footnote is
    // numbered where it is cited.
    let odt = read("session.odt");
    let lines: Vec<&str> = odt.shown().lines().collect();
    assert_eq!(lines[1], "Client was resistant to the new plan at first.");
    assert_eq!(lines[10], "Dad was hostile after the night shift.");
    assert_eq!(lines[11], "Review in March.");
    assert_eq!(lines[12], "Her sister claims she was never told.");
    assert_eq!(lines.len(), 13);
    assert!(!odt.shown().contains("lazy\n"));
    // Word's footnotes come after the body.
    let docx = read("session-libreoffice.docx");
    assert_eq!(
        docx.shown().lines().last().unwrap().trim(),
        "Her sister claims she was never told."
    );
}

#[test]
fn each_paragraph_is_a_block_and_quotation_styles_are_block_quotes() {
    for name in SESSIONS {
        let doc = read(name);
        let blocks: Vec<(&str, bool)> = doc
            .prose
            .blocks
            .iter()
            .map(|b| (&doc.prose.text[b.range.clone()], b.quote))
            .collect();
        let quotes: Vec<&str> = blocks.iter().filter(|b| b.1).map(|b| b.0).collect();
        let expected = if name.starts_with("session.docx") || name == "session-libreoffice.odt" {
            "The referral calls him manipulative with staff."
        } else {
            "The letter says she is manipulative."
        };
        assert_eq!(quotes, [expected], "{name}");
        // A table cell is a block of its own: no phrase runs from one cell
        // into the next.
        assert!(blocks.iter().any(|b| b.0 == "Engagement"), "{name}");
        assert!(
            blocks.iter().any(|b| b.0 == "Mum was hostile at pickup."),
            "{name}"
        );
    }
}

#[test]
fn findings_are_at_paragraph_and_character() {
    let expected: [(&str, &[&str]); 4] = [
        (
            "session.docx",
            &[
                "2:12 deficit-label resistant",
                "5:24 deficit-label manipulative",
                "8:4 credibility-doubt claims",
                "12:9 deficit-label hostile",
                "16:9 deficit-label hostile",
            ],
        ),
        (
            "session-libreoffice.odt",
            &[
                "2:12 deficit-label resistant",
                "5:24 deficit-label manipulative",
                "8:4 credibility-doubt claims",
                "12:9 deficit-label hostile",
                "16:9 deficit-label hostile",
            ],
        ),
        (
            "session.odt",
            &[
                "2:12 deficit-label resistant",
                "5:4 credibility-doubt claims",
                "9:9 deficit-label hostile",
                "11:9 deficit-label hostile",
                "13:12 credibility-doubt claims",
            ],
        ),
        (
            "session-libreoffice.docx",
            &[
                "2:12 deficit-label resistant",
                "5:4 credibility-doubt claims",
                "9:9 deficit-label hostile",
                "11:9 deficit-label hostile",
                "13:13 credibility-doubt claims",
            ],
        ),
    ];
    for (name, want) in expected {
        let o = regard(&["check", "--format", "json", &fixture(name)]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        // `resis` + bold `tant` is one word; the quoted "I am lazy" is
        // speech; the court's "non-compliant" is suppressed by a comment;
        // the tracked deletion of "lazy" is not text.
        assert_eq!(findings(&o), want, "{name}");
    }
}

#[test]
fn suppression_comments_cover_their_anchor_and_report_when_unused() {
    let o = regard(&["check", "--format", "json", &fixture("suppressions.docx")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&o),
        [
            // "hostile" in paragraph 3, inside a comment over paragraphs
            // 2 to 4, is suppressed. A comment naming the wrong rule
            // suppresses nothing and says so.
            "5:1 unused-suppression credibility-doubt",
            "5:8 deficit-label lazy",
            // A directive typed into the text is prose, not a suppression.
            "6:46 deficit-label hostile",
        ]
    );
}

#[test]
fn human_report_shows_the_paragraph() {
    let o = regard(&["check", &fixture("session.docx")]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
    // A finding in the last paragraph: the line after it is the format's
    // trailer (quotations, suppressions), which is never shown.
    let o = regard(&["check", &fixture("session.odt")]);
    let out = stdout(&o);
    assert!(
        out.contains(" 13 │ Her sister claims she was never told.\n"),
        "{out}"
    );
    assert!(!out.contains('\u{240c}') && !out.contains(" 14 │"), "{out}");
}

#[test]
fn sarif_regions_are_paragraph_and_character() {
    let o = regard(&["check", "--format", "sarif", &fixture("session.odt")]);
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let regions: Vec<(u64, u64)> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(regions, [(2, 12), (5, 4), (9, 9), (11, 9), (13, 12)]);
    assert!(results.iter().all(|r| r["partialFingerprints"]
        .as_object()
        .is_some_and(|f| !f.is_empty())));
}

#[test]
fn hostile_and_mislabelled_documents_are_errors_naming_the_file() {
    let cases = [
        (
            "bomb.docx",
            "it looks like a zip bomb: `word/document.xml` inflates to over 67108864 bytes",
        ),
        (
            "deep.docx",
            "`word/document.xml` nests XML over 256 elements deep",
        ),
        (
            "laughs.docx",
            "`word/document.xml` has a document type declaration",
        ),
        (
            "entries.docx",
            "it has 5001 entries, over the 4096 regard reads in a document",
        ),
        (
            "text.docx",
            "it is not a zip archive (it looks like plain text: rename it to .txt or .md)",
        ),
        (
            "photos.docx",
            "it is a zip archive, but neither a Word document",
        ),
        ("truncated.docx", "it is damaged"),
        ("encrypted.odt", "it is password-protected (encrypted)"),
    ];
    for (name, why) in cases {
        let o = regard(&["check", &fixture(name)]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        let path = fixture(name);
        assert!(
            err.contains(&format!("cannot read `{path}` as ")),
            "{name}: {err}"
        );
        assert!(err.replace("\n  │ ", " ").contains(why), "{name}: {err}");
        assert!(
            stdout(&o).contains("errors above, so this is not an all-clear"),
            "{name}: {}",
            stdout(&o)
        );
    }
}

#[test]
fn fix_never_rewrites_a_document_and_says_so() {
    let dir = Dir::new("office-fix");
    let original = std::fs::read(fixture("session.docx")).unwrap();
    dir.write("note.docx", &original);
    for flag in ["--fix", "--diff"] {
        let o = dir.regard(&["check", flag, "note.docx"]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&o).contains("cannot fix `note.docx`: regard reads Word and LibreOffice documents but never rewrites them"),
            "{flag}: {}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(dir.0.join("note.docx")).unwrap(), original);
    }
}

#[test]
fn folder_walks_check_documents_beside_markdown() {
    let dir = Dir::new("office-walk");
    dir.write(
        "notes/a.docx",
        std::fs::read(fixture("session.docx")).unwrap(),
    );
    dir.write(
        "notes/b.odt",
        std::fs::read(fixture("session.odt")).unwrap(),
    );
    dir.write("notes/c.md", "Client was resistant.\n");
    let o = dir.regard(&["check", "--format", "concise", "notes"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let out = stdout(&o);
    assert_eq!(out.matches("notes/a.docx:").count(), 5, "{out}");
    assert_eq!(out.matches("notes/b.odt:").count(), 5, "{out}");
    assert_eq!(out.matches("notes/c.md:").count(), 1, "{out}");
    let o = dir.regard(&["check", "notes"]);
    assert!(
        stdout(&o).ends_with("regard: 11 phrases to reconsider in 3 of 3 notes.\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn standard_input_named_as_a_document() {
    let bytes = std::fs::read(fixture("session.odt")).unwrap();
    let o = regard_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "in.odt",
            "-",
        ],
        &bytes,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&o).len(), 5);
}

#[test]
fn baselines_and_redaction_work_on_documents() {
    let dir = Dir::new("office-baseline");
    dir.write("note.odt", std::fs::read(fixture("session.odt")).unwrap());
    let o = dir.regard(&["check", "--write-baseline", "baseline.json", "note.odt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let baseline = dir.read("baseline.json");
    assert_eq!(baseline.matches("\"fingerprint\"").count(), 5);
    assert!(!baseline.contains("resistant"));
    let o = dir.regard(&["check", "--baseline", "baseline.json", "note.odt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 note checked, nothing to reconsider"));

    let o = dir.regard(&["check", "--redact", "note.odt"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("note.odt:2:12: Labels the person"), "{out}");
    for word in ["resistant", "hostile", "claims", "Client", "sister"] {
        assert!(!out.contains(word), "{word} in {out}");
    }
}

#[test]
fn block_quotes_as_speech_quiets_quotation_paragraphs() {
    let dir = Dir::new("office-quotes");
    dir.write("note.docx", std::fs::read(fixture("session.docx")).unwrap());
    dir.write("regard.yaml", "block-quotes: speech\n");
    let o = dir.regard(&["check", "--format", "json", "note.docx"]);
    assert_eq!(
        findings(&o),
        [
            "2:12 deficit-label resistant",
            "8:4 credibility-doubt claims",
            "12:9 deficit-label hostile",
            "16:9 deficit-label hostile",
        ]
    );
    // A style of the writer's own, based on Word's Quote: styles.xml says so.
    dir.write(
        "own.docx",
        std::fs::read(fixture("quote-style.docx")).unwrap(),
    );
    let o = dir.regard(&["check", "--format", "json", "own.docx"]);
    assert_eq!(findings(&o), ["3:9 deficit-label hostile"]);
    let o = regard(&["check", "--format", "json", &fixture("quote-style.docx")]);
    assert_eq!(
        findings(&o),
        [
            "2:8 deficit-label hostile",
            "2:20 deficit-label lazy",
            "3:9 deficit-label hostile"
        ]
    );
}

#[test]
fn pages_where_the_document_records_them() {
    // LibreOffice wrote where it broke the pages (paragraphs 21, 42, 63…).
    let o = regard(&[
        "check",
        "--format",
        "json",
        &fixture("pages-libreoffice.odt"),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pages: Vec<(u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["start"]["line"].as_u64().unwrap(),
                f["page"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pages, [(3, 1), (60, 3), (140, 7)]);
    let o = regard(&["check", &fixture("pages-libreoffice.odt")]);
    assert!(
        stdout(&o).contains("        (on page 3)\n"),
        "{}",
        stdout(&o)
    );
    let o = regard(&["check", "--redact", &fixture("pages-libreoffice.odt")]);
    assert!(
        stdout(&o).contains("pages-libreoffice.odt:140:24 (page 7): Labels the person"),
        "{}",
        stdout(&o)
    );
    // A document that records no page breaks says nothing of pages.
    let o = regard(&["check", "--format", "json", &fixture("session.docx")]);
    assert!(!stdout(&o).contains("\"page\""));
}

#[test]
fn text_boxes_are_read_once_where_they_stand() {
    // The .docx holds the box twice (a drawing and, under mc:Fallback, the
    // same for older Words): it is read once, numbered after the paragraph
    // it is anchored in.
    for name in ["textbox.odt", "textbox-libreoffice.docx"] {
        assert_eq!(
            read(name).shown(),
            "Home visit, Thursday.\n\
             The kitchen was tidy. We sat at the table.\n\
             Aside: the neighbour claims the children are left alone.\n",
            "{name}"
        );
        let o = regard(&["check", "--format", "json", &fixture(name)]);
        assert_eq!(findings(&o), ["3:22 credibility-doubt claims"], "{name}");
    }
}
