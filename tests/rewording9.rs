//! Round 9 (issue 26): first suggestions a supervisor would accept, the
//! whole judgment out and the facts in. Every row is a failure the blind
//! supervisor marked 1-2 on set i (bench/blind/set-2026-12-06-i, tuning
//! material now; row numbers in the comments), with the first suggestion
//! every finding of the sentence must show.

use super::rewording8::check_counted;

#[test]
fn set_i_failures_get_a_first_suggestion_a_supervisor_accepts() {
    let cases: &[(usize, &str, &str)] = &[
        // sarcastic adverbs and scare quotes gone, no ',,' (set i row 8)
        (1, "Predictably, Mum was \"too unwell\" to attend the review, which came, conveniently, the morning after the police report.", "Mum said she was too unwell to attend the review, which came the morning after the police report."),
        // 'there's no pleasing him' gone (row 88)
        (1, "Mr Jones is forever moaning, there's no pleasing him whatever we do.", "Mr Jones has moaned."),
        // 'so I'm taking it with a grain of salt' gone (row 107)
        (1, "Her story about the lost Chromebook has changed three times, so I'm taking it with a grain of salt.", "Her story about the lost Chromebook has changed three times."),
        // 'which undermines her credibility' gone (row 47)
        // since round 18 the question, not "For a VP: trainers …" (the
        // "front: details" form was rated 1-2 on all ten rows of sets u-w)
        (1, "Dresses far too casually for a VP, trainers and a hoodie at the offsite, which undermines her credibility.", "What did you see of her that read as \"dresses far too casually\"? If it matters to the work, write that plainly; if not, leave it out."),
        // no ', it's.' stub (row 95)
        (1, "She knows exactly what she's doing when she presses the buzzer straight after handover, it's to keep staff in her room.", "She presses the buzzer straight after handover."),
        // two findings; never 'report that was set' (rows 84-85)
        (2, "PoP failed to report as instructed and has been non-compliant with the RAR requirement for six weeks.", "PoP did not report as asked and has not kept to the RAR requirement for six weeks."),
        // never 'has did not'; a letter is replied to, not followed (row 133)
        (1, "Tenant has failed to comply with the repayment agreement and has ignored all three letters.", "Tenant has not kept to the repayment agreement and has not replied to any of the three letters."),
        // two findings; 'swears blind' is 'says', not 'says blind' (rows 219-220)
        (2, "SU swears blind he's only topped up once this month, which I very much doubt.", "SU says he's only topped up once this month."),
        // three findings; no 'Client arms crossed:' fragment as setting (rows 15-17)
        (3, "Client was resistant and defensive throughout session, arms crossed, and would not engage with the CBT worksheet.", "What did the client do or say that read as \"resistant and defensive throughout session\" and \"would not engage with the CBT worksheet\"? Write that instead."),
        // no 'No amount of coaching…' verdict as setting (row 48)
        (1, "She simply doesn't have the emotional intelligence to lead a team of this size, and no amount of coaching is going to give it to her.", "What did you see her do that read as \"doesn't have the emotional intelligence to lead\"? Write that, and what she would like to work on."),
        // two findings; no 'Very short skirt…' verdict as setting (rows 90-91)
        (2, "Daughter came in looking like mutton dressed as lamb, very short skirt for a woman her age.", "What did you see of the daughter that read as \"came in looking like mutton dressed as lamb\"? If it matters to the work, write that plainly; if not, leave it out."),
        // sarcasm gone, the scare-quoted state said as his account (row 79)
        (1, "Conveniently, his phone was \"broken\" on each of the three days he was due to call in.", "He said his phone was broken on each of the three days he was due to call in."),
        // no quote inside the quote (row 243)
        (1, "Her \"burnout\" is really just a lack of boundaries, nothing a few early nights won't fix.", "What did she say or show that you called \"her burnout\"? Write that, in her words."),
        // assumed intent: the act alone, the motive gone (row 228)
        (1, "She wets the bed on purpose to take the attention off her brother.", "She wets the bed."),
        // assumed intent: the act alone (row 136)
        (1, "She is deliberately running up arrears because she thinks the council will rehouse her anyway.", "She is running up arrears."),
        // assumed intent: no motive stated as fact (row 172)
        (1, "The nephew is only hanging around because of the will.", "The nephew is hanging around."),
        // 'nothing any of us does is ever good enough' gone (row 38)
        (1, "This pt complains about everything, and nothing any of us does is ever good enough for him.", "This pt has complained about things."),
        // a whole fact with a count stays the setting (set g, rated well)
        (1, "Pt very demanding overnight, on the buzzer every five minutes.", "On the buzzer every five minutes: what did Pt do or say overnight that read as \"demanding\"? Write that, and what they might have needed."),
    ];
    check_counted(cases, true);
}
