//! Entity timelines: the events in which a person, an organisation or a place takes part, in
//! order (SemEval-2015 Task 4: a timeline per target entity).
//!
//! An event is about NAME when NAME (or an alias the articles give it) is one of its
//! participants, its place, or stands in its label as whole words. A one-word NAME also finds
//! the full name ("Gallois": "Louis Gallois"), and a full name its surname as the reports
//! shorten it. Aliases are read from the reports themselves: a name and the acronym in
//! brackets after it, either way round ("European Aeronautic Defence and Space Company
//! (EADS)", "EADS (European Aeronautic Defence and Space Company)").

use super::{Event, Timeline};

/// Words an acronym skips in the name it stands for.
const SKIPPED: &[&str] = &["and", "of", "the", "for", "de", "du", "des", "la", "le", "&"];

/// Whether `short` is the acronym of `long` ("EADS" of "European Aeronautic Defence and Space").
pub fn is_acronym(short: &str, long: &str) -> bool {
    let words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !SKIPPED.contains(&w.to_lowercase().as_str()))
        .collect();
    let initials = |ws: &[&str]| ws.iter().filter_map(|w| w.chars().next()).collect::<String>();
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    // "European Aeronautic Defence and Space Company (EADS)": a company's last word may
    // stand outside its acronym
    let company = words.last().is_some_and(|w| CORPORATE.contains(&w.to_lowercase().trim_end_matches('.')));
    letters.len() >= 2
        && letters.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && (initials(&words).eq_ignore_ascii_case(&letters)
            || company && initials(&words[..words.len() - 1]).eq_ignore_ascii_case(&letters))
}

/// Last words of a company's name that its acronym may leave out.
const CORPORATE: &[&str] = &["company", "corporation", "corp", "inc", "ltd", "group", "co", "plc", "ag", "sa", "llc"];

/// The name of up to `words` capitalised words (and the small words between) that ends right
/// before byte `end` of `text`.
fn name_before(text: &str, end: usize, words: usize) -> Option<&str> {
    let head = text[..end].trim_end();
    let mut start = head.len();
    for (taken, w) in head.rsplit(' ').enumerate() {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || SKIPPED.contains(&w) && taken > 0) || taken == words {
            break;
        }
        // the word, and the space before it
        start = start.saturating_sub(w.len() + 1);
    }
    let name = head[start..].trim();
    (!name.is_empty()).then_some(name)
}

/// Every (name, acronym) pair the reports of a timeline give.
pub fn aliases(t: &Timeline) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for m in t.events.iter().flat_map(|e| &e.mentions) {
        let text = m.text.as_str();
        for (open, _) in text.match_indices(" (") {
            let Some(close) = text[open + 2..].find(')') else { continue };
            let inside = &text[open + 2..open + 2 + close];
            let pair = if inside.contains(' ') {
                // "EADS (European Aeronautic ...)"
                name_before(text, open, 1).filter(|short| is_acronym(short, inside)).map(|s| (inside, s))
            } else {
                // "European Aeronautic ... (EADS)": the longest name before it the acronym fits
                (1..=10)
                    .filter_map(|n| name_before(text, open, n))
                    .find(|long| is_acronym(inside, long))
                    .map(|l| (l, inside))
            };
            if let Some((long, short)) = pair {
                let pair = (long.to_string(), short.to_string());
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    out
}

/// Whether `phrase` stands in `text` as whole words, in any case.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    !phrase.is_empty()
        && text.match_indices(&phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = text[at + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
}

/// Whether a participant's name and a queried name are one: equal, or one the other's surname.
fn same_name(participant: &str, name: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    participant.eq_ignore_ascii_case(name)
        || (!name.contains(' ') || !participant.contains(' '))
            && last(participant) == last(name)
            && last(name).is_some()
}

/// Titles that go before a given name, not a surname: "King Hussein" is Hussein bin Talal,
/// whatever other Hussein a report is about.
const GIVEN_NAME_TITLES: &[&str] =
    &["king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "emperor", "empress", "pope", "crown"];

/// Whether the reports (`texts`) write `surname` after another person's name: a capitalised
/// word that is not one of `name`'s ("Jordan's King Hussein" against "Saddam Hussein"), and
/// is no title but one of a given name ("President Hussein" may be Saddam Hussein).
fn another_bearer<'a>(mut texts: impl Iterator<Item = &'a str>, surname: &str, name: &str) -> bool {
    // a word without its punctuation and possessive ("Saddam's" is "Saddam")
    fn bare(w: &str) -> &str {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
    }
    let own = |w: &str| name.split_whitespace().any(|n| n.eq_ignore_ascii_case(w));
    // the word before the surname, read only where the surname stands
    let other_before = |written: &str| {
        let before = bare(written);
        let capital = before.starts_with(char::is_uppercase) && !written.ends_with([',', '.', ';', ':']);
        let given = || GIVEN_NAME_TITLES.iter().any(|t| before.eq_ignore_ascii_case(t));
        capital && !own(before) && (given() || !crate::events::Triggers::get().is_title(before))
    };
    texts.any(|text| {
        let mut words = text.split_whitespace();
        let mut previous = words.next();
        words.any(|w| {
            let hit = bare(w).eq_ignore_ascii_case(surname) && previous.is_some_and(other_before);
            previous = Some(w);
            hit
        })
    })
}

/// Whether an event is about one of `names`.
pub fn is_about(e: &Event, names: &[String]) -> bool {
    names.iter().any(|n| {
        // a one-word participant that is only the name's surname, written after another
        // person's name in the reports, is that other person
        let surname_only = |p: &str| !p.contains(' ') && n.contains(' ') && !p.eq_ignore_ascii_case(n);
        let other = |p: &str| surname_only(p) && another_bearer(e.mentions.iter().map(|m| m.text.as_str()), p, n);
        e.participants.iter().any(|p| same_name(p, n) && !other(p) || has_phrase(p, n))
            || e.place.as_deref().is_some_and(|p| same_name(p, n))
            || has_phrase(&e.label, n)
    })
}

/// The names to look for: each queried name and its aliases.
pub fn names_with_aliases(t: &Timeline, names: &[&str]) -> Vec<String> {
    let aliases = aliases(t);
    let mut out: Vec<String> = names.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
    for n in names {
        for (long, short) in &aliases {
            for (a, b) in [(long, short), (short, long)] {
                if a.eq_ignore_ascii_case(n.trim()) && !out.contains(b) {
                    out.push(b.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_match_their_names() {
        assert!(is_acronym("EADS", "European Aeronautic Defence and Space"));
        assert!(is_acronym("EADS", "The European Aeronautic Defence and Space Company"));
        assert!(is_acronym("WHO", "World Health Organization"));
        assert!(!is_acronym("WHO", "World Trade Organization"));
        assert!(!is_acronym("who", "World Health Organization"));
    }

    #[test]
    fn a_surname_after_another_persons_name_is_that_person() {
        // a silver report (AFP, 1997-04-30); the others are made of its words
        let king = "Jordan's King Hussein has decided to grant refuge to Mussa Abu Marzuk, political leader of the Palestinian militant group HAMAS.";
        assert!(another_bearer([king].into_iter(), "Hussein", "Saddam Hussein"));
        assert!(!another_bearer([king].into_iter(), "Hussein", "King Hussein"));
        assert!(!another_bearer(["Hussein has decided to grant refuge."].into_iter(), "Hussein", "Saddam Hussein"));
        assert!(!another_bearer(["President Hussein has decided."].into_iter(), "Hussein", "Saddam Hussein"));
        // a silver slip of the pen (AFP, 1997-04-01) is still the name
        let slip = "In neighbouring Iraq, Saddam's Hussein's massive violations of international human rights law against the city of Irbil";
        assert!(!another_bearer([slip].into_iter(), "Hussein", "Saddam Hussein"));
    }

    #[test]
    fn names_match_by_surname_both_ways() {
        assert!(same_name("Louis Gallois", "Gallois"));
        assert!(same_name("Gallois", "Louis Gallois"));
        assert!(!same_name("Louis Gallois", "Pierre Gallois"));
        assert!(has_phrase("Northrop Grumman and EADS beat Boeing", "eads"));
        assert!(!has_phrase("Boeings", "Boeing"));
        assert!(has_phrase("saddam executed", "Executed"));
        assert!(!has_phrase("anything", ""));
    }
}
