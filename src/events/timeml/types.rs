//! The TimeML attributes of an event mention, as types.

use serde::Serialize;

macro_rules! timeml_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name { $(#[serde(rename = $s)] $variant),+ }

        impl $name {
            /// Every value, in index order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Its TimeML name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            /// Reads a TimeML name.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

timeml_enum! {
    /// What kind of happening or situation an event is (TimeML's EVENT class).
    EventClass {
        Occurrence = "OCCURRENCE", Reporting = "REPORTING", State = "STATE", IState = "I_STATE",
        IAction = "I_ACTION", Aspectual = "ASPECTUAL", Perception = "PERCEPTION",
    }
}

timeml_enum! {
    /// Grammatical tense of the event's verb group.
    Tense {
        Past = "PAST", Present = "PRESENT", Future = "FUTURE", Infinitive = "INFINITIVE",
        PresPart = "PRESPART", PastPart = "PASTPART", None = "NONE",
    }
}

timeml_enum! {
    /// Grammatical aspect.
    Aspect {
        Progressive = "PROGRESSIVE", Perfective = "PERFECTIVE",
        PerfectiveProgressive = "PERFECTIVE_PROGRESSIVE", None = "NONE",
    }
}

timeml_enum! {
    /// Whether the text asserts the event or denies it.
    Polarity { Pos = "POS", Neg = "NEG" }
}

timeml_enum! {
    /// How the temporal expression relates to the event.
    Relation {
        At = "at", Before = "before", After = "after", Since = "since", Until = "until", During = "during",
    }
}

/// A modal that qualifies an event ("would", "could", "may", ...), lower case; `None` when the
/// event is asserted without one. "will" and "shall" give the future tense instead.
pub type Modality = Option<&'static str>;

/// The modals TimeML records.
pub const MODALS: &[&str] = &["would", "could", "may", "might", "must", "should", "can", "ought", "need"];
