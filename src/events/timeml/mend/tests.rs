//! Tests of the parse mends: sentences of the news as the parser reads them, and the heads
//! and relations the mends give their words.

use super::*;
use crate::dates::resolve_text;
use crate::language::Analyzer;

/// The parse of `text`, published on `published`, after mending.
fn mended(text: &str, published: &str) -> Sentence {
    let mut s = Sentence::default();
    Analyzer::new().analyze(text, 0..text.len(), &mut s);
    let mentions = resolve_text(text, published.parse().ok());
    let refs: Vec<_> = mentions.iter().collect();
    let mut timexes = Vec::new();
    super::super::anchor::place(&s, &refs, &mut timexes);
    mend(&mut s, &timexes, &mut Sentence::default(), false);
    s
}

/// The parse of `text` after mending, and the head and relation of each word named.
fn heads(text: &str, words: &[&str]) -> Vec<(String, String)> {
    let s = mended(text, "2024-05-25");
    let find = |w: &str| (0..s.len()).find(|&i| s.word(text, i) == w).unwrap();
    words
        .iter()
        .map(|w| {
            let t = &s.tokens[find(w)];
            (t.head.map_or("ROOT", |h| s.word(text, h)).to_string(), format!("{:?}", t.deprel))
        })
        .collect()
}

#[test]
fn a_reported_past_read_as_a_participle_is_the_clause_and_the_report_its_parenthetical() {
    let text = "Suspected bombs exploded outside the U.S. embassies in Kenya and Tanzania on Friday, killing dozens of people, witnesses said.";
    let got = heads(text, &["exploded", "bombs", "said", "witnesses"]);
    assert_eq!(got[0], ("ROOT".to_string(), "Root".to_string()));
    assert_eq!(got[1], ("exploded".to_string(), "Nsubj".to_string()));
    assert_eq!(got[2], ("exploded".to_string(), "Parataxis".to_string()));
    assert_eq!(got[3].0, "said");
    // a passive with its "by" phrase is a participle indeed: it stays on its noun (a silver
    // sentence the parse gives "reported" two subjects, "Inventories" and "Department")
    let text = "Inventories held by US businesses on shelves and backlots increased by 0.5 percent in September, marking the largest gain in eight months, the Commerce Department reported Wednesday.";
    assert_eq!(heads(text, &["held"])[0], ("Inventories".to_string(), "Acl".to_string()));
}

#[test]
fn a_trailing_time_goes_to_its_clause() {
    let got = heads("Prosecutors will present evidence about the invasion next week.", &["week", "invasion", "about"]);
    assert_eq!(got[0].0, "present");
    assert_eq!(got[1].0, "evidence");
    assert_eq!(got[2].0, "invasion");
}

#[test]
fn a_time_that_modifies_a_noun_stays() {
    // "the Monday meeting", "a 30-hour Easter truce": the time modifies the noun after it
    let got = heads("The Monday meeting ended early.", &["Monday"]);
    assert_eq!(got[0].0, "meeting");
    let got = heads("Moscow announced a 30-hour Easter truce over the weekend.", &["Easter", "hour"]);
    assert_eq!(got[0].0, "truce");
    assert!(["truce", "Easter"].contains(&got[1].0.as_str()), "{got:?}");
}

#[test]
fn a_time_between_a_subject_and_its_verb_is_not_a_relative_clause() {
    let text = "The Turkish parliament last Friday approved a free trade agreement signed last year.";
    let got = heads(text, &["approved", "parliament", "Friday"]);
    let want = [("ROOT", "Root"), ("approved", "Nsubj"), ("approved", "OblUnmarked")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // a relative pronoun is the clause's subject: the relative clause stays
    let text = "The MILF is a splinter of the Front, which last year signed a peace treaty with the government.";
    assert_eq!(heads(text, &["signed"])[0], ("Front".to_string(), "AclRelcl".to_string()));
}

#[test]
fn a_name_in_apposition_to_a_time_is_the_subject() {
    let text = "On Thursday, Ichiro Ozawa, who heads the main opposition party, promised to support the bill.";
    assert_eq!(heads(text, &["Ichiro"])[0], ("promised".to_string(), "Nsubj".to_string()));
    // a verb with a subject of its own keeps it, and the name stays the day's
    let text = "On Thursday, Independence Day, the president spoke to the nation.";
    let got = heads(text, &["Independence", "president"]);
    assert_ne!(got[0], ("spoke".to_string(), "Nsubj".to_string()), "{got:?}");
    assert_eq!(got[1], ("spoke".to_string(), "Nsubj".to_string()));
}

#[test]
fn a_participle_with_no_finite_verb_is_the_clause() {
    let text = "Australian share prices closed at fresh record highs Thursday, led by banks.";
    let got = heads(text, &["closed", "prices", "Thursday", "led"]);
    assert_eq!(got[0], ("ROOT".to_string(), "Root".to_string()));
    assert_eq!(got[1], ("closed".to_string(), "Nsubj".to_string()));
    // The parse hangs "Thursday" on "highs", an oblique on a noun: it goes to the clause.
    assert_eq!(got[2].0, "closed");
    assert_eq!(got[3].0, "prices", "the participle clause after the comma stays the noun's");
}

#[test]
fn participles_joined_are_one_clause() {
    let got = heads("The boat capsized and sank.", &["capsized", "boat", "sank"]);
    let want = [("ROOT", "Root"), ("capsized", "Nsubj"), ("capsized", "Conj")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_preposition_read_as_a_subordinator_keeps_its_noun_from_being_a_subject() {
    let got = heads("Since the invasion, President Putin has appointed new generals.", &["invasion", "Since", "Putin"]);
    assert_eq!(got[0], ("appointed".to_string(), "Obl".to_string()));
    assert_eq!(got[1], ("invasion".to_string(), "Case".to_string()));
    assert_eq!(got[2], ("appointed".to_string(), "Nsubj".to_string()));
}

#[test]
fn a_prepositional_phrase_read_as_a_second_subject_goes_back_to_its_noun() {
    let text = "Gonzalez's second letter to Reno in two weeks was published in Granma on Tuesday.";
    let got = heads(text, &["weeks", "in", "letter"]);
    assert_eq!(got[0], ("letter".to_string(), "Nmod".to_string()));
    assert_eq!(got[1], ("weeks".to_string(), "Case".to_string()));
    assert_eq!(got[2].1, "NsubjPass");
}

#[test]
fn a_period_closed_by_a_date_is_a_phrase_of_the_clause_after_it() {
    let text = "For the year ended Sept. 30, Ralston earned $422.5 million, or $6.44 a share.";
    let got = heads(text, &["earned", "year", "ended"]);
    let want = [("ROOT", "Root"), ("earned", "Obl"), ("year", "Acl")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn what_a_telling_verb_tells_is_its_complement() {
    let text = "Putin told a Russian state television reporter that combat had returned on Saturday.";
    let got = heads(text, &["returned", "that"]);
    assert_eq!(got[0], ("told".to_string(), "Ccomp".to_string()));
    assert_eq!(got[1], ("returned".to_string(), "Mark".to_string()));
    // a relative clause with no subject of its own stays one
    let got = heads("Putin told the reporter that asked him on Saturday.", &["asked"]);
    assert_eq!(got[0].1, "AclRelcl");
}

#[test]
fn a_relative_clause_after_a_comma_hangs_on_the_noun_before_it() {
    let text = "Regional peacemaker Kenya, which helped form the Somali government in 2004, asked Ethiopia to \
                cease military operations.";
    let got = heads(text, &["helped"]);
    assert_eq!(got[0], ("Kenya".to_string(), "AclRelcl".to_string()));
}

#[test]
fn a_relative_clause_made_the_root_gives_the_sentence_back_its_verb() {
    let text = "According to Reuters sources, Vladimir Putin, who was elected for another term in March, \
                wants to take advantage of the current dynamics in Russia and forget about the war.";
    let got = heads(text, &["wants", "elected", "Vladimir", "sources", "."]);
    let want = [("ROOT", "Root"), ("Vladimir", "AclRelcl"), ("wants", "Nsubj"), ("wants", "Obl"), ("wants", "Punct")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_time_hung_on_punctuation_goes_to_the_verb_before_it() {
    // The parse hangs "as early as next week" on the full stop.
    let text = "The authorities say they have gathered enough evidence in the October slaying of Dr. Barnett \
                Slepian to begin presenting a murder case to a state grand jury as early as next week.";
    let got = heads(text, &["week"]);
    assert_eq!(got[0], ("presenting".to_string(), "OblUnmarked".to_string()));
}

#[test]
fn a_participle_beside_a_finite_verb_or_a_by_phrase_stays() {
    // a reduced relative before the verb, read as a participle too, and a passive
    let got = heads("A UN resolution adopted in 1977 designated Nov. 29 as a day of solidarity.", &["adopted"]);
    assert_ne!(got[0].0, "ROOT");
    // the rival hung before the noun after it, as a modifier, with no determiner before it
    let got = heads("A UN resolution adopted in 1977 designated November as a month of solidarity.", &["adopted"]);
    assert_ne!(got[0].0, "ROOT");
    let got = heads("A law passed in 2001 banned smoking in bars.", &["passed"]);
    assert_ne!(got[0].0, "ROOT");
    let got = heads("Five people killed by the militants.", &["killed"]);
    assert_ne!(got[0].0, "ROOT");
}

#[test]
fn a_past_tense_with_a_subject_hung_on_the_noun_after_it_is_its_clause() {
    let text = "The United Nations imposed sanctions on Iraq after it invaded Kuwait in 1990.";
    let got = heads(text, &["imposed", "sanctions", "invaded", "Nations", "The"]);
    assert_eq!(got[0], ("ROOT".to_string(), "Root".to_string()));
    assert_eq!(got[1], ("imposed".to_string(), "Obj".to_string()));
    assert_eq!(got[2], ("imposed".to_string(), "Advcl".to_string()));
    assert_eq!(got[3], ("imposed".to_string(), "Nsubj".to_string()));
    // the noun's determiner before the subject is the subject's
    assert_eq!(got[4].0, "Nations");
}

#[test]
fn a_past_tense_with_a_subject_hung_on_the_root_noun_before_it_is_the_root() {
    let text = "Hanbo, the country's 14th largest conglomerate, collapsed in January under debts of 5.8 billion dollars, prompting charges of high-level corruption.";
    let got = heads(text, &["collapsed", "Hanbo", "14th"]);
    assert_eq!(got[0], ("ROOT".to_string(), "Root".to_string()));
    assert_eq!(got[1], ("collapsed".to_string(), "Nsubj".to_string()));
    assert_eq!(got[2], ("Hanbo".to_string(), "Appos".to_string()));
}

#[test]
fn a_participle_with_no_subject_stays_on_its_noun() {
    let text = "US officials said it was too early to pin the powerful bomb that killed Tueni, a newly elected member of parliament, and three other people in a Beirut suburb directly on Syria.";
    let got = heads(text, &["elected", "killed"]);
    assert_eq!(got[0].0, "member");
    assert_eq!(got[1], ("bomb".to_string(), "AclRelcl".to_string()));
}

#[test]
fn a_verb_after_a_phrase_that_a_subordinator_opens_is_that_phrases_clause() {
    let text = "Somali government forces backed by Ethiopian troops, tanks and aircraft rolled into the capital Mogadishu Thursday after Islamist leaders retreated but vowed to launch a guerrilla campaign.";
    let got = heads(text, &["retreated", "leaders", "after"]);
    assert_eq!(got[0], ("rolled".to_string(), "Advcl".to_string()));
    assert_eq!(got[1], ("retreated".to_string(), "Nsubj".to_string()));
    assert_eq!(got[2], ("retreated".to_string(), "Mark".to_string()));
    let text = "US stocks ended higher Friday after a government report showed an improving job market.";
    assert_eq!(heads(text, &["report"])[0], ("showed".to_string(), "Nsubj".to_string()));
    // a participle that goes on is no clause's verb
    let text = "The decision will not be confirmed until the Central Financial Work Conference expected to take place in February.";
    assert_ne!(heads(text, &["Conference"])[0].0, "expected");
}

#[test]
fn a_reported_past_takes_its_conjuncts_and_object_along() {
    // "ambushed" read as a participle of "Rebels", "killed" as its conjunct and "soldiers" as a
    // bare oblique: the clause's verbs are past tenses, the noun after them their object
    let text = "Rebels ambushed and killed five soldiers on Monday, the army said.";
    let s = mended(text, "2013-02-12");
    let find = |w: &str| (0..s.len()).find(|&i| s.word(text, i) == w).unwrap();
    assert_eq!(s.tokens[find("killed")].xpos, Xpos::Vbd);
    assert_eq!(s.tokens[find("soldiers")].deprel, Deprel::Obj);
    assert_eq!(s.tokens[find("Monday")].deprel, Deprel::Obl, "a time stays an oblique");
}

#[test]
fn a_past_tense_hung_before_a_noun_of_the_subject_is_the_clause() {
    // "raised" a kind of rates, and "rates" a modifier of "bank": the verb, and its object
    let text = "The central bank raised interest rates by a quarter point on Wednesday.";
    let got = heads(text, &["raised", "bank", "rates", "point"]);
    let want = [("ROOT", "Root"), ("raised", "Nsubj"), ("raised", "Obj"), ("raised", "Obl")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_by_phrase_of_a_quantity_makes_no_passive() {
    let got = heads("Input prices fell by 6.5 percent on Monday.", &["fell", "prices", "percent"]);
    let want = [("ROOT", "Root"), ("fell", "Nsubj"), ("fell", "Obl")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_participle_before_its_noun_is_no_rival_verb() {
    let text = "Human rights groups reacted guardedly Tuesday to Jiang's reported promise.";
    let got = heads(text, &["reacted", "groups"]);
    let want = [("ROOT", "Root"), ("reacted", "Nsubj")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_past_tense_hung_on_the_last_noun_of_the_subjects_phrase_is_the_clause() {
    let text = "Talks between the two sides collapsed on Tuesday after a week of haggling.";
    let got = heads(text, &["collapsed", "Talks", "Tuesday"]);
    let want = [("ROOT", "Root"), ("collapsed", "Nsubj"), ("collapsed", "Obl")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // a noun set beside the root is no noun of its phrase, nor is a verb that stands for a
    // preposition its verb
    let text = "According to Putin, a plan of action adopted at the Group of Eight summit in St. Petersburg this July \"envisages measures for increasing transparency.\"";
    assert_ne!(heads(text, &["adopted"])[0].0, "ROOT");
    let text = "In October, the number of coal mine accidents surged by 26.1 percent over September.";
    assert_ne!(heads(text, &["number"])[0], ("surged".to_string(), "Nsubj".to_string()));
    let text = "Some 42 percent of Biharis live under India's official poverty line compared with a nationwide average of 26 percent.";
    assert_ne!(heads(text, &["compared"])[0].0, "ROOT");
}

#[test]
fn a_report_hung_on_its_subject_before_a_that_clause_is_the_root() {
    let text = "The company announced on Tuesday that it would cut 2,000 jobs.";
    let got = heads(text, &["announced", "company", "cut"]);
    let want = [("ROOT", "Root"), ("announced", "Nsubj"), ("announced", "Ccomp")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_particle_read_as_the_preposition_of_a_time_is_the_verbs() {
    let text = "Discovery and its seven-member crew blasted off last Saturday from Cape Canaveral, Florida.";
    let got = heads(text, &["off", "Saturday"]);
    let want = [("blasted", "CompoundPrt"), ("blasted", "OblUnmarked")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // a preposition of time stays one
    assert_eq!(heads("The talks began on Saturday.", &["on"])[0], ("Saturday".to_string(), "Case".to_string()));
}

#[test]
fn a_unit_read_apart_from_its_number_heads_the_amount() {
    let text = "Inflation rose to 15.6 percent in March.";
    let got = heads(text, &["percent", "15.6", "to"]);
    let want = [("rose", "Obl"), ("percent", "Nummod"), ("percent", "Case")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // an amount the parse read whole stays as it was
    let got = heads("Shares fell 3.2 percent on Monday.", &["percent", "3.2"]);
    assert_eq!(got, [("fell", "Obj"), ("percent", "Nummod")].map(|(h, d)| (h.to_string(), d.to_string())));
}

#[test]
fn a_hyphenated_modifier_read_as_a_phrase_gives_the_noun_its_place() {
    // "month" was the subject, "inflation" its nmod
    let text = "The overall month-on-month inflation also rose to 15.6 percent in March from 11.9 percent in February.";
    let got = heads(text, &["inflation", "The", "overall", "month"]);
    let want = [("rose", "Nsubj"), ("inflation", "Det"), ("inflation", "Amod"), ("month", "Compound")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // "of Sino" was the conference's nmod, "Friendship" a second subject
    let text = "The Conference of Sino-Arab Friendship concluded here on Wednesday.";
    let got = heads(text, &["Friendship", "of", "Sino"]);
    let want = [("Conference", "Nmod"), ("Friendship", "Case"), ("Arab", "Compound")];
    assert_eq!(got, want.map(|(h, d)| (h.to_string(), d.to_string())));
    // a noun written as one word, with a time after it, and a name stay as parsed
    assert_eq!(heads("Rebels broke the cease-fire Monday.", &["Monday"])[0].1, "OblUnmarked");
    assert_eq!(heads("Al-Qaeda claimed the suicide bombing on Monday.", &["Al"])[0].0, "claimed");
}
