//! Merging reports across articles: what counts as evidence that two reports are one event.
//! The word that triggers both is none (they are compared only when their predicate is one),
//! and a report without a date of its own needs more the further its article lies from the
//! entry's time.

use timeline::corpus::Article;
use timeline::timeline::Timeline;

fn article(id: &str, published: &str, text: &str) -> Article {
    Article::new(id.to_string(), text, published.parse().ok())
}

/// The sources of the entry whose label holds `words`, one entry expected.
fn sources_of(t: &Timeline, words: &str) -> Vec<String> {
    let hits: Vec<_> = t.events.iter().filter(|e| e.label.contains(words)).collect();
    let labels: Vec<_> = t.events.iter().map(|e| &e.label).collect();
    assert_eq!(hits.len(), 1, "one entry of {words:?} expected: {labels:#?}");
    hits[0].sources().into_iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_undated_report_years_later_does_not_join_on_its_verb_and_a_common_word() {
    let t = Timeline::build(
        None,
        &[
            article(
                "tang",
                "1997-05-01",
                "Foreign Minister Tang Jiaxuan expressed hope on Wednesday that the talks would succeed.",
            ),
            article("iaea", "2006-11-23", "The IAEA chief expressed his hope that dialogue would resume."),
        ],
    );
    assert_eq!(sources_of(&t, "Tang Jiaxuan"), ["tang"]);
    assert_eq!(sources_of(&t, "IAEA"), ["iaea"]);
}

#[test]
fn reports_of_one_day_sharing_only_their_verb_stay_apart() {
    let t = Timeline::build(
        None,
        &[
            article("mine", "2006-11-10", "A gas explosion killed four miners in Shanxi on Wednesday."),
            article("gaza", "2006-11-10", "Israeli artillery shells killed 19 civilians in Beit Hanoun on Wednesday."),
        ],
    );
    assert_eq!(sources_of(&t, "miners"), ["mine"]);
    assert_eq!(sources_of(&t, "civilians"), ["gaza"]);
}

#[test]
fn an_undated_report_of_the_same_days_joins_on_a_name_and_a_word() {
    let t = Timeline::build(
        None,
        &[
            article(
                "xin-1",
                "2006-11-26",
                "Abbas on Sunday ordered security forces to ensure that Gaza militants respect the truce.",
            ),
            article(
                "xin-2",
                "2006-11-26",
                "Mahmoud Abbas ordered the security forces to ensure that Gaza militants respect the truce.",
            ),
        ],
    );
    assert_eq!(sources_of(&t, "respect"), ["xin-1", "xin-2"]);
}

#[test]
fn one_summit_named_with_its_place_by_a_light_verb_is_one_entry() {
    // the place of "held in Switzerland" is the conference's, whether the verb carries the noun
    // or a relative clause does
    let t = Timeline::build(
        None,
        &[
            article("a", "2024-05-20", "In mid-June, a peace conference will be held in Switzerland."),
            article(
                "b",
                "2024-05-25",
                "The country is now preparing for the peace summit, an international conference that will be held \
                 on June 15-16 in Switzerland.",
            ),
        ],
    );
    let hits: Vec<_> = t.events.iter().filter(|e| e.label.to_lowercase().contains("conference")).collect();
    assert_eq!(hits.len(), 1, "{:#?}", t.events.iter().map(|e| &e.label).collect::<Vec<_>>());
    assert_eq!(hits[0].place.as_deref(), Some("Switzerland"));
    assert_eq!(hits[0].sources().len(), 2);
}

#[test]
fn two_named_doers_of_the_same_thing_are_two_events() {
    let t = Timeline::build(
        None,
        &[
            article(
                "annan",
                "2005-11-08",
                "Annan, who arrived here late Monday, made the remarks at a press conference on Monday.",
            ),
            article("khalifa", "2005-11-29", "Khalifa made the remarks at a press conference before his departure."),
        ],
    );
    assert_eq!(sources_of(&t, "Annan made"), ["annan"]);
    assert_eq!(sources_of(&t, "Khalifa made"), ["khalifa"]);
}

#[test]
fn a_capital_stands_for_its_country_and_a_family_name_for_the_whole_name() {
    let t = Timeline::build(
        None,
        &[
            article("russia", "2006-12-12", "Russia on Monday welcomed the changes to the draft resolution on Iran."),
            article("moscow", "2006-12-12", "Moscow on Monday welcomed the changes to the draft resolution on Iran."),
            article("hu", "2006-11-07", "Hu will pay state visits to Vietnam, Laos, India and Pakistan from Nov. 15 to 26."),
            article(
                "hu-jintao",
                "2006-11-07",
                "Chinese President Hu Jintao will pay state visits to Vietnam, Laos, India and Pakistan from Nov. 15 to 26.",
            ),
        ],
    );
    let mut welcomed = sources_of(&t, "welcomed");
    welcomed.sort();
    assert_eq!(welcomed, ["moscow", "russia"]);
    let mut visits = sources_of(&t, "state visits");
    visits.sort();
    assert_eq!(visits, ["hu", "hu-jintao"]);
}

#[test]
fn a_country_and_a_person_are_not_told_apart_by_their_names() {
    // The bundled story: Washington's threat and the two officials who voiced it are one event.
    let t = Timeline::build(
        None,
        &[
            article(
                "us",
                "2025-04-22",
                "On Friday the United States threatened to withdraw from the peace negotiations.",
            ),
            article("rubio", "2025-04-22", "On Friday Marco Rubio threatened to withdraw from the peace negotiations."),
        ],
    );
    let mut sources = sources_of(&t, "threatened");
    sources.sort();
    assert_eq!(sources, ["rubio", "us"]);
}

#[test]
fn two_markets_moving_on_one_day_are_two_entries_but_one_market_in_two_reports_is_one() {
    // "index", "composite", "exchange" say what kind of doer each is, not which one.
    let t = Timeline::build(
        None,
        &[
            article("nasdaq", "2006-11-16", "The Nasdaq composite index advanced 8.81 points on Wednesday."),
            article("sydney", "2006-11-16", "The All Ordinaries Index advanced 17.7 points on Wednesday."),
            article(
                "nasdaq2",
                "2006-11-16",
                "On Wednesday the Nasdaq composite index advanced 8.81 points, dealers said.",
            ),
        ],
    );
    assert_eq!(sources_of(&t, "Nasdaq"), ["nasdaq", "nasdaq2"]);
    assert_eq!(sources_of(&t, "Ordinaries"), ["sydney"]);
}

#[test]
fn a_report_done_before_one_article_and_a_plan_after_a_later_one_stay_apart() {
    // Reported done by 2005-11-16 and planned after 2006-12-04: no one event is both.
    let t = Timeline::build(
        None,
        &[
            article(
                "knicks",
                "2005-11-16",
                "Brown took the New York job, and got off to an 0-5 start before the Knicks won at Sacramento.",
            ),
            article(
                "hull",
                "2006-12-04",
                "Hull coaches Colin Murphy and Phil Brown will take charge of the first team on a temporary basis.",
            ),
        ],
    );
    assert_eq!(sources_of(&t, "New York job"), ["knicks"]);
    for e in &t.events {
        if let Some(b) = &e.bounds {
            if let (Some(after), Some(before)) = (&b.after, &b.before) {
                assert!(after <= before, "{:?} is bounded after {after} and before {before}", e.label);
            }
        }
    }
}

#[test]
fn what_a_report_follows_is_never_an_event_that_began_after_the_report() {
    // "after returning from a foreign trip" in 2005 names no visit of 2006.
    let t = Timeline::build(
        None,
        &[
            article(
                "nepal",
                "2005-12-07",
                "King Gyanendra of Nepal reshuffled his cabinet on Wednesday shortly after returning from a \
                 foreign trip during which Maoist rebels and opposition parties lined up against him.",
            ),
            article(
                "oli",
                "2006-11-09",
                "He told the media after returning from India visit on Wednesday that the Indian government \
                 was also positive.",
            ),
        ],
    );
    let labels: Vec<_> = t.events.iter().map(|e| (&e.label, &e.bounds)).collect();
    let lined = t.events.iter().find(|e| e.label.contains("lined")).unwrap_or_else(|| panic!("{labels:#?}"));
    let bounds = lined.bounds.as_ref().expect("an undated report is bounded by its article");
    assert_eq!(bounds.before.as_deref(), Some("2005-12-07"));
    assert!(bounds.after.as_ref().is_none_or(|a| a.as_str() <= "2005-12-07"), "{bounds:?}");
}

#[test]
fn two_undated_reports_a_year_apart_need_more_than_their_doer() {
    // Each undated report is most likely of the days before its own article: a year apart,
    // one name in common ("the United States supported") is not one event.
    let t = Timeline::build(
        None,
        &[
            article("zajedno", "1997-04-04", "The United States supported the efforts of the Zajedno coalition."),
            article("siniora", "2006-12-20", "The United States has staunchly supported the Siniora government."),
        ],
    );
    assert_eq!(sources_of(&t, "Zajedno"), ["zajedno"]);
    assert_eq!(sources_of(&t, "Siniora"), ["siniora"]);
}

#[test]
fn a_phrasal_verbs_particle_is_no_evidence() {
    // "pulled out" twice in one month: the particle is part of what was done, like the verb.
    let t = Timeline::build(
        None,
        &[
            article("agassi", "2005-11-22", "Andre Agassi pulled out of the Masters Cup on Monday."),
            article("korea", "2005-12-10", "North Korea pulled out of the talks in November."),
        ],
    );
    assert_eq!(sources_of(&t, "Agassi"), ["agassi"]);
    assert_eq!(sources_of(&t, "Korea"), ["korea"]);
}
