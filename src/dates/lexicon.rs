//! The lexicon: English temporal words as data (`lexicon.ron`), loaded once into a table the
//! scanner consults per word token.

use super::values::{PartOfDay, Reference, Season, Unit};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A determiner that places a unit relative to the anchor ("last week", "this year").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Det {
    Last,
    Past,
    Previous,
    Next,
    This,
    Following,
    Same,
    That,
    Latest,
}

/// Which part of a span a modifier picks ("early", "mid", "end").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Part {
    Start,
    Mid,
    End,
}

/// How a holiday's date is computed for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum HolidayRule {
    /// Month and day.
    Fixed(u32, u32),
    /// Days from Western Easter Sunday.
    Easter(i64),
    /// Days from Orthodox Easter Sunday.
    OrthodoxEaster(i64),
    /// The n-th given weekday (1 = Monday) of a month, n = -1 for the last; an optional day
    /// offset after it.
    NthWeekday(u32, u32, i32, #[serde(default)] i64),
    /// Month and day of the Islamic calendar (Umm al-Qura): Eid al-Fitr is 1 Shawwal, (10, 1).
    Hijri(u8, u8),
    /// A whole month of the Islamic calendar: Ramadan is 9.
    HijriMonth(u8),
    /// Month and day of the Hebrew calendar, its months counted from Tishrei (1) to Elul
    /// (12), Adar (Adar II in a leap year) being 6 and Nisan 7.
    Hebrew(u8, u8),
    /// Month and day of the Chinese calendar: the Spring Festival is (1, 1).
    Chinese(u8, u8),
    /// Month and day of the Persian (Solar Hijri) calendar: Nowruz is (1, 1).
    Persian(u8, u8),
}

impl HolidayRule {
    /// Whether the day is the Islamic calendar's, whose months open, in many countries, on a
    /// sighting of the new moon rather than by the tables.
    pub fn by_sighting(self) -> bool {
        matches!(self, HolidayRule::Hijri(..) | HolidayRule::HijriMonth(_))
    }
}

/// A day whose month and day name one event of one year, when a word for that event follows
/// ("the Sept. 11 attacks" are those of 2001 in a story of 2005).
#[derive(Debug, Clone, Deserialize)]
pub struct KnownDay {
    pub month: u32,
    pub day: u32,
    pub year: i32,
    /// What the event is called after its date, lower case ("attacks", "bombings").
    pub nouns: Vec<String>,
    /// The event's name, for the reason ("the September 11 attacks").
    pub name: String,
}

/// A named day.
#[derive(Debug, Clone, Deserialize)]
pub struct Holiday {
    pub words: Vec<String>,
    pub rule: HolidayRule,
    /// A name that is also a surname ("Ramadan"): the holiday only after a word of
    /// `holiday_cues` ("during Ramadan", "the holy month of Ramadan").
    #[serde(default)]
    pub cue: bool,
    /// How many days a festival lasts, when more than its first (Hanukkah's eight).
    #[serde(default)]
    pub days: u32,
}

#[derive(Deserialize)]
#[serde(rename = "Lexicon")]
struct Data {
    months: HashMap<String, u32>,
    month_abbrevs: HashMap<String, u32>,
    ambiguous_months: Vec<String>,
    weekdays: HashMap<String, u32>,
    weekday_abbrevs: HashMap<String, u32>,
    name_heads: Vec<String>,
    units: HashMap<String, Unit>,
    numbers: HashMap<String, u32>,
    vague_amounts: Vec<String>,
    ordinals: HashMap<String, u32>,
    #[serde(default)]
    decades: HashMap<String, u32>,
    seasons: HashMap<String, Season>,
    parts_of_day: HashMap<String, PartOfDay>,
    deictic_days: HashMap<String, i64>,
    determiners: HashMap<String, Det>,
    modifiers: HashMap<String, Part>,
    references: HashMap<String, Reference>,
    sets: HashMap<String, (u32, Unit, bool)>,
    extra_cues: Vec<String>,
    holidays: Vec<Holiday>,
    past_words: Vec<String>,
    future_words: Vec<String>,
    #[serde(default)]
    plan_nouns: Vec<String>,
    #[serde(default)]
    noun_determiners: Vec<String>,
    future_before_to: Vec<String>,
    #[serde(default)]
    commits_before_to: Vec<String>,
    not_plans: Vec<String>,
    #[serde(default)]
    modals_ahead: Vec<String>,
    #[serde(default)]
    schedule_participles: Vec<String>,
    #[serde(default)]
    delivery_words: Vec<String>,
    #[serde(default)]
    fixtures: Vec<String>,
    #[serde(default)]
    delivery_before_in: Vec<String>,
    #[serde(default)]
    clause_openers_after: Vec<String>,
    #[serde(default)]
    awaiting_phrases: Vec<String>,
    not_past: Vec<String>,
    starters: Vec<String>,
    month_prepositions: Vec<String>,
    after_the: Vec<String>,
    quantity_nouns: Vec<String>,
    #[serde(default)]
    reporting_verbs: Vec<String>,
    #[serde(default)]
    compound_units: Vec<String>,
    label_nouns: Vec<String>,
    owners: Vec<String>,
    holiday_objects: Vec<String>,
    holiday_cues: Vec<String>,
    award_holders: Vec<String>,
    game_words: Vec<String>,
    #[serde(default)]
    play_reports: Vec<String>,
    auxiliaries: HashMap<String, Aux>,
    #[serde(default)]
    eras: HashMap<String, Era>,
    #[serde(default)]
    known_days: Vec<KnownDay>,
    #[serde(default)]
    forward_phrases: Vec<String>,
    #[serde(default)]
    back_phrases: Vec<String>,
}

/// The era a year is counted in, by the marker written with it ("100 BC", "AD 79").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Era {
    /// "BC", "BCE": counted back from year 1.
    Before,
    /// "AD", "CE": the common era, as a year with no marker is.
    After,
}

/// What an auxiliary says of the participle after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Aux {
    /// "be", "been": look further back.
    Neutral,
    /// "is held": present.
    Present,
    /// "has held": a perfect, so past.
    Past,
}

/// What the lexicon knows of one word. A word may be several things ("second", "may", "past").
#[derive(Debug, Clone, Default)]
pub struct Word {
    pub month: Option<u32>,
    /// The month comes from an abbreviation ("Sept").
    pub month_abbrev: bool,
    /// The month name is also a common word ("may", "march").
    pub ambiguous_month: bool,
    pub weekday: Option<u32>,
    pub weekday_abbrev: bool,
    pub name_head: bool,
    pub unit: Option<Unit>,
    /// The unit word is plural ("years").
    pub plural: bool,
    pub number: Option<u32>,
    pub vague: bool,
    pub ordinal: Option<u32>,
    /// A decade in words, as the last two digits of its first year ("nineties": 90).
    pub decade: Option<u32>,
    pub season: Option<Season>,
    pub part_of_day: Option<PartOfDay>,
    pub deictic: Option<i64>,
    pub det: Option<Det>,
    pub part: Option<Part>,
    pub reference: Option<Reference>,
    /// A frequency word: how many units, the unit, and whether it stays a recurrence before a
    /// noun ("nightly address") or not ("quarterly dividend").
    pub set: Option<(u32, Unit, bool)>,
    /// Worth parsing the sentence for, though nothing else marks it.
    pub extra_cue: bool,
    /// Index of the holidays whose name starts with this word.
    pub holiday_start: bool,
    pub past: bool,
    pub future: bool,
    /// Marks what follows as to come when "to" follows it ("is set to meet", "likely to
    /// vote"), unless "was" or "were" comes before it.
    pub future_before_to: bool,
    /// A commitment made ("agreed", "promised"): before "to", what follows is to come.
    pub commits_before_to: bool,
    /// After "is" or "are" and before "to", makes no plan ("is said to have", "is used to").
    pub not_plan: bool,
    /// A future word that is also a noun ("plan"): after a determiner or a possessive it marks
    /// no tense.
    pub plan_noun: bool,
    /// Opens a noun phrase ("the", "its", "those").
    pub noun_determiner: bool,
    /// A modal that puts what follows still to come ("may vote", "must be filed").
    pub modal_ahead: bool,
    /// The "-ing" form of a schedule's verb ("starting", "opening"): right before an
    /// expression it names when something is set to begin or end ("a match starting
    /// Thursday"), which is still to come.
    pub schedule_participle: bool,
    /// Names a contract's month ("for January delivery", "the December contract"): a
    /// commodity is traded for a month to come.
    pub delivery: bool,
    /// A fixture, set for a day ("meeting", "final", "election"): after "Sunday's" in a clause
    /// that looks ahead, that day is to come.
    pub fixture: bool,
    /// Before "in" and a month, names the month a commodity is traded for ("for delivery in
    /// January").
    pub delivered_in: bool,
    /// After an expression, opens another clause whose verb has a tense of its own ("will
    /// return to work Sunday after the government agreed").
    pub clause_opener_after: bool,
    pub not_past: bool,
    /// Opens an expression without being temporal itself ("more", "the").
    pub starter: bool,
    pub aux: Option<Aux>,
    /// An era marker ("bc", "ad"), when written in capitals.
    pub era: Option<Era>,
    /// May follow "the" in an expression ("the full year").
    pub after_the: bool,
    /// Makes a following bare month name a date ("in", "since", "last").
    pub month_preposition: bool,
    /// Makes a number before it a quantity ("percent", "people").
    pub quantity_noun: bool,
    /// A past verb that frames a report after a comma ("..., officials said Wednesday").
    pub reporting: bool,
    /// After a number and a hyphen, the unit of a compound ("1000-km"): no year.
    pub compound_unit: bool,
    /// Makes a number after it a label ("flight", "route").
    pub label_noun: bool,
    /// A possessive before an ordinal ("his first century"): a count, not a time.
    pub owner: bool,
    /// After a holiday's name, makes it a kind of thing ("Christmas trees").
    pub holiday_object: bool,
    /// Before a holiday's name that is also a surname, makes it the holiday ("during").
    pub holiday_cue: bool,
    /// Takes an award "of the year" ("player of the year").
    pub award_holder: bool,
    /// Tells a report of a game: its halves and quarters are periods of play ("goal").
    pub game_word: bool,
    /// Tells, twice in an article, that the article reports a game ("midfielder", "referee").
    pub play_report: bool,
    /// Which candidate parsers may start at this word (bits of [`super::scan::P_ALL`]), worked
    /// out once when the lexicon loads.
    pub starts: u16,
    /// Whether the word can begin or anchor a temporal expression ([`Word::is_cue`]), worked
    /// out once when the lexicon loads.
    pub cue: bool,
}

impl Word {
    /// Whether this word can begin or anchor a temporal expression.
    pub fn is_cue(&self) -> bool {
        self.cue
    }

    /// [`Word::is_cue`] from the word's values and flags.
    fn cue_of(&self) -> bool {
        self.month.is_some()
            || self.weekday.is_some()
            || self.unit.is_some()
            || self.season.is_some()
            || self.decade.is_some()
            || self.part_of_day.is_some()
            || self.deictic.is_some()
            || self.reference.is_some()
            || self.set.is_some()
            || self.holiday_start
            || self.part.is_some()
            || self.extra_cue
    }
}

/// The loaded lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// The words' entries; the maps below give an index into it.
    entries: Vec<Word>,
    /// Words of at most 8 bytes, keyed by their lower-case bytes packed in an integer
    /// ([`packed`]): most word tokens are this short, and a `u64` hashes in one multiply and
    /// keeps the table small enough for the first-level cache.
    short: FxHashMap<u64, u16>,
    /// Words of 9 to 16 bytes, packed the same way.
    medium: FxHashMap<u128, u16>,
    /// The few words longer than a packed key holds, by their bytes.
    long_words: FxHashMap<Box<[u8]>, u16>,
    max_len: usize,
    /// Words of one to three letters a-z, by [`tiny_key`]: entry index + 1, 0 for none. Such
    /// words are two in five of running text ("the", "of", "to", "in", "and", "a") and most
    /// are in the lexicon; one load answers them, hit or miss.
    tiny: Box<[u16; TINY_KEYS]>,
    /// A filter of [`FILTER_BITS`] bits on a hash of the word ([`filter_bit`]): most longer
    /// words of running text are not in the lexicon, and this rejects all but a few percent of
    /// them without a table look-up.
    filter: Box<[u64; FILTER_BITS / 64]>,
    /// Named days, longest names first.
    pub holidays: Vec<Holiday>,
    /// Days that name one event of one year ([`KnownDay`]).
    pub known_days: Vec<KnownDay>,
    /// Phrases that, right before an expression, point it after publication ("as soon as
    /// Tuesday", "until Friday") or before it ("since Monday"), lower case.
    pub forward_phrases: Vec<String>,
    pub back_phrases: Vec<String>,
    /// Phrases that, right before a weekday's possessive, await it ("ahead of Sunday's
    /// elections"), lower case.
    pub awaiting_phrases: Vec<String>,
}

impl Lexicon {
    /// The lexicon, parsed from `lexicon.ron` on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(include_str!("lexicon.ron")).expect("the bundled lexicon.ron is valid"))
    }

    /// Parses a lexicon from RON text.
    pub fn parse(text: &str) -> Result<Lexicon, ron::error::SpannedError> {
        let d: Data = ron::from_str(text)?;
        let mut words = valued_words(&d);
        flag_words(&d, &mut words);
        // Last, once every flag is set: which parsers each word may start.
        for (k, w) in words.iter_mut() {
            w.starts = super::scan::starts_for(k, w);
            w.cue = w.cue_of();
        }
        let mut holidays = d.holidays;
        holidays.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        let max_len = words.keys().map(String::len).max().unwrap_or(0);
        // Tables built on the heap: a debug build would first lay a `Box::new([0; N])` array
        // on the stack of whichever thread loads the lexicon.
        let mut filter: Box<[u64; FILTER_BITS / 64]> = zeroed();
        for k in words.keys() {
            let b = filter_bit(k.as_bytes());
            filter[b / 64] |= 1 << (b % 64);
        }
        let mut tiny: Box<[u16; TINY_KEYS]> = zeroed();
        let (mut entries, mut short, mut medium, mut long_words) =
            (Vec::new(), FxHashMap::default(), FxHashMap::default(), FxHashMap::default());
        let mut sorted: Vec<_> = words.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (k, v) in sorted {
            let at = u16::try_from(entries.len()).expect("the lexicon has fewer than 65,535 words");
            entries.push(v);
            if let Some(t) = tiny_key(k.as_bytes()) {
                tiny[t] = at + 1;
            }
            match packed(k.as_bytes()) {
                Some(p) if k.len() <= 8 => short.insert(p as u64, at),
                Some(p) => medium.insert(p, at),
                None => long_words.insert(k.into_bytes().into_boxed_slice(), at),
            };
        }
        Ok(Lexicon {
            entries,
            short,
            medium,
            long_words,
            max_len,
            tiny,
            filter,
            holidays,
            known_days: d.known_days,
            forward_phrases: d.forward_phrases,
            back_phrases: d.back_phrases,
            awaiting_phrases: d.awaiting_phrases,
        })
    }

    /// Whether an article reports a game: two of its words are of `play_reports` ("the
    /// midfielder ... the referee"), so a half or a quarter without a year is a period of play
    /// in any of its sentences ("Nancy took the lead early in the second half").
    pub fn reports_play(&self, text: &str) -> bool {
        let mut buf = [0u8; 16];
        let mut found = 0;
        for w in text.split(|c: char| !(c.is_ascii_alphabetic() || c == '-')) {
            if w.len() < 4 || w.len() > buf.len() {
                continue;
            }
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            if self.word_bytes(&buf[..w.len()]).is_some_and(|x| x.play_report) {
                found += 1;
                if found == 2 {
                    return true;
                }
            }
        }
        false
    }

    /// Looks up a lower-case word.
    pub fn word(&self, lower: &str) -> Option<&Word> {
        self.word_bytes(lower.as_bytes())
    }

    /// Whether a lower-case word names a month or a day of the week ("september", "monday"):
    /// a word the parse may take for a noun of a phrase, where it is a time.
    pub fn names_month_or_weekday(&self, lower: &str) -> bool {
        self.word(lower).is_some_and(|w| w.weekday.is_some() || w.month.is_some())
    }

    /// Whether a lower-case word names a day of the week in full ("monday"; not "sun" or
    /// "wed", which are words as well).
    pub fn names_weekday(&self, lower: &str) -> bool {
        self.word(lower).is_some_and(|w| w.weekday.is_some() && !w.weekday_abbrev)
    }

    /// Looks up a lower-case word given as bytes.
    pub fn word_bytes(&self, lower: &[u8]) -> Option<&Word> {
        if let Some(t) = tiny_key(lower) {
            return self.tiny[t].checked_sub(1).map(|k| &self.entries[k as usize]);
        }
        let b = filter_bit(lower);
        if self.filter[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        let at = match lower.len() {
            0..=8 => self.short.get(&packed64(lower)),
            9..=16 => self.medium.get(&packed(lower)?),
            _ => self.long_words.get(lower),
        };
        at.map(|&k| &self.entries[k as usize])
    }

    /// The length of the longest word: longer tokens need no look-up.
    pub fn max_word_len(&self) -> usize {
        self.max_len
    }
}

/// A word of at most 16 bytes as one integer (its bytes, zero-padded; no word holds a zero
/// byte, so two words never share a key).
#[inline]
fn packed(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    // byte by byte: a copy of a length unknown at compile time is a call to memmove
    Some(w.iter().rev().fold(0u128, |k, &b| (k << 8) | b as u128))
}

/// A word of at most 8 bytes as one integer, as [`packed`] gives it.
#[inline]
fn packed64(w: &[u8]) -> u64 {
    w.iter().rev().fold(0u64, |k, &b| (k << 8) | b as u64)
}

/// A table of zeros of a fixed length, allocated on the heap directly.
fn zeroed<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("the vector has N items"))
}

/// Bits of the look-up filter ([`filter_bit`]): 4 KB, about 45 bits for each word.
const FILTER_BITS: usize = 1 << 15;

/// The filter bit of a word: its first eight bytes, its last byte and its length, mixed by one
/// multiplication (Fibonacci hashing); the top bits are the best mixed.
fn filter_bit(w: &[u8]) -> usize {
    let head = packed64(&w[..w.len().min(8)]);
    let last = *w.last().unwrap_or(&0) as u64;
    let key = head ^ (last << 40).rotate_left(17) ^ ((w.len() as u64) << 58);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// Keys of the table of one- to three-letter words: five bits a letter.
const TINY_KEYS: usize = 1 << 15;

/// The key of a word of one to three letters a-z (`None` for any other word): its letters,
/// 1 to 26, five bits each.
#[inline]
fn tiny_key(w: &[u8]) -> Option<usize> {
    if w.is_empty() || w.len() > 3 {
        return None;
    }
    w.iter().try_fold(0usize, |k, &b| b.is_ascii_lowercase().then(|| (k << 5) | (b - b'a' + 1) as usize))
}

/// The lexicon's words with the values its tables give them (months, weekdays, units ...).
fn valued_words(d: &Data) -> HashMap<String, Word> {
    let mut words: HashMap<String, Word> = HashMap::new();
    macro_rules! w {
        ($k:expr) => {
            words.entry($k.to_string()).or_default()
        };
    }
    for (k, v) in &d.months {
        w!(k).month = Some(*v);
    }
    for (k, v) in &d.month_abbrevs {
        let e = w!(k);
        e.month = Some(*v);
        e.month_abbrev = true;
    }
    for (k, v) in &d.weekdays {
        w!(k).weekday = Some(*v);
        w!(&format!("{k}s")).weekday = Some(*v);
    }
    for (k, v) in &d.weekday_abbrevs {
        let e = w!(k);
        e.weekday = Some(*v);
        e.weekday_abbrev = true;
    }
    for (k, v) in &d.units {
        let e = w!(k);
        e.unit = Some(*v);
        e.plural = k.ends_with('s') && !matches!(k.as_str(), "hrs" | "yrs" | "mins" | "secs") || k == "centuries";
        if matches!(k.as_str(), "hrs" | "yrs" | "mins" | "secs") {
            e.plural = true;
        }
    }
    for (k, v) in &d.numbers {
        w!(k).number = Some(*v);
    }
    for (k, v) in &d.ordinals {
        w!(k).ordinal = Some(*v);
    }
    for (k, v) in &d.decades {
        w!(k).decade = Some(*v);
    }
    for (k, v) in &d.seasons {
        w!(k).season = Some(*v);
    }
    for (k, v) in &d.parts_of_day {
        w!(k).part_of_day = Some(*v);
    }
    for (k, v) in &d.deictic_days {
        w!(k).deictic = Some(*v);
    }
    for (k, v) in &d.determiners {
        w!(k).det = Some(*v);
    }
    for (k, v) in &d.modifiers {
        w!(k).part = Some(*v);
    }
    for (k, v) in &d.references {
        w!(k).reference = Some(*v);
    }
    for (k, v) in &d.sets {
        w!(k).set = Some(*v);
    }
    for h in &d.holidays {
        if let Some(first) = h.words.first() {
            w!(first).holiday_start = true;
        }
    }
    for (k, v) in &d.auxiliaries {
        w!(k).aux = Some(*v);
    }
    for (k, v) in &d.eras {
        w!(k).era = Some(*v);
    }
    words
}

/// Sets the lexicon's word flags (ambiguous months, name heads, tense cues ...).
fn flag_words(d: &Data, words: &mut HashMap<String, Word>) {
    let mut flag = |list: &[String], set: fn(&mut Word)| {
        for k in list {
            set(words.entry(k.clone()).or_default());
        }
    };
    flag(&d.ambiguous_months, |w| w.ambiguous_month = true);
    flag(&d.name_heads, |w| w.name_head = true);
    flag(&d.vague_amounts, |w| w.vague = true);
    flag(&d.past_words, |w| w.past = true);
    flag(&d.future_words, |w| w.future = true);
    flag(&d.future_before_to, |w| w.future_before_to = true);
    flag(&d.commits_before_to, |w| w.commits_before_to = true);
    flag(&d.not_plans, |w| w.not_plan = true);
    flag(&d.plan_nouns, |w| w.plan_noun = true);
    flag(&d.noun_determiners, |w| w.noun_determiner = true);
    flag(&d.modals_ahead, |w| w.modal_ahead = true);
    flag(&d.schedule_participles, |w| w.schedule_participle = true);
    flag(&d.delivery_words, |w| w.delivery = true);
    flag(&d.fixtures, |w| w.fixture = true);
    flag(&d.delivery_before_in, |w| w.delivered_in = true);
    flag(&d.clause_openers_after, |w| w.clause_opener_after = true);
    flag(&d.not_past, |w| w.not_past = true);
    flag(&d.extra_cues, |w| w.extra_cue = true);
    flag(&d.starters, |w| w.starter = true);
    flag(&d.month_prepositions, |w| w.month_preposition = true);
    flag(&d.after_the, |w| w.after_the = true);
    flag(&d.quantity_nouns, |w| w.quantity_noun = true);
    flag(&d.reporting_verbs, |w| w.reporting = true);
    flag(&d.compound_units, |w| w.compound_unit = true);
    flag(&d.label_nouns, |w| w.label_noun = true);
    flag(&d.owners, |w| w.owner = true);
    flag(&d.holiday_objects, |w| w.holiday_object = true);
    flag(&d.holiday_cues, |w| w.holiday_cue = true);
    flag(&d.award_holders, |w| w.award_holder = true);
    flag(&d.game_words, |w| w.game_word = true);
    flag(&d.play_reports, |w| w.play_report = true);
    // and every past tense of the language layer's verb lexicon that is never a noun ("froze")
    for form in crate::language::verb_forms::verb_only_past_tenses() {
        words.entry(form.to_string()).or_default().past = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_loads_and_knows_its_words() {
        let l = Lexicon::get();
        assert_eq!(l.word("sept").unwrap().month, Some(9));
        assert!(l.word("may").unwrap().ambiguous_month);
        assert_eq!(l.word("fridays").unwrap().weekday, Some(5));
        assert!(l.word("years").unwrap().plural);
        assert!(!l.word("year").unwrap().plural);
        assert!(l.word("second").unwrap().ordinal.is_some() && l.word("second").unwrap().unit.is_some());
        // longest name first, so that "Chinese New Year's Day" is not read as "Chinese New Year"
        let longest = l.holidays.iter().map(|h| h.words.len()).max();
        assert_eq!(l.holidays.first().map(|h| h.words.len()), longest);
        assert!(longest >= Some(5));
    }

    #[test]
    fn every_word_is_found_through_the_filter_and_the_tiny_table() {
        let l = Lexicon::get();
        let unpack = |k: u128| k.to_le_bytes().into_iter().take_while(|&b| b != 0).collect::<Vec<u8>>();
        let keys = l.short.iter().map(|(&k, &at)| (unpack(k as u128), at));
        let keys = keys.chain(l.medium.iter().map(|(&k, &at)| (unpack(k), at)));
        let keys: Vec<_> = keys.chain(l.long_words.iter().map(|(k, &at)| (k.to_vec(), at))).collect();
        assert_eq!(keys.len(), l.entries.len());
        for (word, at) in keys {
            let found = l.word_bytes(&word).map(|w| w as *const Word);
            assert_eq!(found, Some(&l.entries[at as usize] as *const Word), "{}", String::from_utf8_lossy(&word));
        }
        for miss in ["", "qq", "zzz", "xylophone", "b1", "ab-", "thee"] {
            assert!(l.word(miss).is_none(), "{miss}");
        }
        assert_eq!(tiny_key(b"zzz"), Some((26 << 10) | (26 << 5) | 26));
        assert_eq!([tiny_key(b"a"), tiny_key(b"abcd"), tiny_key(b"A"), tiny_key(b"")], [Some(1), None, None, None]);
    }
}
