/// Over folders a woken pattern is searched only in the sentences that
/// hold its trigger literals, not over its whole paragraph (issue 19):
/// a sentence ends at `.`, `!` or `?` unless the pattern's matches can
/// run past that mark (the `.` of "Mr." in the person class), where the
/// stretch widens. These put the trigger late in a long paragraph of many
/// sentences and check the exact findings against the exhaustive engine
/// (every pattern over every block) and against the spans expected.
mod late_trigger {
    use regard::document::{Document, Kind};
    use regard::engine::{Engine, Finding, Options};
    use regard::rule::RuleSet;

    use crate::common::Dir;

    const TAIL: &str = "severity: warning\nsummary: S.\nmessage: M\nsuggest: [x]\ndocs: {what: W, why: Y, curious: C}\nexamples: {flag: [a], pass: [b]}\n";

    /// Forty ordinary sentences, some with the trigger's words apart.
    fn filler() -> String {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!(
                "We went over week {i} and what felt better. He listens at times! Was it late? "
            ));
        }
        text
    }

    fn spans(engine: &Engine, text: &str) -> (Vec<Finding>, Vec<String>) {
        let doc = Document::new("n.md".into(), text.to_string(), Kind::Markdown);
        let found = engine.lint(&doc);
        let words = found
            .iter()
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect();
        (found, words)
    }

    fn exhaustive(rules: &RuleSet) -> Engine<'_> {
        let options = Options {
            exhaustive: true,
            ..Default::default()
        };
        Engine::with_options(rules, options).unwrap()
    }

    /// The match begins two sentence marks before its trigger ("never
    /// listens"): "Mr." and "J." end no sentence for this pattern, so the
    /// stretch reaches back to "Mr." A match that needs a real sentence
    /// end is not found, and a second trigger in the same paragraph finds
    /// its own match.
    #[test]
    fn a_match_reaches_back_past_an_abbreviation_to_its_start() {
        let d = Dir::new("late-trigger");
        d.write(
            "r.yaml",
            format!(
                "id: never-listens\npatterns: ['\\bMr\\. [A-Z]\\. \\w+ never listens\\b']\n{TAIL}"
            ),
        );
        let rules = RuleSet::load(false, std::slice::from_ref(&d.0)).unwrap();
        let fast = Engine::new(&rules).unwrap();
        let text = format!(
            "{}Then Mr. J. Dobbs never listens, said the note. Mr. K. Lee. Never listens. \
             Later, mr. k. lee never listens to us.\n",
            filler()
        );
        let (found, words) = spans(&fast, &text);
        assert_eq!(
            words,
            ["Mr. J. Dobbs never listens", "mr. k. lee never listens"]
        );
        let start = text.find("Mr. J. Dobbs").unwrap();
        assert_eq!(found[0].span.start, start);
        assert_eq!(
            found,
            exhaustive(&rules).lint(&Document::new("n.md".into(), text.clone(), Kind::Markdown))
        );
    }

    /// A pattern with several trigger sets ("keeps cancelling",
    /// "sessions", "mr.") is searched only in the sentences holding a
    /// literal of each: the sentence after "Mr." (an end its matches run
    /// past) counts as one with it, so the one match is found; the
    /// paragraphs whose literals fall in different sentences are not
    /// searched, and find what the exhaustive engine finds there
    /// (nothing).
    #[test]
    fn a_sentence_needs_a_literal_of_every_trigger_set() {
        let d = Dir::new("every-set");
        d.write(
            "r.yaml",
            format!(
                "id: keeps-cancelling\npatterns: ['\\bMr\\. [A-Z]\\w+ keeps cancelling\\b[^.!?]{{0,40}}\\bsessions\\b']\n{TAIL}"
            ),
        );
        let rules = RuleSet::load(false, std::slice::from_ref(&d.0)).unwrap();
        let fast = Engine::new(&rules).unwrap();
        let text = format!(
            "{}Mr. Lee keeps cancelling. The sessions go on.\n\n\
             The sessions are hard. Mr. Lee keeps cancelling.\n\n\
             Then Mr. Lee keeps cancelling the sessions, said the note.\n",
            filler()
        );
        let (found, words) = spans(&fast, &text);
        assert_eq!(words, ["Mr. Lee keeps cancelling the sessions"]);
        assert_eq!(
            found,
            exhaustive(&rules).lint(&Document::new("n.md".into(), text.clone(), Kind::Markdown))
        );
    }

    /// The built-in pack: a question with a gap, last of forty-one
    /// sentences of one paragraph, and a verdict in its middle, found as
    /// the exhaustive engine finds them.
    #[test]
    fn builtin_rules_find_late_questions_in_long_paragraphs() {
        let rules = RuleSet::load(true, &[]).unwrap();
        let fast = Engine::new(&rules).unwrap();
        let mut text = filler();
        text.insert_str(text.len() / 2, "She was resistant to every idea today. ");
        text.push_str("Why does she keep cancelling the sessions with Mr. Jones?\n");
        let (found, words) = spans(&fast, &text);
        let slow = exhaustive(&rules);
        let doc = Document::new("n.md".into(), text.clone(), Kind::Markdown);
        assert_eq!(found, slow.lint(&doc));
        let ids: Vec<&str> = found
            .iter()
            .map(|f| rules.rules[f.rule].id.as_str())
            .collect();
        assert!(
            ids.contains(&"blame-question")
                && words
                    .iter()
                    .any(|w| w.starts_with("Why does she keep cancelling")),
            "{ids:?} {words:?}"
        );
        assert!(words.iter().any(|w| w.contains("resistant")), "{words:?}");
    }
}
